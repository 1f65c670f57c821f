namespace Playbook.Ledger;

/// <summary>Repurchase in one calendar month.</summary>
/// <param name="Month">The month, yyyy-MM.</param>
/// <param name="Buyers">Buyers with a paid order in the month.</param>
/// <param name="RepeatBuyers">Of them, those with two or more purchases in the month.</param>
/// <param name="Rate">RepeatBuyers / Buyers.</param>
public sealed record MonthlyRepurchase(string Month, long Buyers, long RepeatBuyers, double Rate);

/// <summary>
/// Everything the analysis needs to know about buyers, reduced from their purchases: counts for
/// 复购率 and the private-domain overlay. Computed in one place, <see cref="BuyerBook.Combine"/>,
/// whichever store kept the buyers.
/// </summary>
/// <param name="Buyers">Distinct buyer ids.</param>
/// <param name="RepeatBuyers">Buyers with two or more distinct parent orders.</param>
/// <param name="Monthly">Per calendar month: buyers with a sub-order paid in it, and those with two or more distinct parent orders paid in it.</param>
/// <param name="CohortBuyers30">Buyers whose first purchase is at least 30 days before the period's end.</param>
/// <param name="Returned30">Of them, those whose next distinct purchase came within 30 days.</param>
/// <param name="RepeatOrFanNetGmv">Net GMV of repeat buyers' orders plus fan-marked orders of the other buyers, CNY.</param>
internal sealed record BuyerFigures(
    long Buyers,
    long RepeatBuyers,
    IReadOnlyList<MonthlyRepurchase> Monthly,
    long CohortBuyers30,
    long Returned30,
    decimal RepeatOrFanNetGmv)
{
    /// <summary>Seconds a buyer has to come back for the 30-day rate.</summary>
    public const long ReturnWindowSeconds = 30L * 24 * 3600;
}
