using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

using Playbook.Tests.Shared;

namespace Playbook.Notebooks.Tests;

/// <summary>Every notebook in notebooks/ runs in the workspace's runner (the stock kernel: <see cref="StockKernelTests"/>).</summary>
[Collection(Repo.RunnerCollection)]
public partial class NotebookTests
{
    public static TheoryData<string> Notebooks() => Repo.Notebooks();

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Notebook_RunsInTheRunnerAndAsItsAppTwin_TheSameFigures(string name)
    {
        var notebook = Path.Combine(Repo.Root, "notebooks", name);
        var twin = AppTwins.PathOf(notebook);

        // The twin's process (mostly a build) runs beside the runner, which keeps the suite's time down.
        var twinRun = AppTwinRun.RunAsync(twin);
        var run = await NotebookRunner.RunAsync(notebook, new RunOptions { OutputDirectory = Path.Combine(Repo.Root, "artifacts", "notebooks") });
        var (exit, cells, error) = await twinRun;
        Assert.True(run.Succeeded, run.Failure?.ToString());

        // The twin, run with no notebook tool: every cell the notebook displays something in, it shows too,
        // and every figure it shows is one the notebook's cell displays (charts apart: the twin writes them to a file).
        Assert.True(exit == 0, $"{Path.GetFileName(twin)} exited {exit}: {error}");
        for (var index = 0; index < run.Document.Cells.Count; index++)
        {
            var cell = run.Document.Cells[index];
            var shown = AppTwinRun.Displayed(cell.Outputs);
            if (cell.Kind != "code" || SetupCells.IsSetup(cell.Source) || !cells.TryGetValue(index, out var printed) || printed.StartsWith("chart: ", StringComparison.Ordinal) || printed.StartsWith("图表：", StringComparison.Ordinal))
            {
                continue;
            }

            var figures = AppTwinRun.Numbers(printed);
            var missing = figures.Where(f => !AppTwinRun.Numbers(shown).Contains(f)).ToList();
            Assert.True(missing.Count == 0, $"{name} cell {index}: the twin shows {string.Join(", ", missing.Take(5))}, which the notebook's cell does not:\n{printed}");
        }

        Assert.All(run.Document.Cells.Select((c, i) => (c, i)).Where(x => x.c.Kind == "code" && x.c.Outputs.Count > 0 && !SetupCells.IsSetup(x.c.Source)),
            x => Assert.True(cells.ContainsKey(x.i), $"{name} cell {x.i} displays something, which the twin does not"));

        // The Chinese edition shows its tables, sentences and lists in Chinese, in the notebook and in its twin.
        if (Playbook.Output.Languages.Of(name) == Playbook.Output.Language.Chinese)
        {
            var notebookText = string.Join("\n", run.Document.Cells.Where(c => c.Kind == "code" && c.Source != SetupCells.Packages).SelectMany(c => c.Outputs).Select(Shown));
            var english = EnglishText.EnglishLines(notebookText);
            Assert.True(english.Count == 0, $"{name} shows English:\n{string.Join("\n", english)}");
            var headers = run.Document.Cells.SelectMany(c => c.Outputs).Select(o => o?["data"]?["text/html"] switch { JsonArray lines => string.Concat(lines.Select(l => (string?)l)), var html => (string?)html ?? "" })
                .SelectMany(html => TableHeader().Matches(html).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)))
                .Where(h => EnglishText.HeaderWords(h).Count > 0).Distinct(StringComparer.Ordinal).ToList();
            Assert.True(headers.Count == 0, $"{name} has English column headers: {string.Join(", ", headers)}");
            var twinEnglish = EnglishText.EnglishLines(string.Join("\n", cells.Values));
            Assert.True(twinEnglish.Count == 0, $"{Path.GetFileName(twin)} prints English:\n{string.Join("\n", twinEnglish)}");
        }
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void AppTwin_Committed_IsWhatTheNotebookWrites(string name)
    {
        var notebook = Path.Combine(Repo.Root, "notebooks", name);
        var twin = AppTwins.PathOf(notebook);

        Assert.True(File.Exists(twin), $"{twin} is missing: run `dotnet run --project lib/Playbook.Cli -- twins`");
        Assert.True(AppTwins.Render(notebook) == File.ReadAllText(twin), $"{Path.GetFileName(twin)} is stale: run `dotnet run --project lib/Playbook.Cli -- twins`");
    }

    /// <summary>What a reader sees of one output: the HTML's text (no script), or the plain text, or the stream's text.</summary>
    private static string Shown(JsonNode? output)
    {
        static string Text(JsonNode? node) => node is JsonArray lines ? string.Concat(lines.Select(l => (string?)l)) : (string?)node ?? "";
        return output?["data"] is JsonObject data
            ? data["text/html"] is { } html ? EnglishText.Visible(Text(html)) : Text(data["text/plain"])
            : Text(output?["text"]);
    }

    [GeneratedRegex("<th[^>]*>([^<]*)</th>")]
    private static partial Regex TableHeader();

    [Fact]
    public async Task AppTwin_YourBrandWithArguments_TakesThemAsTheRunnerTakesParameters()
    {
        var twin = Path.Combine(Repo.Root, "notebooks", "apps", "04-your-brand.cs");

        var (exit, cells, error) = await AppTwinRun.RunAsync(twin, "--exportsFolder", "../data/exports/kuaishou", "--framework", "steps");
        var (bad, _, badError) = await AppTwinRun.RunAsync(twin, "--orderz", "x.csv");

        Assert.True(exit == 0, error);
        Assert.Contains(cells.Values, text => text.Contains("kuaishou_orders", StringComparison.Ordinal));
        Assert.NotEqual(0, bad);
        Assert.Contains("unknown parameter --orderz", badError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../data/exports/douyin", "fact", "douyin_export")]
    [InlineData("../data/exports/kuaishou", "steps", "kuaishou_orders")]
    public async Task YourBrand_OnAFolderOfDownloads_RunsAndShowsWhatLoaded(string folder, string framework, string source)
    {
        var run = await NotebookRunner.RunAsync(
            Path.Combine(Repo.Root, "notebooks", "04-your-brand.ipynb"),
            new RunOptions
            {
                OutputDirectory = Path.Combine(Repo.Root, "artifacts", "notebooks", "exports-" + framework),
                Parameters = new Dictionary<string, string> { ["exportsFolder"] = folder, ["framework"] = framework },
            });

        Assert.True(run.Succeeded, run.Failure?.ToString());
        var executed = File.ReadAllText(run.Executed);
        Assert.Contains(source, executed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task YourBrand_ExportWithBadRows_TheValidationTableListsThem()
    {
        // The sample 抖店 orders with errors: the warning points to the load, and the load lists the rows.
        var run = await NotebookRunner.RunAsync(
            Path.Combine(Repo.Root, "notebooks", "04-your-brand.ipynb"),
            new RunOptions
            {
                OutputDirectory = Path.Combine(Repo.Root, "artifacts", "notebooks", "bad-rows"),
                Parameters = new Dictionary<string, string> { ["ordersPath"] = "../data/samples/orders-with-errors.csv" },
            });

        Assert.True(run.Succeeded, run.Failure?.ToString());
        var executed = File.ReadAllText(run.Executed);
        Assert.Contains("rejected rows are not in the figures (see load)", executed, StringComparison.Ordinal);
        Assert.Contains("refund is larger than the order&#39;s gmv", executed, StringComparison.Ordinal);

        // The cell that read the file says what it lost on standard error, as VS Code shows it under the cell.
        Assert.Contains(
            run.Document.Cells.SelectMany(c => c.Outputs.OfType<System.Text.Json.Nodes.JsonObject>()),
            o => (string?)o["name"] == "stderr" && ((string?)o["text"] ?? "").Contains("orders-with-errors.csv: 8 rejected rows are not in the figures", StringComparison.Ordinal));
        Assert.Contains("must be at least 1", executed, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Notebook_StartsWithTheSharedSetupAndCarriesTheKernelspec(string name)
    {
        var notebook = JsonNode.Parse(File.ReadAllText(Path.Combine(Repo.Root, "notebooks", name)))!;
        var code = notebook["cells"]!.AsArray().Where(c => (string?)c!["cell_type"] == "code").Select(c => Source(c!)).ToList();

        Assert.Equal(SetupCells.Packages, code[0]);
        Assert.Equal(SetupCells.LibraryOf(Playbook.Output.Languages.Of(name)), code[1]);
        Assert.Equal(".net-csharp", (string?)notebook["metadata"]!["kernelspec"]!["name"]);
        Assert.Equal("C#", (string?)notebook["metadata"]!["kernelspec"]!["language"]);
        Assert.Equal("C#", (string?)notebook["metadata"]!["language_info"]!["name"]);
        Assert.Equal("csharp", (string?)notebook["metadata"]!["polyglot_notebook"]!["kernelInfo"]!["defaultKernelName"]);
        Assert.All(notebook["cells"]!.AsArray().Where(c => (string?)c!["cell_type"] == "code"), c => Assert.Empty(c!["outputs"]!.AsArray()));
    }

    [Fact]
    public void SetupCells_PinTheVersionsOfDirectoryPackagesProps()
    {
        var props = File.ReadAllText(Path.Combine(Repo.Root, "Directory.Packages.props"));
        foreach (var (id, version) in SetupCells.PinnedPackages)
        {
            Assert.Matches($"<PackageVersion Include=\"{Regex.Escape(id)}\" Version=\"{Regex.Escape(version)}\" />", props);
            Assert.Contains($"#r \"nuget: {id}, {version}\"", SetupCells.Packages, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Setup_BeforeTheLibraryIsBuilt_SaysSoInPlainWords()
    {
        using var scratch = new Repo.Scratch();
        var path = scratch.Notebook("early.ipynb", SetupCells.Packages, SetupCells.Library);

        var run = await NotebookRunner.RunAsync(path, new RunOptions { OutputDirectory = Path.Combine(scratch.Folder, "out") });

        Assert.Equal(1, run.Failure!.Number);
        Assert.Contains("The Playbook library is not built yet. In a terminal at the repository root run: dotnet build", run.Failure.Error, StringComparison.Ordinal);
    }

    private static string Source(JsonNode cell) => cell["source"] is JsonArray lines ? string.Concat(lines.Select(l => (string?)l)) : (string?)cell["source"] ?? "";
}
