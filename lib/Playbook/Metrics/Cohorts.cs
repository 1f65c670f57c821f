using System.Globalization;

namespace Playbook.Metrics;

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

    /// <summary>The cohorts of a ledger's buyers, up to <paramref name="months"/> months after the first.</summary>
    public static CohortRetention Of(OrderLedger ledger, int months = 12)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        if (!ledger.HasPurchaseHistories)
        {
            throw new InvalidOperationException("cohorts need every buyer's purchases, which the fast reader does not keep: read the orders with ReaderEngine.Plain");
        }

        static int Index(DateTime t) => (t.Year * 12) + t.Month - 1;
        var last = ledger.To is { } to ? (to.Year * 12) + to.Month - 1 : 0;
        var groups = ledger.ByBuyer.Values
            .Select(b => b.Purchases.Select(p => Index(p.PaidAt)).Distinct().Order().ToList())
            .GroupBy(m => m[0])
            .OrderBy(g => g.Key)
            .ToList();
        var names = groups.Select(g => new DateTime(g.Key / 12, (g.Key % 12) + 1, 1).ToString("yyyy-MM", CultureInfo.InvariantCulture)).ToList();
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
