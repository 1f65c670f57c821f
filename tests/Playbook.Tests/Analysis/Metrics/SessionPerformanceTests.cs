using Playbook.Analysis;
using Playbook.Canonical;
using Playbook.Tests.Canonical;
using Playbook.Workspace;

namespace Playbook.Tests.Analysis.Metrics;

/// <summary>A session's GMV and what follows from it: unknown when nothing tells it, never 0 (issue 22).</summary>
public sealed class SessionPerformanceTests
{
    private const string Orders = "order_id,parent_order_id,platform,paid_at,account_id,channel,product_id,quantity,gmv,refund";

    [Fact]
    public void CompassSession_GmvDashAndOrdersNamingNoSession_GmvAndItsRatiosUnknownNotZero()
    {
        // The second session's 直播间成交金额 is '-'; the orders name no session, so nothing tells its sales.
        using var compass = TempFile.Csv("compass.csv",
        [
            SessionsTableTests.Compass,
            "旗舰店,shop01,2026/09/07 09:00:00,2026/09/07 17:00:00,9000,3000,4500,300,1.5,40,12000.00,300,320,100.00",
            "旗舰店,shop01,2026/09/08 09:00:00,2026/09/08 12:00:00,5000,1200,1500,80,1.2,10,-,-,-,-",
        ]);
        using var orders = TempFile.Csv("orders.csv", [Orders, "O1,,douyin,2026-09-08 10:00:00,shop01,live,P1,1,50.00,0"]);
        var report = BrandData.FromFiles(new Dictionary<TableKind, string?> { [TableKind.Orders] = orders.Path, [TableKind.Sessions] = compass.Path })
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
        using var sessions = TempFile.Csv("sessions.csv",
        [
            "session_id,account_id,started_at,ended_at,views,viewers,peak_online,avg_watch_seconds,new_fans",
            "S1,A1,2021-01-05 20:00:00,2021-01-05 22:00:00,500,400,40,60,5",
            "S2,A1,2021-01-06 20:00:00,2021-01-06 22:00:00,500,400,40,60,5",
        ]);
        using var orders = TempFile.Csv("orders.csv", [Orders + ",session_id", "O1,,douyin,2021-01-05 20:30:00,A1,live,P1,1,80.00,0,S1", "O2,,douyin,2021-01-06 21:00:00,,product_card,P1,1,10.00,0,"]);
        var report = BrandData.FromFiles(new Dictionary<TableKind, string?> { [TableKind.Orders] = orders.Path, [TableKind.Sessions] = sessions.Path }).Analyze(Frameworks.Fact);

        Assert.Equal([("orders", (decimal?)80.00m), ("orders", 0m)], report.Sessions.Select(s => (s.GmvSource, s.Gmv)));
    }
}
