using System.Globalization;
using System.Text.Json.Nodes;
using Playbook.Analysis;

namespace Playbook.Output;

/// <summary>
/// The charts of a budget plan: each driver's response curve with its 90% band, the range of effort
/// the data saw shaded and today's and the plan's levels marked; the GMV each driver added day by
/// day over the baseline; and the plan as a waterfall from today's media GMV to the plan's.
/// </summary>
public static class AllocationCharts
{
    private const int Points = 60;

    /// <summary>GMV per day against units per day for one driver, with the band over the bootstrap refits.</summary>
    public static ChartFigure Response(MediaMixResult result, DriverPlan plan)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(plan);
        var index = result.Data.Drivers.ToList().FindIndex(d => d.Name == plan.Driver);
        var (low, high) = result.Data.Drivers[index].BusyRange ?? (0, plan.Current);
        var top = Math.Max(Math.Max(high, plan.Recommended), plan.Current) * 1.5;
        var xs = Enumerable.Range(0, Points + 1).Select(i => top * i / Points).ToArray();
        var point = xs.Select(x => result.Fit.Curves[index].Response(x)).ToArray();
        var bands = xs.Select(x => result.Draws.Select(f => f.Curves[index].Response(x)).Order().ToArray()).ToArray();
        var lower = bands.Select((b, i) => b.Length == 0 ? point[i] : MediaMixHealth.Quantile(b, 0.05)).ToArray();
        var upper = bands.Select((b, i) => b.Length == 0 ? point[i] : MediaMixHealth.Quantile(b, 0.95)).ToArray();
        var figure = ChartFigure.FromTraces(
            Line(xs, upper, "95th percentile", "rgba(31,119,180,0)", fill: null),
            Line(xs, lower, "90% band", "rgba(31,119,180,0)", fill: "tonexty"),
            Line(xs, point, "estimate", "#1f77b4", fill: null));
        figure.Titled($"{plan.Driver}: GMV a day against {plan.Unit} a day", $"{plan.Unit} a day", "GMV a day (¥)");
        var layout = (JsonObject)figure.Json["layout"]!;
        layout["shapes"] = new JsonArray(
            new JsonObject { ["type"] = "rect", ["xref"] = "x", ["yref"] = "paper", ["x0"] = low, ["x1"] = high, ["y0"] = 0, ["y1"] = 1, ["fillcolor"] = "rgba(255,165,0,0.15)", ["line"] = new JsonObject { ["width"] = 0 }, ["layer"] = "below" },
            Marker(plan.Current, "#666"),
            Marker(plan.Recommended, "#1a7f37"));
        layout["annotations"] = new JsonArray(
            Label(low, "seen in the data"),
            Label(plan.Current, "today"),
            Label(plan.Recommended, "plan"));
        layout["showlegend"] = false;
        return figure;
    }

    /// <summary>Daily GMV as the baseline plus each driver's contribution, stacked.</summary>
    public static ChartFigure Contributions(MediaMixResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var days = result.Data.Days.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToArray();
        var traces = new List<JsonObject> { Stack(days, result.Fit.Baseline, "baseline") };
        for (var d = 0; d < result.Data.Drivers.Count; d++)
        {
            traces.Add(Stack(days, result.Fit.Contributions[d], result.Data.Drivers[d].Name));
        }

        traces.Add(new JsonObject { ["type"] = "scatter", ["mode"] = "markers", ["name"] = "recorded", ["x"] = new JsonArray([.. days.Select(d => (JsonNode?)d)]), ["y"] = Numbers(result.Data.Kpi), ["marker"] = new JsonObject { ["size"] = 3, ["color"] = "#222" } });
        return ChartFigure.FromTraces([.. traces]).Titled("Daily net GMV: baseline and what each driver added", "day", "GMV a day (¥)");
    }

    /// <summary>Today's media GMV a day, each driver's change in the plan, and the plan's.</summary>
    public static ChartFigure Waterfall(Allocation plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var labels = new List<string> { "today" };
        var values = new List<double> { plan.MediaGmvCurrent };
        var measures = new List<string> { "absolute" };
        foreach (var d in plan.Drivers)
        {
            labels.Add(d.Driver);
            values.Add(d.Curve.Response(d.Recommended) - d.Curve.Response(d.Current));
            measures.Add("relative");
        }

        labels.Add("plan");
        values.Add(plan.MediaGmvRecommended);
        measures.Add("total");
        var trace = new JsonObject
        {
            ["type"] = "waterfall",
            ["x"] = new JsonArray([.. labels.Select(l => (JsonNode?)l)]),
            ["y"] = Numbers(values),
            ["measure"] = new JsonArray([.. measures.Select(m => (JsonNode?)m)]),
            ["connector"] = new JsonObject { ["line"] = new JsonObject { ["color"] = "#999" } },
        };
        return ChartFigure.FromTraces(trace).Titled("The plan: media GMV a day from today to the plan", null, "GMV a day (¥)");
    }

    private static JsonObject Line(double[] x, double[] y, string name, string color, string? fill)
    {
        var line = new JsonObject { ["type"] = "scatter", ["mode"] = "lines", ["name"] = name, ["x"] = Numbers(x), ["y"] = Numbers(y), ["line"] = new JsonObject { ["color"] = color } };
        if (fill is not null)
        {
            line["fill"] = fill;
            line["fillcolor"] = "rgba(31,119,180,0.2)";
        }

        return line;
    }

    private static JsonObject Stack(string[] days, double[] values, string name) => new()
    {
        ["type"] = "scatter",
        ["mode"] = "lines",
        ["stackgroup"] = "gmv",
        ["name"] = name,
        ["x"] = new JsonArray([.. days.Select(d => (JsonNode?)d)]),
        ["y"] = Numbers(values),
        ["line"] = new JsonObject { ["width"] = 0.5 },
    };

    private static JsonObject Marker(double x, string color) =>
        new() { ["type"] = "line", ["xref"] = "x", ["yref"] = "paper", ["x0"] = x, ["x1"] = x, ["y0"] = 0, ["y1"] = 1, ["line"] = new JsonObject { ["color"] = color, ["dash"] = "dot", ["width"] = 2 } };

    private static JsonObject Label(double x, string text) =>
        new() { ["x"] = x, ["y"] = 1, ["xref"] = "x", ["yref"] = "paper", ["text"] = text, ["showarrow"] = false, ["yanchor"] = "bottom", ["font"] = new JsonObject { ["size"] = 11 } };

    private static JsonArray Numbers(IEnumerable<double> values) => new([.. values.Select(v => (JsonNode?)Math.Round(v, 4))]);
}
