using System.Globalization;
using Playbook.Canonical;
using Playbook.Ledger;

namespace Playbook.Analysis;

/// <summary>
/// A campaign window's sales and its uplift over the same number of days just before it.
/// </summary>
/// <param name="CampaignId">The campaign.</param>
/// <param name="Name">Its name.</param>
/// <param name="StartsOn">First day of the window, inclusive.</param>
/// <param name="EndsOn">Last day of the window, inclusive.</param>
/// <param name="Days">Days in the window.</param>
/// <param name="NetGmv">Net GMV of the orders paid in the window (and in the period), CNY.</param>
/// <param name="BaselineFrom">First day of the baseline: <see cref="Days"/> days before the window.</param>
/// <param name="BaselineTo">Last day of the baseline: the day before the window.</param>
/// <param name="BaselineNetGmv">Net GMV of the baseline, CNY; null when the baseline is not wholly in the period.</param>
/// <param name="Uplift">NetGmv / BaselineNetGmv (equal lengths, so also the ratio of daily averages); null when not available.</param>
/// <param name="Reason">Why the uplift is not available.</param>
public sealed record CampaignUplift(
    string CampaignId,
    string Name,
    DateOnly StartsOn,
    DateOnly EndsOn,
    int Days,
    decimal NetGmv,
    DateOnly BaselineFrom,
    DateOnly BaselineTo,
    decimal? BaselineNetGmv,
    double? Uplift,
    string? Reason)
{
    /// <summary>How uplift is defined.</summary>
    public const string Definition =
        "uplift = net GMV in the campaign window (inclusive dates, China time) / net GMV in the baseline, the same number of days immediately before the window; " +
        "not available when the window or the baseline is not wholly inside the period, or the baseline has no sales";

    /// <summary>The campaigns that overlap the ledger's period, with their uplift.</summary>
    public static IReadOnlyList<CampaignUplift> Of(OrderLedger ledger, IEnumerable<Campaign> campaigns)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(campaigns);
        if (ledger.From is not { } from || ledger.To is not { } to)
        {
            return [];
        }

        var results = new List<CampaignUplift>();
        foreach (var c in campaigns.Where(c => c.EndsOn >= from && c.StartsOn <= to).OrderBy(c => c.StartsOn).ThenBy(c => c.CampaignId, StringComparer.Ordinal))
        {
            var days = c.EndsOn.DayNumber - c.StartsOn.DayNumber + 1;
            var baselineFrom = c.StartsOn.AddDays(-days);
            var baselineTo = c.StartsOn.AddDays(-1);
            var net = ledger.NetGmvBetween(c.StartsOn, c.EndsOn);
            string? reason = null;
            decimal? baseline = null;
            if (c.StartsOn < from || c.EndsOn > to)
            {
                reason = Invariant($"not available: the window {c.StartsOn:yyyy-MM-dd}..{c.EndsOn:yyyy-MM-dd} is not wholly inside the period {from:yyyy-MM-dd}..{to:yyyy-MM-dd}");
            }
            else if (baselineFrom < from)
            {
                reason = Invariant($"not available: the baseline {baselineFrom:yyyy-MM-dd}..{baselineTo:yyyy-MM-dd} starts before the period {from:yyyy-MM-dd}..{to:yyyy-MM-dd}");
            }
            else
            {
                baseline = ledger.NetGmvBetween(baselineFrom, baselineTo);
                if (baseline == 0)
                {
                    reason = Invariant($"not available: no sales in the baseline {baselineFrom:yyyy-MM-dd}..{baselineTo:yyyy-MM-dd}");
                }
            }

            results.Add(new CampaignUplift(
                c.CampaignId, c.Name, c.StartsOn, c.EndsOn, days, net, baselineFrom, baselineTo, baseline,
                reason is null ? (double)(net / baseline!.Value) : null, reason));
        }

        return results;
    }

    /// <summary>Net GMV of the days of the ledger's period that fall inside any of <paramref name="campaigns"/>' windows (each day once).</summary>
    public static decimal UnionNetGmv(OrderLedger ledger, IEnumerable<Campaign> campaigns)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(campaigns);
        var windows = campaigns.Select(c => (c.StartsOn, c.EndsOn)).ToList();
        return ledger.ByDay.Where(d => windows.Any(w => d.Key >= w.StartsOn && d.Key <= w.EndsOn)).Sum(d => d.Value.NetGmv);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
