using Playbook.Analysis;
using Playbook.Canonical;
using Playbook.Ledger;
using Playbook.Output;

namespace Playbook.Tests.Analysis.Pillars;

public class PillarAnalysisTests
{
    private const int Digits = 6;

    // Period 2021-01-07 .. 2021-01-31, so that campaign C2 (01-20..01-21) lies wholly inside it.
    private static readonly AnalysisOptions Options = new() { To = new DateOnly(2021, 1, 31), TopN = 2, GrossMargin = 0.5 };

    private static PillarReport Fact(AnalysisOptions? options = null) => PillarAnalysis.Analyze(
        new AnalysisInput
        {
            Framework = Frameworks.Fact,
            Orders = PillarFixture.Orders(),
            Accounts = PillarFixture.Accounts,
            Campaigns = PillarFixture.Campaigns,
            Products = PillarFixture.Products,
            Traffic = PillarFixture.Traffic,
            Sessions = PillarFixture.Sessions,
        },
        options ?? Options);

    private static PillarReport Steps() => PillarAnalysis.Analyze(
        new AnalysisInput
        {
            Framework = Frameworks.Steps,
            Orders = PillarFixture.Orders(Platform.Kuaishou),
            Accounts = PillarFixture.Accounts,
            Products = PillarFixture.Products,
        },
        Options);

    [Fact]
    public void Analyze_Fact_TotalsByHand()
    {
        var t = Fact().Totals;

        // gmv 100+200+50+80+30+40+60+20 = 580; refund 80 (O4) + 10 (O7) = 90; buyers B1..B5.
        Assert.Equal((580.00m, 90.00m, 490.00m, 8L, (long?)5, 9L), (t.Gmv, t.Refund, t.NetGmv, t.Orders, t.Buyers, t.Units));

        // aov 580 / 5; unit price 580 / 9 units; 2 of 8 rows refunded; 90 / 580 of the amount.
        Assert.Equal((116.00m, 64.44m), (t.Aov, t.UnitPrice));
        Assert.Equal(0.25, t.RefundRateByOrder);
        Assert.Equal(90.0 / 580, t.RefundRateByAmount!.Value, Digits);
    }

    [Fact]
    public void Analyze_Fact_PartitionByHand()
    {
        var partition = Fact().Partition;

        // F: self1 (explicit self) 100 + own2 (brand-owned) 80 refunded 80.
        // A: mat 50 + ghost (unknown → matrix) 40 + bigmat (explicit matrix despite 9M followers) 60 − 10 + 20.
        // T: kol (6M ≥ 5M followers) 200. Shelf: O5 30.
        Assert.Equal(
            [
                ("F", 180.00m, 80.00m, 100.00m, 2L),
                ("A", 170.00m, 10.00m, 160.00m, 4L),
                ("T", 200.00m, 0m, 200.00m, 1L),
                ("shelf", 30.00m, 0m, 30.00m, 1L),
            ],
            partition.Select(p => (p.Pillar, p.Gmv, p.Refund, p.NetGmv, p.Orders)));
        Assert.Equal([100 / 490.0, 160 / 490.0, 200 / 490.0, 30 / 490.0], partition.Select(p => Math.Round(p.Share, 12)), new RoundedComparer(12));
        Assert.Equal(("商家自播", "达人矩阵", "头部大V", "中心场 (货架)"), (partition[0].NameZh, partition[1].NameZh, partition[2].NameZh, partition[3].NameZh));
    }

    [Fact]
    public void Analyze_Fact_CampaignOverlayAndUpliftByHand()
    {
        var report = Fact();
        var c = Assert.Single(report.Overlays);

        // C1 (01-10..01-12): O3 at 00:00:00 on the first day 50 + O4 at 23:59:59 on the last day 80 − 80 = 50.
        // C2 (01-20..01-21): O7 + O8 = 70. Union 120 of 490.
        Assert.Equal(("C", true, (decimal?)120.00m), (c.Pillar, c.Available, c.NetGmv));
        Assert.Equal(120 / 490.0, c.Share!.Value, Digits);

        var c1 = report.Campaigns[0];

        // Baseline of C1: the 3 days 01-07..01-09: O1 100 + O2 200 = 300; uplift 50 / 300.
        Assert.Equal(("C1", 3, 50.00m, new DateOnly(2021, 1, 7), new DateOnly(2021, 1, 9), (decimal?)300.00m), (c1.CampaignId, c1.Days, c1.NetGmv, c1.BaselineFrom, c1.BaselineTo, c1.BaselineNetGmv));
        Assert.Equal(50 / 300.0, c1.Uplift!.Value, Digits);

        // Baseline of C2: 01-18..01-19 has no orders: uplift is not available, never 0 or infinite.
        var c2 = report.Campaigns[1];
        Assert.Equal(("C2", 70.00m, (decimal?)0m, (double?)null), (c2.CampaignId, c2.NetGmv, c2.BaselineNetGmv, c2.Uplift));
        Assert.Equal("not available: no sales in the baseline 2021-01-18..2021-01-19", c2.Reason);
    }

