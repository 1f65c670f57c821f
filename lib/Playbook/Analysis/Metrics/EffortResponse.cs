using System.Globalization;

namespace Playbook.Analysis;

/// <summary>
/// How GMV responds to effort in a pillar, fitted as GMV = a + b × ln(effort) by least squares on
/// daily points: each extra unit of effort adds less than the one before (diminishing returns).
/// A description of the past data, not a causal estimate.
/// </summary>
/// <param name="Pillar">What the effort is spent on.</param>
/// <param name="Effort">The unit of effort (¥ of paid traffic, live hours, active talents).</param>
/// <param name="A">Intercept, CNY.</param>
/// <param name="B">CNY of GMV per unit of ln(effort): the response.</param>
/// <param name="RSquared">Share of the daily variation the fit explains.</param>
/// <param name="Points">Days used.</param>
/// <param name="MeanEffort">Average daily effort in the data.</param>
public sealed record EffortResponse(string Pillar, string Effort, double A, double B, double RSquared, int Points, double MeanEffort)
{
    /// <summary>Fits the curve to (effort, GMV) days; days with no effort are left out (ln 0 is undefined).</summary>
    /// <exception cref="ArgumentException">Fewer than three days with effort, or the effort never varies.</exception>
    public static EffortResponse Fit(string pillar, string effort, IEnumerable<(double Effort, double Gmv)> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        var points = days.Where(d => d.Effort > 0).Select(d => (X: Math.Log(d.Effort), Y: d.Gmv, d.Effort)).ToList();
        if (points.Count < 3)
        {
            throw new ArgumentException($"{pillar}: at least three days with effort are needed to fit a response, found {points.Count}", nameof(days));
        }

        var meanX = points.Average(p => p.X);
        var meanY = points.Average(p => p.Y);
        var sxx = points.Sum(p => (p.X - meanX) * (p.X - meanX));
        var sxy = points.Sum(p => (p.X - meanX) * (p.Y - meanY));
        if (points.Max(p => p.Effort) - points.Min(p => p.Effort) <= 1e-9 * points.Max(p => p.Effort))
        {
            // The same effort every day says nothing about what more or less would do.
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{pillar}: the effort ({effort}) is {points[0].Effort:0.##} on every day, so no response can be fitted"), nameof(days));
        }

        var b = sxy / sxx;
        var a = meanY - (b * meanX);
        var total = points.Sum(p => (p.Y - meanY) * (p.Y - meanY));
        var residual = points.Sum(p => Math.Pow(p.Y - (a + (b * p.X)), 2));
        return new EffortResponse(pillar, effort, a, b, total == 0 ? 0 : 1 - (residual / total), points.Count, points.Average(p => p.Effort));
    }

    /// <summary>Daily GMV the fit expects at <paramref name="effort"/> units a day.</summary>
    public double Predict(double effort) => effort <= 0 ? 0 : Math.Max(0, A + (B * Math.Log(effort)));

    /// <summary>Extra daily GMV from one more unit of effort at <paramref name="effort"/>: B / effort.</summary>
    public double Marginal(double effort) => effort <= 0 ? double.PositiveInfinity : B / effort;

    /// <summary>The fit in words.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Pillar}: GMV ≈ {A:N0} + {B:N0} × ln({Effort}), R² {RSquared:0.00}, {Points} days");
}

/// <summary>A what-if: daily effort moved between pillars, and the GMV each fit projects.</summary>
/// <param name="Pillar">The pillar.</param>
/// <param name="EffortBefore">Daily effort now.</param>
/// <param name="EffortAfter">Daily effort in the scenario.</param>
/// <param name="GmvBefore">Projected daily GMV now, CNY.</param>
/// <param name="GmvAfter">Projected daily GMV in the scenario, CNY.</param>
public sealed record WhatIfLine(string Pillar, double EffortBefore, double EffortAfter, double GmvBefore, double GmvAfter);

/// <summary>Projections from effort-response fits.</summary>
public static class WhatIf
{
    /// <summary>Each pillar's projected daily GMV at its mean effort and at the effort times <paramref name="factors"/>.</summary>
    public static IReadOnlyList<WhatIfLine> Project(IReadOnlyList<EffortResponse> fits, IReadOnlyDictionary<string, double> factors)
    {
        ArgumentNullException.ThrowIfNull(fits);
        ArgumentNullException.ThrowIfNull(factors);
        return [.. fits.Select(f =>
        {
            var after = f.MeanEffort * factors.GetValueOrDefault(f.Pillar, 1.0);
            return new WhatIfLine(f.Pillar, f.MeanEffort, after, f.Predict(f.MeanEffort), f.Predict(after));
        })];
    }
}
