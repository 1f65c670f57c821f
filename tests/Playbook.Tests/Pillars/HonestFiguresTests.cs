using Playbook.Analysis;
using Playbook.Canonical;
using Playbook.Ingest;
using Playbook.Workspace;

namespace Playbook.Tests.Pillars;

/// <summary>
/// Issue 22: a faulty figure costs the figure, not the row; unknown is never 0. Each fixture is
/// written by hand here and each figure worked out from it.
/// </summary>
public sealed class HonestFiguresTests : IDisposable
{
    private const string Compass = "主播昵称,主播抖音号,直播开始时间,直播结束时间,直播间曝光人数,直播间观看人数,直播间观看次数,最高在线人数,人均观看时长(分钟),新增粉丝数,直播间成交金额,直播间成交人数,直播间成交订单数,直播间退款金额";
    private const string Orders = "order_id,parent_order_id,platform,paid_at,account_id,channel,product_id,quantity,gmv,refund";

    private readonly string folder = Path.Combine(Path.GetTempPath(), "playbook-honest-" + Guid.NewGuid().ToString("N"));

    public HonestFiguresTests() => Directory.CreateDirectory(folder);

    [Fact]
    public void CompassSession_UvAbovePv_LoadsWithViewsAndViewersUnknownAndIsListedAsANote()
    {
        // Row 3: 1,200 unique viewers but 900 views, which cannot be: both unknown, the session kept.
        var path = Write("compass.csv",
            Compass,
            "旗舰店,shop01,2026/09/07 09:00:00,2026/09/07 17:00:00,9000,3000,4500,300,1.5,40,12000.00,300,320,100.00",
            "旗舰店,shop01,2026/09/08 09:00:00,2026/09/08 12:00:00,5000,1200,900,80,1.2,10,3000.00,60,70,0");
        var result = Tables.ReadSessions(path);

        Assert.Equal((2L, 2L, 0L, 1L), (result.Report.Rows, result.Report.Loaded, result.Report.Rejected, result.Report.Noted));
        var second = result.Rows[1];
        Assert.Equal(((long?)null, (long?)null, (long?)80, 3.0), (second.Views, second.Viewers, second.PeakOnline, (second.EndedAt - second.StartedAt).TotalHours));
        var noted = Assert.Single(result.Report.NotedRows);
        Assert.Equal((3L, "直播间观看人数", "1200"), (noted.Line, noted.Column, noted.Value));
        Assert.Contains("more unique viewers (UV) than views (PV 900)", noted.Reason, StringComparison.Ordinal);
        Assert.Equal([$"{path}: 1 figures of loaded rows are unknown, as each contradicted another (see load)"], result.Report.Losses());
    }

    [Fact]
    public void CanonicalSession_EveryContradiction_EachPairUnknownAndTheSessionLoads()
    {
        // Peak above UV, entries above exposures, refund above GMV, buyers above orders: one row, four notes.
        var path = Write("sessions.csv",
            "session_id,account_id,started_at,ended_at,views,viewers,peak_online,avg_watch_seconds,new_fans,exposures,entries,gmv,buyers,orders,refund",
            "S1,A1,2021-01-05 20:00:00,2021-01-05 22:00:00,500,400,450,60,5,100,200,1000.00,30,20,1500.00",
            "S2,A1,2021-01-06 20:00:00,2021-01-06 19:00:00,500,400,40,60,5,300,200,1000.00,20,30,0");
        var result = Tables.ReadSessions(path);

        // S2 ends before it starts: its time, not a figure, is wrong: rejected.
        Assert.Equal((1L, 1L, 4L), (result.Report.Loaded, result.Report.Rejected, result.Report.Noted));
        var s = Assert.Single(result.Rows);
        Assert.Equal(((long?)500, (long?)null, (long?)null, (long?)null, (long?)null), (s.Views, s.Viewers, s.PeakOnline, s.Exposures, s.Entries));
        Assert.Equal(((decimal?)null, (decimal?)null, (long?)null, (long?)null), (s.Gmv, s.Refund, s.Buyers, s.Orders));
        Assert.Equal(["peak_online", "entries", "refund", "buyers"], result.Report.NotedRows.Select(r => r.Column));
        Assert.Equal("ended_at", Assert.Single(result.Report.Rejections).Column);
    }

