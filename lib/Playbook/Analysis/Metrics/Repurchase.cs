using System.Globalization;
using Playbook.Ledger;

namespace Playbook.Analysis;

/// <summary>
/// 复购率, user-based, in three variants: over the period, per calendar month, and within 30 days of a
/// buyer's first purchase. A purchase is a parent order (主订单): two products bought together are one purchase.
/// </summary>
/// <param name="Available">False when no order carries a buyer id: repurchase cannot be measured, and is not 0.</param>
/// <param name="Reason">Why it is not available, or what limits it.</param>
/// <param name="Buyers">Buyers in the period.</param>
/// <param name="RepeatBuyers">Buyers with two or more purchases in the period.</param>
/// <param name="Rate">RepeatBuyers / Buyers.</param>
/// <param name="Monthly">The rate per calendar month.</param>
/// <param name="CohortBuyers30">Buyers whose first purchase in the period is at least 30 days before its end.</param>
/// <param name="Returned30">Of them, those who bought again within 30 days of that first purchase.</param>
/// <param name="Rate30">Returned30 / CohortBuyers30.</param>
public sealed record Repurchase(
    bool Available,
    string? Reason,
    long Buyers,
    long RepeatBuyers,
    double? Rate,
    IReadOnlyList<MonthlyRepurchase> Monthly,
    long CohortBuyers30,
    long Returned30,
    double? Rate30)
{
    /// <summary>How the rates are defined.</summary>
    public const string Definition =
        "period rate = buyers with 2+ purchases in the period / buyers in the period; monthly rate = the same within each calendar month (a purchase counts in the month its sub-orders were paid in); " +
        "30-day rate = buyers who buy again within 30 days of their first purchase in the period / buyers whose first purchase is at least 30 days before the period ends; " +
        "a purchase is a parent order (主订单)";

    /// <summary>The repurchase rates of a ledger's period.</summary>
    public static Repurchase Of(OrderLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        if (ledger.BuyerFigures() is not { } figures)
        {
            var why = ledger.HasDailySales && ledger.Total.Orders == ledger.Total.OrdersFromDailySales
                ? "not available: repurchase needs order rows with buyer ids; only daily sales were given"
                : "not available: no order carries a buyer_id";
            return new Repurchase(false, why, 0, 0, null, [], 0, 0, null);
        }

        var reason = ledger.WithoutBuyer.Orders > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{ledger.WithoutBuyer.Orders} order rows without buyer_id are left out")
            : null;
        var f = figures;
        return new Repurchase(true, reason, f.Buyers, f.RepeatBuyers, (double)f.RepeatBuyers / f.Buyers, f.Monthly, f.CohortBuyers30, f.Returned30, f.CohortBuyers30 > 0 ? (double)f.Returned30 / f.CohortBuyers30 : null);
    }
}
