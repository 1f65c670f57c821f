using System.Diagnostics;
using System.Globalization;
using Playbook.Analysis;
using Playbook.Synthesis;
using Playbook.Workspace;

namespace Playbook.Bench;

/// <summary>
/// The budget allocator proved on known truth: for each seed the simulator writes a year of canonical
/// tables with known carryover, saturation and ceilings; the workspace reads them like any brand's,
/// fits the model with intervals and plans the budget; the plan is scored under the truth against the
/// oracle's plan (the same allocator given the true curves). Prints per seed and the summary against
/// issue 16's goals.
/// </summary>
internal static class MediaMixProof
{
    /// <summary>The summary of one world over its seeds.</summary>
    private sealed record Summary(string World, double MedianError, double MedianRegret, double Regret90, double WorstRegret, int Covered, int MarginalCovered, int Intervals, double MedianSeconds, double SlowestSeconds);

    /// <summary><c>bench mmm</c>: our own simulator, then the health checks on 100 days.</summary>
    public static int Run(int seeds, int days, int draws)
    {
        var own = RunWorld("own model (MediaMixSimulator)", 1, seeds, days, draws, seed => MediaMixSimulator.Generate((ulong)seed, days, zeroEffect: seed % 2 == 0));
        var (shortBrand, _) = MediaInputs.Simulated(1, 100);
        var shortResult = MediaMixModel.Fit(MediaInputs.From(shortBrand), new MediaMixOptions { Draws = draws });
        Directory.Delete(shortBrand.Directory, recursive: true);
        Console.WriteLine();
        Console.WriteLine("100 days of seed 1, health checks:");
        foreach (var check in shortResult.Health)
        {
            Console.WriteLine($"  {(check.Ok ? "ok  " : "WARN")} {check.Check}: {check.Detail}");
        }

        Print([own]);
        return 0;
    }

    /// <summary><c>bench mmm-misspecified</c>: every world whose brands are not our model, and our own beside them.</summary>
    public static int RunMisspecified(int seeds, int days, int draws, string? only, int first = 1)
    {
        var summaries = new List<Summary>();
        foreach (var world in MisspecifiedBrands.All.Where(w => only is null or "all" || MisspecifiedBrands.Name(w) == only))
        {
            summaries.Add(RunWorld(MisspecifiedBrands.Name(world), first, seeds, days, draws, seed => MisspecifiedBrands.Generate(world, (ulong)seed, days)));
        }

        if (only is null or "all" || only == "own")
        {
            summaries.Add(RunWorld("own model (MediaMixSimulator)", first, seeds, days, draws, seed => MediaMixSimulator.Generate((ulong)seed, days, zeroEffect: seed % 2 == 0)));
        }

        Print(summaries);
        return 0;
    }

    private static void Print(IReadOnlyList<Summary> summaries)
    {
        var culture = CultureInfo.InvariantCulture;
        Console.WriteLine();
        Console.WriteLine("world                          median ROAS error   regret median / 90th pct / worst   90% coverage of ROAS / marginal ROAS   fit + refits + plan");
        foreach (var s in summaries)
        {
            Console.WriteLine(string.Create(culture, $"{s.World,-30} {s.MedianError,17:0.0%}   {s.MedianRegret,8:0.00%} / {s.Regret90,6:0.00%} / {s.WorstRegret,6:0.00%}   {(double)s.Covered / s.Intervals,6:0.0%} / {(double)s.MarginalCovered / s.Intervals,6:0.0%} of {s.Intervals,-4}      median {s.MedianSeconds:0.0} s, slowest {s.SlowestSeconds:0.0} s"));
        }
    }

