using Playbook.Analysis;
using Playbook.Canonical;
using Playbook.Ingest;
using Playbook.Ledger;
using Playbook.Output;
using Playbook.Workspace;

namespace Playbook.Tests.Workspace;

public class WorkbenchTests
{
    [Fact]
    public void EffortResponse_ExactLogCurve_Recovered()
    {
        // GMV = 1000 + 500 ln(effort), exactly: the fit must find a = 1000, b = 500, R² = 1.
        double[] efforts = [1, 2, 5, 10, 20, 50];
        var fit = EffortResponse.Fit("p", "units", efforts.Select(e => (e, 1000 + (500 * Math.Log(e)))));

        Assert.Equal(1000, fit.A, 6);
        Assert.Equal(500, fit.B, 6);
        Assert.Equal(1, fit.RSquared, 9);
        Assert.Equal(500 / 10.0, fit.Marginal(10), 9);
        Assert.Equal(1000 + (500 * Math.Log(8)), fit.Predict(8), 6);
        Assert.Equal(efforts.Average(), fit.MeanEffort, 9);
    }

    [Fact]
    public void EffortResponse_DaysWithoutEffort_LeftOut()
    {
        var fit = EffortResponse.Fit("p", "units", [(0, 99999), (1, 10), (Math.E, 20), (Math.E * Math.E, 30)]);

        Assert.Equal(3, fit.Points);
        Assert.Equal(10, fit.B, 9);
    }

    [Fact]
    public void WhatIf_FactorMovesEffort_ProjectsAlongTheCurve()
    {
        var fit = EffortResponse.Fit("paid", "¥", [(100, 1000), (200, 1000 + (300 * Math.Log(2))), (400, 1000 + (300 * Math.Log(4)))]);
        var line = Assert.Single(WhatIf.Project([fit], new Dictionary<string, double> { ["paid"] = 2.0 }));

        // Doubling effort adds b·ln 2 to the daily GMV.
        Assert.Equal(300 * Math.Log(2), line.GmvAfter - line.GmvBefore, 6);
        Assert.Equal(line.EffortBefore * 2, line.EffortAfter, 9);
    }

    [Fact]
    public void Cohorts_HandLedger_ByHand()
    {
        Order O(string id, string buyer, int month, int day) => new() { OrderId = id, Platform = Platform.Kuaishou, PaidAt = new DateTime(2021, month, day, 12, 0, 0), AccountId = "a", ProductId = "p", Quantity = 1, Gmv = 10m, BuyerId = buyer };
        var buyers = BuyerHistories.Of(
        [
            O("1", "X", 1, 5), O("2", "X", 2, 5),   // January cohort, back in February
            O("3", "Y", 1, 9),                      // January cohort, never back
            O("4", "Z", 2, 1), O("5", "Z", 3, 1),   // February cohort, back in March
        ]);
        var cohorts = CohortRetention.Of(buyers, months: 2);

        Assert.Equal(["2021-01", "2021-02"], cohorts.Cohorts);
        Assert.Equal([2, 1], cohorts.Sizes);
        Assert.Equal([1.0, 0.5, 0.0], cohorts.Retention[0]);
        Assert.Equal([1.0, 1.0, null], cohorts.Retention[1]);  // April is past the data
    }

    [Fact]
    public void DailyByPillar_SumsToThePartition()
    {
        var bench = Workbench.Case("three-squirrels");
        var from = new DateOnly(2021, 2, 1);
        var to = new DateOnly(2021, 2, 28);
        var daily = bench.DailyByPillar(from, to);
        var report = bench.Analyze(from, to);

        foreach (var line in report.Partition)
        {
            Assert.Equal(line.NetGmv, daily.Where(d => d.Pillar == line.Pillar).Sum(d => d.NetGmv));
        }

        Assert.Equal(28, daily.Select(d => d.Day).Distinct().Count());
    }

    [Fact]
    public void Charts_CarryTitlesAndAxisTitlesWithUnits()
    {
        var bench = Workbench.Case("three-squirrels");
        var report = bench.Analyze(new DateOnly(2021, 1, 31), new DateOnly(2021, 4, 30));

        var daily = PillarCharts.Daily(bench);
        Assert.Equal("FACT: daily net GMV by pillar", daily.Title);
        Assert.Equal("net GMV (¥ a day)", (string?)daily.Json["layout"]!["yaxis"]!["title"]!["text"]);
        Assert.Equal(3, daily.Json["layout"]!["shapes"]!.AsArray().Count);   // the three campaign windows
        Assert.Equal("抖音好物年货节", (string?)daily.Json["layout"]!["annotations"]![0]!["text"]);

        var lorenz = PillarCharts.Lorenz(report.Concentration);
        Assert.Equal("share of sellers (%)", (string?)lorenz.Json["layout"]!["xaxis"]!["title"]!["text"]);
        Assert.Equal(".0%", (string?)lorenz.Json["layout"]!["yaxis"]!["tickformat"]);
        Assert.StartsWith("FACT: net GMV by pillar (¥)", PillarCharts.Split(report).Title, StringComparison.Ordinal);
    }

