using System.Text.Json;
using Playbook.Canonical;
using Playbook.Ingest;

namespace Playbook.Tests.Sources.Douyin;

/// <summary>
/// The 抖店 达人佣金 download (精选联盟 订单明细) as public parsers of real files read it: every cell text,
/// ids with a tab after them, rates as 32.00%, four order states; joined to the 抖店 order export by
/// 订单id for the economics, or read on its own. Figures by hand.
/// </summary>
public sealed class DouyinAllianceCommissionTests : IDisposable
{
    private const string Header = "订单id,商品id,商品名称,作者账号,抖音/火山号,支付金额,佣金率,预估佣金支出,结算金额,实际佣金支出,订单状态,付款时间,店铺id,店铺名称,商品数量,订单来源,流量来源";

    private readonly string folder = Path.Combine(Path.GetTempPath(), "playbook-alliance-" + Guid.NewGuid().ToString("N"));

    public DouyinAllianceCommissionTests()
    {
        Directory.CreateDirectory(folder);

        // A settled order, an estimated one, one returned, one whose rate is past 100%, and one the order export lacks.
        File.WriteAllLines(Path.Combine(folder, "达人佣金.csv"),
        [
            Header,
            "\"4930000000000003001\t\",\"3500000000000000001\t\",每日坚果,达人一,\"66799442664\t\",100.00,20.00%,20.00,100.00,18.00,订单结算,2021-03-05 10:00:09,\"272308913\t\",样例坚果,1,抖音,直播",
            "\"4930000000000003002\t\",\"3500000000000000002\t\",夏威夷果,达人一,\"66799442664\t\",200.00,30.00%,60.00,0.00,0.00,订单付款,2021-03-06 10:00:09,\"272308913\t\",样例坚果,1,抖音,视频",
            "\"4930000000000003003\t\",\"3500000000000000002\t\",夏威夷果,达人二,\"66799442665\t\",300.00,30.00%,90.00,0.00,0.00,订单退货退款,2021-03-07 10:00:09,\"272308913\t\",样例坚果,1,抖音,直播",
            "\"4930000000000003004\t\",\"3500000000000000001\t\",每日坚果,达人二,\"66799442665\t\",100.00,120.00%,-,0.00,0.00,订单收货,2021-03-08 10:00:09,\"272308913\t\",样例坚果,1,抖音,直播",
            "\"4930000000000009999\t\",\"3500000000000000001\t\",每日坚果,达人二,\"66799442665\t\",50.00,20.00%,10.00,0.00,0.00,订单付款,2021-03-07 12:00:09,\"272308913\t\",样例坚果,1,抖音,直播",
        ]);

        // The same orders in the order export, sold by the talents as its 达人ID says (the commission file's id differs).
        File.WriteAllLines(Path.Combine(folder, "orders.csv"),
        [
            "order_id,parent_order_id,platform,paid_at,account_id,channel,product_id,quantity,gmv,refund",
            "4930000000000003001,,douyin,2021-03-05 10:00:09,t1,live,P1,1,100.00,0",
            "4930000000000003002,,douyin,2021-03-06 10:00:09,t1,short_video,P2,1,200.00,0",
            "4930000000000003003,,douyin,2021-03-07 10:00:09,t2,live,P2,1,300.00,300.00",
            "4930000000000003004,,douyin,2021-03-08 10:00:09,t2,live,P1,1,100.00,0",
        ]);
        File.WriteAllLines(Path.Combine(folder, "accounts.csv"), ["account_id,platform,nickname,role", "t1,douyin,达人一,matrix", "t2,douyin,达人二,matrix"]);
    }

