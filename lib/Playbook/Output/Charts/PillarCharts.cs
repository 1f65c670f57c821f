using System.Text.Json.Nodes;
using Playbook.Analysis;
using Playbook.Canonical;
using Playbook.Workspace;
using Chart = Plotly.NET.CSharp.Chart;

namespace Playbook.Output;

/// <summary>The workspace's charts, each with a title and axis titles with units, built with Plotly.NET.CSharp.</summary>
public static class PillarCharts
{
    private static readonly double[] Diagonal = [0.0, 1.0];

    /// <summary>A donut of net GMV by partition pillar and the shelf.</summary>
    public static ChartFigure Split(PillarReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var lines = report.Partition.Where(p => p.NetGmv > 0).ToList();
        var chart = Chart.Doughnut<double, string, string>(
            values: lines.Select(p => (double)p.NetGmv),
            Labels: lines.Select(p => $"{p.Pillar} {p.NameZh}").ToList());
        return ChartFigure.From(chart).Titled($"{report.Framework.Code}: net GMV by pillar (¥), {report.From:yyyy-MM-dd} .. {report.To:yyyy-MM-dd}");
    }

    /// <summary>Daily net GMV stacked by pillar, with the campaign windows shaded.</summary>
    public static ChartFigure Daily(Workbench bench, DateOnly? from = null, DateOnly? to = null)
    {
        ArgumentNullException.ThrowIfNull(bench);
        var series = bench.DailyByPillar(from, to);
        var days = series.Select(s => s.Day).Distinct().Order().ToList();
        var charts = series.GroupBy(s => s.Pillar).OrderBy(g => Order(bench.Framework, g.Key)).Select(g =>
        {
            var byDay = g.ToDictionary(x => x.Day, x => (double)x.NetGmv);
            return Chart.StackedArea<DateTime, double, string>(
                x: days.Select(d => d.ToDateTime(TimeOnly.MinValue)),
                y: days.Select(d => byDay.GetValueOrDefault(d)),
                Name: Label(bench.Framework, g.Key));
        });
        var figure = ChartFigure.From(Plotly.NET.CSharp.GenericChartExtensions.WithSize(Chart.Combine(charts), 900, 460))
            .Titled($"{bench.Framework.Code}: daily net GMV by pillar", "day (China time)", "net GMV (¥ a day)")
            .Ticks("yaxis", ",.0f");
        if (bench.Data.Has(TableKind.Campaigns))
        {
            foreach (var c in bench.Data.Campaigns.Where(c => days.Count > 0 && c.EndsOn >= days[0] && c.StartsOn <= days[^1]))
            {
                figure.Shade(c.StartsOn, c.EndsOn, c.Name);
            }
        }

        return figure;
    }

    /// <summary>The Lorenz curve of seller net GMV against the line of equal shares.</summary>
    public static ChartFigure Lorenz(SellerConcentration concentration)
    {
        ArgumentNullException.ThrowIfNull(concentration);
        var curve = Chart.Line<double, double, string>(concentration.Lorenz.Select(p => p.SellerShare), concentration.Lorenz.Select(p => p.GmvShare), Name: "sellers, smallest first");
        var equal = Chart.Line<double, double, string>(Diagonal, Diagonal, Name: "equal shares");
        return ChartFigure.From(Chart.Combine([curve, equal]))
            .Titled($"Seller concentration: Gini {concentration.Gini:0.00}, top {concentration.TopN} {concentration.TopNShare:0%}", "share of sellers (%)", "share of net GMV (%)")
            .Ticks("xaxis", ".0%")
            .Ticks("yaxis", ".0%");
    }

    /// <summary>The live-room funnel over sessions: exposures → entries → unique viewers → buyers (or orders).</summary>
    public static ChartFigure Funnel(IReadOnlyList<SessionPerformance> sessions, IReadOnlyList<LiveSession> tables)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(tables);
        var ids = sessions.Select(s => s.SessionId).ToHashSet(StringComparer.Ordinal);
        var rows = tables.Where(t => ids.Contains(t.SessionId)).ToList();
        var buyers = sessions.All(s => s.Buyers is not null) ? sessions.Sum(s => s.Buyers!.Value) : sessions.Sum(s => s.Orders ?? 0);
        var stages = new List<(string Stage, double Value)>();
        if (rows.All(r => r.Exposures is not null && r.Entries is not null))
        {
            stages.Add(("曝光 exposures", rows.Sum(r => r.Exposures!.Value)));
            stages.Add(("进入 entries", rows.Sum(r => r.Entries!.Value)));
        }

