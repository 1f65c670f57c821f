using Playbook.Canonical;
using Playbook.Ledger;

namespace Playbook.Analysis;

/// <summary>
/// Buyers grouped by the month of their first purchase (the cohort), and the share of each cohort
/// that buys again in each later month: the private domain's retention, month by month.
/// </summary>
/// <param name="Cohorts">Cohort months, yyyy-MM, oldest first.</param>
/// <param name="Sizes">Buyers in each cohort.</param>
/// <param name="Retention">[cohort][months after the first] = share of the cohort buying in that month; null past the data.</param>
public sealed record CohortRetention(IReadOnlyList<string> Cohorts, IReadOnlyList<int> Sizes, IReadOnlyList<IReadOnlyList<double?>> Retention)
{
    /// <summary>How it is defined.</summary>
    public const string Definition =
        "cohort = month of a buyer's first purchase in the period; retention[m] = buyers of the cohort with a purchase m months later / buyers in the cohort";

    /// <summary>The cohorts of the buyers' purchases, up to <paramref name="months"/> months after the first.</summary>
    public static CohortRetention Of(BuyerHistories buyers, int months = 12)
    {
        ArgumentNullException.ThrowIfNull(buyers);
        var last = buyers.To is { } to ? FastFields.MonthIndex(to.Year, to.Month) : 0;
        var groups = buyers.PurchaseMonths()
            .GroupBy(m => m[0])
            .OrderBy(g => g.Key)
            .ToList();
        var names = groups.Select(g => BuyerHistories.MonthName(g.Key)).ToList();
        var sizes = groups.Select(g => g.Count()).ToList();
        var retention = groups.Select(g =>
        {
            var row = new double?[months + 1];
            for (var m = 0; m <= months; m++)
            {
                row[m] = g.Key + m > last ? null : (double)g.Count(b => b.Contains(g.Key + m)) / g.Count();
            }

            return (IReadOnlyList<double?>)row;
        }).ToList();
        return new CohortRetention(names, sizes, retention);
    }
}
