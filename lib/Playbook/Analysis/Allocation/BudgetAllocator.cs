using System.Globalization;

namespace Playbook.Analysis;

/// <summary>A figure with its 90% interval.</summary>
/// <param name="Value">The estimate.</param>
/// <param name="Low">The 5th percentile over the bootstrap refits.</param>
/// <param name="High">The 95th percentile.</param>
public sealed record Estimate(double Value, double Low, double High);

/// <summary>What a plan asks: a cost per unit for each driver to move, a daily budget, and bounds as multiples of today's level.</summary>
public sealed record AllocationRequest
{
    /// <summary>Cost per unit of each driver (paid_spend costs 1 a yuan whether given or not). Drivers without a cost are held at today's level.</summary>
    public IReadOnlyDictionary<string, double> Costs { get; init; } = new Dictionary<string, double>();

    /// <summary>The daily budget of the moved drivers; null = today's cost per day.</summary>
    public double? BudgetPerDay { get; init; }

    /// <summary>Every driver's bounds as multiples of today's level.</summary>
    public (double Low, double High) Bounds { get; init; } = (0.5, 2);

    /// <summary>Bounds of single drivers, overriding <see cref="Bounds"/>.</summary>
    public IReadOnlyDictionary<string, (double Low, double High)> DriverBounds { get; init; } = new Dictionary<string, (double Low, double High)>();

    /// <summary>
    /// How many standard deviations of a driver's change (over the refits) the plan takes off its mean:
    /// 0 plans on the mean alone; 0.5 (on simulated brands, ours and three that are not our model) kept
    /// the worst plan within 5% of the oracle's where the mean alone lost up to 9%.
    /// </summary>
    public double Caution { get; init; } = 0.5;

    /// <summary>
    /// Standard deviations taken off the change of a driver the data cannot pin down (its health check
    /// "… is pinned down" fails: the model's forms give it effects more than 2× apart), on top of
    /// <see cref="Caution"/>. The forms' disagreement says its curve is a guess, and the refits of each form
    /// share that guess, so their spread understates it. On simulated brands (bench/README.md, issue 25) 1.0
    /// lowered the worst plan's regret in three worlds of four (our own model's 9.3% to 7.7% of the oracle's
    /// media GMV) for a little more median regret where the data pins most drivers down.
    /// </summary>
    public double UnpinnedCaution { get; init; } = 1.0;
}

/// <summary>One driver in a plan.</summary>
/// <param name="Driver">The driver.</param>
/// <param name="Unit">Its unit.</param>
/// <param name="CostPerUnit">Cost of a unit; null when not given (then it is held where it is).</param>
/// <param name="Current">Units per day today (mean over the period).</param>
/// <param name="Recommended">Units per day in the plan.</param>
/// <param name="Roas">Its contribution over the period divided by its cost; null without a cost.</param>
/// <param name="MarginalRoas">GMV from one more yuan a day at today's level; null without a cost.</param>
/// <param name="MarginalRoasAfter">The same at the plan's level.</param>
/// <param name="GmvPerUnit">Its contribution over the period per unit of effort.</param>
/// <param name="Curve">Its fitted response.</param>
public sealed record DriverPlan(string Driver, string Unit, double? CostPerUnit, double Current, double Recommended, Estimate? Roas, Estimate? MarginalRoas, Estimate? MarginalRoasAfter, Estimate GmvPerUnit, DriverCurve Curve)
{
    /// <summary>Days until half a day's effect has worn off.</summary>
    public double HalfLifeDays => Curve.HalfLifeDays;

    /// <summary>
    /// Whether the data cannot pin it down (its health check "… is pinned down" failed), so the plan took
    /// <see cref="AllocationRequest.UnpinnedCaution"/> more standard deviations off its change.
    /// </summary>
    public bool Unpinned { get; init; }

