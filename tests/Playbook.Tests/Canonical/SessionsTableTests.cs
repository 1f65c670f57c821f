using Playbook.Ingest;

namespace Playbook.Tests.Canonical;

/// <summary>
/// The sessions table's rules (issue 22): a figure that contradicts another costs the figure, not
/// the row; a session whose time is wrong is rejected. Fixtures written by hand, figures by hand.
/// </summary>
public sealed class SessionsTableTests
{
    internal const string Compass = "主播昵称,主播抖音号,直播开始时间,直播结束时间,直播间曝光人数,直播间观看人数,直播间观看次数,最高在线人数,人均观看时长(分钟),新增粉丝数,直播间成交金额,直播间成交人数,直播间成交订单数,直播间退款金额";

    [Fact]
    public void CompassSession_UvAbovePv_LoadsWithViewsAndViewersUnknownAndIsListedAsANote()
    {
        // Row 3: 1,200 unique viewers but 900 views, which cannot be: both unknown, the session kept.
        using var csv = TempFile.Csv("compass.csv",
        [
            Compass,
            "旗舰店,shop01,2026/09/07 09:00:00,2026/09/07 17:00:00,9000,3000,4500,300,1.5,40,12000.00,300,320,100.00",
            "旗舰店,shop01,2026/09/08 09:00:00,2026/09/08 12:00:00,5000,1200,900,80,1.2,10,3000.00,60,70,0",
        ]);
        var result = Tables.ReadSessions(csv.Path);

        Assert.Equal((2L, 2L, 0L, 1L), (result.Report.Rows, result.Report.Loaded, result.Report.Rejected, result.Report.Noted));
        var second = result.Rows[1];
        Assert.Equal(((long?)null, (long?)null, (long?)80, 3.0), (second.Views, second.Viewers, second.PeakOnline, (second.EndedAt - second.StartedAt).TotalHours));
        var noted = Assert.Single(result.Report.NotedRows);
        Assert.Equal((3L, "直播间观看人数", "1200"), (noted.Line, noted.Column, noted.Value));
        Assert.Contains("more unique viewers (UV) than views (PV 900)", noted.Reason, StringComparison.Ordinal);
        Assert.Equal([$"{csv.Path}: 1 figures of loaded rows are unknown, as each contradicted another (see load)"], result.Report.Losses());
    }

    [Fact]
    public void CanonicalSession_EveryContradiction_EachPairUnknownAndTheSessionLoads()
    {
        // Peak above UV, entries above exposures, refund above GMV, buyers above orders: one row, four notes.
        using var csv = TempFile.Csv("sessions.csv",
        [
            "session_id,account_id,started_at,ended_at,views,viewers,peak_online,avg_watch_seconds,new_fans,exposures,entries,gmv,buyers,orders,refund",
            "S1,A1,2021-01-05 20:00:00,2021-01-05 22:00:00,500,400,450,60,5,100,200,1000.00,30,20,1500.00",
            "S2,A1,2021-01-06 20:00:00,2021-01-06 19:00:00,500,400,40,60,5,300,200,1000.00,20,30,0",
        ]);
        var result = Tables.ReadSessions(csv.Path);

        // S2 ends before it starts: its time, not a figure, is wrong: rejected.
        Assert.Equal((1L, 1L, 4L), (result.Report.Loaded, result.Report.Rejected, result.Report.Noted));
        var s = Assert.Single(result.Rows);
        Assert.Equal(((long?)500, (long?)null, (long?)null, (long?)null, (long?)null), (s.Views, s.Viewers, s.PeakOnline, s.Exposures, s.Entries));
        Assert.Equal(((decimal?)null, (decimal?)null, (long?)null, (long?)null), (s.Gmv, s.Refund, s.Buyers, s.Orders));
        Assert.Equal(["peak_online", "entries", "refund", "buyers"], result.Report.NotedRows.Select(r => r.Column));
        Assert.Equal("ended_at", Assert.Single(result.Report.Rejections).Column);
    }
}
