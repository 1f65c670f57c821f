using Playbook.Analysis;
using Playbook.Ingest;

namespace Playbook.Tests.Analysis.Pillars;

public class DailySalesTests
{
    private static readonly string Samples = Path.Combine(Repo.Root, "data", "samples");

    [Fact]
    public void ReadSales_BadRows_Rejected()
    {
        using var csv = TempFile.Csv("sales.csv",
        [
            "date,account_id,channel,traffic_type,orders,units,gmv,refund",
            "2021-01-12,a1,live,organic,10,12,600.00,0",     // 2 loaded
            "2021-01-12,a1,live,organic,1,1,60.00,0",        // 3 same key as line 2
            "2021-01-12,a1,live,paid,10,8,600.00,0",         // 4 fewer units than orders
            "2021-01-12,a1,short_video,,3,3,30.00,40.00",   // 5 refund above gmv
            "2021-01-12,,product_card,organic,1.2万,2万,1200000.00,0", // 6 loaded, shelf
        ]);
        var result = Tables.ReadSales(csv.Path);

        Assert.Equal([("a1", 10L), (null, 12_000L)], result.Rows.Select(r => (r.AccountId, r.Orders)));
        Assert.Equal(
            [
                (3L, "date", "duplicate row for 2021-01-12 × a1 × live × organic: first seen on line 2"),
                (4L, "units", "fewer units than orders"),
                (5L, "refund", "refund is larger than gmv"),
            ],
            result.Report.Rejections.Select(r => (r.Line, r.Column, r.Reason)));
    }

    [Fact]
    public void Analyze_SampleSales_PartitionByHand()
    {
        var report = PillarAnalysis.Analyze(
            new AnalysisInput
            {
                Framework = Frameworks.Fact,
                Sales = Tables.ReadSales(Path.Combine(Samples, "sales.csv")).Rows,
                Accounts = Tables.ReadAccounts(Path.Combine(Samples, "accounts.csv")).Rows,
            });

        // F (1000000001, 1000000002): 118300 + 61100 + 18290 + 106600 + 65650 = 369940, refunds 5915 + 3055 + 640.15 + 4264 + 2626 = 16500.15.
        // A (2000000002, 2000000003): 7080 + 5015 = 12095. T (2000000001, 6.5M followers): 166400 − 9984.
        // Shelf: 16900 − 507 + 8960 − 268.80.
        Assert.Equal(
            [("F", 369_940.00m, 16_500.15m), ("A", 12_095.00m, 0m), ("T", 166_400.00m, 9_984.00m), ("shelf", 25_860.00m, 775.80m)],
            report.Partition.Select(p => (p.Pillar, p.Gmv, p.Refund)));
        Assert.Equal(report.Totals.NetGmv, report.Partition.Sum(p => p.NetGmv));
        Assert.Equal(8_925L, report.Totals.Orders);
        Assert.Null(report.Totals.RefundRateByOrder);
        Assert.False(report.Repurchase.Available);
        Assert.Equal("not available: repurchase needs order rows with buyer ids; only daily sales were given", report.Repurchase.Reason);
    }

    [Fact]
    public void Analyze_StepsOnSales_BuyerAndProductOverlaysNotAvailable()
    {
        var report = PillarAnalysis.Analyze(
            new AnalysisInput { Framework = Frameworks.Steps, Sales = Tables.ReadSales(Path.Combine(Samples, "sales.csv")).Rows, Products = [] });
        var overlays = report.Overlays.ToDictionary(o => o.Name);

        // Paid traffic is known per row: 61100 − 3055 + 65650 − 2626.
        Assert.Equal((decimal?)121_069.00m, overlays["Traffic"].NetGmv);
        Assert.Equal("not available: repeat buyers need order rows with buyer ids; only daily sales were given", overlays["Private domain"].Reason);
        Assert.Equal("not available: exclusive products need order rows with product ids; only daily sales were given", overlays["Specific supply"].Reason);
    }
}
