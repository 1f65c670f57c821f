using System.Diagnostics;
using System.Text.RegularExpressions;
using Playbook.Output;

namespace Playbook.Notebooks.Tests;

public class ReportTests
{
    // Without the background-networking flags Chromium keeps trying hosts that this machine cannot reach.
    private static readonly string[] Binaries = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

    private static readonly string[] QuietFlags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--virtual-time-budget=10000",
    ];

    [Fact]
    public async Task Report_ChartPage_DrawnOfflineInHeadlessChromium()
    {
        using var scratch = new Repo.Scratch();
        var notebook = scratch.Notebook(
            "chart.ipynb",
            "md:# A chart",
            SetupCells.Packages.Replace(SetupCells.LibraryPath, Repo.LibraryDll, StringComparison.Ordinal),
            SetupCells.Library.Replace(SetupCells.LibraryPath, Repo.LibraryDll, StringComparison.Ordinal),
            "using Plotly.NET.CSharp;\nvar chart = Chart.Column<int, string, string>(new[] { 3, 1, 2 }, new[] { \"F\", \"A\", \"T\" });\nPlotly.NET.Chart.withTitle(\"<b>GMV</b> by pillar\", null).Invoke(chart)",
            "using Microsoft.Data.Analysis;\nnew DataFrame(new StringDataFrameColumn(\"nickname\", new[] { \"<script>alert('x')</script>\" }))");
        var run = await NotebookRunner.RunAsync(notebook, new RunOptions { OutputDirectory = Path.Combine(scratch.Folder, "out") });
        Assert.True(run.Succeeded, run.Failure?.ToString());

        var index = ReportWriter.Write(Path.Combine(scratch.Folder, "report"), [run], []);
        var page = Path.Combine(Path.GetDirectoryName(index)!, "notebooks", "chart.html");
        var html = File.ReadAllText(page);

        // User text is encoded; plotly.js is on the page exactly once, and nothing is fetched from a network.
        Assert.DoesNotContain("<script>alert('x')</script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(html, OfflineChart.PlotlyScriptMarker));
        Assert.DoesNotMatch("src=\"https?://", html);

        var screenshots = Path.Combine(Repo.Root, "artifacts", "screenshots");
        Directory.CreateDirectory(screenshots);
        var dom = Chromium(page, "--dump-dom");
        Chromium(page, $"--screenshot={Path.Combine(screenshots, "report-chart.png")}", "--window-size=1200,1400");

        // Plotly draws into an SVG of class main-svg inside the chart's container: its presence means the chart was drawn.
        Assert.Matches("class=\"[^\"]*playbook-chart[^\"]*\"[\\s\\S]*class=\"main-svg\"", dom);
        Assert.True(new FileInfo(Path.Combine(screenshots, "report-chart.png")).Length > 10_000);
    }

    [Fact]
    public void Index_ClaimsAndNotebooksEncoded()
    {
        var claim = new Workspace.Claim("x<1>", "case", Workspace.ClaimKind.Reproducible, "字<b>", "s & t", null, "1", 0, Workspace.ClaimComparison.Within, null, "f", 1);
        var html = ReportWriter.IndexPage([], [new Workspace.ClaimResult(claim, "<2>", false, "not <ok>")]);

        Assert.Contains("x&lt;1&gt;", html, StringComparison.Ordinal);
        Assert.Contains("字&lt;b&gt;", html, StringComparison.Ordinal);
        Assert.Contains("not &lt;ok&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
    }

    /// <summary>Runs Debian's headless Chromium on a local file with the network quiet; returns what it printed.</summary>
    private static string Chromium(string file, params string[] arguments)
    {
        var binary = Binaries.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("headless Chromium is needed for this test: install Debian's chromium package (apt-get install chromium); .ci/run installs it when missing");
        var profile = Path.Combine(Path.GetTempPath(), "playbook-chromium-" + Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in QuietFlags.Append($"--user-data-dir={profile}").Concat(arguments).Append(new Uri(file).AbsoluteUri))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("chromium did not finish in 90 s");
        }

        try
        {
            Directory.Delete(profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still hold a lock file for a moment; the temp folder is cleaned later.
        }

        return output.Result;
    }
}
