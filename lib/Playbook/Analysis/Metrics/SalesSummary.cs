using Playbook.Ledger;

namespace Playbook.Analysis;

/// <summary>
/// The headline figures of a period's paid orders (DOMAIN.md "Metric definitions").
/// </summary>
/// <param name="Gmv">成交额: paid amount, CNY, refunds not netted.</param>
/// <param name="Refund">退款金额: refunded amount, CNY.</param>
/// <param name="NetGmv">Net GMV = paid − refunded, CNY.</param>
/// <param name="Orders">Paid order rows (sub-orders).</param>
/// <param name="Buyers">Distinct buyer ids; null when no order has one.</param>
/// <param name="Units">Units sold.</param>
/// <param name="Aov">客单价: GMV / buyers, CNY; null without buyers.</param>
/// <param name="UnitPrice">件均价: GMV / units, CNY; null without units.</param>
/// <param name="RefundRateByOrder">退款率: order rows with a refund / paid order rows.</param>
/// <param name="RefundRateByAmount">Refunded amount / paid amount.</param>
public sealed record SalesSummary(
    decimal Gmv,
    decimal Refund,
    decimal NetGmv,
    long Orders,
    long? Buyers,
    long Units,
    decimal? Aov,
    decimal? UnitPrice,
    double? RefundRateByOrder,
    double? RefundRateByAmount)
{
    /// <summary>How every figure is defined.</summary>
    public const string Definition =
        "gmv = paid amount of orders paid in the period (CNY, refunds not netted); refund = refunded amount; net_gmv = gmv - refund; " +
        "orders = paid sub-order rows; buyers = distinct buyer ids; aov = gmv / buyers; unit_price = gmv / units; " +
        "refund_rate_by_order = rows with a refund / paid rows; refund_rate_by_amount = refund / gmv";

    /// <summary>The summary of a ledger's period.</summary>
    public static SalesSummary Of(OrderLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var total = ledger.Total;
        long? buyers = ledger.BuyerCount > 0 ? ledger.BuyerCount : null;
        return new SalesSummary(
            total.Gmv,
            total.Refund,
            total.NetGmv,
            total.Orders,
            buyers,
            total.Units,
            buyers > 0 ? decimal.Round(total.Gmv / buyers.Value, 2) : null,
            total.Units > 0 ? decimal.Round(total.Gmv / total.Units, 2) : null,
            // Daily sales give refunded amounts but not refunded orders.
            total.Orders > 0 && total.OrdersFromDailySales == 0 ? (double)total.RefundedOrders / total.Orders : null,
            total.Gmv > 0 ? (double)(total.Refund / total.Gmv) : null);
    }
}
