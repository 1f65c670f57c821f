using System.Globalization;
using System.Text.Json.Nodes;
using Plotly.NET;

namespace Playbook.Output;

/// <summary>
/// A Plotly figure made with Plotly.NET.CSharp and finished here: title, axis titles with units,
/// shaded date windows, a CJK-capable font. Displays in notebooks and the report as offline HTML.
/// </summary>
public sealed class ChartFigure
{
    private const string Font = "'Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', sans-serif";

    private ChartFigure(JsonObject json) => Json = json;

    /// <summary>The figure as Plotly JSON (data, layout).</summary>
    public JsonObject Json { get; }

    /// <summary>The figure's title, as set by <see cref="Titled"/>.</summary>
    public string Title => (string?)Json["layout"]?["title"]?["text"] ?? "";

    /// <summary>Starts from a Plotly.NET chart.</summary>
    public static ChartFigure From(GenericChart chart)
    {
        var json = (JsonObject)JsonNode.Parse(GenericChart.toFigureJson(chart))!;
        var layout = (JsonObject)(json["layout"] ??= new JsonObject());

        // Plotly.NET's defaults fix a 600 × 600 box; let the figure take the page's width.
        layout.Remove("width");
        layout["height"] = 460;
        layout["font"] = new JsonObject { ["family"] = Font };
        return new ChartFigure(json);
    }

    /// <summary>Starts from Plotly traces written as JSON, for what Plotly.NET.CSharp does not draw (bands, waterfalls).</summary>
    public static ChartFigure FromTraces(params JsonObject[] traces)
    {
        ArgumentNullException.ThrowIfNull(traces);
        var layout = new JsonObject { ["height"] = 460, ["font"] = new JsonObject { ["family"] = Font } };
        return new ChartFigure(new JsonObject { ["data"] = new JsonArray([.. traces]), ["layout"] = layout });
    }

    /// <summary>Sets the title and the axis titles (say the unit: ¥, %, days).</summary>
    public ChartFigure Titled(string title, string? xTitle = null, string? yTitle = null)
    {
        var layout = (JsonObject)Json["layout"]!;
        layout["title"] = new JsonObject { ["text"] = title };
        if (xTitle is not null)
        {
            Axis("xaxis")["title"] = new JsonObject { ["text"] = xTitle };
        }

        if (yTitle is not null)
        {
            Axis("yaxis")["title"] = new JsonObject { ["text"] = yTitle };
        }

        return this;
    }

    /// <summary>Formats an axis' ticks: <c>.0%</c> for shares, <c>,.0f</c> for yuan.</summary>
    public ChartFigure Ticks(string axis, string format)
    {
        Axis(axis)["tickformat"] = format;
        return this;
    }

    /// <summary>Shades a window of dates across the plot, labelled (campaign windows).</summary>
    public ChartFigure Shade(DateOnly from, DateOnly to, string label)
    {
        var layout = (JsonObject)Json["layout"]!;
        var shapes = (JsonArray)(layout["shapes"] ??= new JsonArray());
        var annotations = (JsonArray)(layout["annotations"] ??= new JsonArray());
        string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        shapes.Add(new JsonObject
        {
            ["type"] = "rect",
            ["xref"] = "x",
            ["yref"] = "paper",
            ["x0"] = Day(from),
            ["x1"] = Day(to.AddDays(1)),
            ["y0"] = 0,
            ["y1"] = 1,
            ["fillcolor"] = "rgba(255, 165, 0, 0.15)",
            ["line"] = new JsonObject { ["width"] = 0 },
            ["layer"] = "below",
        });
        annotations.Add(new JsonObject { ["x"] = Day(from), ["y"] = 1, ["xref"] = "x", ["yref"] = "paper", ["text"] = label, ["showarrow"] = false, ["xanchor"] = "left", ["yanchor"] = "bottom", ["font"] = new JsonObject { ["size"] = 11 } });
        return this;
    }

    /// <summary>Sets a layout property directly, for what the helpers do not cover.</summary>
    public ChartFigure Layout(string name, JsonNode value)
    {
        ((JsonObject)Json["layout"]!)[name] = value;
        return this;
    }

    /// <summary>
    /// The figure with the words a reader sees (title, axis titles, the names of the traces, labels, categories)
    /// in <paramref name="words"/>' language; figures, dates and ids as they are. The figure itself is not changed.
    /// </summary>
    public ChartFigure In(Words words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var json = (JsonObject)Json.DeepClone();
        if (words.IsChinese)
        {
            foreach (var text in Texts(json))
            {
                text.ReplaceWith(words.Of((string?)text));
            }
        }

        return new ChartFigure(json);
    }

    /// <summary>The texts of <see cref="In"/>: what a reader sees on the chart, as written.</summary>
    public IEnumerable<string> VisibleTexts() => Texts(Json).Select(t => (string?)t ?? "");

    private static List<JsonValue> Texts(JsonObject figure)
    {
        var texts = new List<JsonValue>();
        void Add(JsonNode? node)
        {
            switch (node)
            {
                case JsonValue value when value.TryGetValue<string>(out _):
                    texts.Add(value);
                    break;
                case JsonArray array:
                    foreach (var item in array)
                    {
                        Add(item);
                    }

                    break;
            }
        }

        if (figure["layout"] is JsonObject layout)
        {
            Add(layout["title"]?["text"]);
            foreach (var (name, axis) in layout)
            {
                if (name.Contains("axis", StringComparison.Ordinal) && axis is JsonObject a)
                {
                    Add(a["title"]?["text"]);
                    Add(a["ticktext"]);
                    Add(a["categoryarray"]);
                }
            }

            if (layout["polar"]?["angularaxis"] is JsonObject angular)
            {
                Add(angular["ticktext"]);
            }

            foreach (var annotation in (layout["annotations"] as JsonArray ?? []).OfType<JsonObject>())
            {
                Add(annotation["text"]);
            }
        }

        foreach (var trace in (figure["data"] as JsonArray ?? []).OfType<JsonObject>())
        {
            // A category is a word (a pillar, a stage); a date or a figure has no letters and stays.
            foreach (var key in (string[])["name", "x", "y", "labels", "theta", "text"])
            {
                Add(trace[key]);
            }
        }

        return [.. texts.Where(t => ((string?)t ?? "").Any(char.IsAsciiLetter))];
    }

    /// <summary>The figure as offline HTML (plotly.js comes once per page, from the setup or the report).</summary>
    public string ToHtml(int height = 460)
    {
        // The drawing takes the container's height, or it would spill over what follows.
        var figure = (JsonObject)Json.DeepClone();
        figure["layout"]!["height"] = height;
        return OfflineChart.FigureHtml(figure.ToJsonString(), height);
    }

    private JsonObject Axis(string name)
    {
        var layout = (JsonObject)Json["layout"]!;
        return (JsonObject)(layout[name] ??= new JsonObject());
    }
}