    [Fact]
    public void Analyze_CampaignBaselineBeforePeriod_UpliftNotAvailable()
    {
        // Without --to the period is 01-07..01-20; C1's baseline starts on the first day, C2's window runs past the end.
        var report = Fact(Options with { To = null });

        Assert.Equal(50 / 300.0, report.Campaigns[0].Uplift!.Value, Digits);
        Assert.Equal("not available: the window 2021-01-20..2021-01-21 is not wholly inside the period 2021-01-07..2021-01-20", report.Campaigns[1].Reason);

        var late = PillarAnalysis.Analyze(
            new AnalysisInput { Framework = Frameworks.Fact, Orders = PillarFixture.Orders(), Accounts = PillarFixture.Accounts, Campaigns = PillarFixture.Campaigns },
            new AnalysisOptions { From = new DateOnly(2021, 1, 9), To = new DateOnly(2021, 1, 31) });
        Assert.Equal("not available: the baseline 2021-01-07..2021-01-09 starts before the period 2021-01-09..2021-01-31", late.Campaigns[0].Reason);
    }

    [Fact]
    public void Analyze_UnknownAccount_CountedAsMatrixAndWarned()
    {
        var report = Fact();

        Assert.Equal(SellerRole.Matrix, report.Roles["ghost"]);
        Assert.Contains("1 account(s) in the orders are not in the accounts table and are counted as matrix: ghost", report.Warnings);
    }

    [Fact]
    public void Analyze_TopKolThreshold_Configurable()
    {
        // At 7M followers kol (6M) is matrix: T empties into A.
        var partition = Fact(Options with { TopKolFollowers = 7_000_000 }).Partition;

        Assert.Equal([("F", 100.00m), ("A", 360.00m), ("T", 0m), ("shelf", 30.00m)], partition.Select(p => (p.Pillar, p.NetGmv)));
    }

    [Fact]
    public void Analyze_Steps_PartitionAndOverlaysByHand()
    {
        var report = Steps();

        // S = self 100; E = matrix 160 + top_kol 200; shelf 30.
        Assert.Equal([("S", 100.00m), ("E", 360.00m), ("shelf", 30.00m)], report.Partition.Select(p => (p.Pillar, p.NetGmv)));

        var overlays = report.Overlays.ToDictionary(o => o.Name);

        // T: paid orders O2 200 + O4 0 + O7/O8 70 = 270; O6 has no traffic type.
        Assert.Equal((true, (decimal?)270.00m), (overlays["Traffic"].Available, overlays["Traffic"].NetGmv));
        Assert.Equal("1 order rows without traffic_type are not counted as paid", overlays["Traffic"].Reason);

        // P: repeat buyers B1 (P1, P3: 150) and B2 (P2, P7: 270), plus fan order O5 (30) = 450.
        Assert.Equal((true, (decimal?)450.00m), (overlays["Private domain"].Available, overlays["Private domain"].NetGmv));

        // S (specific supply): exclusive product px on O2 200 and O5 30 = 230.
        Assert.Equal((true, (decimal?)230.00m), (overlays["Specific supply"].Available, overlays["Specific supply"].NetGmv));
        Assert.Equal(230 / 490.0, overlays["Specific supply"].Share!.Value, Digits);
        Assert.Equal(["T", "P", "S"], report.Overlays.Select(o => o.Pillar));
    }

    [Fact]
    public void Analyze_StepsWithoutBuyerIdsOrProducts_OverlaysNotAvailable()
    {
        var orders = PillarFixture.Orders(Platform.Kuaishou);
        foreach (var order in orders)
        {
            order.BuyerId = null;
        }

        var report = PillarAnalysis.Analyze(new AnalysisInput { Framework = Frameworks.Steps, Orders = orders, Accounts = PillarFixture.Accounts });
        var overlays = report.Overlays.ToDictionary(o => o.Name);

        Assert.Equal((false, (decimal?)null, (double?)null), (overlays["Private domain"].Available, overlays["Private domain"].NetGmv, overlays["Private domain"].Share));
        Assert.Equal("not available: no order carries a buyer_id, so repeat buyers cannot be told", overlays["Private domain"].Reason);
        Assert.Equal((false, "not available: no products table"), (overlays["Specific supply"].Available, overlays["Specific supply"].Reason));
        Assert.False(report.Repurchase.Available);
        Assert.Null(report.Totals.Buyers);
    }