    [Fact]
    public void BrandDataFromFiles_ReadsTablesWhereverTheyAre()
    {
        var samples = Path.Combine(Repo.Root, "data", "samples");
        var export = Path.Combine(samples, "douyin-export.csv");
        var data = BrandData.FromFiles(new Dictionary<TableKind, string?> { [TableKind.Orders] = export, [TableKind.Accounts] = "" });

        Assert.True(data.Has(TableKind.Orders));
        Assert.False(data.Has(TableKind.Accounts));
        Assert.Equal(6, data.Orders!.Count);

        // No accounts table: the accounts are the sellers the export names (达人ID, 达人昵称), as the command line has them.
        Assert.Equal(
            Tables.ReadOrders(export).ExportAccounts.Select(a => (a.AccountId, a.Nickname)).Order(),
            data.Accounts.Select(a => (a.AccountId, a.Nickname)).Order());
        Assert.NotEmpty(data.Accounts);
    }

    [Fact]
    public void DataCatalog_EveryDataCard_OneRowPerFileWithItsRowsRead()
    {
        var catalog = Workbench.DataCatalog();
        var root = Path.Combine(Repo.Root, "data");

        // Counted from the cards' text: the lines that start a file entry, per folder.
        foreach (var card in Directory.GetFiles(root, "datacard.yml", SearchOption.AllDirectories))
        {
            var folder = Path.GetFileName(Path.GetDirectoryName(card))!;
            var files = File.ReadAllLines(card).Count(l => l.StartsWith("  - file:", StringComparison.Ordinal));
            Assert.Equal(files, catalog.Rows.Count(r => (string)r[0] == folder));
        }

        // An export's card gives what became of its rows ("rows: {read: N, loaded: …}"): the catalog shows the rows read.
        var text = File.ReadAllText(Path.Combine(root, "exports", "datacard.yml"));
        var entry = text[text.IndexOf("file: \"douyin/抖店订单_2026-09-16_2026-09-30.xlsx\"", StringComparison.Ordinal)..];
        var read = long.Parse(System.Text.RegularExpressions.Regex.Match(entry, @"rows: \{read: (\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var workbook = catalog.Rows.Single(r => (string)r[2] == "douyin/抖店订单_2026-09-16_2026-09-30.xlsx");
        Assert.Equal(read, workbook[4]);
    }

    [Fact]
    public void Workbench_AFileLosesRows_ToldOnceAsItIsRead()
    {
        // O2 has quantity 0: rejected. The notebook's Workbench says so when the file is read, and once.
        using var orders = TempFile.Csv("orders.csv",
        [
            "order_id,parent_order_id,platform,paid_at,account_id,channel,product_id,quantity,gmv,refund",
            "O1,,douyin,2021-01-05 20:30:00,A1,live,P1,1,80.00,0",
            "O2,,douyin,2021-01-05 20:31:00,A1,live,P1,0,80.00,0",
        ]);
        var told = new List<string>();
        var bench = Workbench.Files(Frameworks.Fact, orders.Path);
        bench.Warn = told.Add;

        bench.Analyze();
        bench.Checklist();

        Assert.Equal([$"{orders.Path}: 1 rejected rows are not in the figures (see load)"], told);
        Assert.Equal(told, bench.Losses);
    }
}

public class EffortFitsTests
{
    [Fact]
    public void EffortResponse_EffortNeverVaries_RefusedWithTheReason()
    {
        var e = Assert.Throws<ArgumentException>(() => EffortResponse.Fit("self", "live hours", [(14, 1), (14, 2), (14, 3)]));

        Assert.StartsWith("self: the effort (live hours) is 14 on every day, so no response can be fitted", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EffortResponses_ThreeSquirrels_ConstantLiveHoursListedApart()
    {
        var fits = Workbench.Case("three-squirrels").EffortResponses();

        // The simulated own rooms broadcast 6 + 4 + 4 = 14 hours every day.
        Assert.Equal(["paid traffic", "talent matrix"], fits.Fits.Select(f => f.Fit.Pillar));
        Assert.Equal(["self-broadcast: the effort (live hours a day) is 14 on every day, so no response can be fitted"], fits.NotFitted);
    }
}
