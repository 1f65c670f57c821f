using Playbook.Canonical;
using Playbook.Files;
using Playbook.Ingest;

namespace Playbook.Tests.Ingest;

public class TableReaderTests
{
    [Fact]
    public void ReadAccounts_MixedRows_ValidatesEveryField()
    {
        using var csv = TempFile.Csv("accounts.csv",
        [
            "account_id,platform,nickname,role,brand_owned,followers",
            "a1,douyin,官方旗舰店,self,true,1200000",      // 2 loaded
            "a2,douyin,美食达人,,false,6.5万",             // 3 loaded, 65,000 followers
            "a3,douyin,x,boss,,",                          // 4 unknown role
            "a4,douyin,y,,maybe,",                         // 5 not a bool
            "a5,douyin,z,,,7.5w~10w",                      // 6 a range
            "a1,kuaishou,dup,,,",                          // 7 duplicate
            ",douyin,no id,,,",                            // 8 id missing
            "a6,kuaishou,,matrix,,",                       // 9 loaded, no nickname
        ]);
        var result = Tables.ReadAccounts(csv.Path);

        Assert.Equal(["a1", "a2", "a6"], result.Rows.Select(a => a.AccountId));
        Assert.Equal(65_000, result.Rows[1].Followers);
        Assert.Equal(SellerRole.Self, result.Rows[0].Role);
        Assert.Null(result.Rows[2].Nickname);
        Assert.Equal(
            [
                (4L, "role", "boss", "expected one of self, top_kol, matrix"),
                (5L, "brand_owned", "maybe", "not a yes/no value (expected true or false)"),
                (6L, "followers", "7.5w~10w", "a range, not a single count"),
                (7L, "account_id", "a1", "duplicate id: first seen on line 2"),
                (8L, "account_id", "", "an id is required"),
            ],
            result.Report.Rejections.Select(r => (r.Line, r.Column, r.Value, r.Reason)));
    }

    [Fact]
    public void ReadSessions_InconsistentCounts_FiguresUnknownBadTimesAndValuesRejected()
    {
        using var csv = TempFile.Csv("sessions.csv",
        [
            "session_id,account_id,started_at,ended_at,views,viewers,peak_online,avg_watch_seconds,new_fans,exposures,entries",
            "s1,a1,2021-01-12 19:00:00,2021-01-12 23:00:00,182000,96000,3100,74.5,1850,1250000,150000", // 2 loaded
            "s2,a1,2021-01-12 19:00:00,2021-01-12 18:00:00,100,50,10,30,1,,",                          // 3 ends before start: rejected
            "s3,a1,2021-01-12 19:00:00,2021-01-12 20:00:00,100,150,10,30,1,,",                         // 4 UV above PV: both unknown
            "s4,a1,2021-01-12 19:00:00,2021-01-12 20:00:00,100,50,60,30,1,,",                          // 5 peak above UV: both unknown
            "s5,a1,2021-01-12 19:00:00,2021-01-12 20:00:00,100,50,10,30,1,10,20",                      // 6 entries above exposures: both unknown
            "s6,a1,2021-01-12 19:00:00,2021-01-12 20:00:00,1.2万,9800,1500,long,1,,",                   // 7 bad watch time: rejected
            "s7,a1,2021-01-12 19:00:00,2021-01-12 20:00:00,1.2万,9800,1500,120,300,,",                  // 8 loaded
        ]);
        var result = Tables.ReadSessions(csv.Path);

        Assert.Equal(["s1", "s3", "s4", "s5", "s7"], result.Rows.Select(s => s.SessionId));
        Assert.Equal(12_000, result.Rows[4].Views);
        Assert.Null(result.Rows[4].Exposures);
        Assert.Equal([(3L, "ended_at"), (7L, "avg_watch_seconds")], result.Report.Rejections.Select(r => (r.Line, r.Column)));
        Assert.Equal([(4L, "viewers", "150"), (5L, "peak_online", "60"), (6L, "entries", "20")], result.Report.NotedRows.Select(r => (r.Line, r.Column, r.Value)));
        Assert.Equal(((long?)null, (long?)null, (long?)10), (result.Rows[1].Views, result.Rows[1].Viewers, result.Rows[1].PeakOnline));
        Assert.Equal(((long?)100, (long?)null, (long?)null), (result.Rows[2].Views, result.Rows[2].Viewers, result.Rows[2].PeakOnline));
        Assert.Equal(((long?)null, (long?)null, (long?)50), (result.Rows[3].Exposures, result.Rows[3].Entries, result.Rows[3].Viewers));
    }

