using Playbook.Ledger;

namespace Playbook.Tests.Ledger;

/// <summary>The orders' own commission in the ledger, by hand, on every engine.</summary>
public class CommissionTallyTests
{
    // t1: 100.00 with 30.00 commission, 40.00 refunded (30 x 60/100 = 18.00); 33.33 with 10.00, 11.11 refunded
    // (10 x 22.22/33.33 = 6.6666… = 6.67); a fully refunded order with 5.00 (none). t2: 50.00 without a figure.
    // Own account a self order with no figure; an order outside the period with 99.00 commission.
    private static readonly string[] Rows =
    [
        "order_id,parent_order_id,platform,paid_at,account_id,channel,product_id,quantity,gmv,refund,commission",
        "O1,,douyin,2021-01-05 10:00:00,t1,live,p,1,100.00,40.00,30.00",
        "O2,,douyin,2021-01-05 11:00:00,t1,live,p,1,33.33,11.11,10.00",
        "O3,,douyin,2021-01-06 11:00:00,t1,live,p,1,20.00,20.00,5.00",
        "O4,,douyin,2021-01-06 12:00:00,t2,live,p,2,50.00,0,",
        "O5,,douyin,2021-01-06 13:00:00,own,live,p,1,80.00,0,",
        "O6,,douyin,2021-02-01 13:00:00,t1,live,p,1,300.00,0,99.00",
    ];

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public void Ledger_OrdersWithCommissionAndRefunds_EachSellersShareToTheCent(string engine)
    {
        using var csv = TempFile.Csv("orders.csv", Rows);

        var ledger = Engines.Read(engine, csv.Path, from: new DateOnly(2021, 1, 1), to: new DateOnly(2021, 1, 31)).Ledger;

        var t1 = ledger.CommissionByAccount["t1"];
        Assert.Equal((18.00m + 6.67m, 3L, 0m, 0L), (t1.Commission, t1.OrdersWith, t1.NetGmvWithout, t1.OrdersWithout));
        var t2 = ledger.CommissionByAccount["t2"];
        Assert.Equal((0m, 0L, 50.00m, 1L), (t2.Commission, t2.OrdersWith, t2.NetGmvWithout, t2.OrdersWithout));
        Assert.Equal((80.00m, 1L), (ledger.CommissionByAccount["own"].NetGmvWithout, ledger.CommissionByAccount["own"].OrdersWithout));
    }

    [Theory]
    [InlineData(3000, 6000, 10000, 1800)]
    [InlineData(1000, 2222, 3333, 667)]
    [InlineData(1, 1, 2, 1)]
    [InlineData(500, 0, 2000, 0)]
    [InlineData(500, 2000, 0, 0)]
    public void Share_CommissionNetAndGmvInCents_RoundedHalfAwayFromZero(long commission, long net, long gmv, long expected) =>
        Assert.Equal(expected, CommissionTally.Share(commission, net, gmv));
}