    [Fact]
    public void Analyze_Concentration_ByHand()
    {
        var c = Fact().Concentration;

        // Seller net GMV (shelf left out): kol 200, self1 100, bigmat 70, mat 50, ghost 40, own2 0; total 460.
        Assert.Equal((6, 2), (c.Sellers, c.TopN));
        Assert.Equal(300 / 460.0, c.TopNShare, Digits);
        Assert.Equal(["kol", "self1"], c.TopSellers.Select(s => s.AccountId));

        // HHI = (200² + 100² + 70² + 50² + 40²) / 460² × 10,000.
        Assert.Equal(59_000 / 211_600.0 * 10_000, c.Hhi, 6);

        // Gini: ascending 0, 40, 50, 70, 100, 200; Σ i·x = 2210; 2 × 2210 / (6 × 460) − 7/6.
        Assert.Equal((2 * 2210 / (6 * 460.0)) - (7 / 6.0), c.Gini, Digits);
        Assert.Equal(
            [(0.0, 0.0), (1 / 6.0, 0), (2 / 6.0, 40 / 460.0), (3 / 6.0, 90 / 460.0), (4 / 6.0, 160 / 460.0), (5 / 6.0, 260 / 460.0), (1.0, 1.0)],
            c.Lorenz.Select(p => (Math.Round(p.SellerShare, 9), Math.Round(p.GmvShare, 9))),
            new PairComparer(9));
    }

    [Fact]
    public void Analyze_Repurchase_ByHand()
    {
        var r = Fact().Repurchase;

        // B1 bought twice (P1, P3), B2 twice (P2 and P7, whose two sub-orders are one purchase); B3, B4, B5 once.
        Assert.Equal((true, 5L, 2L), (r.Available, r.Buyers, r.RepeatBuyers));
        Assert.Equal(0.4, r.Rate);
        Assert.Equal([("2021-01", 5L, 2L)], r.Monthly.Select(m => (m.Month, m.Buyers, m.RepeatBuyers)));

        // Every first purchase is within 30 days of the period's end (01-31): nobody has had 30 days yet.
        Assert.Equal((0L, 0L, (double?)null), (r.CohortBuyers30, r.Returned30, r.Rate30));
    }

    [Fact]
    public void Repurchase_ThirtyDayAndMonthly_ByHand()
    {
        Order O(string id, string buyer, DateTime at) => new() { OrderId = id, Platform = Platform.Kuaishou, PaidAt = at, AccountId = "a", ProductId = "p", Quantity = 1, Gmv = 10m, BuyerId = buyer };
        var ledger = OrderLedger.Of(
            [
                O("1", "X", new(2021, 1, 1, 9, 0, 0)), O("2", "X", new(2021, 1, 25, 9, 0, 0)),   // back after 24 days
                O("3", "Y", new(2021, 1, 2, 9, 0, 0)), O("4", "Y", new(2021, 2, 15, 9, 0, 0)),   // back after 44 days
                O("5", "Z", new(2021, 2, 20, 9, 0, 0)),                                          // first purchase 8 days before the end
            ],
            new DateOnly(2021, 1, 1),
            new DateOnly(2021, 2, 28));
        var r = Repurchase.Of(ledger);

        Assert.Equal((3L, 2L), (r.Buyers, r.RepeatBuyers));
        Assert.Equal([("2021-01", 2L, 1L, 0.5), ("2021-02", 2L, 0L, 0.0)], r.Monthly.Select(m => (m.Month, m.Buyers, m.RepeatBuyers, m.Rate)));
        Assert.Equal((2L, 1L, (double?)0.5), (r.CohortBuyers30, r.Returned30, r.Rate30));
    }

    [Fact]
    public void Analyze_AdReturn_ByHand()
    {
        var ads = Fact().Ads!;

        // The 02-15 row is outside the period. Qianchuan: spend 150, of which 100 reports 250 → ROI 2.5. Doujia: 20 → 10, ROI 0.5.
        Assert.Equal(
            [(TrafficTool.Doujia, 20m, 20m, 10m), (TrafficTool.Qianchuan, 150m, 100m, 250m)],
            ads.Tools.Select(t => (t.Tool, t.Spend, t.AttributedSpend, t.AttributedGmv)).OrderBy(t => t.Tool.ToString(), StringComparer.Ordinal));
        Assert.Equal(2.5, ads.Tools.Single(t => t.Tool == TrafficTool.Qianchuan).Roi);
        Assert.Equal((170m, 120m, 260m), (ads.Spend, ads.AttributedSpend, ads.AttributedGmv));
        Assert.Equal(260 / 120.0, ads.Roi!.Value, Digits);

        // Break-even = 1 / (0.5 × (1 − 90/580)) = 580 / 245.
        Assert.Equal(580 / 245.0, ads.BreakEvenRoi!.Value, Digits);
    }