    /// <summary>
    /// For each seed the world writes its canonical tables; the workspace reads them like any brand's, fits
    /// the model with intervals and plans the budget; the plan is scored under the truth against the
    /// oracle's plan (the same allocator given the true curves).
    /// </summary>
    private static Summary RunWorld(string world, int first, int seeds, int days, int draws, Func<int, (CaseTables Tables, MediaMixTruth Truth)> generate)
    {
        var culture = CultureInfo.InvariantCulture;
        var errors = new List<double>();
        var regrets = new List<double>();
        var covered = 0;
        var marginalCovered = 0;
        var intervals = 0;
        var zeroReached = new List<bool>();
        var seconds = new List<double>();
        Console.WriteLine();
        Console.WriteLine(string.Create(culture, $"{world}: machine {Environment.ProcessorCount} cores; {seeds} seeds ({first} to {first + seeds - 1}) of {days} days, {draws} bootstrap draws"));
        Console.WriteLine("seed  driver            true ROAS  est ROAS   90% interval          error   covered   marginal ROAS: true, estimated, 90% interval, covered");
        for (var seed = first; seed < first + seeds; seed++)
        {
            var (tables, truth) = generate(seed);
            var folder = Path.Combine(Path.GetTempPath(), string.Create(culture, $"playbook-bench-{world.Split(' ')[0]}-{seed}-{Environment.ProcessId}"));
            tables.Write(folder);
            var truthOf = truth.Drivers.ToDictionary(d => d.Name);
            try
            {
                var watch = Stopwatch.StartNew();
                var data = MediaInputs.From(new BrandData(folder));
                var result = MediaMixModel.Fit(data, new MediaMixOptions { Draws = draws, Seed = seed, ProportionalNoise = Knob("BENCH_PROPORTIONAL", 1) != 0 });
                var request = new AllocationRequest { Costs = MediaMixSimulator.Costs, Caution = Knob("BENCH_CAUTION", new AllocationRequest().Caution), UnpinnedCaution = Knob("BENCH_UNPINNED_CAUTION", new AllocationRequest().UnpinnedCaution) };
                var plan = BudgetAllocator.Allocate(result, request);
                watch.Stop();
                seconds.Add(watch.Elapsed.TotalSeconds);
                foreach (var driver in plan.Drivers)
                {
                    var real = truthOf[driver.Driver];
                    var roas = driver.Roas!;
                    var inside = Holds(roas, real.Roas);
                    intervals++;
                    covered += inside ? 1 : 0;
                    double? error = real.Beta > 0 ? Math.Abs(roas.Value - real.Roas) / real.Roas : null;
                    if (error is { } e)
                    {
                        errors.Add(e);
                    }
                    else
                    {
                        zeroReached.Add(roas.Low <= 1e-6);
                    }

                    // The true marginal ROAS at today's level, by a central difference on the true curve.
                    var step = driver.Current * 1e-3;
                    var realMarginal = (real.Response(driver.Current + step) - real.Response(driver.Current - step)) / (2 * step) / real.CostPerUnit;
                    var marginal = driver.MarginalRoas!;
                    var marginalInside = Holds(marginal, realMarginal);
                    marginalCovered += marginalInside ? 1 : 0;
                    Console.WriteLine(string.Create(culture, $"{seed,4}  {driver.Driver,-16} {real.Roas,9:0.000}  {roas.Value,8:0.000}   [{roas.Low,7:0.000}, {roas.High,7:0.000}]   {(error is null ? "  (none)" : $"{error,6:0.0%}")}   {(inside ? "yes" : "NO "),-3}   marginal {realMarginal,6:0.000} est {marginal.Value,6:0.000} [{marginal.Low,6:0.000}, {marginal.High,6:0.000}] {(marginalInside ? "yes" : "NO")}"));
                }

                // The oracle: the same allocator, the same budget and bounds, the true curves.
                var moved = plan.Drivers.Where(d => d.CostPerUnit is > 0).ToList();
                var ranges = moved.Select(d => (Low: request.Bounds.Low * d.Current * d.CostPerUnit!.Value, High: request.Bounds.High * d.Current * d.CostPerUnit!.Value)).ToList();
                var oracleSpends = BudgetAllocator.Plan([.. moved.Select(d => (Func<double, double>)(spend => truthOf[d.Driver].Response(spend / d.CostPerUnit!.Value)))], ranges, plan.BudgetPerDay);
                var oracle = moved.Select((d, i) => truthOf[d.Driver].Response(oracleSpends[i] / d.CostPerUnit!.Value)).Sum();
                var achieved = moved.Sum(d => truthOf[d.Driver].Response(d.Recommended));
                var today = moved.Sum(d => truthOf[d.Driver].Response(d.Current));
                var regret = (oracle - achieved) / oracle;
                Console.WriteLine("      moves (plan, oracle): " + string.Join(", ", moved.Select((d, i) => string.Create(culture, $"{d.Driver} ×{d.Recommended / d.Current:0.00}, ×{oracleSpends[i] / d.CostPerUnit!.Value / d.Current:0.00}"))));
                regrets.Add(regret);
                var warnings = result.Health.Where(h => !h.Ok).Select(h => h.Check);
                Console.WriteLine(string.Create(culture, $"      plan: media GMV a day today {today:#,0}, oracle {oracle:#,0}, plan {achieved:#,0} (true); regret {regret:0.00%}; estimated gain {plan.Gain.Value:#,0} [{plan.Gain.Low:#,0}, {plan.Gain.High:#,0}], P(better) {plan.ProbabilityBetter:0%}; held-out error {result.HoldOutError:0.0%}; {watch.Elapsed.TotalSeconds:0.0} s; warnings: {string.Join(", ", warnings)}"));
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        static double Median(List<double> values) => MediaMixHealth.Quantile([.. values.Order()], 0.5);

        // The ablation knobs: the plan's caution, the extra caution for a driver not pinned down, and whether
        // the fit weighs days by their level (BENCH_PROPORTIONAL=0 turns it off); each defaults to the library's.
        static double Knob(string name, double otherwise) =>
            double.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : otherwise;
        static bool Holds(Estimate interval, double truth) => truth >= interval.Low - 1e-9 && truth <= interval.High + 1e-9;
        var summary = new Summary(world, Median(errors), Median(regrets), MediaMixHealth.Quantile([.. regrets.Order()], 0.9), regrets.Max(), covered, marginalCovered, intervals, Median(seconds), seconds.Max());
        Console.WriteLine(string.Create(culture, $"{world}: median ROAS error {summary.MedianError:0.0%}; regret median {summary.MedianRegret:0.00%}, 90th percentile {summary.Regret90:0.00%}, worst {summary.WorstRegret:0.00%}; coverage {(double)covered / intervals:0.0%} (marginal ROAS {(double)marginalCovered / intervals:0.0%}) of {intervals}; zero-effect driver's interval reaches 0: {zeroReached.Count(z => z)} of {zeroReached.Count}"));
        return summary;
    }
}