    /// <summary>Why it moves (or not), in words: its marginal ROAS today and in the plan, and whether the plan held it back.</summary>
    public string Why
    {
        get
        {
            if (CostPerUnit is null || MarginalRoas is null || MarginalRoasAfter is null)
            {
                return "held at today's level: no cost per unit was given";
            }

            var change = Current <= 0 ? 0 : (Recommended / Current) - 1;
            var (before, after) = (MarginalRoas.Value, MarginalRoasAfter.Value);
            var why = Math.Abs(change) < 0.01
                ? FormattableString.Invariant($"stays: its next yuan returns ¥{before:0.00}, about what the others' do")
                : change > 0
                    ? FormattableString.Invariant($"up {change:0%}: its next yuan returned ¥{before:0.00} (90%: {MarginalRoas.Low:0.00}–{MarginalRoas.High:0.00}), more than elsewhere; at the plan's level ¥{after:0.00}")
                    : FormattableString.Invariant($"down {-change:0%}: its last yuan returned only ¥{before:0.00} (90%: {MarginalRoas.Low:0.00}–{MarginalRoas.High:0.00}); at the plan's level ¥{after:0.00}");
            return Unpinned ? why + "; moved with more caution: the data cannot pin it down" : why;
        }
    }
}

/// <summary>A plan: where each driver goes, what it is expected to gain, and how sure that is.</summary>
/// <param name="BudgetPerDay">The daily budget of the moved drivers, CNY.</param>
/// <param name="Drivers">Every driver, moved or held.</param>
/// <param name="MediaGmvCurrent">GMV per day from the drivers at today's levels (steady state).</param>
/// <param name="MediaGmvRecommended">The same in the plan.</param>
/// <param name="Gain">The plan's gain per day, with its interval.</param>
/// <param name="ProbabilityBetter">The share of bootstrap refits under which the plan beats today's.</param>
/// <param name="Health">The fit's health checks.</param>
/// <param name="Warnings">What a reader must know: failed checks, and anything about the request.</param>
public sealed record Allocation(double BudgetPerDay, IReadOnlyList<DriverPlan> Drivers, double MediaGmvCurrent, double MediaGmvRecommended, Estimate Gain, double ProbabilityBetter, IReadOnlyList<HealthCheck> Health, IReadOnlyList<string> Warnings);

/// <summary>
/// A steady daily plan that maximises expected GMV for a fixed budget within bounds. Expected means
/// averaged over the bootstrap refits (so a driver the data is unsure of is not bet on as if it
/// were sure). The curves are separable, so the plan is found exactly on a grid of the budget by
/// dynamic programming, S-shaped curves included; the budget is met exactly and no bound is crossed.
/// </summary>
public static class BudgetAllocator
{
    /// <summary>Steps the budget is cut into.</summary>
    public const int Steps = 2000;

    /// <summary>The name of the paid-traffic driver, whose unit is the yuan.</summary>
    public const string PaidSpend = "paid_spend";

    /// <summary>Plans the drivers of a fitted model.</summary>
    /// <exception cref="InvalidOperationException">A bound or cost is invalid.</exception>
    public static Allocation Allocate(MediaMixResult result, AllocationRequest request)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(request);
        var data = result.Data;
        var fits = new List<MediaMixFit> { result.Fit };
        fits.AddRange(result.Draws);
        var warnings = new List<string>();
        var drivers = data.Drivers.Select((d, i) => (Driver: d, Index: i, Cost: Cost(request, d.Name))).ToList();
        foreach (var unknown in request.Costs.Keys.Concat(request.DriverBounds.Keys).Distinct().Where(k => drivers.All(d => d.Driver.Name != k)))
        {
            var reason = data.Excluded.FirstOrDefault(e => e.StartsWith(unknown, StringComparison.Ordinal) || e.Contains(" " + unknown, StringComparison.Ordinal) || e.Contains(unknown + ",", StringComparison.Ordinal));
            warnings.Add(reason is null ? $"{unknown} is not a driver of this data; its cost or bound is ignored" : $"{unknown} is left out of the model ({reason}); its cost or bound is ignored");
        }

