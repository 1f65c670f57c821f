using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Markdig;
using Playbook.Analysis;
using Playbook.Output;
using Playbook.Workspace;

namespace Playbook.Notebooks;

/// <summary>A bundled case as the report shows it: what it is, its pillar analysis and its data card.</summary>
/// <param name="Info">The case.</param>
/// <param name="Analysis">The pillar analysis of its whole data.</param>
/// <param name="DataCard">Its datacard.yml, as written.</param>
public sealed record ReportCase(CaseInfo Info, PillarReport Analysis, string DataCard)
{
    /// <summary>Analyses a bundled case from data/&lt;id&gt;.</summary>
    public static ReportCase Of(CaseInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        var bench = Workbench.Case(info.Id);
        return new(info, bench.Analyze(), File.ReadAllText(Path.Combine(WorkspaceFolders.DataRoot(), info.Id, "datacard.yml")));
    }
}

/// <summary>
/// The reviewer's report, one folder that opens offline: a contents page written as a results
/// section (per case a summary with the pillar split, the key figures and the article's claims in
/// the article's units; the context claims; the notebooks), a page per data card, and one page per
/// executed notebook (markdown rendered, code folded, outputs and charts working offline). Every
/// page prints on A4. Text from the data reaches the pages HTML-encoded; plotly.js is embedded
/// once per page that has a chart.
/// </summary>
public static partial class ReportWriter
{
    private const string Style =
        "<style>" +
        ":root{--ink:#1f2328;--muted:#59636e;--line:#d1d9e0;--ok:#1a7f37;--fail:#b42318;--note:#fff8c5}" +
        "body{font-family:system-ui,'Noto Sans CJK SC','Microsoft YaHei',sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:var(--ink);line-height:1.5}" +
        "h1{font-size:1.8em;margin-bottom:.2em}h2{margin-top:1.8em;border-bottom:1px solid var(--line);padding-bottom:.2em}" +
        "pre{background:#f6f8fa;padding:.6em;overflow:auto;font-size:13px;white-space:pre-wrap;word-break:break-word}details.code summary{color:var(--muted);cursor:pointer;font-size:13px}" +
        ".output{margin:.4em 0 1.2em 0;overflow-x:auto}.error{background:#fdecea;color:var(--fail)}" +
        "table{border-collapse:collapse;max-width:100%}th,td{border:1px solid var(--line);padding:4px 8px;font-size:13px;vertical-align:top;text-align:left}th{background:#f6f8fa}" +
        "td.num{text-align:right}table.figures td.num{white-space:nowrap}.ok{color:var(--ok);font-weight:600}.fail{color:var(--fail);font-weight:600}.context,.meta,.zh{color:var(--muted)}" +
        ".lead{font-size:1.1em}.note{background:var(--note);border:1px solid #d4a72c;padding:.6em 1em;margin:1em 0}nav a{margin-right:1em}" +
        ".summary{display:grid;grid-template-columns:minmax(0,1fr) 340px;gap:1em;align-items:start}.summary .chart{overflow:hidden;min-width:0}table.figures{width:100%}" +
        "table.claims{width:100%;table-layout:fixed}table.claims col.what{width:48%}table.claims col.fig{width:18%}code{font-size:12px;color:var(--muted)}" +
        // Charts are drawn once, at their container's width: at most the A4 page's (186 mm, 703 px), so they print whole.
        ".playbook-chart{max-width:700px}" +
        "@page{size:A4;margin:14mm 12mm}" +
        "@media print{body{max-width:none;margin:0;padding:0;font-size:10pt}nav,details.code{display:none}h2{break-after:avoid}" +
        ".summary{grid-template-columns:1fr}table.figures{width:auto;min-width:50%}section.case+section.case{break-before:page}tr,.playbook-chart,.summary,.note{break-inside:avoid}th,td{font-size:9pt}pre{font-size:8pt}" +
        ".output,.output :is(div,table):not(.playbook-chart,.playbook-chart *){overflow:visible!important;max-width:100%!important}.output table{width:100%!important;table-layout:fixed}" +
        ".output th,.output td{font-size:7pt;word-break:break-all;white-space:normal!important}.modebar-container{display:none}a{color:inherit;text-decoration:none}}" +
        "</style>";

    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    /// <summary>
    /// Writes index.html, a page per case data card (data/) and a page per notebook (notebooks/) into
    /// <paramref name="directory"/>; returns index.html's path.
    /// </summary>
    public static string Write(string directory, IReadOnlyList<NotebookRun> runs, IReadOnlyList<ClaimResult> claims, IReadOnlyList<ReportCase>? cases = null)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(claims);
        cases ??= [];
        Directory.CreateDirectory(Path.Combine(directory, "notebooks"));
        Directory.CreateDirectory(Path.Combine(directory, "data"));
        foreach (var run in runs)
        {
            File.WriteAllText(Path.Combine(directory, "notebooks", PageName(run)), NotebookPage(run, runs), new UTF8Encoding(false));
        }

