using Playbook.Ingest;
using Playbook.Output;

namespace Playbook.Tests.Data;

public class DataFramesTests
{
    [Fact]
    public void ToDataFrame_Orders_OneRowPerOrderWithCanonicalColumns()
    {
        using var csv = TempCsv.Write("orders.csv",
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
        using var csv = TempCsv.Write("accounts.csv", ["account_id,platform,nickname", "a1,weibo,x", "a2,douyin,y", ",douyin,z"]);
        var frame = Tables.ReadAccounts(csv.Path).Report.ToDataFrame();

        Assert.Equal(2, frame.Rows.Count);
        Assert.Equal(2L, frame["line"][0]);
        Assert.Equal("platform", frame["column"][0]);
        Assert.Equal(4L, frame["line"][1]);
    }
}
