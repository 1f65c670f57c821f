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
        return new(info, bench.Analyze(grossMargin: info.GrossMargin), File.ReadAllText(Path.Combine(WorkspaceFolders.DataRoot(), info.Id, "datacard.yml")));
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
        // Each case starts a printed page. "~", not "+": plotly.js puts a measuring <svg> into <body> after the
        // first chart, between the case sections.
        "@media print{body{max-width:none;margin:0;padding:0;font-size:10pt}nav,details.code{display:none}h2,h3{break-after:avoid}" +
        ".summary{grid-template-columns:1fr}table.figures{width:auto;min-width:50%}section.case~section.case{break-before:page}tr,.playbook-chart,.summary,.note{break-inside:avoid}th,td{font-size:9pt}pre{font-size:8pt}" +
        ".output,.output :is(div,table):not(.playbook-chart,.playbook-chart *){overflow:visible!important;max-width:100%!important}.output table{width:100%!important;table-layout:fixed}" +
        ".output th,.output td{font-size:7pt;word-break:break-all;white-space:normal!important}.modebar-container{display:none}a{color:inherit;text-decoration:none}}" +
        "</style>";

    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    /// <summary>
    /// Writes index.html, a page per case data card (data/) and a page per notebook (notebooks/) into
    /// <paramref name="directory"/>; returns index.html's path.
    /// </summary>
    public static string Write(string directory, IReadOnlyList<NotebookRun> runs, IReadOnlyList<ClaimResult> claims, IReadOnlyList<ReportCase>? cases = null, Language language = Language.English)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(claims);
        cases ??= [];
        Directory.CreateDirectory(Path.Combine(directory, "notebooks"));
        Directory.CreateDirectory(Path.Combine(directory, "data"));
        foreach (var run in runs)
        {
            File.WriteAllText(Path.Combine(directory, "notebooks", PageName(run)), NotebookPage(run, runs, language), new UTF8Encoding(false));
        }

        foreach (var c in cases)
        {
            File.WriteAllText(Path.Combine(directory, "data", c.Info.Id + ".html"), DataCardPage(c, language), new UTF8Encoding(false));
        }

        var index = Path.Combine(directory, "index.html");
        File.WriteAllText(index, IndexPage(runs, claims, cases, language), new UTF8Encoding(false));
        return index;
    }

    /// <summary>The page of one executed notebook.</summary>
    public static string NotebookPage(NotebookRun run, IReadOnlyList<NotebookRun> all, Language language = Language.English)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(all);
        var w = Words.Of(language);
        var body = new StringBuilder();
        var hasCharts = false;
        var position = all.ToList().IndexOf(run);

        // A page of its own (playbook run) has no contents page to go back to.
        var nav = new StringBuilder(all.Count > 1 || position < 0 ? $"<nav><a href=\"../index.html\">{w.Contents}</a>" : "<nav>");
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
            body.Append(CultureInfo.InvariantCulture, $"<p class=\"error\">{w.NotebookFailed}{E(failure.ToString())}</p>");
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

            body.Append(CultureInfo.InvariantCulture, $"<details class=\"code\"><summary>{w.CodeCell(i + 1)}</summary><pre><code>{E(cell.Source)}</code></pre></details>");
            foreach (var output in cell.Outputs.OfType<JsonObject>())
            {
                var html = Output(output);
                hasCharts |= html.Contains(OfflineChart.ChartClass, StringComparison.Ordinal);
                body.Append("<div class=\"output\">").Append(html).Append("</div>");
            }
        }

        body.Append(nav);
        return Page(Title(run), body.ToString(), hasCharts, language);
    }

    /// <summary>The contents page without cases: the claims and the notebooks.</summary>
    public static string IndexPage(IReadOnlyList<NotebookRun> runs, IReadOnlyList<ClaimResult> claims) => IndexPage(runs, claims, [], Language.English);

    /// <summary>
    /// The contents page as a results section: the headline, the note on where the data comes
    /// from, per case its summary (pillar split, key figures) and its claims in the article's
    /// units, the context claims, and the notebooks.
    /// </summary>
    public static string IndexPage(IReadOnlyList<NotebookRun> runs, IReadOnlyList<ClaimResult> claims, IReadOnlyList<ReportCase> cases, Language language = Language.English)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(cases);
        var w = Words.Of(language);
        var html = new StringBuilder();
        var ran = runs.Count(r => r.Succeeded);
        var checkedClaims = claims.Where(c => c.Reproduced is not null).ToList();
        var context = claims.Where(c => c.Reproduced is null).ToList();
        html.Append(CultureInfo.InvariantCulture, $"<h1>{w.Heading}</h1>");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"lead\">{w.Lead(checkedClaims.Count(c => c.Reproduced == true), checkedClaims.Count, ran, runs.Count, context.Count)}</p>");
        if (cases.Count > 0)
        {
            var cards = string.Join(", ", cases.Select(c => $"<a href=\"data/{E(c.Info.Id)}.html\">{E(c.Info.Id)}</a>"));
            html.Append(CultureInfo.InvariantCulture, $"<aside class=\"note\">{w.SimulationNote(cards)}</aside>");
        }

        html.Append(CultureInfo.InvariantCulture, $"<nav>{w.Contents}: ");
        foreach (var c in cases)
        {
            html.Append(CultureInfo.InvariantCulture, $"<a href=\"#case-{E(c.Info.Id)}\">{E(language == Language.Chinese ? c.Info.TitleZh : c.Info.Title)}</a>");
        }

        html.Append(CultureInfo.InvariantCulture, $"<a href=\"#claims\">{w.Claims}</a><a href=\"#context\">{w.Context}</a><a href=\"#notebooks\">{w.Notebooks}</a></nav>");
        foreach (var c in cases)
        {
            html.Append(CaseSection(c, claims.Where(r => r.Claim.Case == c.Info.Id && r.Reproduced is not null).ToList(), w));
        }

        // Claims about no bundled case (a user's own claims file): in a table of their own.
        var others = checkedClaims.Where(r => !cases.Any(c => c.Info.Id == r.Claim.Case)).ToList();
        html.Append("<section id=\"claims\">");
        if (others.Count > 0 || cases.Count == 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h2>{w.ClaimsHeading}</h2>").Append(ClaimsTable(others, w));
        }

        html.Append(CultureInfo.InvariantCulture, $"</section><section id=\"context\"><h2>{w.ContextHeading}</h2>");
        html.Append(CultureInfo.InvariantCulture, $"<table class=\"claims\"><colgroup><col class=\"what\"><col class=\"fig\"><col></colgroup><thead><tr><th>{w.StatementColumn}</th><th>{w.QuotedColumn}</th><th>{w.StatusColumn}</th></tr></thead>");
        foreach (var r in context)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Statement(r.Claim, w)}</td><td class=\"num\" title=\"{E(r.Claim.Expected)}\">{E(ClaimFigures.Expected(r.Claim, w.Language))}</td><td class=\"context\">{w.ContextNotChecked}</td></tr>");
        }

        html.Append("</table></section>");
        html.Append(CultureInfo.InvariantCulture, $"<section id=\"notebooks\"><h2>{w.Notebooks}</h2><table><thead><tr><th>{w.NotebookColumn}</th><th>{w.ResultColumn}</th><th>{w.SecondsColumn}</th></tr></thead>");
        foreach (var run in runs)
        {
            var result = run.Failure is { } f ? $"<span class=\"fail\">{w.FailedAt(f.Number)}{E(f.Error.Split('\n')[0])}</span>" : $"<span class=\"ok\">{w.Ran}</span>";
            html.Append(CultureInfo.InvariantCulture, $"<tr><td><a href=\"notebooks/{PageName(run)}\">{E(Title(run))}</a></td><td>{result}</td><td class=\"num\">{run.Elapsed.TotalSeconds:0.0}</td></tr>");
        }

        html.Append("</table></section>");
        html.Append(CultureInfo.InvariantCulture, $"<footer><p class=\"meta\">{w.Footer}</p></footer>");
        return Page(w.Title, html.ToString(), hasCharts: cases.Count > 0, language);
    }

    /// <summary>A case's data card as a page of its own.</summary>
    public static string DataCardPage(ReportCase reportCase, Language language = Language.English)
    {
        ArgumentNullException.ThrowIfNull(reportCase);
        var w = Words.Of(language);
        var body = $"<nav><a href=\"../index.html\">{w.Contents}</a></nav><h1>{w.DataCard}{E(reportCase.Info.Id)}</h1><p>{Titles(reportCase.Info, language)}</p><pre>{E(reportCase.DataCard)}</pre>";
        return Page(w.DataCard + reportCase.Info.Id, body, hasCharts: false, language);
    }

    // The English edition shows the Chinese title beside its own, for a reader who meets the case in Chinese;
    // the Chinese edition shows its own only.
    private static string Titles(CaseInfo info, Language language) => language == Language.Chinese
        ? E(info.TitleZh)
        : $"{E(info.Title)} <span class=\"zh\" lang=\"zh-CN\">{E(info.TitleZh)}</span>";

    private static string CaseSection(ReportCase c, List<ClaimResult> claims, Words w)
    {
        var html = new StringBuilder();
        var info = c.Info;
        var report = c.Analysis;
        var reproduced = claims.Count(r => r.Reproduced == true);
        var chinese = w.Language == Language.Chinese;
        html.Append(CultureInfo.InvariantCulture, $"<section class=\"case\" id=\"case-{E(info.Id)}\"><h2>{Titles(info, w.Language)}</h2>");
        var (open, close) = chinese ? ("（", "）") : (" (", ") ");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"meta\">{E(report.Framework.Code)} · {w.Period(info.From, info.To)} · {w.Seeded(info.Seed)}{open}<a href=\"data/{E(info.Id)}.html\">{w.DataCardLink}</a>{close}· <b class=\"{(reproduced == claims.Count ? "ok" : "fail")}\">{w.Reproduced(reproduced, claims.Count)}</b></p>");
        html.Append("<div class=\"summary\"><div class=\"chart\">").Append(PillarCharts.Split(report).Titled(w.SplitTitle).In(Playbook.Output.Words.For(w.Language)).ToHtml(360)).Append("</div>");
        html.Append(CultureInfo.InvariantCulture, $"<table class=\"figures\"><tr><th colspan=\"2\">{w.KeyFigures}</th></tr>");
        html.Append(CultureInfo.InvariantCulture, $"<tr><td>{w.NetGmv}</td><td class=\"num\" title=\"{report.Totals.NetGmv.ToString(CultureInfo.InvariantCulture)}\">{E(ClaimFigures.Money((double)report.Totals.NetGmv, w.Language))}</td></tr>");
        html.Append(CultureInfo.InvariantCulture, $"<tr><td>{w.PaidOrders}</td><td class=\"num\">{report.Totals.Orders:#,0}</td></tr>");
        if (report.Totals.Buyers is { } buyers)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{w.Buyers}</td><td class=\"num\">{buyers:#,0}</td></tr>");
        }

        foreach (var line in report.Partition)
        {
            var pillar = line.Pillar == PillarAnalysis.ShelfCode ? "" : E(line.Pillar) + " ";
            var names = chinese ? $"{pillar}{E(line.NameZh)}" : $"{pillar}{E(line.Name)} <span class=\"zh\" lang=\"zh-CN\">{E(line.NameZh)}</span>";
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{names}</td><td class=\"num\" title=\"{line.Share.ToString(CultureInfo.InvariantCulture)}\">{E(ClaimFigures.Percent(line.Share))}</td></tr>");
        }

        html.Append("</table></div>");
        if (report.Economics is { Available: true } economics)
        {
            // What the pillars earn: the waterfall, and each pillar's contribution margin beside it.
            html.Append(CultureInfo.InvariantCulture, $"<h3>{w.EconomicsTitle}</h3><div class=\"summary\"><div class=\"chart\">").Append(EconomicsCharts.Waterfall(economics).Titled(w.WaterfallTitle).In(Playbook.Output.Words.For(w.Language)).ToHtml(360)).Append("</div>");
            html.Append(CultureInfo.InvariantCulture, $"<table class=\"figures\"><tr><th colspan=\"2\">{w.ContributionMargin(economics.GrossMargin ?? 0)}</th></tr>");
            foreach (var line in economics.Lines.Where(l => l.Margin is not null))
            {
                var name = report.Partition.FirstOrDefault(p => p.Pillar == line.Pillar) is { } p ? (chinese ? p.NameZh : p.Name) : line.Pillar;
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{(line.Pillar == PillarAnalysis.ShelfCode ? "" : E(line.Pillar) + " ")}{E(name)}</td><td class=\"num\" title=\"{line.Contribution.ToString(CultureInfo.InvariantCulture)}\">{E(ClaimFigures.Percent(line.Margin!.Value))}</td></tr>");
            }

            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{w.AfterOverhead}</td><td class=\"num\" title=\"{economics.Contribution?.ToString(CultureInfo.InvariantCulture)}\">{E(ClaimFigures.Money((double)(economics.Contribution ?? 0), w.Language))}</td></tr></table></div>");
        }

        html.Append(CultureInfo.InvariantCulture, $"<h3>{w.CaseClaims}</h3>").Append(ClaimsTable(claims, w)).Append("</section>");
        return html.ToString();
    }

    private static string ClaimsTable(List<ClaimResult> claims, Words w)
    {
        var html = new StringBuilder("<table class=\"claims\"><colgroup><col class=\"what\"><col class=\"fig\"><col class=\"fig\"><col></colgroup>");
        html.Append(CultureInfo.InvariantCulture, $"<thead><tr><th>{w.ClaimColumn}</th><th>{w.ArticleColumn}</th><th>{w.MeasuredColumn}</th><th>{w.ResultColumn}</th></tr></thead>");
        foreach (var r in claims)
        {
            var result = r.Reproduced switch
            {
                true => $"<span class=\"ok\">{w.ReproducedWord}</span>",
                false => $"<span class=\"fail\">{w.NotReproduced}{E(r.Verdict)}</span>",
                null => $"<span class=\"context\">{w.ContextNotChecked}</span>",
            };
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Statement(r.Claim, w)}</td><td class=\"num\" title=\"{E(r.Claim.ExpectedText)}\">{E(ClaimFigures.Expected(r.Claim, w.Language))}</td><td class=\"num\" title=\"{E(r.Actual)}\">{E(ClaimFigures.Actual(r, w.Language))}</td><td>{result}</td></tr>");
        }

        return html.Append("</table>").ToString();
    }

    // In Chinese the article's own sentence comes first, the English statement under it.
    private static string Statement(Claim claim, Words w) => w.Language == Language.Chinese
        ? $"<span lang=\"zh-CN\">{E(claim.ArticleZh)}</span><br><span class=\"zh\" lang=\"zh-CN\">{E(claim.StatementZh)}</span> <code>{E(claim.Id)}</code>"
        : $"{E(claim.Statement)}<br><span class=\"zh\" lang=\"zh-CN\">{E(claim.ArticleZh)}</span> <code>{E(claim.Id)}</code>";

    private static string Page(string title, string body, bool hasCharts, Language language)
    {
        var head = hasCharts ? OfflineChart.PlotlyJsElement() : "";
        return $"<!DOCTYPE html><html lang=\"{(language == Language.Chinese ? "zh-CN" : "en")}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{E(title)}</title>{Style}{head}</head><body>{body}</body></html>";
    }

    /// <summary>The report's words in one language; figures come from <see cref="ClaimFigures"/> in the same language.</summary>
    private sealed class Words
    {
        public static readonly Words English = new()
        {
            Language = Language.English,
            Title = "Results",
            Heading = "Live-commerce pillar workspace: results",
            Contents = "Contents",
            Claims = "Claims",
            Context = "Context",
            Notebooks = "Notebooks",
            ClaimsHeading = "Claims of the source article",
            ContextHeading = "Context: platform facts the article quotes",
            CaseClaims = "The article's claims on this case",
            StatementColumn = "statement, and the article's words",
            QuotedColumn = "figure quoted",
            StatusColumn = "status",
            ClaimColumn = "claim, and the article's words",
            ArticleColumn = "the article",
            MeasuredColumn = "measured",
            ResultColumn = "result",
            NotebookColumn = "notebook",
            SecondsColumn = "seconds",
            ReproducedWord = "reproduced",
            NotReproduced = "",
            ContextNotChecked = "context, not checked",
            Ran = "ran",
            KeyFigures = "Key figures, whole period",
            EconomicsTitle = "What the pillars earn (the simulation's invented commission and costs)",
            WaterfallTitle = "Net GMV to contribution by pillar (¥)",
            ContributionMargin = margin => string.Create(CultureInfo.InvariantCulture, $"Contribution margin (gross margin {margin:0%})"),
            AfterOverhead = "Contribution after overhead",
            NetGmv = "net GMV",
            PaidOrders = "paid orders",
            Buyers = "buyers",
            SplitTitle = "Net GMV by pillar (¥)",
            DataCard = "Data card: ",
            DataCardLink = "data card",
            NotebookFailed = "This notebook failed: ",
            Footer = "Made by <code>dotnet run --project lib/Playbook.Cli -- reproduce</code>. The raw figures: <code>playbook claims --format json</code>; hover a measured figure to see it here.",
            Lead = (ok, all, ran, runs, context) => string.Create(CultureInfo.InvariantCulture, $"<b>{ok} of {all}</b> reproducible claims of the source article reproduced; <b>{ran} of {runs}</b> notebooks ran; {context} context claims quoted, not checked."),
            SimulationNote = cards => $"<b>Simulated data.</b> Each case is a seeded simulation calibrated to the figures the article gives, not the brand's own data: every row is made by a model, and only the calibrated figures are the article's. The data cards say what was calibrated and what was invented: {cards}. Claims marked <i>context</i> are platform facts the article quotes; no case data can confirm them, so they are shown, not checked.",
            Period = (from, to) => string.Create(CultureInfo.InvariantCulture, $"{from:yyyy-MM-dd} to {to:yyyy-MM-dd}"),
            Seeded = seed => string.Create(CultureInfo.InvariantCulture, $"simulated data, seed {seed}"),
            Reproduced = (ok, all) => string.Create(CultureInfo.InvariantCulture, $"{ok} of {all} claims reproduced"),
            CodeCell = n => string.Create(CultureInfo.InvariantCulture, $"Code, cell {n}"),
            FailedAt = n => string.Create(CultureInfo.InvariantCulture, $"failed at cell {n}: "),
        };

        public static readonly Words Chinese = new()
        {
            Language = Language.Chinese,
            Title = "结果",
            Heading = "直播电商阵地分析工作台：复现结果",
            Contents = "目录",
            Claims = "论断",
            Context = "背景数据",
            Notebooks = "笔记",
            ClaimsHeading = "原文中的论断",
            ContextHeading = "背景数据：原文引用的平台数字",
            CaseClaims = "原文对这个案例的论断",
            StatementColumn = "原文与说明",
            QuotedColumn = "引用数字",
            StatusColumn = "状态",
            ClaimColumn = "原文与说明",
            ArticleColumn = "原文数字",
            MeasuredColumn = "实测",
            ResultColumn = "结果",
            NotebookColumn = "笔记",
            SecondsColumn = "秒",
            ReproducedWord = "已复现",
            NotReproduced = "未复现：",
            ContextNotChecked = "背景数据，不做核对",
            Ran = "运行成功",
            KeyFigures = "关键数字（全期）",
            EconomicsTitle = "各阵地的经济账（佣金与费用为模拟设定）",
            WaterfallTitle = "各阵地从净成交额到贡献利润（¥）",
            ContributionMargin = margin => string.Create(CultureInfo.InvariantCulture, $"贡献利润率（毛利率 {margin:0%}）"),
            AfterOverhead = "扣除总部分摊后的贡献利润",
            NetGmv = "净成交额",
            PaidOrders = "已付款订单",
            Buyers = "买家",
            SplitTitle = "各阵地净成交额（¥）",
            DataCard = "数据卡：",
            DataCardLink = "数据卡",
            NotebookFailed = "这本笔记运行失败：",
            Footer = "由 <code>dotnet run --project lib/Playbook.Cli -- reproduce --lang zh</code> 生成。原始数字见 <code>playbook claims --format json</code>；鼠标停在实测数字上可以看到原值。",
            Lead = (ok, all, ran, runs, context) => string.Create(CultureInfo.InvariantCulture, $"原文中可复现的 {all} 条论断，<b>复现了 {ok} 条</b>；{runs} 本笔记<b>运行成功 {ran} 本</b>；另有 {context} 条背景数据只作引用，不做核对。"),
            SimulationNote = cards => $"<b>模拟数据。</b>两个案例都是按原文公开数字校准的带种子模拟，不是品牌的真实经营数据：每一行都由模型生成，只有用来校准的数字出自原文。哪些数字是校准的、哪些是编的，写在数据卡里：{cards}。标为「背景数据」的是原文引用的平台数字，案例数据无法证实，所以只展示、不核对。",
            Period = (from, to) => string.Create(CultureInfo.InvariantCulture, $"{from:yyyy-MM-dd} 至 {to:yyyy-MM-dd}"),
            Seeded = seed => string.Create(CultureInfo.InvariantCulture, $"模拟数据，种子 {seed}"),
            Reproduced = (ok, all) => string.Create(CultureInfo.InvariantCulture, $"{all} 条论断复现 {ok} 条"),
            CodeCell = n => string.Create(CultureInfo.InvariantCulture, $"代码，第 {n} 格"),
            FailedAt = n => string.Create(CultureInfo.InvariantCulture, $"在第 {n} 格失败："),
        };

        public required Language Language { get; init; }

        public required string Title { get; init; }

        public required string Heading { get; init; }

        public required string Contents { get; init; }

        public required string Claims { get; init; }

        public required string Context { get; init; }

        public required string Notebooks { get; init; }

        public required string ClaimsHeading { get; init; }

        public required string ContextHeading { get; init; }

        public required string CaseClaims { get; init; }

        public required string StatementColumn { get; init; }

        public required string QuotedColumn { get; init; }

        public required string StatusColumn { get; init; }

        public required string ClaimColumn { get; init; }

        public required string ArticleColumn { get; init; }

        public required string MeasuredColumn { get; init; }

        public required string ResultColumn { get; init; }

        public required string NotebookColumn { get; init; }

        public required string SecondsColumn { get; init; }

        public required string ReproducedWord { get; init; }

        public required string NotReproduced { get; init; }

        public required string ContextNotChecked { get; init; }

        public required string Ran { get; init; }

        public required string KeyFigures { get; init; }

        public required string EconomicsTitle { get; init; }

        public required string WaterfallTitle { get; init; }

        public required Func<double, string> ContributionMargin { get; init; }

        public required string AfterOverhead { get; init; }

        public required string NetGmv { get; init; }

        public required string PaidOrders { get; init; }

        public required string Buyers { get; init; }

        public required string SplitTitle { get; init; }

        public required string DataCard { get; init; }

        public required string DataCardLink { get; init; }

        public required string NotebookFailed { get; init; }

        public required string Footer { get; init; }

        public required Func<int, int, int, int, int, string> Lead { get; init; }

        public required Func<string, string> SimulationNote { get; init; }

        public required Func<DateOnly, DateOnly, string> Period { get; init; }

        public required Func<ulong, string> Seeded { get; init; }

        public required Func<int, int, string> Reproduced { get; init; }

        public required Func<int, string> CodeCell { get; init; }

        public required Func<int, string> FailedAt { get; init; }

        public static Words Of(Language language) => language == Language.Chinese ? Chinese : English;
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
