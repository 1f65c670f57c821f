using Playbook.Canonical;
using Playbook.Files;
using Playbook.Ingest;

namespace Playbook.Tests.Sources.Douyin;

public class DouyinOrderExportTests
{
    // Columns in an order no export uses, with columns the importer ignores (选购商品, 商品单价, 优惠总金额,
    // 订单提交时间, 流量来源, 流量渠道, APP渠道). Ids carry the tab that exports put before them.
    private static readonly string[] Export =
    [
        "流量体裁,订单应付金额,选购商品,商品单价,主订单编号,子订单编号,商品ID,商品数量,优惠总金额,订单提交时间,支付完成时间,订单状态,售后状态,达人ID,达人昵称,流量来源,流量类型,流量渠道,APP渠道,买家ID",
        "直播,119.00,每日坚果,129.00,\"\t4930000000000002000\",\"\t4930000000000002001\",\"\t3500000000000000001\",1,10.00,2021-01-15 20:01:02,2021-01-15 20:01:09,已完成,-,\t1000000001,旗舰店,直播间,自然流量,推荐feed,抖音,U1",      // 2 loaded
        "直播,189.00,礼盒,199.00,\"\t4930000000000002100\",\"\t4930000000000002101\",\"\t3500000000000000003\",1,10.00,2021-01-15 21:30:00,2021-01-15 21:30:20,已完成,退款成功,\t1000000001,旗舰店,直播间,付费流量,千川,抖音,U2",   // 3 loaded, refunded
        "商品卡,129.00,每日坚果,129.00,\"\t4930000000000002300\",\"\t4930000000000002301\",\"\t3500000000000000001\",1,0.00,2021-01-18 14:01:40,2021-01-18 14:02:00,已完成,--,-,-,商品卡,自然流量,搜索,抖音极速版,--",          // 4 loaded, shelf
        "直播,59.90,夏威夷果,59.90,\"\t4930000000000002400\",\"\t4930000000000002401\",\"\t3500000000000000002\",1,0.00,2021-01-18 16:00:00,,已关闭,-,\t2000000001,美食达人小王,直播间,自然流量,关注,抖音,U3",             // 5 unpaid: no payment time
        "短视频,35.80,芒果干,19.90,\"\t4930000000000002600\",\"\t4930000000000002601\",\"\t3500000000000000005\",2,4.00,2021-01-21 08:00:00,2021-01-21 08:00:09,已取消,退款成功,\t2000000004,省钱攻略,短视频,自然流量,推荐feed,抖音,U4", // 6 paid, cancelled after its refund
        "短视频,52.90,夏威夷果,59.90,\"\t4930000000000002200\",\"\t4930000000000002201\",\"\t3500000000000000002\",1,7.00,2021-01-16 09:15:30,2021-01-16 09:15:42,已发货,-,\t2000000002,零食测评官,短视频,自然流量,推荐feed,抖音,U5",  // 7 loaded
        "直播,abc,夏威夷果,59.90,\"\t4930000000000002700\",\"\t4930000000000002701\",\"\t3500000000000000002\",1,0.00,2021-01-16 10:00:00,2021-01-16 10:00:09,已完成,-,\t2000000002,零食测评官,直播间,自然流量,关注,抖音,U6",       // 8 bad amount
        "直播,10.00,夏威夷果,59.90,\"\t4930000000000002800\",\"\t4930000000000002801\",\"\t3500000000000000002\",1,0.00,2021-01-16 10:00:00,2021-01-16 10:00:09,已完成,-,\t2000000002,零食测评官,直播间,神秘流量,关注,抖音,U7", // 9 unknown 流量类型: loaded, noted
        "直播,20.00,每日坚果,129.00,\"\t4930000000000002000\",\"\t4930000000000002001\",\"\t3500000000000000001\",1,0.00,2021-01-15 20:01:02,2021-01-15 20:01:09,已完成,-,\t1000000001,旗舰店,直播间,自然流量,推荐feed,抖音,U1",      // 10 duplicate of line 2
    ];

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public void ReadOrders_DouyinExport_CountsUnpaidApartAndRejectsBadRows(string engine)
    {
        using var csv = TempFile.Csv("export.csv", Export, "utf-8-bom");
        var report = Engines.Read(engine, csv.Path).Report;

        Assert.Equal(("douyin_export", "utf-8-bom"), (report.Source, report.Encoding));
        Assert.Equal((9L, 6L, 1L, 2L), (report.Rows, report.Loaded, report.Unpaid, report.Rejected));
        Assert.Equal(
            [(8L, "订单应付金额", "abc"), (10L, "子订单编号", "\t4930000000000002001")],
            report.Rejections.Select(r => (r.Line, r.Column, r.Value)));
        Assert.Equal(1L, Assert.Single(report.Notes, n => n.Key.Contains("'神秘流量'", StringComparison.Ordinal)).Value);
    }

