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
    /// <summary>Renders the page in English; <paramref name="source"/> names the data.</summary>
    public static string Render(MediaMixResult result, Allocation plan, string source) => Render(result, plan, source, Words.English);

    /// <summary>Renders the page in <paramref name="w"/>' language (ids and the data's names as they are).</summary>
    public static string Render(MediaMixResult result, Allocation plan, string source, Words w)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(w);
        var html = new StringBuilder();
        static string E(string? text) => WebUtility.HtmlEncode(text ?? "");
        string T(string text) => E(w.Of(text));
        html.Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html><html lang=\"{(w.IsChinese ? "zh-CN" : "en")}\"><head><meta charset=\"utf-8\"><title>{T("Budget plan")}</title>");
        html.Append("<style>body{font-family:system-ui,'Noto Sans CJK SC','Microsoft YaHei',sans-serif;max-width:1000px;margin:2em auto;padding:0 1em;color:#1f2328;line-height:1.5}" +
            "table{border-collapse:collapse;width:100%;margin:1em 0}th,td{border:1px solid #d1d9e0;padding:4px 8px;font-size:13px;vertical-align:top;text-align:left}th{background:#f6f8fa}" +
            "td.num{text-align:right;white-space:nowrap}.ok{color:#1a7f37}.warn{color:#b42318}.note{background:#fff8c5;border:1px solid #d4a72c;padding:.6em 1em}" +
            ".playbook-chart{max-width:700px}@page{size:A4;margin:14mm 12mm}@media print{body{max-width:none;margin:0}.playbook-chart,tr{break-inside:avoid}}</style>");
        html.Append(OfflineChart.PlotlyJsElement()).Append("</head><body>");
        html.Append(w.IsChinese ? "<h1>预算分配方案</h1>" : "<h1>Budget plan <span lang=\"zh-CN\">预算分配</span></h1>");
        html.Append(CultureInfo.InvariantCulture, $"<p>{T(F($"Data: {source}, {result.Data.Days[0]:yyyy-MM-dd} to {result.Data.Days[^1]:yyyy-MM-dd} ({result.Data.Days.Count} days)."))} {T(F($"KPI: {result.Data.KpiLabel}"))}</p>");
        html.Append(CultureInfo.InvariantCulture, $"<p><b>{T(F($"The plan is expected to add ¥{plan.Gain.Value:#,0} a day (90%: ¥{plan.Gain.Low:#,0} to ¥{plan.Gain.High:#,0}) for the same ¥{plan.BudgetPerDay:#,0} a day; it beats today's plan in {plan.ProbabilityBetter:0%} of {result.Draws.Count} bootstrap refits."))}</b></p>");
        if (plan.Warnings.Count > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"note\"><b>{T("Read this first.")}</b><ul>");
            foreach (var warning in plan.Warnings)
            {
                html.Append("<li>").Append(T(warning)).Append("</li>");
            }

            html.Append("</ul></div>");
        }

        html.Append("<table><tr>");
        foreach (var header in (string[])["driver", "cost a unit", "today a day", "plan a day", "ROAS (90%)", "marginal ROAS today (90%)", "carryover half-life", "why"])
        {
            html.Append("<th>").Append(T(header)).Append("</th>");
        }

        html.Append("</tr>");
        foreach (var d in plan.Drivers)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{T(d.Driver)}</td><td class=\"num\">{(d.CostPerUnit is { } c ? E(w.Of(F($"¥{c:#,0.##}"))) : "—")}</td><td class=\"num\">{T(F($"{d.Current:#,0.##} {d.Unit}"))}</td><td class=\"num\">{T(F($"{d.Recommended:#,0.##} {d.Unit}"))}</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td class=\"num\">{(d.Roas is { } r ? F($"{r.Value:0.00} ({r.Low:0.00}–{r.High:0.00})") : "—")}</td><td class=\"num\">{(d.MarginalRoas is { } m ? F($"{m.Value:0.00} ({m.Low:0.00}–{m.High:0.00})") : "—")}</td><td class=\"num\">{T(F($"{d.HalfLifeDays:0.0} days"))}</td><td>{T(d.Why)}</td></tr>");
        }

        html.Append("</table>");
        html.Append(AllocationCharts.Waterfall(plan).In(w).ToHtml(360));
        foreach (var d in plan.Drivers)
        {
            html.Append(AllocationCharts.Response(result, d).In(w).ToHtml(320));
        }

        html.Append(AllocationCharts.Contributions(result).In(w).ToHtml(400));
        html.Append(CultureInfo.InvariantCulture, $"<h2>{T("Health checks")}</h2><table><tr><th>{T("check")}</th><th>{T("result")}</th><th>{T("found")}</th></tr>");
        foreach (var h in plan.Health)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{T(h.Check)}</td><td class=\"{(h.Ok ? "ok" : "warn")}\">{T(h.Ok ? "ok" : "warning")}</td><td>{T(h.Detail)}</td></tr>");
        }

        html.Append("</table>");
        if (result.Data.Excluded.Count > 0)
        {
            html.Append("<p>").Append(T(F($"Left out: {string.Join("; ", result.Data.Excluded.Select(w.Of))}."))).Append("</p>");
        }

        html.Append(w.IsChinese ? HowToReadChinese : HowToRead);
        html.Append("</body></html>");
        return html.ToString();
    }

    private const string HowToRead = "<h2>How to read it</h2><ul>" +
        "<li><b>ROAS</b>: what a driver added over the period divided by what it cost. <b>Marginal ROAS</b>: what one more yuan a day adds at a level; a plan moves money until these meet.</li>" +
        "<li><b>Carryover</b>: part of a day's effect shows on the days after (half-life in days). <b>Saturation</b>: each more unit adds less; beyond the shaded range the curve is the model's guess.</li>" +
        "<li>The baseline (level, trend, weekday, campaigns and the e-commerce calendar) is what sells without the drivers; campaign days are not credited to the spend that rose with them.</li>" +
        "<li>Intervals are the 5th to 95th percentile over refits on samples of two-week blocks of days. A plan is a steady daily level: test it for a few weeks and refit before moving further.</li></ul>";

    private const string HowToReadChinese = "<h2>怎么读这一页</h2><ul>" +
        "<li><b>ROAS</b>：一个驱动因素在分析期内带来的成交额除以它的花费。<b>边际 ROAS</b>：在当前投入水平上每天多投 1 元能多带来多少；方案会把钱往边际 ROAS 高的地方挪，直到各处大致相等。</li>" +
        "<li><b>滞后效应</b>：一天投入的效果有一部分会在之后几天才显现（半衰期以天计）。<b>饱和</b>：每多投一个单位，新增效果越来越少；阴影范围以外的曲线是模型的推测。</li>" +
        "<li>基线（水平、趋势、星期几、营销活动和电商大促日历）是没有这些驱动因素时也能卖出的部分；活动期的成交不会算到随活动一起加码的投流头上。</li>" +
        "<li>区间是按两周为一块重抽样、反复重拟合后得到的第 5 到第 95 百分位。方案是一个稳定的每日投入水平：先按方案试几周，重新拟合后再决定是否继续调整。</li></ul>";

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
