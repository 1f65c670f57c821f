using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Markdig;
using Playbook.Output;
using Playbook.Workspace;

namespace Playbook.Notebooks;

/// <summary>
/// The reviewer's report: a contents page with the claims table, and one page per executed
/// notebook (markdown rendered, code folded, outputs and charts working offline). Text from the
/// data reaches the pages HTML-encoded; plotly.js is embedded once per page.
/// </summary>
public static partial class ReportWriter
{
    private const string Style =
        "<style>body{font-family:system-ui,'Noto Sans CJK SC','Microsoft YaHei',sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222;line-height:1.5}" +
        "pre{background:#f6f8fa;padding:.6em;overflow:auto;font-size:13px}details.code summary{color:#666;cursor:pointer;font-size:13px}" +
        ".output{margin:.4em 0 1.2em 0}.error{background:#fdecea;color:#b42318}table{border-collapse:collapse}th,td{border:1px solid #ddd;padding:3px 8px;font-size:13px;vertical-align:top}" +
        ".ok{color:#1a7f37}.fail{color:#b42318}.context{color:#667085}nav a{margin-right:1em}</style>";

    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    /// <summary>Writes index.html and a page per notebook into <paramref name="directory"/>; returns index.html's path.</summary>
    public static string Write(string directory, IReadOnlyList<NotebookRun> runs, IReadOnlyList<ClaimResult> claims)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(claims);
        Directory.CreateDirectory(Path.Combine(directory, "notebooks"));
        foreach (var run in runs)
        {
            File.WriteAllText(Path.Combine(directory, "notebooks", PageName(run)), NotebookPage(run, runs), new UTF8Encoding(false));
        }

        var index = Path.Combine(directory, "index.html");
        File.WriteAllText(index, IndexPage(runs, claims), new UTF8Encoding(false));
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
        var head = hasCharts ? OfflineChart.PlotlyJsElement() : "";
        return $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{E(Title(run))}</title>{Style}{head}</head><body>{body}</body></html>";
    }

    /// <summary>The contents page: every notebook with its result, and the claims table.</summary>
    public static string IndexPage(IReadOnlyList<NotebookRun> runs, IReadOnlyList<ClaimResult> claims)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(claims);
        var html = new StringBuilder();
        html.Append("<h1>Live-commerce pillar workspace: report</h1>");
        var failed = runs.Count(r => !r.Succeeded);
        var notReproduced = claims.Count(c => c.Reproduced == false);
        html.Append(CultureInfo.InvariantCulture, $"<p>{runs.Count - failed} of {runs.Count} notebooks ran; {claims.Count(c => c.Reproduced == true)} of {claims.Count(c => c.Reproduced is not null)} reproducible claims reproduced.</p>");
        html.Append("<h2>Notebooks</h2><table><tr><th>notebook</th><th>result</th><th>seconds</th></tr>");
        foreach (var run in runs)
        {
            var result = run.Failure is { } f ? $"<span class=\"fail\">failed at cell {f.Number}: {E(f.Error.Split('\n')[0])}</span>" : "<span class=\"ok\">ran</span>";
            html.Append(CultureInfo.InvariantCulture, $"<tr><td><a href=\"notebooks/{PageName(run)}\">{E(Title(run))}</a></td><td>{result}</td><td>{run.Elapsed.TotalSeconds:0.0}</td></tr>");
        }

        html.Append("</table><h2>Claims of the source article</h2>");
        html.Append("<table><tr><th>id</th><th>case</th><th>article</th><th>statement</th><th>expected</th><th>actual</th><th>result</th></tr>");
        foreach (var r in claims)
        {
            var c = r.Claim;
            var result = r.Reproduced switch
            {
                true => "<span class=\"ok\">reproduced</span>",
                false => $"<span class=\"fail\">{E(r.Verdict)}</span>",
                null => "<span class=\"context\">context, not checked</span>",
            };
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(c.Id)}</td><td>{E(c.Case)}</td><td>{E(c.ArticleZh)}</td><td>{E(c.Statement)}</td><td>{E(c.ExpectedText)}</td><td>{E(r.Actual)}</td><td>{result}</td></tr>");
        }

        html.Append("</table>");
        return $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Report</title>{Style}</head><body>{html}</body></html>";
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
