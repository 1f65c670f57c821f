using System.Globalization;

namespace Playbook.Analysis;

/// <summary>
/// What a reader should know before trusting a fit, shown beside its results: too few days for the
/// parameters, drivers that moved together (their effects cannot be told apart), a driver whose
/// effort never left a narrow range (its curve beyond that range is a guess), a baseline that goes
/// negative, the error on held-out days, drivers whose effect the data cannot tell from zero, and
/// drivers the data cannot pin down: the model's forms (shape free or 1, with or without last week's
/// sales) give them different effects, so their intervals pool the forms and are wide.
/// </summary>
public static class MediaMixHealth
{
    /// <summary>Days per fitted parameter below which a fit is thin.</summary>
    public const double MinDaysPerParameter = 10;

    /// <summary>Correlation of two drivers' daily series above which their effects blur.</summary>
    public const double MaxCorrelation = 0.7;

    /// <summary>The spread of a driver's busy days (90th over 10th percentile) below which its range is narrow.</summary>
    public const double MinSpread = 1.5;

    /// <summary>Held-out error above which the fit predicts poorly.</summary>
    public const double MaxHoldOutError = 0.25;

    /// <summary>How far apart (largest over smallest) the forms' median effects of a driver may be before it is not pinned down.</summary>
    public const double MaxFormRatio = 2.0;

    /// <summary>The name of the check that the model's forms agree about <paramref name="driver"/>'s effect.</summary>
    public static string PinnedDown(string driver) => driver + " is pinned down";

    /// <summary>The checks of a fit.</summary>
    /// <param name="data">What was fitted.</param>
    /// <param name="fit">The fit on all the data.</param>
    /// <param name="draws">The bootstrap refits.</param>
    /// <param name="baselineColumns">The baseline's columns.</param>
    /// <param name="holdOutError">The error on held-out days, when measured.</param>
    /// <param name="drawForms">The model form of each refit (null: one form).</param>
    public static IReadOnlyList<HealthCheck> Check(MediaData data, MediaMixFit fit, IReadOnlyList<MediaMixFit> draws, IReadOnlyList<string> baselineColumns, double? holdOutError, IReadOnlyList<string>? drawForms = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(draws);
        ArgumentNullException.ThrowIfNull(baselineColumns);
        var checks = new List<HealthCheck>();
        var parameters = baselineColumns.Count + (4 * data.Drivers.Count);
        var perParameter = (double)data.Days.Count / parameters;
        checks.Add(new("days per parameter", perParameter >= MinDaysPerParameter, F($"{data.Days.Count} days for {parameters} parameters: {perParameter:0.0} a parameter (want {MinDaysPerParameter:0} or more)")));

        for (var i = 0; i < data.Drivers.Count; i++)
        {
            for (var j = i + 1; j < data.Drivers.Count; j++)
            {
                var r = Correlation(data.Drivers[i].Daily, data.Drivers[j].Daily);
                checks.Add(new($"{data.Drivers[i].Name} and {data.Drivers[j].Name} move apart", Math.Abs(r) <= MaxCorrelation, F($"correlation {r:0.00} (want within ±{MaxCorrelation:0.0})")));
            }
        }

        foreach (var driver in data.Drivers)
        {
            var (low, high) = driver.BusyRange ?? (0, 0);
            var spread = driver.BusyDays < 10 ? 0 : high / Math.Max(low, 1e-12);
            checks.Add(new($"{driver.Name} varies", spread >= MinSpread, F($"its busy days run from {low:#,0.##} to {high:#,0.##} {driver.Unit} a day (10th to 90th percentile, ×{spread:0.00}; want ×{MinSpread:0.0} or more)")));
        }

        var negative = fit.Baseline.Count(b => b < 0);
        checks.Add(new("baseline stays positive", negative == 0, F($"{negative} of {fit.Baseline.Length} days below zero")));
        if (holdOutError is { } error)
        {
            checks.Add(new("predicts held-out days", error <= MaxHoldOutError, F($"error {error:0.0%} of GMV on the last days, fitted without them (want {MaxHoldOutError:0%} or less)")));
        }

        for (var d = 0; d < data.Drivers.Count; d++)
        {
            var totals = draws.Select(x => x.Contributions[d].Sum()).Order().ToArray();
            var point = fit.Contributions[d].Sum();
            var low = totals.Length == 0 ? point : Quantile(totals, 0.05);
            var tellable = point > 0 && low > 0.02 * point;
            checks.Add(new($"{data.Drivers[d].Name} tells from zero", tellable, point <= 0
                ? "the fit gives it no effect: the data shows no GMV that follows it"
                : F($"its contribution's 90% interval starts at {low / Math.Max(point, 1e-12):0%} of the estimate")));
        }

        if (drawForms is not null && drawForms.Distinct().Count() > 1 && draws.Count >= 2 * drawForms.Distinct().Count())
        {
            for (var d = 0; d < data.Drivers.Count; d++)
            {
                var effort = Math.Max(data.Drivers[d].Daily.Sum(), 1e-12);
                var byForm = draws.Select((x, b) => (Form: drawForms[b], PerUnit: x.Contributions[d].Sum() / effort))
                    .GroupBy(x => x.Form)
                    .Select(g => (Form: g.Key, Median: Quantile([.. g.Select(x => x.PerUnit).Order()], 0.5)))
                    .ToList();
                var most = byForm.Max(f => f.Median);
                var least = byForm.Min(f => f.Median);
                var pinned = least > 0 ? most / least <= MaxFormRatio : most <= 0;
                var unit = data.Drivers[d].Unit.TrimEnd('s');
                checks.Add(new(PinnedDown(data.Drivers[d].Name), pinned, F($"GMV per {unit} by the model's form: {string.Join(", ", byForm.Select(f => F($"{f.Form} {f.Median:#,0.##}")))} (want within ×{MaxFormRatio:0.0}); {(pinned ? "the forms agree" : "its interval pools them and is wide: a test (a holdout week, a split of rooms) settles it")}")));
            }
        }

        return checks;
    }

    /// <summary>The q-quantile of sorted values, interpolated.</summary>
    public static double Quantile(IReadOnlyList<double> sorted, double q)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        var position = q * (sorted.Count - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
    }

    private static double Correlation(double[] a, double[] b)
    {
        var ma = a.Average();
        var mb = b.Average();
        double sab = 0, saa = 0, sbb = 0;
        for (var t = 0; t < a.Length; t++)
        {
            sab += (a[t] - ma) * (b[t] - mb);
            saa += (a[t] - ma) * (a[t] - ma);
            sbb += (b[t] - mb) * (b[t] - mb);
        }

        return saa == 0 || sbb == 0 ? 0 : sab / Math.Sqrt(saa * sbb);
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
