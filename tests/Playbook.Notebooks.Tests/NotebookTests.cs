using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Playbook.Notebooks.Tests;

/// <summary>Every notebook in notebooks/ runs in the workspace's runner (the stock kernel: <see cref="StockKernelTests"/>).</summary>
[Collection(Repo.RunnerCollection)]
public class NotebookTests
{
    public static TheoryData<string> Notebooks() => Repo.Notebooks();

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Notebook_RunsInTheRunner_WithoutAFailingCell(string name)
    {
        var run = await NotebookRunner.RunAsync(Path.Combine(Repo.Root, "notebooks", name), new RunOptions { OutputDirectory = Path.Combine(Repo.Root, "artifacts", "notebooks") });

        Assert.True(run.Succeeded, run.Failure?.ToString());
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
        Assert.Equal(SetupCells.Library, code[1]);
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
