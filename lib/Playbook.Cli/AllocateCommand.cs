using System.CommandLine;
using System.Globalization;
using Playbook.Analysis;
using Playbook.Files;
using Playbook.Output;
using Playbook.Workspace;
using Spectre.Console;

namespace Playbook.Cli;

/// <summary><c>playbook allocate</c>: fit carryover and saturation per driver and plan a daily budget within bounds.</summary>
internal static class AllocateCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var caseName = new Option<string?>("--case") { Description = "A bundled case (three-squirrels, dora-doshang)" };
        var data = new Option<string?>("--data") { Description = "Your own folder of tables or exports" };
        var from = new Option<string?>("--from") { Description = "First day of the period, yyyy-MM-dd" };
        var to = new Option<string?>("--to") { Description = "Last day of the period, yyyy-MM-dd" };
        var cost = new Option<string[]>("--cost") { Description = "Cost of a driver's unit, DRIVER=¥ (paid_spend costs 1 a yuan), or DRIVER=data for talent_sessions and head_sessions: their commission and slot fees per session; drivers without a cost are held where they are", AllowMultipleArgumentsPerToken = false };
        var kpi = new Option<string>("--kpi") { Description = "What to plan on: gmv (daily net GMV) or contribution (net GMV - COGS - commission - platform fees; needs a gross margin)", DefaultValueFactory = _ => "gmv" };
        kpi.AcceptOnlyFromAmong("gmv", "contribution");
        var grossMargin = new Option<double?>("--gross-margin") { Description = "Gross margin (0..1) for the economics (the contribution KPI, DRIVER=data); a case's own by default" };
        var platformFee = new Option<double?>("--platform-fee-rate") { Description = "The platform's fee (技术服务费) as a share of net GMV, taken from the contribution" };
        var commissionRate = new Option<double?>("--commission-rate") { Description = "Commission rate (0..1) of a talent whose orders and account give none" };
        var budget = new Option<double?>("--budget") { Description = "Daily budget of the moved drivers, ¥ (default: today's cost a day)" };
        var bounds = new Option<string>("--bounds") { Description = "Every driver's bounds as multiples of today's level, LOW:HIGH", DefaultValueFactory = _ => "0.5:2" };
        var bound = new Option<string[]>("--bound") { Description = "One driver's bounds, DRIVER=LOW:HIGH" };
        var draws = new Option<int>("--draws") { Description = "Bootstrap refits for the intervals", DefaultValueFactory = _ => 200 };
        var seed = new Option<int>("--seed") { Description = "Seed of the search and the bootstrap", DefaultValueFactory = _ => 2026 };
        var format = Formats.Option("table", "json", "html");
        var input = new InputOptions();
        var command = new Command("allocate", "Fit carryover and saturation per driver (paid spend, own live hours, talent and head sessions) and plan a daily budget within bounds")
        {
            caseName, data, from, to, kpi, cost, grossMargin, platformFee, commissionRate, budget, bounds, bound, draws, seed, format,
        };
        input.AddTo(command);

        command.SetAction(parse =>
        {
            var words = input.Words(parse);
            var name = parse.GetValue(caseName);
            var folder = parse.GetValue(data);
            if ((name is null) == (folder is null))
            {
                throw new InputException("give --case NAME or --data DIR");
            }

            var directory = InputOptions.Folder(name, folder)!;

            // The request is read first: a mistyped option is told before a fit of several seconds.
            var given = Pairs(parse.GetValue(cost), "--cost", v => v == "data" ? (double?)null : Number(v, "--cost"));
            var fromData = given.Where(g => g.Value is null).Select(g => g.Key).ToList();
            var plannedOn = parse.GetValue(kpi) == "contribution" ? MediaKpi.Contribution : MediaKpi.Gmv;
            // The economics are worked out only when asked for: they read every order row again.
            var needsEconomics = plannedOn == MediaKpi.Contribution || fromData.Count > 0;
            var margin = parse.GetValue(grossMargin) ?? (name is null || !needsEconomics ? null : CaseCatalog.Get(name).GrossMargin);
            if (needsEconomics && margin is null)
            {
                throw new InputException((plannedOn == MediaKpi.Contribution ? "--kpi contribution" : "--cost DRIVER=data") + " needs the economics: give --gross-margin");
            }

            var economics = margin is null ? null : new AnalysisOptions
            {
                GrossMargin = margin,
                PlatformFeeRate = parse.GetValue(platformFee),
                CommissionRate = parse.GetValue(commissionRate),
            };
            if (economics is not null)
            {
                AnalyzeCommand.Check(economics);
            }

            var brand = new BrandData(directory) { ReadOptions = input.Read(parse) };
            var media = MediaInputs.From(brand, AnalyzeCommand.Date(parse.GetValue(from), "--from"), AnalyzeCommand.Date(parse.GetValue(to), "--to"), kpi: plannedOn, economics: economics);
            var costs = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var (driver, value) in given)
            {
                if (value is { } yuan)
                {
                    costs[driver] = yuan;
                }
                else if (media.CostsFromData.TryGetValue(driver, out var read))
                {
                    costs[driver] = read.PerUnit;
                    stderr.WriteLine("playbook allocate: " + words.Of(string.Create(CultureInfo.InvariantCulture, $"{driver} costs ¥{read.PerUnit:#,0.##} a session from the data: {read.Basis}")));
                }
                else
                {
                    var known = media.CostsFromData.Count == 0 ? "none" : string.Join(", ", media.CostsFromData.Keys.Order(StringComparer.Ordinal));
                    throw new InputException($"--cost {driver}=data: the data gives no cost for {driver} (a talent or head session's cost is read from the sessions and the economics; this data gives: {known})");
                }
            }

            var request = new AllocationRequest
            {
                Costs = costs,
                BudgetPerDay = parse.GetValue(budget),
                Bounds = Range(parse.GetValue(bounds)!, "--bounds"),
                DriverBounds = Pairs(parse.GetValue(bound), "--bound", v => Range(v, "--bound")),
            };
            MediaMixResult result;
            Allocation plan;
            try
            {
                result = MediaMixModel.Fit(media, new MediaMixOptions { Draws = Math.Max(0, parse.GetValue(draws)), Seed = parse.GetValue(seed) });
                plan = BudgetAllocator.Allocate(result, request);
            }
            catch (InvalidOperationException e)
            {
                throw new InputException(e.Message);
            }

            foreach (var warning in plan.Warnings)
            {
                stderr.WriteLine("playbook allocate: " + words.Of($"warning: {warning}"));
            }

            switch (parse.GetValue(format))
            {
                case "json":
                    JsonOutput.Write(stdout, AllocationJson.From(result, plan));
                    break;
                case "html":
                    stdout.Write(AllocationHtml.Render(result, plan, name ?? folder!, words));
                    break;
                default:
                    WriteTable(stdout, result, plan, words);
                    break;
            }

            return PlaybookCommand.Success;
        });
        return command;
    }

    private static Dictionary<string, T> Pairs<T>(string[]? values, string option, Func<string, T> parse)
    {
        var result = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var (driver, value) in InputOptions.Pairs(values ?? [], value => $"{option} '{value}': expected DRIVER=VALUE"))
        {
            result[driver.Trim()] = parse(value.Trim());
        }

        return result;
    }

    private static double Number(string text, string option) =>
        double.TryParse(text.TrimStart('¥', '￥'), NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new InputException($"{option}: '{text}' is not a positive amount");

    private static (double Low, double High) Range(string text, string option)
    {
        var parts = text.Split(':');
        return parts.Length == 2
            && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var low)
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var high)
            && low >= 0 && high >= low
                ? (low, high)
                : throw new InputException($"{option}: '{text}' is not LOW:HIGH with 0 ≤ LOW ≤ HIGH");
    }

    private static void WriteTable(TextWriter stdout, MediaMixResult result, Allocation plan, Words w)
    {
        var console = Formats.Console(stdout);
        string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
        console.Write(new Text(w.Of(F($"Budget plan for {result.Data.Days[0]:yyyy-MM-dd} .. {result.Data.Days[^1]:yyyy-MM-dd} ({result.Data.Days.Count} days), ¥{plan.BudgetPerDay:#,0} a day\n"))));
        var table = new Table().Title(w.Of("Drivers (a day; intervals 90%)"));
        table.AddColumns(w.All("driver", "cost", "today", "plan", "ROAS", "marginal ROAS", "half-life", "why"));
        foreach (var d in plan.Drivers)
        {
            table.AddRow(
                new Text(w.Of(d.Driver)),
                new Text(w.Of(d.CostPerUnit is { } c ? F($"¥{c:#,0.##}") : "-")),
                new Text(w.Of(F($"{d.Current:#,0.##} {d.Unit}"))),
                new Text(w.Of(F($"{d.Recommended:#,0.##} {d.Unit}"))),
                new Text(w.Of(d.Roas is { } r ? F($"{r.Value:0.00} ({r.Low:0.00}-{r.High:0.00})") : "-")),
                new Text(w.Of(d.MarginalRoas is { } m ? F($"{m.Value:0.00} ({m.Low:0.00}-{m.High:0.00})") : "-")),
                new Text(w.Of(F($"{d.HalfLifeDays:0.0} d"))),
                new Text(w.Of(d.Why)));
        }

        console.Write(table);
        console.Write(new Text(w.Of(F($"KPI: {result.Data.KpiLabel}\n"))));
        console.Write(new Text(w.Of(F($"Media KPI a day: today ¥{plan.MediaGmvCurrent:#,0}, plan ¥{plan.MediaGmvRecommended:#,0}; gain ¥{plan.Gain.Value:#,0} (90%: ¥{plan.Gain.Low:#,0} to ¥{plan.Gain.High:#,0}); the plan beats today's in {plan.ProbabilityBetter:0%} of {result.Draws.Count} refits\n"))));
        var health = new Table().Title(w.Of("Health checks"));
        health.AddColumns(w.All("check", "result", "found"));
        foreach (var h in plan.Health)
        {
            health.AddRow(new Text(w.Of(h.Check)), new Text(w.Of(h.Ok ? "ok" : "WARNING")), new Text(w.Of(h.Detail)));
        }

        console.Write(health);
        ValidateCommand.WriteSummary(console, result.Data.Load, w);
        foreach (var warning in plan.Warnings)
        {
            console.Write(new Text(w.Of($"warning: {warning}\n")));
        }
    }
}
