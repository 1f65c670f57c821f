using System.Text.Json;
using Playbook.Analysis;

namespace Playbook.Tests.Analysis.Economics;

/// <summary>
/// The pillar P&amp;L on a brand small enough to work out by hand (issue 24): refunds in full and in
/// part, unit costs and the gross margin, commission from the orders, from the accounts' rates and
/// from --commission-rate, a slot fee, staff prorated by days, traffic and costs with no seller as
/// overhead, and rows outside the period. Every figure below is worked out in the comments.
/// </summary>
public sealed class PillarEconomicsTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "playbook-economics-" + Guid.NewGuid().ToString("N"));

    public PillarEconomicsTests()
    {
        Directory.CreateDirectory(folder);
        Write("accounts.csv",
            "account_id,platform,nickname,role,brand_owned,followers,commission_rate",
            "own,douyin,旗舰店,self,,,",
            "t1,douyin,达人一,matrix,,,0.20",
            "t2,douyin,达人二,matrix,,,",
            "kol,douyin,大V,top_kol,,,");
        Write("orders.csv",
            "order_id,parent_order_id,platform,paid_at,account_id,channel,product_id,quantity,gmv,refund,commission",
            "O1,,douyin,2021-03-01 10:00:00,own,live,P1,2,200.00,0,",
            "O2,,douyin,2021-03-02 10:00:00,own,live,P2,1,100.00,100.00,",
            "O3,,douyin,2021-03-05 10:00:00,t1,live,P1,1,100.00,0,",
            "O4,,douyin,2021-03-06 10:00:00,t1,short_video,P2,1,300.00,100.00,",
            "O5,,douyin,2021-03-10 10:00:00,t2,live,P2,2,400.00,0,80.00",
            "O6,,douyin,2021-03-11 10:00:00,t2,live,P1,1,100.00,50.00,30.00",
            "O7,,douyin,2021-03-12 10:00:00,kol,live,P2,5,1000.00,0,",
            "O8,,douyin,2021-03-15 10:00:00,,product_card,P1,1,100.00,0,",
            "O9,,douyin,2021-04-02 10:00:00,own,live,P1,1,100.00,0,");
        Write("products.csv",
            "product_id,name,category,launched_on,list_price,channel_exclusive,unit_cost",
            "P1,坚果,,,,false,30.00",
            "P2,礼盒,,,,false,");
        Write("traffic.csv",
            "date,account_id,session_id,tool,spend",
            "2021-03-01,own,,qianchuan,50.00",
            "2021-03-20,,,qianchuan,10.00",
            "2021-04-01,own,,qianchuan,999.00");
        Write("costs.csv",
            "cost_id,kind,account_id,starts_on,ends_on,amount,note",
            "C1,staff,own,2021-02-15,2021-03-16,300.00,anchors",
            "C2,slot_fee,kol,2021-03-12,2021-03-12,200.00,one slot",
            "C3,studio,,2021-03-01,2021-03-31,310.00,",
            "C4,samples,t2,2021-04-01,2021-04-30,90.00,");
    }

    [Fact]
    public void Analyze_HandFixture_EveryLineToTheCent()
    {
        var e = Economics();

        Assert.True(e.GetProperty("available").GetBoolean());

        // F (own): O1 200 (COGS P1 30 × 2 = 60) and O2 refunded in full (0); fees 5% × 200 = 10; traffic 50
        // (the April spend is outside); staff 300 over Feb 15..Mar 16 (30 days), 16 of them in March: 160.
        // Contribution 200 − 60 − 10 − 50 − 160 = −80.
        // A (t1, t2): t1 O3 100 (COGS 30) + O4 net 200 (no unit cost: 200 × (1 − 0.5) = 100), commission at
        // its account's 20%: 60, fees 15 → 95; t2 O5 400 (COGS 200, commission 80) + O6 half refunded: net 50,
        // COGS 30 × 0.5 = 15, commission 30 × 0.5 = 15; fees 22.50 → 117.50. Together 750, 345, 155, 37.50, 212.50.
        // T (kol): O7 1000, COGS 500, commission at --commission-rate 30%: 300, fees 50, slot fee 200 → −50.
        // Shelf: O8 100, COGS 30, fees 5 → 65.
        Assert.Equal(
            [
                ("F", "200.00", "60.00", "0.00", "10.00", "50.00", "0.00", "160.00", "-80.00"),
                ("A", "750.00", "345.00", "155.00", "37.50", "0.00", "0.00", "0.00", "212.50"),
                ("T", "1000.00", "500.00", "300.00", "50.00", "0.00", "200.00", "0.00", "-50.00"),
                ("shelf", "100.00", "30.00", "0.00", "5.00", "0.00", "0.00", "0.00", "65.00"),
            ],
            e.GetProperty("lines").EnumerateArray().Select(l => (l.GetProperty("pillar").GetString(), R(l, "net_gmv"), R(l, "cogs"), R(l, "commission"), R(l, "platform_fees"), R(l, "paid_traffic"), R(l, "slot_fees"), R(l, "other_costs"), R(l, "contribution"))));

        // Overhead: the 10 of traffic bought for no seller and the 310 studio. −80 + 212.50 − 50 + 65 − 320.
        Assert.Equal(("320.00", "-172.50"), (R(e, "overhead"), R(e, "contribution")));
        Assert.Equal(212.50 / 750, e.GetProperty("lines")[1].GetProperty("margin").GetDouble(), 6);
    }

    [Fact]
    public void Analyze_HandFixture_TheLinesSumToTheTotalNetGmv()
    {
        var root = Analyze();
        var lines = root.GetProperty("economics").GetProperty("lines").EnumerateArray().Sum(l => l.GetProperty("net_gmv").GetDecimal());

        // 200 + 750 + 1000 + 100 = 2,050: the partition's total, to the cent.
        Assert.Equal(2050.00m, lines);
        Assert.Equal(root.GetProperty("totals").GetProperty("net_gmv").GetDecimal(), lines);
    }

    [Fact]
    public void Analyze_HandFixture_SellersRankedWithBreakEvenCommissionAndDefaults()
    {
        var e = Economics();
        var sellers = e.GetProperty("sellers").EnumerateArray().ToList();

        Assert.Equal(["t2", "t1", "kol", "own"], sellers.Select(s => s.GetProperty("account_id").GetString()));
        var t2 = sellers[0];
        Assert.Equal(("达人二", "A", "95.00", "orders", "117.50"), (t2.GetProperty("nickname").GetString(), t2.GetProperty("pillar").GetString(), R(t2, "commission"), t2.GetProperty("commission_source").GetString(), R(t2, "contribution")));

        // t2: rate 95 / 450; break-even (450 − 215 − 22.50) / 450; roi 212.50 / 95.
        Assert.Equal(95.0 / 450, t2.GetProperty("commission_rate").GetDouble(), 6);
        Assert.Equal(212.5 / 450, t2.GetProperty("break_even_commission_rate").GetDouble(), 6);
        Assert.Equal(212.5 / 95, t2.GetProperty("roi").GetDouble(), 6);

        // The head creator pays 30% where it breaks even at (1000 − 500 − 50 − 200) / 1000 = 25%.
        var kol = sellers[2];
        Assert.Equal((0.30, 0.25, "default"), (kol.GetProperty("commission_rate").GetDouble(), kol.GetProperty("break_even_commission_rate").GetDouble(), kol.GetProperty("commission_source").GetString()));

        Assert.Equal(
            [("kol", 0.3, "--commission-rate", 1L, "1000.00"), ("t1", 0.2, "accounts", 2L, "300.00")],
            e.GetProperty("defaults_used").EnumerateArray().Select(d => (d.GetProperty("account_id").GetString(), d.GetProperty("rate").GetDouble(), d.GetProperty("source").GetString(), d.GetProperty("orders").GetInt64(), R(d, "net_gmv"))));
        Assert.Equal((2L, 3L), (e.GetProperty("commission_sources").GetProperty("orders").GetInt64(), e.GetProperty("commission_sources").GetProperty("default").GetInt64()));
    }

    [Fact]
    public void Analyze_TalentWithoutCommissionOrRate_NotAvailableSayingWhoAndHowMuch()
    {
        // Without --commission-rate the head creator's order has no commission at all: no figures, the reason instead.
        var e = Economics(withDefaultRate: false);

        Assert.False(e.GetProperty("available").GetBoolean());
        Assert.Equal("not available: 1 orders (¥1,000.00 net GMV) of 1 talent(s) have no commission figure (kol): give commission_rate in the accounts table or --commission-rate", e.GetProperty("reason").GetString());
        Assert.Equal((JsonValueKind.Null, 0), (e.GetProperty("contribution").ValueKind, e.GetProperty("lines").GetArrayLength()));
    }

    [Fact]
    public void Analyze_NoGrossMargin_NotAvailableNeverZeros()
    {
        var root = Analyze(margin: null);
        var e = root.GetProperty("economics");

        Assert.False(e.GetProperty("available").GetBoolean());
        Assert.StartsWith("not available: needs the gross margin", e.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, e.GetProperty("overhead").ValueKind);
    }

    [Fact]
    public void Analyze_TalentsOrdersWithoutCommissionButItsSessionsEstimate_TheSessionsCommissionStands()
    {
        // kol's orders carry none and no rate is given; its two sessions in March estimate 120 + 180 (the April one is outside).
        Write("sessions.csv",
            "session_id,account_id,started_at,ended_at,views,viewers,peak_online,avg_watch_seconds,new_fans,commission",
            "S1,kol,2021-03-12 19:00:00,2021-03-12 22:00:00,100,80,10,60,1,120.00",
            "S2,kol,2021-03-13 19:00:00,2021-03-13 22:00:00,100,80,10,60,1,180.00",
            "S3,kol,2021-04-13 19:00:00,2021-04-13 22:00:00,100,80,10,60,1,999.00");
        var kol = Economics(withDefaultRate: false).GetProperty("sellers").EnumerateArray().Single(s => s.GetProperty("account_id").GetString() == "kol");

        // 1000 − 500 − 300 − 50 − 200 = −50, as with the 30% default: the sessions said 300.
        Assert.Equal(("300.00", "sessions", "-50.00"), (R(kol, "commission"), kol.GetProperty("commission_source").GetString(), R(kol, "contribution")));
    }

    [Fact]
    public void ReadAccounts_CommissionRateOutsideZeroToOne_LoadsWithTheRateUnknownAndNoted()
    {
        Write("accounts.csv", "account_id,platform,nickname,role,brand_owned,followers,commission_rate", "t1,douyin,达人一,matrix,,,35%", "t2,douyin,达人二,matrix,,,1.4");
        var result = Playbook.Ingest.Tables.ReadAccounts(Path.Combine(folder, "accounts.csv"));

        Assert.Equal([0.35m, null], result.Rows.Select(a => a.CommissionRate));
        Assert.Equal((2L, 0L, 3L), (result.Report.Loaded, result.Report.Rejected, Assert.Single(result.Report.NotedRows).Line));
    }

    [Fact]
    public void Prorated_CostAcrossThePeriodsEdges_CountsItsDaysInside()
    {
        var cost = new Playbook.Canonical.Cost { Amount = 300m, StartsOn = new DateOnly(2021, 2, 15), EndsOn = new DateOnly(2021, 3, 16) };

        // 30 days, 16 of them in March; none in April.
        Assert.Equal(160.00m, PillarEconomics.Prorated(cost, new DateOnly(2021, 3, 1), new DateOnly(2021, 3, 31)));
        Assert.Equal(0m, PillarEconomics.Prorated(cost, new DateOnly(2021, 4, 1), new DateOnly(2021, 4, 30)));
        Assert.Equal(300.00m, PillarEconomics.Prorated(cost, new DateOnly(2021, 1, 1), new DateOnly(2021, 12, 31)));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static string R(JsonElement e, string name) => e.GetProperty(name).GetRawText();

    private JsonElement Economics(bool withDefaultRate = true) => Analyze(withDefaultRate: withDefaultRate).GetProperty("economics");

    private JsonElement Analyze(double? margin = 0.5, bool withDefaultRate = true)
    {
        string[] args =
        [
            "analyze", "--data", folder, "--framework", "fact", "--from", "2021-03-01", "--to", "2021-03-31",
            "--platform-fee-rate", "0.05", "--format", "json",
            .. margin is { } m ? new[] { "--gross-margin", m.ToString(System.Globalization.CultureInfo.InvariantCulture) } : [],
            .. withDefaultRate ? new[] { "--commission-rate", "0.30" } : [],
        ];
        var (exit, output, error) = CommandLine.Run(args);
        Assert.True(exit == 0, error);
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    private void Write(string name, params string[] lines) => File.WriteAllLines(Path.Combine(folder, name), lines);
}