    [Fact]
    public void CompassSession_GmvDashAndOrdersNamingNoSession_GmvAndItsRatiosUnknownNotZero()
    {
        // The second session's 直播间成交金额 is '-'; the orders name no session, so nothing tells its sales.
        var compass = Write("compass.csv",
            Compass,
            "旗舰店,shop01,2026/09/07 09:00:00,2026/09/07 17:00:00,9000,3000,4500,300,1.5,40,12000.00,300,320,100.00",
            "旗舰店,shop01,2026/09/08 09:00:00,2026/09/08 12:00:00,5000,1200,1500,80,1.2,10,-,-,-,-");
        var orders = Write("orders.csv", Orders, "O1,,douyin,2026-09-08 10:00:00,shop01,live,P1,1,50.00,0");
        var report = BrandData.FromFiles(new Dictionary<TableKind, string?> { [TableKind.Orders] = orders, [TableKind.Sessions] = compass })
            .Analyze(Frameworks.Fact, new AnalysisOptions { From = new DateOnly(2026, 9, 7), To = new DateOnly(2026, 9, 8) });

        var first = report.Sessions[0];
        var second = report.Sessions[1];

        // The first keeps the platform's figure: UV value 12000 / 3000 = 4.00.
        Assert.Equal(("platform", (decimal?)12000.00m, (decimal?)4.00m), (first.GmvSource, first.Gmv, first.UvValue));
        Assert.Equal(((string?)null, (decimal?)null, (long?)null), (second.GmvSource, second.Gmv, second.Orders));
        Assert.Equal(((decimal?)null, (decimal?)null, (decimal?)null, (double?)null), (second.UvValue, second.Gpm, second.GmvPerHour, second.Conversion));
    }

    [Fact]
    public void Session_OrdersNameOtherSessions_ASessionNoneNamesSoldNothing()
    {
        // When the orders carry session ids, a session none of them names is known to have sold 0.
        var sessions = Write("sessions.csv",
            "session_id,account_id,started_at,ended_at,views,viewers,peak_online,avg_watch_seconds,new_fans",
            "S1,A1,2021-01-05 20:00:00,2021-01-05 22:00:00,500,400,40,60,5",
            "S2,A1,2021-01-06 20:00:00,2021-01-06 22:00:00,500,400,40,60,5");
        var orders = Write("orders.csv", Orders + ",session_id", "O1,,douyin,2021-01-05 20:30:00,A1,live,P1,1,80.00,0,S1", "O2,,douyin,2021-01-06 21:00:00,,product_card,P1,1,10.00,0,");
        var report = BrandData.FromFiles(new Dictionary<TableKind, string?> { [TableKind.Orders] = orders, [TableKind.Sessions] = sessions }).Analyze(Frameworks.Fact);

        Assert.Equal([("orders", (decimal?)80.00m), ("orders", 0m)], report.Sessions.Select(s => (s.GmvSource, s.Gmv)));
    }

    [Fact]
    public void AdReturn_NoRowReportsAttributedGmv_AttributedGmvUnknownNotZero()
    {
        PaidTraffic Row(decimal spend, decimal? gmv, TrafficTool tool) => new() { Date = new DateOnly(2021, 1, 5), AccountId = "A1", Tool = tool, Spend = spend, AttributedGmv = gmv };
        var ads = AdReturn.Of([Row(100m, null, TrafficTool.Xiaodiantong), Row(50m, 150m, TrafficTool.Qianchuan)], null, null);

        var xiaodiantong = ads.Tools.Single(t => t.Tool == TrafficTool.Xiaodiantong);
        Assert.Equal((100m, 0m, (decimal?)null, (double?)null), (xiaodiantong.Spend, xiaodiantong.AttributedSpend, xiaodiantong.AttributedGmv, xiaodiantong.Roi));

        // Over both tools: 150 attributed to the 50 that report it, ROI 3.
        Assert.Equal(((decimal?)150m, (double?)3.0), (ads.AttributedGmv, ads.Roi));
        Assert.Null(AdReturn.Of([Row(100m, null, TrafficTool.Xiaodiantong)], null, null).AttributedGmv);
    }

    [Fact]
    public void Workbench_AFileLosesRows_ToldOnceAsItIsRead()
    {
        // O2 has quantity 0: rejected. The notebook's Workbench says so when the file is read, and once.
        var orders = Write("orders.csv", Orders, "O1,,douyin,2021-01-05 20:30:00,A1,live,P1,1,80.00,0", "O2,,douyin,2021-01-05 20:31:00,A1,live,P1,0,80.00,0");
        var told = new List<string>();
        var bench = Workbench.Files(Frameworks.Fact, orders);
        bench.Warn = told.Add;

        bench.Analyze();
        bench.Checklist();

        Assert.Equal([$"{orders}: 1 rejected rows are not in the figures (see load)"], told);
        Assert.Equal(told, bench.Losses);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Write(string name, params string[] lines)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllLines(path, lines);
        return path;
    }
}