        // Sessions whose viewers are not known are left out of the stage, not counted as none.
        stages.Add(("观看 unique viewers", rows.Sum(r => r.Viewers ?? 0)));

        // Without orders that name the sessions (daily sales only) the last stage is unknown, not zero.
        if (buyers > 0)
        {
            stages.Add((sessions.All(s => s.Buyers is not null) ? "成交 buyers" : "成交 orders", buyers));
        }

        var chart = Chart.Funnel<double, string, string>(x: stages.Select(s => s.Value), y: stages.Select(s => s.Stage));
        return ChartFigure.From(chart).Titled($"Live-room funnel over {sessions.Count} sessions (people or views)", "count", "stage");
    }

    /// <summary>Cohort retention as a heatmap: cohort month × months since the first purchase.</summary>
    public static ChartFigure Cohorts(CohortRetention cohorts)
    {
        ArgumentNullException.ThrowIfNull(cohorts);
        var z = cohorts.Retention.Select(row => row.Skip(1).Select(v => v ?? double.NaN).ToArray()).ToArray();
        var chart = Chart.Heatmap<double, int, string, string>(
            zData: z,
            X: Enumerable.Range(1, z.Length == 0 ? 0 : z[0].Length).ToList(),
            Y: cohorts.Cohorts.Select((c, i) => $"{c} ({cohorts.Sizes[i]})").ToList());
        return ChartFigure.From(chart).Titled("Repurchase by cohort: share of a month's new buyers buying again (%)", "months after the first purchase", "cohort (first purchase month, buyers)");
    }

    /// <summary>A radar of a checklist's scores by pillar: share of the known items met.</summary>
    public static ChartFigure Radar(Scorecard scorecard, string checklist)
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        var scores = scorecard.Scores.Where(s => s.Checklist == checklist && s.Pillar != "all").ToList();
        var chart = Chart.LinePolar<double, string, string>(
            r: [.. scores.Select(s => s.Rate ?? 0), scores.Count > 0 ? scores[0].Rate ?? 0 : 0],
            theta: [.. scores.Select(s => s.Pillar), scores.Count > 0 ? scores[0].Pillar : ""]);
        return ChartFigure.From(chart)
            .Titled($"Checklist '{checklist}': share of known items met, by pillar (%)")
            .Layout("polar", new JsonObject { ["radialaxis"] = new JsonObject { ["range"] = new JsonArray(0, 1), ["tickformat"] = ".0%" } });
    }

    /// <summary>Products launched per month, split into channel-exclusive and the rest.</summary>
    public static ChartFigure Launches(IEnumerable<Product> products)
    {
        var months = CaseFrames.LaunchMonths(products);
        var regular = Chart.StackedColumn<int, string, string>(months.Select(m => m.Launched - m.Exclusive), Keys: months.Select(m => m.Month).ToList(), Name: "other products");
        var exclusive = Chart.StackedColumn<int, string, string>(months.Select(m => m.Exclusive), Keys: months.Select(m => m.Month).ToList(), Name: "渠道特供 exclusive");
        return ChartFigure.From(Chart.Combine([regular, exclusive])).Titled("Products launched per month", "month of launch", "products launched (count)");
    }

    /// <summary>Daily effort against daily GMV, with the fitted diminishing-returns curve.</summary>
    public static ChartFigure Effort(EffortResponse fit, IReadOnlyList<(double Effort, double Gmv)> days)
    {
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(days);
        var used = days.Where(d => d.Effort > 0).ToList();
        var points = Chart.Point<double, double, string>(used.Select(d => d.Effort), used.Select(d => d.Gmv), Name: "days");
        var min = used.Min(d => d.Effort);
        var max = used.Max(d => d.Effort);
        var xs = Enumerable.Range(0, 50).Select(i => min + ((max - min) * i / 49.0)).ToList();
        var curve = Chart.Line<double, double, string>(xs, xs.Select(fit.Predict), Name: "fit: a + b·ln(effort)");
        return ChartFigure.From(Chart.Combine([points, curve]))
            .Titled($"{fit.Pillar}: GMV response to effort (R² {fit.RSquared:0.00})", fit.Effort, "GMV (¥ a day)")
            .Ticks("yaxis", ",.0f");
    }

    private static int Order(Framework framework, string pillar)
    {
        var index = framework.PartitionPillars.Select(p => p.Code).ToList().IndexOf(pillar);
        return index < 0 ? 99 : index;
    }

    private static string Label(Framework framework, string pillar) =>
        framework.PartitionPillars.FirstOrDefault(p => p.Code == pillar) is { } p ? $"{p.Code} {p.NameZh}" : "shelf 中心场";
}