    [Fact]
    public void ReadProducts_MixedRows_ValidatesEveryField()
    {
        using var csv = TempFile.Csv("products.csv",
        [
            "product_id,name,category,launched_on,list_price,channel_exclusive",
            "p1,每日坚果,坚果,2020-09-01,129.00,false",   // 2 loaded
            "p2,,坚果,2020-09-01,129.00,false",           // 3 name missing
            "p3,芒果干,果干,2020-02-30,19.90,true",       // 4 no such date
            "p4,礼盒,礼盒,,abc,true",                     // 5 bad price
            "p5,碧根果,,,,",                              // 6 loaded, unknowns
        ]);
        var result = Tables.ReadProducts(csv.Path);

        Assert.Equal(["p1", "p5"], result.Rows.Select(p => p.ProductId));
        Assert.Equal(new DateOnly(2020, 9, 1), result.Rows[0].LaunchedOn);
        Assert.Null(result.Rows[1].ChannelExclusive);
        Assert.Equal(
            [(3L, "name", "a value is required"), (4L, "launched_on", "not a date (expected yyyy-MM-dd, such as 2021-01-05)"), (5L, "list_price", "not an amount of money (expected a number such as 59.90)")],
            result.Report.Rejections.Select(r => (r.Line, r.Column, r.Reason)));
    }

    [Fact]
    public void ReadCampaigns_EndBeforeStart_Rejected()
    {
        using var csv = TempFile.Csv("campaigns.csv",
        [
            "campaign_id,platform,name,starts_on,ends_on,kind",
            "c1,douyin,年货节,2021-01-10,2021-01-29,festival",  // 2 loaded
            "c2,douyin,倒置,2021-03-08,2021-03-01,promotion",   // 3 ends first
            "c3,douyin,单日,2021/3/8,2021/3/8,",                // 4 loaded, one day
        ]);
        var result = Tables.ReadCampaigns(csv.Path);

        Assert.Equal(["c1", "c3"], result.Rows.Select(c => c.CampaignId));
        Assert.Equal(result.Rows[1].StartsOn, result.Rows[1].EndsOn);
        var rejection = Assert.Single(result.Report.Rejections);
        Assert.Equal((3L, "ends_on", "ends before starts_on"), (rejection.Line, rejection.Column, rejection.Reason));
    }

    [Fact]
    public void ReadTraffic_MixedRows_ValidatesEveryField()
    {
        using var csv = TempFile.Csv("traffic.csv",
        [
            "date,account_id,session_id,tool,spend,attributed_gmv",
            "2021-01-12,a1,s1,qianchuan,3000.00,9450.00",   // 2 loaded
            "2021-01-12,a1,s1,billboard,10.00,",            // 3 unknown tool
            "2021-01-12,a1,s1,xiaodiantong,-1,",            // 4 negative spend
            "2021-01-13,,,cili_jinniu,500,",                // 5 loaded: no account, no attribution
        ]);
        var result = Tables.ReadTraffic(csv.Path);

        Assert.Equal([TrafficTool.Qianchuan, TrafficTool.CiliJinniu], result.Rows.Select(t => t.Tool));
        Assert.Null(result.Rows[1].AttributedGmv);
        Assert.Equal([(3L, "tool"), (4L, "spend")], result.Report.Rejections.Select(r => (r.Line, r.Column)));
    }