    [Fact]
    public void ReadOrders_DouyinExport_MapsToCanonicalOrders()
    {
        using var csv = TempFile.Csv("export.csv", Export, "utf-8-bom");
        var rows = Tables.ReadOrders(csv.Path).Rows;

        Assert.Equal(["4930000000000002001", "4930000000000002101", "4930000000000002301", "4930000000000002601", "4930000000000002201", "4930000000000002801"], rows.Select(o => o.OrderId));
        var live = rows[0];
        Assert.Equal("4930000000000002000", live.ParentOrderId);
        Assert.Equal(Platform.Douyin, live.Platform);
        Assert.Equal(new DateTime(2021, 1, 15, 20, 1, 9), live.PaidAt);
        Assert.Equal("1000000001", live.AccountId);
        Assert.Equal((Channel.Live, (TrafficType?)TrafficType.Organic), (live.Channel, live.TrafficType));
        Assert.Equal("3500000000000000001", live.ProductId);
        Assert.Equal((1, 119.00m, 0m), (live.Quantity, live.Gmv, live.Refund));
        Assert.Equal("U1", live.BuyerId);

        // 退款成功 refunds the whole amount payable.
        Assert.Equal((189.00m, 189.00m, (TrafficType?)TrafficType.Paid), (rows[1].Gmv, rows[1].Refund, rows[1].TrafficType));

        // No 达人ID: a shelf order with no seller account.
        Assert.Equal((null, Channel.ProductCard, null), (rows[2].AccountId, rows[2].Channel, rows[2].BuyerId));

        // 已取消 with a payment time: paid, then refunded in full.
        Assert.Equal((Channel.ShortVideo, 35.80m, 35.80m), (rows[3].Channel, rows[3].Gmv, rows[3].Refund));
        Assert.Equal(Channel.ShortVideo, rows[4].Channel);

        // A 流量类型 that says neither organic nor paid leaves the traffic type unknown.
        Assert.Equal((10.00m, (TrafficType?)null), (rows[5].Gmv, rows[5].TrafficType));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public void ReadLedger_DouyinExport_SumsTheMappedOrders(string engine)
    {
        using var csv = TempFile.Csv("export.csv", Export, "utf-8-bom");
        var ledger = Engines.Read(engine, csv.Path).Ledger;

        // By hand, lines 2, 3, 4, 6, 7, 9: 119.00 + 189.00 (退款成功: refunded in full) + 129.00 (shelf)
        // + 35.80 (cancelled after payment, refunded in full) + 52.90 + 10.00 (traffic type unknown).
        Assert.Equal((6L, 535.70m, 224.80m), (ledger.Total.Orders, ledger.Total.Gmv, ledger.Total.Refund));
        Assert.Equal((308.00m, 62.90m, 129.00m), (ledger.ByAccount["1000000001"].Gmv, ledger.ByAccount["2000000002"].Gmv, ledger.Shelf.Gmv));
        Assert.Equal((189.00m, 119.00m + 129.00m + 35.80m + 52.90m), (ledger.PaidTraffic.Gmv, ledger.OrganicTraffic.Gmv));
        Assert.Equal((5L, 1L), (ledger.BuyerCount, ledger.WithoutBuyer.Orders));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public void ReadOrders_DouyinExport_NamesTheAccountsItMentions(string engine)
    {
        using var csv = TempFile.Csv("export.csv", Export, "utf-8-bom");
        var accounts = Engines.Read(engine, csv.Path).ExportAccounts;

        Assert.Equal(
            [("1000000001", "旗舰店"), ("2000000002", "零食测评官"), ("2000000004", "省钱攻略")],
            accounts.Select(a => (a.AccountId, a.Nickname)).OrderBy(a => a.AccountId));
        Assert.All(accounts, a => Assert.Equal(Platform.Douyin, a.Platform));
    }

    [Fact]
    public void ReadOrders_DouyinExportInGb18030_SameOrders()
    {
        using var utf8 = TempFile.Csv("export.csv", Export, "utf-8-bom");
        using var gb = TempFile.Csv("export.csv", Export, "gb18030");
        var fromGb = Tables.ReadOrders(gb.Path);

        Assert.Equal("gb18030", fromGb.Report.Encoding);
        Assert.Equal(
            Tables.ReadOrders(utf8.Path).Rows.Select(o => (o.OrderId, o.Gmv, o.Refund, o.AccountId)),
            fromGb.Rows.Select(o => (o.OrderId, o.Gmv, o.Refund, o.AccountId)));
        Assert.Contains(fromGb.ExportAccounts, a => a.Nickname == "零食测评官");
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public void ReadLedger_DouyinExportInGb18030_SameReportAndSums(string engine)
    {
        using var utf8 = TempFile.Csv("export.csv", Export, "utf-8-bom");
        using var gb = TempFile.Csv("export.csv", Export, "gb18030");
        var fromUtf8 = Engines.Read(engine, utf8.Path);
        var fromGb = Engines.Read(engine, gb.Path);

        Assert.Equal("gb18030", fromGb.Report.Encoding);
        Assert.Equal(
            (fromUtf8.Report.Loaded, fromUtf8.Report.Unpaid, fromUtf8.Report.Rejected, fromUtf8.Ledger.Total.Gmv, fromUtf8.Ledger.Total.Refund),
            (fromGb.Report.Loaded, fromGb.Report.Unpaid, fromGb.Report.Rejected, fromGb.Ledger.Total.Gmv, fromGb.Ledger.Total.Refund));
        Assert.Contains(fromGb.ExportAccounts, a => a.Nickname == "零食测评官");
    }

    [Fact]
    public void ReadOrders_DouyinExportWithoutSubOrderIds_UsesParentOrderId()
    {
        using var csv = TempFile.Csv("export.csv",
        [
            "主订单编号,商品ID,商品数量,订单应付金额,支付完成时间,订单状态,售后状态,达人ID",
            "6900000000000000001,p1,2,30.00,2021-03-01 12:00:00,已完成,,a1",
        ]);
        var order = Assert.Single(Tables.ReadOrders(csv.Path).Rows);

        Assert.Equal(("6900000000000000001", "6900000000000000001", Channel.Other, (TrafficType?)null), (order.OrderId, order.ParentOrderId, order.Channel, order.TrafficType));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public void ReadOrders_DouyinExportMissingColumn_FailsNamingIt(string engine)
    {
        using var csv = TempFile.Csv("export.csv", ["主订单编号,商品ID,商品数量,订单应付金额,支付完成时间,订单状态,达人ID", "1,p1,1,1.00,2021-03-01 12:00:00,已完成,a1"]);
        var e = Assert.Throws<InputException>(() => Engines.Read(engine, csv.Path));

        Assert.Contains("missing required column '售后状态' for orders (douyin_export)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DouyinExport_DetectedAsOrdersFromExport()
    {
        using var csv = TempFile.Csv("export.csv", Export, "gb18030");
        var report = Tables.Validate(csv.Path);

        Assert.Equal((TableKind.Orders, "douyin_export"), (report.Kind, report.Source));
    }
}