        var moved = drivers.Where(d => d.Cost is > 0 && d.Driver.Current > 0).ToList();
        foreach (var held in drivers.Where(d => d.Cost is null))
        {
            warnings.Add($"{held.Driver.Name} has no cost per unit (--cost {held.Driver.Name}=¥), so it stays at today's {held.Driver.Current.ToString("#,0.##", CultureInfo.InvariantCulture)} {held.Driver.Unit} a day");
        }

        var ranges = moved.Select(d =>
        {
            var (low, high) = request.DriverBounds.TryGetValue(d.Driver.Name, out var own) ? own : request.Bounds;
            if (low < 0 || high < low)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"the bounds of {d.Driver.Name} ({low}:{high}) must satisfy 0 ≤ low ≤ high"));
            }

            return (Low: low * d.Driver.Current * d.Cost!.Value, High: high * d.Driver.Current * d.Cost!.Value);
        }).ToList();
        var today = moved.Sum(d => d.Driver.Current * d.Cost!.Value);
        var budget = request.BudgetPerDay ?? today;
        var least = ranges.Sum(r => r.Low);
        var most = ranges.Sum(r => r.High);
        if (budget < least || budget > most)
        {
            var clamped = Math.Clamp(budget, least, most);
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"a budget of ¥{budget:#,0} a day cannot be spent within the bounds (¥{least:#,0} to ¥{most:#,0}); planned with ¥{clamped:#,0}"));
            budget = clamped;
        }

        // Each driver's expected change from today's level over the refits, less request.Caution standard
        // deviations of it (more for a driver the data cannot pin down): a move the refits disagree on is
        // worth less than its mean.
        var unpinned = data.Drivers.Select(d => d.Name).Where(name => result.Health.Any(h => !h.Ok && h.Check == MediaMixHealth.PinnedDown(name))).ToHashSet();
        double Cautious(int index, double cost, double current, double spend)
        {
            var changes = fits.Select(f => f.Curves[index].Response(spend / cost) - f.Curves[index].Response(current)).ToArray();
            var mean = changes.Average();
            var sd = changes.Length < 2 ? 0 : Math.Sqrt(changes.Sum(x => (x - mean) * (x - mean)) / (changes.Length - 1));
            var caution = request.Caution + (unpinned.Contains(data.Drivers[index].Name) ? request.UnpinnedCaution : 0);
            return mean - (caution * sd);
        }

        var spends = Plan(moved.Select(d => (Func<double, double>)(spend => Cautious(d.Index, d.Cost!.Value, d.Driver.Current, spend))).ToList(), ranges, budget);
        var recommended = data.Drivers.Select(d => d.Current).ToArray();
        for (var i = 0; i < moved.Count; i++)
        {
            recommended[moved[i].Index] = spends[i] / moved[i].Cost!.Value;
        }

        var plans = drivers.Select(d => DriverPlanOf(d.Driver, d.Index, d.Cost, recommended[d.Index], result, fits) with { Unpinned = d.Cost is > 0 && unpinned.Contains(d.Driver.Name) }).ToList();
        var gains = fits.Select(f => drivers.Sum(d => f.Curves[d.Index].Response(recommended[d.Index]) - f.Curves[d.Index].Response(d.Driver.Current))).ToArray();
        var point = result.Fit;
        var current = drivers.Sum(d => point.Curves[d.Index].Response(d.Driver.Current));
        var planned = drivers.Sum(d => point.Curves[d.Index].Response(recommended[d.Index]));
        if (moved.Count < 2 && request.BudgetPerDay is null)
        {
            warnings.Add(moved.Count == 0
                ? "no driver has a cost per unit, so nothing can move: give --cost DRIVER=¥"
                : $"only {moved[0].Driver.Name} has a cost, so with today's budget it cannot move: give --budget, or --cost for another driver");
        }

        warnings.AddRange(result.Health.Where(h => !h.Ok).Select(h => $"{h.Check}: {h.Detail}"));
        warnings.AddRange(Ingest.LoadReport.LossesOf(data.Load));
        return new Allocation(budget, plans, current, planned, Interval(gains[0], gains.Skip(1)), gains.Skip(1).DefaultIfEmpty(gains[0]).Average(g => g > 0 ? 1.0 : 0.0), result.Health, warnings);
    }

    /// <summary>
    /// The spends (one per curve) that maximise Σ response(spend) with Σ spend = <paramref name="budget"/>
    /// and each spend within its range: dynamic programming over the budget cut into <see cref="Steps"/>
    /// steps, each range rounded inward to whole steps.
    /// </summary>
    /// <exception cref="InvalidOperationException">No plan on the grid meets the budget within the ranges.</exception>
    public static double[] Plan(IReadOnlyList<Func<double, double>> responses, IReadOnlyList<(double Low, double High)> ranges, double budget)
    {
        ArgumentNullException.ThrowIfNull(responses);
        ArgumentNullException.ThrowIfNull(ranges);
        var count = responses.Count;
        if (count == 0)
        {
            return [];
        }

        if (budget <= 0)
        {
            return ranges.Any(r => r.Low > 0) ? throw new InvalidOperationException("a budget of 0 cannot meet the lower bounds") : new double[count];
        }

        var step = budget / Steps;
        var bounds = ranges.Select(r => (Low: (int)Math.Ceiling((r.Low / step) - 1e-9), High: Math.Min(Steps, (int)Math.Floor((r.High / step) + 1e-9)))).ToArray();
        var best = new double[Steps + 1];
        Array.Fill(best, double.NegativeInfinity);
        best[0] = 0;
        var choice = new int[count, Steps + 1];
        for (var d = 0; d < count; d++)
        {
            var value = new double[bounds[d].High + 1];
            for (var k = bounds[d].Low; k <= bounds[d].High; k++)
            {
                value[k] = responses[d](k * step);
            }

            var next = new double[Steps + 1];
            Array.Fill(next, double.NegativeInfinity);
            for (var m = 0; m <= Steps; m++)
            {
                for (var k = bounds[d].Low; k <= Math.Min(bounds[d].High, m); k++)
                {
                    var candidate = best[m - k] + value[k];
                    if (candidate > next[m])
                    {
                        next[m] = candidate;
                        choice[d, m] = k;
                    }
                }
            }

            best = next;
        }

        if (double.IsNegativeInfinity(best[Steps]))
        {
            throw new InvalidOperationException("no plan meets the budget within the bounds");
        }

        var spends = new double[count];
        var left = Steps;
        for (var d = count - 1; d >= 0; d--)
        {
            var k = choice[d, left];
            spends[d] = k * step;
            left -= k;
        }

        return spends;
    }

    private static double? Cost(AllocationRequest request, string driver) =>
        request.Costs.TryGetValue(driver, out var cost) ? cost : driver == PaidSpend ? 1 : null;

    private static DriverPlan DriverPlanOf(MediaDriver driver, int index, double? cost, double recommended, MediaMixResult result, List<MediaMixFit> fits)
    {
        var effort = driver.Daily.Sum();
        // The estimate is the median over the fit and its refits (bagging), which pool the model's forms;
        // the interval their 5th to 95th percentiles.
        Estimate Over(Func<MediaMixFit, double> measure)
        {
            var e = Interval(measure(fits[0]), fits.Skip(1).Select(measure));
            var sorted = fits.Select(measure).Where(double.IsFinite).Order().ToArray();
            return fits.Count > 1 && sorted.Length > 0 ? e with { Value = MediaMixHealth.Quantile(sorted, 0.5) } : e;
        }

        var perUnit = Over(f => effort <= 0 ? 0 : f.Contributions[index].Sum() / effort);
        Estimate? roas = cost is > 0 ? new Estimate(perUnit.Value / cost.Value, perUnit.Low / cost.Value, perUnit.High / cost.Value) : null;
        Estimate? marginal = cost is > 0 ? Over(f => f.Curves[index].Marginal(driver.Current) / cost.Value) : null;
        Estimate? after = cost is > 0 ? Over(f => f.Curves[index].Marginal(recommended) / cost.Value) : null;
        return new DriverPlan(driver.Name, driver.Unit, cost, driver.Current, recommended, roas, marginal, after, perUnit, result.Fit.Curves[index]);
    }

    private static Estimate Interval(double value, IEnumerable<double> draws)
    {
        var sorted = draws.Where(double.IsFinite).Order().ToArray();
        return sorted.Length == 0
            ? new Estimate(value, value, value)
            : new Estimate(value, MediaMixHealth.Quantile(sorted, 0.05), MediaMixHealth.Quantile(sorted, 0.95));
    }
}