        foreach (var c in cases)
        {
            File.WriteAllText(Path.Combine(directory, "data", c.Info.Id + ".html"), DataCardPage(c), new UTF8Encoding(false));
        }

        var index = Path.Combine(directory, "index.html");
        File.WriteAllText(index, IndexPage(runs, claims, cases), new UTF8Encoding(false));
        return index;
    }

    /// <summary>The page of one executed notebook.</summary>
    public static string NotebookPage(NotebookRun run, IReadOnlyList<NotebookRun> all)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(all);
        var body = new StringBuilder();
        var hasCharts = false;
        var position = all.ToList().IndexOf(run);
        var nav = new StringBuilder("<nav><a href=\"../index.html\">Contents</a>");
        if (position > 0)
        {
            nav.Append(CultureInfo.InvariantCulture, $"<a href=\"{PageName(all[position - 1])}\">← {E(Title(all[position - 1]))}</a>");
        }

        if (position >= 0 && position < all.Count - 1)
        {
            nav.Append(CultureInfo.InvariantCulture, $"<a href=\"{PageName(all[position + 1])}\">{E(Title(all[position + 1]))} →</a>");
        }

        nav.Append("</nav>");
        body.Append(nav);
        if (run.Failure is { } failure)
        {
            body.Append(CultureInfo.InvariantCulture, $"<p class=\"error\">This notebook failed: {E(failure.ToString())}</p>");
        }

        for (var i = 0; i < run.Document.Cells.Count; i++)
        {
            var cell = run.Document.Cells[i];
            if (cell.Kind == "markdown")
            {
                body.Append(Markdig.Markdown.ToHtml(cell.Source, Markdown));
                continue;
            }

            if (cell.Kind != "code")
            {
                continue;
            }

            body.Append(CultureInfo.InvariantCulture, $"<details class=\"code\"><summary>Code, cell {i + 1}</summary><pre><code>{E(cell.Source)}</code></pre></details>");
            foreach (var output in cell.Outputs.OfType<JsonObject>())
            {
                var html = Output(output);
                hasCharts |= html.Contains(OfflineChart.ChartClass, StringComparison.Ordinal);
                body.Append("<div class=\"output\">").Append(html).Append("</div>");
            }
        }

        body.Append(nav);
        return Page(Title(run), body.ToString(), hasCharts);
    }

    /// <summary>The contents page without cases: the claims and the notebooks.</summary>
    public static string IndexPage(IReadOnlyList<NotebookRun> runs, IReadOnlyList<ClaimResult> claims) => IndexPage(runs, claims, []);

    /// <summary>
    /// The contents page as a results section: the headline, the note on where the data comes
    /// from, per case its summary (pillar split, key figures) and its claims in the article's
    /// units, the context claims, and the notebooks.
    /// </summary>
    public static string IndexPage(IReadOnlyList<NotebookRun> runs, IReadOnlyList<ClaimResult> claims, IReadOnlyList<ReportCase> cases)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(cases);
        var html = new StringBuilder();
        var ran = runs.Count(r => r.Succeeded);
        var checkedClaims = claims.Where(c => c.Reproduced is not null).ToList();
        var context = claims.Where(c => c.Reproduced is null).ToList();
        html.Append("<h1>Live-commerce pillar workspace: results</h1>");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"lead\"><b>{checkedClaims.Count(c => c.Reproduced == true)} of {checkedClaims.Count}</b> reproducible claims of the source article reproduced; <b>{ran} of {runs.Count}</b> notebooks ran; {context.Count} context claims quoted, not checked.</p>");
        if (cases.Count > 0)
        {
            var cards = string.Join(", ", cases.Select(c => $"<a href=\"data/{E(c.Info.Id)}.html\">{E(c.Info.Id)}</a>"));
            html.Append(CultureInfo.InvariantCulture, $"<aside class=\"note\"><b>Simulated data.</b> Each case is a seeded simulation calibrated to the figures the article gives, not the brand's own data: every row is made by a model, and only the calibrated figures are the article's. The data cards say what was calibrated and what was invented: {cards}. Claims marked <i>context</i> are platform facts the article quotes; no case data can confirm them, so they are shown, not checked.</aside>");
        }

        html.Append("<nav>Contents: ");
        foreach (var c in cases)
        {
            html.Append(CultureInfo.InvariantCulture, $"<a href=\"#case-{E(c.Info.Id)}\">{E(c.Info.Title)}</a>");
        }

        html.Append("<a href=\"#claims\">Claims</a><a href=\"#context\">Context</a><a href=\"#notebooks\">Notebooks</a></nav>");
        var hasCharts = false;
        foreach (var c in cases)
        {
            html.Append(CaseSection(c, claims.Where(r => r.Claim.Case == c.Info.Id && r.Reproduced is not null).ToList()));
            hasCharts = true;
        }

        // Claims about no bundled case (a user's own claims file): in a table of their own.
        var others = checkedClaims.Where(r => !cases.Any(c => c.Info.Id == r.Claim.Case)).ToList();
        html.Append("<section id=\"claims\">");
        if (others.Count > 0 || cases.Count == 0)
        {
            html.Append("<h2>Claims of the source article</h2>").Append(ClaimsTable(others));
        }

        html.Append("</section><section id=\"context\"><h2>Context: platform facts the article quotes</h2>");
        html.Append("<table class=\"claims\"><colgroup><col class=\"what\"><col class=\"fig\"><col></colgroup><tr><th>statement, and the article's words</th><th>figure quoted</th><th>status</th></tr>");
        foreach (var r in context)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Statement(r.Claim)}</td><td class=\"num\" title=\"{E(r.Claim.Expected)}\">{E(ClaimFigures.Expected(r.Claim))}</td><td class=\"context\">context, not checked</td></tr>");
        }

        html.Append("</table></section>");
        html.Append("<section id=\"notebooks\"><h2>Notebooks</h2><table><tr><th>notebook</th><th>result</th><th>seconds</th></tr>");
        foreach (var run in runs)
        {
            var result = run.Failure is { } f ? $"<span class=\"fail\">failed at cell {f.Number}: {E(f.Error.Split('\n')[0])}</span>" : "<span class=\"ok\">ran</span>";
            html.Append(CultureInfo.InvariantCulture, $"<tr><td><a href=\"notebooks/{PageName(run)}\">{E(Title(run))}</a></td><td>{result}</td><td class=\"num\">{run.Elapsed.TotalSeconds:0.0}</td></tr>");
        }

        html.Append("</table></section>");
        html.Append("<footer><p class=\"meta\">Made by <code>dotnet run --project lib/Playbook.Cli -- reproduce</code>. The raw figures: <code>playbook claims --format json</code>; hover a measured figure to see it here.</p></footer>");
        return Page("Results", html.ToString(), hasCharts);
    }

    /// <summary>A case's data card as a page of its own.</summary>
    public static string DataCardPage(ReportCase reportCase)
    {
        ArgumentNullException.ThrowIfNull(reportCase);
        var body = $"<nav><a href=\"../index.html\">Contents</a></nav><h1>Data card: {E(reportCase.Info.Id)}</h1><p>{E(reportCase.Info.Title)} <span class=\"zh\" lang=\"zh-CN\">{E(reportCase.Info.TitleZh)}</span></p><pre>{E(reportCase.DataCard)}</pre>";
        return Page("Data card: " + reportCase.Info.Id, body, hasCharts: false);
    }

    private static string CaseSection(ReportCase c, List<ClaimResult> claims)
    {
        var html = new StringBuilder();
        var info = c.Info;
        var report = c.Analysis;
        var reproduced = claims.Count(r => r.Reproduced == true);
        html.Append(CultureInfo.InvariantCulture, $"<section class=\"case\" id=\"case-{E(info.Id)}\"><h2>{E(info.Title)} <span class=\"zh\" lang=\"zh-CN\">{E(info.TitleZh)}</span></h2>");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"meta\">{E(report.Framework.Code)} · {info.From:yyyy-MM-dd} to {info.To:yyyy-MM-dd} · simulated data, seed {info.Seed} (<a href=\"data/{E(info.Id)}.html\">data card</a>) · <b class=\"{(reproduced == claims.Count ? "ok" : "fail")}\">{reproduced} of {claims.Count} claims reproduced</b></p>");
        html.Append("<div class=\"summary\"><div class=\"chart\">").Append(PillarCharts.Split(report).Titled("Net GMV by pillar (¥)").ToHtml(360)).Append("</div>");
        html.Append("<table class=\"figures\"><tr><th colspan=\"2\">Key figures, whole period</th></tr>");
        html.Append(CultureInfo.InvariantCulture, $"<tr><td>net GMV</td><td class=\"num\" title=\"{report.Totals.NetGmv.ToString(CultureInfo.InvariantCulture)}\">{E(ClaimFigures.Money((double)report.Totals.NetGmv))}</td></tr>");
        html.Append(CultureInfo.InvariantCulture, $"<tr><td>paid orders</td><td class=\"num\">{report.Totals.Orders:#,0}</td></tr>");
        if (report.Totals.Buyers is { } buyers)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>buyers</td><td class=\"num\">{buyers:#,0}</td></tr>");
        }

        foreach (var line in report.Partition)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{(line.Pillar == PillarAnalysis.ShelfCode ? "" : E(line.Pillar) + " ")}{E(line.Name)} <span class=\"zh\" lang=\"zh-CN\">{E(line.NameZh)}</span></td><td class=\"num\" title=\"{line.Share.ToString(CultureInfo.InvariantCulture)}\">{E(ClaimFigures.Percent(line.Share))}</td></tr>");
        }

        html.Append("</table></div>");
        html.Append("<h3>The article's claims on this case</h3>").Append(ClaimsTable(claims)).Append("</section>");
        return html.ToString();
    }

    private static string ClaimsTable(List<ClaimResult> claims)
    {
        var html = new StringBuilder("<table class=\"claims\"><colgroup><col class=\"what\"><col class=\"fig\"><col class=\"fig\"><col></colgroup>");
        html.Append("<tr><th>claim, and the article's words</th><th>the article</th><th>measured</th><th>result</th></tr>");
        foreach (var r in claims)
        {
            var result = r.Reproduced switch
            {
                true => "<span class=\"ok\">reproduced</span>",
                false => $"<span class=\"fail\">{E(r.Verdict)}</span>",
                null => "<span class=\"context\">context, not checked</span>",
            };
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Statement(r.Claim)}</td><td class=\"num\" title=\"{E(r.Claim.ExpectedText)}\">{E(ClaimFigures.Expected(r.Claim))}</td><td class=\"num\" title=\"{E(r.Actual)}\">{E(ClaimFigures.Actual(r))}</td><td>{result}</td></tr>");
        }

        return html.Append("</table>").ToString();
    }

    private static string Statement(Claim claim) =>
        $"{E(claim.Statement)}<br><span class=\"zh\" lang=\"zh-CN\">{E(claim.ArticleZh)}</span> <code>{E(claim.Id)}</code>";

    private static string Page(string title, string body, bool hasCharts)
    {
        var head = hasCharts ? OfflineChart.PlotlyJsElement() : "";
        return $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{E(title)}</title>{Style}{head}</head><body>{body}</body></html>";
    }

    private static string Output(JsonObject output)
    {
        switch ((string?)output["output_type"])
        {
            case "stream":
                return $"<pre>{E(Text(output["text"]))}</pre>";
            case "error":
                var trace = output["traceback"] is JsonArray lines ? string.Join("\n", lines.Select(l => (string?)l)) : (string?)output["evalue"];
                return $"<pre class=\"error\">{E(trace)}</pre>";
            default:
                var data = output["data"] as JsonObject;
                if (data?["text/html"] is { } html)
                {
                    // plotly.js rides along in the setup cell's output; the page carries its own copy once.
                    return PlotlyScript().Replace(Text(html), "");
                }

                return data?["text/plain"] is { } plain ? $"<pre>{E(Text(plain))}</pre>" : "";
        }
    }

    private static string Text(JsonNode? node) => node switch
    {
        JsonArray lines => string.Concat(lines.Select(l => (string?)l)),
        _ => (string?)node ?? "",
    };

    private static string Title(NotebookRun run) =>
        run.Document.Cells.FirstOrDefault(c => c.Kind == "markdown" && c.Source.TrimStart().StartsWith("# ", StringComparison.Ordinal)) is { } heading
            ? heading.Source.TrimStart()[2..].Split('\n')[0].Trim()
            : Path.GetFileNameWithoutExtension(run.Notebook);

    private static string PageName(NotebookRun run) => Path.GetFileNameWithoutExtension(run.Notebook) + ".html";

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    [GeneratedRegex("<script " + OfflineChart.PlotlyScriptMarker + "=\"true\">.*?</script>", RegexOptions.Singleline)]
    private static partial Regex PlotlyScript();
}
