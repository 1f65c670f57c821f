using System.Globalization;
using System.Text;
using Plotly.NET;

namespace Playbook.Output;

/// <summary>
/// Plotly.NET charts as HTML that needs no network: the figure is drawn by <c>Plotly.newPlot</c>
/// with plotly.js taken from inside Plotly.NET.dll and embedded once per page (or notebook),
/// never fetched from a CDN.
/// </summary>
public static class OfflineChart
{
    /// <summary>The attribute that marks the one script element holding plotly.js.</summary>
    public const string PlotlyScriptMarker = "data-playbook-plotlyjs";

    /// <summary>The class of every chart's container.</summary>
    public const string ChartClass = "playbook-chart";

    private static readonly Lazy<string> Script = new(() =>
    {
        var assembly = typeof(GenericChart).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith(".min.js", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    });

    private static long counter;

    /// <summary>The plotly.js source that ships inside Plotly.NET.dll.</summary>
    public static string PlotlyJs => Script.Value;

    /// <summary>
    /// A script element that defines <c>window.Plotly</c> and draws any chart that was waiting for it.
    /// Put it once on a page, before or after the charts.
    /// </summary>
    public static string PlotlyJsElement() =>
        $"<script {PlotlyScriptMarker}=\"true\">{PlotlyJs.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase)}\n" +
        "(window.__playbookCharts || []).forEach(function (draw) { draw(); }); window.__playbookCharts = [];</script>";

    /// <summary>
    /// A chart's HTML: a container and a script that draws the figure when plotly.js is there, or
    /// queues it until <see cref="PlotlyJsElement"/> runs. Plotly's JSON is safe to embed: text is
    /// JSON-escaped, and "&lt;/" is escaped so user text cannot close the script.
    /// </summary>
    public static string ToHtml(GenericChart chart, int height = 460)
    {
        ArgumentNullException.ThrowIfNull(chart);
        return FigureHtml(GenericChart.toFigureJson(chart), height);
    }

    /// <summary>The HTML of a figure given as Plotly JSON (data and layout).</summary>
    public static string FigureHtml(string figureJson, int height = 460)
    {
        ArgumentNullException.ThrowIfNull(figureJson);
        var id = string.Create(CultureInfo.InvariantCulture, $"playbook-chart-{Environment.ProcessId}-{Interlocked.Increment(ref counter)}");
        var figure = figureJson.Replace("</", "<\\/", StringComparison.Ordinal);
        var container = string.Create(CultureInfo.InvariantCulture, $"<div id=\"{id}\" class=\"{ChartClass}\" style=\"width:100%;height:{height}px\"></div>");
        return container + "\n<script>(function () { var figure = " + figure + "; var draw = function () { Plotly.newPlot('" + id +
            "', figure.data, figure.layout, {responsive: true, displaylogo: false}); }; if (window.Plotly) { draw(); } else { (window.__playbookCharts = window.__playbookCharts || []).push(draw); } })();</script>";
    }

    /// <summary>A whole HTML page with plotly.js embedded and the given charts: opens offline in any browser.</summary>
    public static string ToPage(string title, IEnumerable<GenericChart> charts)
    {
        ArgumentNullException.ThrowIfNull(charts);
        var body = string.Join("\n", charts.Select(c => ToHtml(c)));
        return $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{System.Net.WebUtility.HtmlEncode(title)}</title>{PlotlyJsElement()}</head><body>{body}</body></html>";
    }
}
