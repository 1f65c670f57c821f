using Playbook.Canonical;
using Playbook.Ingest;

namespace Playbook.Tests.Canonical;

public class CanonicalCsvTests
{
    [Fact]
    public void Write_OrdersThenRead_SameValues()
    {
        Order[] orders =
        [
            new() { OrderId = "4930000000000000101", ParentOrderId = "4930000000000000100", Platform = Platform.Douyin, PaidAt = new DateTime(2021, 1, 12, 19, 42, 10), AccountId = "1000000001", Channel = Channel.ShortVideo, TrafficType = TrafficType.Paid, ProductId = "p1", Quantity = 2, Gmv = 55.8m, Refund = 0m, BuyerId = "B1", BuyerIsFan = true, SessionId = "S1", Review = Review.Negative },
            new() { OrderId = "O2", Platform = Platform.Kuaishou, PaidAt = new DateTime(2021, 2, 1, 0, 0, 0), Channel = Channel.Mall, ProductId = "p,2", Quantity = 1, Gmv = 10m, Refund = 10m },
        ];
        using var csv = TempFile.Bytes("orders.csv", []);
        CanonicalCsv.Write(csv.Path, orders);

        var read = Tables.ReadOrders(csv.Path, ReadOptions.StrictMode).Rows;

        Assert.Equal(
            orders.Select(o => (o.OrderId, o.ParentOrderId, o.Platform, o.PaidAt, o.AccountId, o.Channel, o.TrafficType, o.ProductId, o.Quantity, o.Gmv, o.Refund, o.BuyerId, o.BuyerIsFan, o.SessionId, o.Review)),
            read.Select(o => (o.OrderId, o.ParentOrderId, o.Platform, o.PaidAt, o.AccountId, o.Channel, o.TrafficType, o.ProductId, o.Quantity, o.Gmv, o.Refund, o.BuyerId, o.BuyerIsFan, o.SessionId, o.Review)));
    }

    [Fact]
    public void Write_CanonicalSpellingAndCents()
    {
        using var csv = TempFile.Bytes("orders.csv", []);
        CanonicalCsv.Write(csv.Path, [new Order { OrderId = "O1", Platform = Platform.Douyin, PaidAt = new DateTime(2021, 1, 5, 8, 0, 0), Channel = Channel.ProductCard, ProductId = "p", Quantity = 1, Gmv = 59.9m }]);

        Assert.Equal(
            ["order_id,parent_order_id,platform,paid_at,account_id,channel,traffic_type,product_id,quantity,gmv,refund,buyer_id,buyer_is_fan,session_id,review,commission",
             "O1,,douyin,2021-01-05 08:00:00,,product_card,,p,1,59.90,0.00,,,,,"],
            File.ReadAllLines(csv.Path));
    }

    [Fact]
    public void Write_FormulaLikeNickname_NeutralisedAndReadBack()
    {
        using var csv = TempFile.Bytes("accounts.csv", []);
        CanonicalCsv.Write(csv.Path, [new Account { AccountId = "a1", Platform = Platform.Douyin, Nickname = "=HYPERLINK(\"http://x\")", Role = SellerRole.TopKol }]);

        Assert.Equal("a1,douyin,\"'=HYPERLINK(\"\"http://x\"\")\",top_kol,,,", File.ReadAllLines(csv.Path)[1]);
        var account = Assert.Single(Tables.ReadAccounts(csv.Path).Rows);
        Assert.Equal(("=HYPERLINK(\"http://x\")", (SellerRole?)SellerRole.TopKol), (account.Nickname, account.Role));
    }
}