    [Fact]
    public void AdReturn_WithoutGrossMargin_BreakEvenNotAvailable()
    {
        var ads = Fact(Options with { GrossMargin = null }).Ads!;

        Assert.Null(ads.BreakEvenRoi);
        Assert.Equal("break-even ROI not available: needs the gross margin (--gross-margin)", ads.Reason);
    }

    [Fact]
    public void Analyze_Sessions_ByHand()
    {
        var s = Assert.Single(Fact().Sessions);

        // O7 60 + O8 20 = 80 paid in S1 (2 hours, 1000 views, 400 viewers, buyer B2 only).
        Assert.Equal(("S1", 2.0, (decimal?)80.00m, 2L, (long?)1), (s.SessionId, s.Hours, s.Gmv, s.Orders, s.Buyers));
        Assert.Equal(((decimal?)0.20m, (decimal?)80.00m, (decimal?)40.00m), (s.UvValue, s.Gpm, s.GmvPerHour));
        Assert.Equal(1 / 400.0, s.Conversion!.Value, 9);
    }

    [Fact]
    public void Analyze_OrdersOnAnotherPlatform_Warned()
    {
        var report = PillarAnalysis.Analyze(new AnalysisInput { Framework = Frameworks.Steps, Orders = PillarFixture.Orders(), Accounts = PillarFixture.Accounts });

        Assert.Contains("8 order rows are not on kuaishou, the platform of STEPS", report.Warnings);
    }

    [Fact]
    public void Analyze_PeriodGiven_OrdersOutsideLeftOutAndWarned()
    {
        var report = Fact(new AnalysisOptions { From = new DateOnly(2021, 1, 10), To = new DateOnly(2021, 1, 13) });

        // O3 50 + O4 0 + O5 30 remain; O1, O2, O6, O7, O8 are outside.
        Assert.Equal((80.00m, 3L), (report.Totals.NetGmv, report.Totals.Orders));
        Assert.Contains("5 paid order rows outside the period 2021-01-10..2021-01-13 were left out", report.Warnings);
    }

    private sealed class RoundedComparer(int digits) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Round(x, digits) == Math.Round(y, digits);

        public int GetHashCode(double obj) => Math.Round(obj, digits).GetHashCode();
    }

    private sealed class PairComparer(int digits) : IEqualityComparer<(double, double)>
    {
        public bool Equals((double, double) x, (double, double) y) =>
            Math.Round(x.Item1, digits) == Math.Round(y.Item1, digits) && Math.Round(x.Item2, digits) == Math.Round(y.Item2, digits);

        public int GetHashCode((double, double) obj) => (Math.Round(obj.Item1, digits), Math.Round(obj.Item2, digits)).GetHashCode();
    }
}

public class SessionsOnDailySalesTests
{
    [Fact]
    public void Sessions_OnlyDailySales_SalesUnknownNotZero()
    {
        var sales = new DailySales { Date = new DateOnly(2021, 1, 20), AccountId = "bigmat", Channel = Channel.Live, TrafficType = TrafficType.Organic, Orders = 2, Units = 2, Gmv = 80m };
        var report = PillarAnalysis.Analyze(new AnalysisInput { Framework = Frameworks.Fact, Sales = [sales], Accounts = PillarFixture.Accounts, Sessions = PillarFixture.Sessions });
        var s = Assert.Single(report.Sessions);

        Assert.Equal(((decimal?)null, (decimal?)null, (decimal?)null, (decimal?)null), (s.Gmv, s.UvValue, s.Gpm, s.GmvPerHour));
        Assert.Equal(400, s.Viewers);
    }
}

public class ResultFramesTests
{
    [Fact]
    public void ToDataFrame_Partition_OneRowPerLine()
    {
        var report = PillarAnalysis.Analyze(new AnalysisInput { Framework = Frameworks.Fact, Orders = PillarFixture.Orders(), Accounts = PillarFixture.Accounts });
        var frame = report.Partition.ToDataFrame();

        Assert.Equal(4, frame.Rows.Count);
        Assert.Equal("shelf", frame["pillar"][3]);
        Assert.Equal(30.00m, frame["net_gmv"][3]);
    }

    [Fact]
    public void ToDataFrame_Overlays_UnavailableShowsNull()
    {
        var report = PillarAnalysis.Analyze(new AnalysisInput { Framework = Frameworks.Steps, Orders = PillarFixture.Orders(Platform.Kuaishou) });
        var frame = report.Overlays.ToDataFrame();

        Assert.Equal(3, frame.Rows.Count);
        Assert.Equal(false, frame["available"][2]);
        Assert.Null(frame["net_gmv"][2]);
    }
}
