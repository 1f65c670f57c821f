using System.Globalization;

namespace Playbook.Metrics;

/// <summary>
/// Everything the analysis needs to know about buyers, reduced from their purchases: counts for
/// 复购率 and the private-domain overlay. The plain ledger reduces full purchase histories; the fast
/// reader keeps only the few values per buyer these figures need, and both must give the same numbers.
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

    /// <summary>The month a time falls in, as the report spells it.</summary>
    public static string MonthName(DateTime time) => time.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>Reduces full purchase histories (the plain ledger's) to the figures.</summary>
    /// <param name="buyers">Every buyer's history.</param>
    /// <param name="lastMoment">The last moment of the period: buyers who first bought less than 30 days before it are left out of the 30-day cohort.</param>
    public static BuyerFigures Of(IReadOnlyCollection<BuyerHistory> buyers, DateTime lastMoment)
    {
        long repeat = 0, cohort = 0, returned = 0;
        var net = 0m;
        var months = new SortedDictionary<string, (long Buyers, long Repeat)>(StringComparer.Ordinal);
        foreach (var buyer in buyers)
        {
            var isRepeat = buyer.Purchases.Count >= 2;
            repeat += isRepeat ? 1 : 0;
            net += isRepeat ? buyer.NetGmv : buyer.FanNetGmv;

            // A purchase counts in every month one of its sub-orders was paid in.
            foreach (var month in buyer.MonthlyParents.GroupBy(p => p.Month))
            {
                months.TryGetValue(month.Key, out var m);
                months[month.Key] = (m.Buyers + 1, m.Repeat + (month.Count() >= 2 ? 1 : 0));
            }

            var times = buyer.Purchases.Select(p => p.PaidAt).Order().ToList();
            if (times[0].AddDays(30) > lastMoment)
            {
                continue;
            }

            cohort++;
            if (times.Count > 1 && times[1] <= times[0].AddDays(30))
            {
                returned++;
            }
        }

        var monthly = months.Select(m => new MonthlyRepurchase(m.Key, m.Value.Buyers, m.Value.Repeat, (double)m.Value.Repeat / m.Value.Buyers)).ToList();
        return new BuyerFigures(buyers.Count, repeat, monthly, cohort, returned, net);
    }
}