    [Fact]
    public void ReadCommissions_RealShapedDownload_EveryRowWithItsStatusAndTheBadRateNoted()
    {
        var result = Tables.ReadMerged<CommissionRow>([Path.Combine(folder, "达人佣金.csv")]);
        var report = result.Reports[0];

        Assert.Equal(("douyin_alliance_commission", 5L, 5L, 0L), (report.Source, report.Rows, report.Loaded, report.Rejected));
        var first = result.Rows[0];
        Assert.Equal(("4930000000000003001", "66799442664", 0.20m, 20.00m, 18.00m, CommissionStatus.Settled), (first.OrderId, first.AccountId, first.Rate, first.Estimated, first.Settled, first.Status));
        Assert.Equal([CommissionStatus.Settled, CommissionStatus.Paid, CommissionStatus.Refunded, CommissionStatus.Received, CommissionStatus.Paid], result.Rows.Select(r => r.Status));

        // 120% is no commission rate: the row loads with it unknown, and says so.
        Assert.Null(result.Rows[3].Rate);
        Assert.Equal((5L, "佣金率"), (Assert.Single(report.NotedRows).Line, report.NotedRows[0].Column));
        Assert.Contains(result.NamedAccounts, a => a.AccountId == "66799442664" && a.Nickname == "达人一");
    }

    [Fact]
    public void Analyze_JoinedToTheOrders_SettledEstimatedAndNoneForTheReturnedOne()
    {
        var e = Economics("--orders", Path.Combine(folder, "orders.csv"), "--commissions", Path.Combine(folder, "达人佣金.csv"), "--accounts", Path.Combine(folder, "accounts.csv"), "--commission-rate", "0.25");

        // t1: settled 18.00 (not the estimate) + estimated 60.00 = 78.00. t2: the returned order pays none; the
        // fourth order's row has neither estimate nor rate, so it is charged at --commission-rate: 25% × 100 = 25.00.
        var sellers = e.GetProperty("sellers").EnumerateArray().ToDictionary(s => s.GetProperty("account_id").GetString()!, s => s.GetProperty("commission").GetRawText());
        Assert.Equal(("78.00", "25.00"), (sellers["t1"], sellers["t2"]));
        Assert.Equal(
            [("default", 1L), ("estimated", 1L), ("refunded", 1L), ("settled", 1L)],
            e.GetProperty("commission_sources").EnumerateObject().Select(p => (p.Name, p.Value.GetInt64())));

        // The row for an order the export does not have is counted nowhere, and said.
        Assert.Contains("1 达人佣金 rows of the period name orders the order files do not have (¥50.00 paid): their commission is not counted", e.GetProperty("notes").EnumerateArray().Select(n => n.GetString()));
    }

    [Fact]
    public void Analyze_TheDownloadOnItsOwn_TheTalentsSalesAndCommission()
    {
        var root = Analyze("--commissions", Path.Combine(folder, "达人佣金.csv"), "--commission-rate", "0.25");

        // Paid 100 + 200 + 300 (returned) + 100 + 50 = 750; net 450, all sold by the two talents (their 抖音号s).
        Assert.Equal(("750.00", "450.00"), (root.GetProperty("totals").GetProperty("gmv").GetRawText(), root.GetProperty("totals").GetProperty("net_gmv").GetRawText()));
        var sellers = root.GetProperty("economics").GetProperty("sellers").EnumerateArray().ToDictionary(s => s.GetProperty("account_id").GetString()!, s => s.GetProperty("commission").GetRawText());

        // 66799442664: 18.00 + 60.00; 66799442665: none for the return, 25% × 100 for the rate past 100%, 10.00 estimated.
        Assert.Equal(("78.00", "35.00"), (sellers["66799442664"], sellers["66799442665"]));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static JsonElement Economics(params string[] args) => Analyze(args).GetProperty("economics");

    private static JsonElement Analyze(params string[] args)
    {
        var (exit, output, error) = CommandLine.Run(["analyze", .. args, "--framework", "fact", "--gross-margin", "0.5", "--format", "json"]);
        Assert.True(exit == 0, error);
        return JsonDocument.Parse(output).RootElement.Clone();
    }
}