    [Theory]
    [InlineData("account_id,platform,nickname", TableKind.Accounts)]
    [InlineData("order_id,parent_order_id,platform,paid_at,account_id,channel,product_id,quantity,gmv,refund", TableKind.Orders)]
    [InlineData("session_id,account_id,started_at,ended_at,views,viewers,peak_online,avg_watch_seconds,new_fans", TableKind.Sessions)]
    [InlineData("product_id,name,category,launched_on,list_price,channel_exclusive", TableKind.Products)]
    [InlineData("campaign_id,platform,name,starts_on,ends_on,kind", TableKind.Campaigns)]
    [InlineData("date,account_id,session_id,tool,spend", TableKind.Traffic)]
    [InlineData("date,account_id,channel,traffic_type,orders,units,gmv,refund", TableKind.Sales)]
    public void DetectKind_CanonicalHeaders_Recognised(string header, TableKind expected)
    {
        var (kind, source) = Tables.DetectKind(header.Split(','));
        Assert.Equal((expected, "canonical"), (kind, source));
    }

    [Fact]
    public void DetectKind_UnknownHeaders_NamesClosestTableAndWhatItLacks()
    {
        var e = Assert.Throws<InputException>(() => Tables.DetectKind(["order_id", "platform", "paid_at", "gmv"], "x.csv"));

        Assert.StartsWith("x.csv: cannot tell which table this is: found columns order_id, platform, paid_at, gmv; closest is orders, which lacks parent_order_id, account_id, channel, product_id, quantity, refund", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_GivenKindThatDoesNotFit_FailsOnMissingColumns()
    {
        using var csv = TempFile.Csv("a.csv", ["account_id,platform,nickname", "a1,douyin,x"]);
        var e = Assert.Throws<InputException>(() => Tables.Validate(csv.Path, TableKind.Campaigns));

        Assert.Contains("missing required columns 'campaign_id', 'name', 'starts_on', 'ends_on', 'kind' for campaigns", e.Message, StringComparison.Ordinal);
    }
}

public class StreamedTableTests
{
    private static readonly string[] Accounts = ["account_id,platform,nickname", "a1,douyin,x", "a2,weibo,y", "a3,kuaishou,z"];

    [Fact]
    public void OpenAccounts_PartlyEnumerated_ReportCoversRowsReadSoFar()
    {
        using var csv = TempFile.Csv("accounts.csv", Accounts);
        using var table = Tables.OpenAccounts(csv.Path);
        using var rows = table.GetEnumerator();

        Assert.True(rows.MoveNext());
        Assert.Equal(("a1", 1L, 1L), (rows.Current.AccountId, table.Report.Rows, table.Report.Loaded));
        Assert.True(rows.MoveNext());
        Assert.Equal(("a3", 3L, 1L), (rows.Current.AccountId, table.Report.Rows, table.Report.Rejected));
        Assert.False(rows.MoveNext());
    }

    [Fact]
    public void OpenAccounts_EnumeratedTwice_Throws()
    {
        using var csv = TempFile.Csv("accounts.csv", Accounts);
        using var table = Tables.OpenAccounts(csv.Path);
        _ = table.Count();

        Assert.Throws<InvalidOperationException>(() => table.Count());
    }

    [Fact]
    public void OpenAccounts_ColumnTwice_FailsNamingIt()
    {
        using var csv = TempFile.Csv("accounts.csv", ["account_id,platform,nickname,Platform", "a1,douyin,x,kuaishou"]);
        var e = Assert.Throws<InputException>(() => Tables.OpenAccounts(csv.Path));

        Assert.Equal($"{csv.Path}: column 'platform' appears more than once in the header; found columns: account_id, platform, nickname, Platform", e.Message);
    }
}
