using System.Globalization;
using System.Net;
using System.Text;
using Playbook.Analysis;

namespace Playbook.Output;

/// <summary>
/// A budget plan on one page that opens offline: what to move and what it is expected to gain,
/// each driver's figures with intervals and why it moves, the warnings, the plan as a waterfall,
/// each driver's response curve with the range the data saw, the daily contributions, and the
/// health checks. Text from data is HTML-encoded.
/// </summary>
public static class AllocationHtml
{
    /// <summary>Renders the page; <paramref name="source"/> names the data.</summary>
    public static string Render(MediaMixResult result, Allocation plan, string source)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(plan);
        var html = new StringBuilder();
        static string E(string? text) => WebUtility.HtmlEncode(text ?? "");
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Budget plan</title>");
        html.Append("<style>body{font-family:system-ui,'Noto Sans CJK SC','Microsoft YaHei',sans-serif;max-width:1000px;margin:2em auto;padding:0 1em;color:#1f2328;line-height:1.5}" +
            "table{border-collapse:collapse;width:100%;margin:1em 0}th,td{border:1px solid #d1d9e0;padding:4px 8px;font-size:13px;vertical-align:top;text-align:left}th{background:#f6f8fa}" +
            "td.num{text-align:right;white-space:nowrap}.ok{color:#1a7f37}.warn{color:#b42318}.note{background:#fff8c5;border:1px solid #d4a72c;padding:.6em 1em}" +
            ".playbook-chart{max-width:700px}@page{size:A4;margin:14mm 12mm}@media print{body{max-width:none;margin:0}.playbook-chart,tr{break-inside:avoid}}</style>");
        html.Append(OfflineChart.PlotlyJsElement()).Append("</head><body>");
        html.Append(CultureInfo.InvariantCulture, $"<h1>Budget plan <span lang=\"zh-CN\">预算分配</span></h1><p>Data: {E(source)}, {result.Data.Days[0]:yyyy-MM-dd} to {result.Data.Days[^1]:yyyy-MM-dd} ({result.Data.Days.Count} days). KPI: {E(result.Data.KpiLabel)}.</p>");
        html.Append(CultureInfo.InvariantCulture, $"<p><b>{E(F($"The plan is expected to add ¥{plan.Gain.Value:#,0} a day (90%: ¥{plan.Gain.Low:#,0} to ¥{plan.Gain.High:#,0}) for the same ¥{plan.BudgetPerDay:#,0} a day; it beats today's plan in {plan.ProbabilityBetter:0%} of {result.Draws.Count} bootstrap refits."))}</b></p>");
        if (plan.Warnings.Count > 0)
        {
            html.Append("<div class=\"note\"><b>Read this first.</b><ul>");
            foreach (var w in plan.Warnings)
            {
                html.Append("<li>").Append(E(w)).Append("</li>");
            }

            html.Append("</ul></div>");
        }

        html.Append("<table><tr><th>driver</th><th>cost a unit</th><th>today a day</th><th>plan a day</th><th>ROAS (90%)</th><th>marginal ROAS today (90%)</th><th>carryover half-life</th><th>why</th></tr>");
        foreach (var d in plan.Drivers)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(d.Driver)}</td><td class=\"num\">{(d.CostPerUnit is { } c ? F($"¥{c:#,0.##}") : "—")}</td><td class=\"num\">{E(F($"{d.Current:#,0.##} {d.Unit}"))}</td><td class=\"num\">{E(F($"{d.Recommended:#,0.##} {d.Unit}"))}</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td class=\"num\">{(d.Roas is { } r ? F($"{r.Value:0.00} ({r.Low:0.00}–{r.High:0.00})") : "—")}</td><td class=\"num\">{(d.MarginalRoas is { } m ? F($"{m.Value:0.00} ({m.Low:0.00}–{m.High:0.00})") : "—")}</td><td class=\"num\">{F($"{d.HalfLifeDays:0.0} days")}</td><td>{E(d.Why)}</td></tr>");
        }

        html.Append("</table>");
        html.Append(AllocationCharts.Waterfall(plan).ToHtml(360));
        foreach (var d in plan.Drivers)
        {
            html.Append(AllocationCharts.Response(result, d).ToHtml(320));
        }

        html.Append(AllocationCharts.Contributions(result).ToHtml(400));
        html.Append("<h2>Health checks</h2><table><tr><th>check</th><th>result</th><th>found</th></tr>");
        foreach (var h in plan.Health)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(h.Check)}</td><td class=\"{(h.Ok ? "ok" : "warn")}\">{(h.Ok ? "ok" : "warning")}</td><td>{E(h.Detail)}</td></tr>");
        }

        html.Append("</table>");
        if (result.Data.Excluded.Count > 0)
        {
            html.Append("<p>Left out: ").Append(E(string.Join("; ", result.Data.Excluded))).Append(".</p>");
        }

        html.Append("<h2>How to read it</h2><ul>" +
            "<li><b>ROAS</b>: what a driver added over the period divided by what it cost. <b>Marginal ROAS</b>: what one more yuan a day adds at a level; a plan moves money until these meet.</li>" +
            "<li><b>Carryover</b>: part of a day's effect shows on the days after (half-life in days). <b>Saturation</b>: each more unit adds less; beyond the shaded range the curve is the model's guess.</li>" +
            "<li>The baseline (level, trend, weekday, campaigns and the e-commerce calendar) is what sells without the drivers; campaign days are not credited to the spend that rose with them.</li>" +
            "<li>Intervals are the 5th to 95th percentile over refits on samples of two-week blocks of days. A plan is a steady daily level: test it for a few weeks and refit before moving further.</li></ul>");
        html.Append("</body></html>");
        return html.ToString();
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
