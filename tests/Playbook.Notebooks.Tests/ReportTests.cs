using System.Text.RegularExpressions;
using Playbook.Output;
using Playbook.Workspace;

namespace Playbook.Notebooks.Tests;

/// <summary>
/// The report as a reviewer opens it, in a real browser (headless Chromium over the DevTools
/// protocol): charts drawn with no network, no horizontal scroll at 1280 px, Chinese drawn with a
/// CJK font, and the contents printed on A4 with the claims tables inside the page at a legible
/// size. Screenshots and the printed PDF go to artifacts/screenshots.
/// </summary>
[Collection(Repo.RunnerCollection)]
public class ReportTests
{
    private static readonly string Screenshots = Path.Combine(Repo.Root, "artifacts", "screenshots");

    [Fact]
    public async Task Report_ChartPage_DrawnOfflineInHeadlessChromium()
    {
        using var scratch = new Repo.Scratch();
        var run = await RunChartNotebook(scratch);
        var index = ReportWriter.Write(Path.Combine(scratch.Folder, "report"), [run], []);
        var page = Path.Combine(Path.GetDirectoryName(index)!, "notebooks", "chart.html");
        var html = File.ReadAllText(page);

        // User text is encoded; plotly.js is on the page exactly once, and nothing is fetched from a network.
        Assert.DoesNotContain("<script>alert('x')</script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(html, OfflineChart.PlotlyScriptMarker));
        Assert.DoesNotMatch("src=\"https?://", html);

        await using var browser = await Browser.LaunchAsync();
        var tab = await browser.OpenAsync(page, 1200, 900);
        Directory.CreateDirectory(Screenshots);
        await tab.ScreenshotAsync(Path.Combine(Screenshots, "report-chart.png"));

        // Plotly draws into an SVG of class main-svg inside the chart's container (OpenAsync waited for it); the title is there, as text.
        Assert.Equal("GMV by pillar", (await tab.EvaluateAsync("document.querySelector('.playbook-chart .gtitle').textContent"))!.GetValue<string>());
        Assert.True(new FileInfo(Path.Combine(Screenshots, "report-chart.png")).Length > 10_000);
    }

    [Fact]
    public async Task Report_Index_ReadAtAGlanceOnScreenAndOnA4()
    {
        using var scratch = new Repo.Scratch();
        var run = await RunChartNotebook(scratch);
        var claims = ClaimRegistry.EvaluateBundled();
        var cases = CaseCatalog.All.Select(ReportCase.Of).ToList();
        var index = ReportWriter.Write(Path.Combine(scratch.Folder, "report"), [run], claims, cases);

        await using var browser = await Browser.LaunchAsync();
        var tab = await browser.OpenAsync(index, 1280, 900);
        Directory.CreateDirectory(Screenshots);
        await tab.ScreenshotAsync(Path.Combine(Screenshots, "report-index.png"));

        // Per case a pillar split and its economics' waterfall, drawn; nothing wider than the window.
        Assert.Equal(2 * cases.Count, (await tab.EvaluateAsync("document.querySelectorAll('section.case .playbook-chart .main-svg').length > 0 ? document.querySelectorAll('section.case .playbook-chart').length : -1"))!.GetValue<int>());
        Assert.True((await tab.EvaluateAsync("document.documentElement.scrollWidth <= window.innerWidth"))!.GetValue<bool>(), "the index scrolls sideways at 1280 px");

        // Chinese text is drawn with a CJK font, not boxes or a Latin fallback.
        var fonts = await tab.FontsAsync("section.case td .zh");
        Assert.True(fonts.Any(f => f.Contains("CJK", StringComparison.Ordinal)), $"Chinese is drawn with {string.Join(", ", fonts)}, not Noto Sans CJK; {Browser.Install}");

        // Printed on A4 (794 CSS pixels at 96 dpi, 703 inside the margins): the claims tables and the charts as drawn inside the page, table text at least 11 px (8 pt).
        await tab.MediaAsync("print", 794, 1123);
        await tab.ScreenshotAsync(Path.Combine(Screenshots, "report-index-print.png"));
        Assert.True((await tab.EvaluateAsync("[...document.querySelectorAll('table.claims')].every(t => t.scrollWidth <= t.parentElement.clientWidth + 1 && t.getBoundingClientRect().right <= document.documentElement.clientWidth + 1)"))!.GetValue<bool>(), "a claims table is wider than the A4 page");
        Assert.True((await tab.EvaluateAsync("[...document.querySelectorAll('.playbook-chart')].every(c => c.querySelector('.main-svg').getBoundingClientRect().width <= Math.min(703, c.parentElement.clientWidth) + 1)"))!.GetValue<bool>(), "a chart is wider than its place on the A4 page (703 px inside the margins)");
        Assert.True((await tab.EvaluateAsync("Math.min(...[...document.querySelectorAll('table.claims td')].map(td => parseFloat(getComputedStyle(td).fontSize)))"))!.GetValue<double>() >= 11, "claims table text under 8 pt in print");
        Assert.True((await tab.EvaluateAsync("[...document.querySelectorAll('section.case')].slice(1).every(s => getComputedStyle(s).breakBefore === 'page')"))!.GetValue<bool>(), "a case after the first does not start a printed page");
        Assert.True((await tab.EvaluateAsync("[...document.querySelectorAll('table.claims')].every(t => t.rows[0].parentElement.tagName === 'THEAD')"))!.GetValue<bool>(), "a claims table's header does not repeat on the next printed page");

        var pdf = await tab.PrintAsync();
        await File.WriteAllBytesAsync(Path.Combine(Screenshots, "report-index.pdf"), pdf);
        var text = System.Text.Encoding.Latin1.GetString(pdf);
        Assert.StartsWith("%PDF-", text, StringComparison.Ordinal);
        Assert.Matches(@"/MediaBox \[0 0 59[45]\.\d+ 84[12]\.\d+\]", text);
        Assert.True(Regex.Count(text, @"/Type /Page\b") >= cases.Count, "one page per case at least");
    }

    [Fact]
    public void Index_ClaimsAndNotebooksEncoded()
    {
        var claim = new Workspace.Claim("x<1>", "case", Workspace.ClaimKind.Reproducible, "字<u>", "s & t", null, "1", 0, Workspace.ClaimComparison.Within, null, "f", 1);
        var html = ReportWriter.IndexPage([], [new Workspace.ClaimResult(claim, "<2>", false, "not <ok>")]);

        Assert.Contains("x&lt;1&gt;", html, StringComparison.Ordinal);
        Assert.Contains("字&lt;u&gt;", html, StringComparison.Ordinal);
        Assert.Contains("not &lt;ok&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<u>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<2>", html, StringComparison.Ordinal);
    }

    /// <summary>A notebook with a chart whose title has markup, and a frame with a script in a cell, run in the runner.</summary>
    private static async Task<NotebookRun> RunChartNotebook(Repo.Scratch scratch)
    {
        var notebook = scratch.Notebook(
            "chart.ipynb",
            "md:# A chart",
            SetupCells.Packages.Replace(SetupCells.LibraryPath, Repo.LibraryDll, StringComparison.Ordinal),
            SetupCells.Library.Replace(SetupCells.LibraryPath, Repo.LibraryDll, StringComparison.Ordinal),
            "using Plotly.NET.CSharp;\nvar chart = Chart.Column<int, string, string>(new[] { 3, 1, 2 }, new[] { \"F\", \"A\", \"T\" });\nPlotly.NET.Chart.withTitle(\"<b>GMV</b> by pillar\", null).Invoke(chart)",
            "using Microsoft.Data.Analysis;\nnew DataFrame(new StringDataFrameColumn(\"nickname\", new[] { \"<script>alert('x')</script>\" }))");
        var run = await NotebookRunner.RunAsync(notebook, new RunOptions { OutputDirectory = Path.Combine(scratch.Folder, "out") });
        Assert.True(run.Succeeded, run.Failure?.ToString());
        return run;
    }
}
