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
    public static int Run(int seeds, int days, int draws)
    {
        var culture = CultureInfo.InvariantCulture;
        var errors = new List<double>();
        var regrets = new List<double>();
        var covered = 0;
        var intervals = 0;
        var zeroReached = new List<bool>();
        var seconds = new List<double>();
        Console.WriteLine(string.Create(culture, $"machine: {Environment.ProcessorCount} cores; {seeds} seeds of {days} days, 4 drivers, 8% noise, {draws} bootstrap draws; even seeds: head_sessions has no effect"));
        Console.WriteLine("seed  driver            true ROAS  est ROAS   90% interval          error   covered");
        for (var seed = 1; seed <= seeds; seed++)
        {
            var zero = seed % 2 == 0;
            var (brand, truth) = MediaInputs.Simulated((ulong)seed, days, zero);
            var truthOf = truth.Drivers.ToDictionary(d => d.Name);
            try
            {
                var watch = Stopwatch.StartNew();
                var data = MediaInputs.From(brand);
                var result = MediaMixModel.Fit(data, new MediaMixOptions { Draws = draws, Seed = seed });
                var request = new AllocationRequest { Costs = MediaMixSimulator.Costs };
                var plan = BudgetAllocator.Allocate(result, request);
                watch.Stop();
                seconds.Add(watch.Elapsed.TotalSeconds);
                foreach (var driver in plan.Drivers)
                {
                    var real = truthOf[driver.Driver];
                    var roas = driver.Roas!;
                    var inside = real.Roas >= roas.Low - 1e-9 && real.Roas <= roas.High + 1e-9;
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

                    Console.WriteLine(string.Create(culture, $"{seed,4}  {driver.Driver,-16} {real.Roas,9:0.000}  {roas.Value,8:0.000}   [{roas.Low,7:0.000}, {roas.High,7:0.000}]   {(error is null ? "  (none)" : $"{error,6:0.0%}")}   {(inside ? "yes" : "NO")}"));
                }

                // The oracle: the same allocator, the same budget and bounds, the true curves.
                var moved = plan.Drivers.Where(d => d.CostPerUnit is > 0).ToList();
                var ranges = moved.Select(d => (Low: request.Bounds.Low * d.Current * d.CostPerUnit!.Value, High: request.Bounds.High * d.Current * d.CostPerUnit!.Value)).ToList();
                var oracleSpends = BudgetAllocator.Plan([.. moved.Select(d => (Func<double, double>)(spend => truthOf[d.Driver].Response(spend / d.CostPerUnit!.Value)))], ranges, plan.BudgetPerDay);
                var oracle = moved.Select((d, i) => truthOf[d.Driver].Response(oracleSpends[i] / d.CostPerUnit!.Value)).Sum();
                var achieved = moved.Sum(d => truthOf[d.Driver].Response(d.Recommended));
                var today = moved.Sum(d => truthOf[d.Driver].Response(d.Current));
                var regret = (oracle - achieved) / oracle;
                regrets.Add(regret);
                Console.WriteLine(string.Create(culture, $"      plan: media GMV a day today {today:#,0}, oracle {oracle:#,0}, plan {achieved:#,0} (true); regret {regret:0.00%}; estimated gain {plan.Gain.Value:#,0} [{plan.Gain.Low:#,0}, {plan.Gain.High:#,0}], P(better) {plan.ProbabilityBetter:0%}; held-out error {result.HoldOutError:0.0%}; {watch.Elapsed.TotalSeconds:0.0} s"));
            }
            finally
            {
                Directory.Delete(brand.Directory, recursive: true);
            }
        }

        // 100 days: the health checks must speak up.
        var (shortBrand, _) = MediaInputs.Simulated(1, 100);
        var shortResult = MediaMixModel.Fit(MediaInputs.From(shortBrand), new MediaMixOptions { Draws = draws });
        Directory.Delete(shortBrand.Directory, recursive: true);
        Console.WriteLine();
        Console.WriteLine("100 days of seed 1, health checks:");
        foreach (var check in shortResult.Health)
        {
            Console.WriteLine($"  {(check.Ok ? "ok  " : "WARN")} {check.Check}: {check.Detail}");
        }

        static double Median(List<double> values) => MediaMixHealth.Quantile([.. values.Order()], 0.5);
        Console.WriteLine();
        Console.WriteLine(string.Create(culture, $"median ROAS error {Median(errors):0.0%} (goal ≤ 25%; {errors.Count} drivers with an effect)"));
        Console.WriteLine(string.Create(culture, $"regret: median {Median(regrets):0.00%}, worst {regrets.Max():0.00%} of media GMV (goals ≤ 1.5%, ≤ 4%)"));
        Console.WriteLine(string.Create(culture, $"interval coverage {(double)covered / intervals:0.0%} of {intervals} (goal 80-95%)"));
        Console.WriteLine(string.Create(culture, $"zero-effect driver's interval reaches 0: {zeroReached.Count(z => z)} of {zeroReached.Count}"));
        Console.WriteLine(string.Create(culture, $"100 days: {shortResult.Health.Count(h => !h.Ok)} health warnings"));
        Console.WriteLine(string.Create(culture, $"fit, {draws} bootstrap refits and plan: median {Median(seconds):0.0} s, slowest {seconds.Max():0.0} s (goal < 30 s)"));
        return 0;
    }
}
