using Playbook.Ingest;
using Playbook.Output;

namespace Playbook.Tests.Output.Frames;

public class ResultFramesTests
{
    [Fact]
    public void ToDataFrame_Orders_OneRowPerOrderWithCanonicalColumns()
    {
        using var csv = TempFile.Csv("orders.csv",
        [
            "order_id,parent_order_id,platform,paid_at,account_id,channel,product_id,quantity,gmv,refund",
            "O1,,douyin,2021-01-05 20:15:00,a1,live,p1,2,119.80,0",
            "O2,,douyin,2021-01-05 21:00:00,,short_video,p2,1,20.20,5.00",
        ]);
        var frame = Tables.ReadOrders(csv.Path).ToDataFrame();

        Assert.Equal(2, frame.Rows.Count);
        Assert.Equal("order_id", frame.Columns[0].Name);
        Assert.Equal(140.00m, (decimal)frame["gmv"][0]! + (decimal)frame["gmv"][1]!);
        Assert.Equal("short_video", frame["channel"][1]);
        Assert.Null(frame["account_id"][1]);
    }

    [Fact]
    public void ToDataFrame_Report_OneRowPerRejection()
    {
        using var csv = TempFile.Csv("accounts.csv", ["account_id,platform,nickname", "a1,weibo,x", "a2,douyin,y", ",douyin,z"]);
        var frame = Tables.ReadAccounts(csv.Path).Report.ToDataFrame();

        Assert.Equal(2, frame.Rows.Count);
        Assert.Equal(2L, frame["line"][0]);
        Assert.Equal("platform", frame["column"][0]);
        Assert.Equal(4L, frame["line"][1]);
    }

    [Fact]
    public void ToDataFrame_SeveralReports_OneRowPerFileWithItsCounts()
    {
        using var good = TempFile.Csv("accounts.csv", ["account_id,platform,nickname", "a1,douyin,x", "a2,douyin,y"]);
        using var bad = TempFile.Csv("campaigns.csv",
        [
            "campaign_id,platform,name,starts_on,ends_on,kind",
            "c1,douyin,年货节,2021-01-10,2021-01-30,festival",
            "c2,douyin,反的,2021-02-10,2021-02-01,festival",
        ]);
        LoadReport[] reports = [Tables.ReadAccounts(good.Path).Report, Tables.ReadCampaigns(bad.Path).Report];

        var frame = reports.ToDataFrame();

        Assert.Equal(2, frame.Rows.Count);
        Assert.Equal("accounts.csv", frame["file"][0]);
        Assert.Equal("campaigns", frame["table"][1]);
        Assert.Equal(2L, frame["loaded"][0]);
        Assert.Equal(0L, frame["rejected"][0]);
        Assert.Equal(1L, frame["loaded"][1]);
        Assert.Equal(1L, frame["rejected"][1]);
    }

    [Fact]
    public void RejectionsFrame_SeveralReports_EveryRejectionWithItsFile()
    {
        using var first = TempFile.Csv("accounts.csv", ["account_id,platform,nickname", "a1,weibo,x", "a2,douyin,y"]);
        using var second = TempFile.Csv("campaigns.csv",
        [
            "campaign_id,platform,name,starts_on,ends_on,kind",
            "c1,douyin,年货节,2021-01-10,2021-01-30,festival",
            "c2,douyin,反的,2021-02-10,2021-02-01,festival",
        ]);
        LoadReport[] reports = [Tables.ReadAccounts(first.Path).Report, Tables.ReadCampaigns(second.Path).Report];

        var frame = reports.RejectionsFrame();

        Assert.Equal(2, frame.Rows.Count);
        Assert.Equal("accounts.csv", frame["file"][0]);
        Assert.Equal(2L, frame["row"][0]);
        Assert.Equal("weibo", frame["value"][0]);
        Assert.Equal("campaigns.csv", frame["file"][1]);
        Assert.Equal(3L, frame["row"][1]);
        Assert.Null(frame["sheet"][1]);
    }
}
