using System.Text.Json.Nodes;
using Playbook.Files;

namespace Playbook.Notebooks.Tests;

[Collection(Repo.RunnerCollection)]
public class NotebookRunnerTests
{
    private static RunOptions Options(Repo.Scratch scratch, IReadOnlyDictionary<string, string>? parameters = null, double timeoutSeconds = 60) => new()
    {
        OutputDirectory = Path.Combine(scratch.Folder, "out"),
        Parameters = parameters ?? new Dictionary<string, string>(),
        CellTimeout = TimeSpan.FromSeconds(timeoutSeconds),
    };

    private static string Text(JsonNode? node) => node is JsonArray a ? string.Concat(a.Select(x => (string?)x)) : (string?)node ?? "";

    [Fact]
    public async Task Run_FailingCell_ReportedWithItsNumberAndFirstLine()
    {
        using var scratch = new Repo.Scratch();
        var path = scratch.Notebook("fails.ipynb", "md:# Title", "var x = 1;", "// the third cell\nthrow new InvalidOperationException(\"boom\");", "Console.WriteLine(\"never\");");

        var run = await NotebookRunner.RunAsync(path, Options(scratch));

        Assert.False(run.Succeeded);
        Assert.Equal(3, run.Failure!.Number);
        Assert.Equal("// the third cell", run.Failure.FirstLine);
        Assert.Contains("boom", run.Failure.Error, StringComparison.Ordinal);
        Assert.Equal([2, 3], run.Cells.Select(c => c.Number));
        Assert.StartsWith("fails: cell 3 (// the third cell) failed: System.InvalidOperationException: boom", run.Failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_CompileError_ReportedWithItsNumber()
    {
        using var scratch = new Repo.Scratch();
        var path = scratch.Notebook("bad.ipynb", "int x = ;");

        var run = await NotebookRunner.RunAsync(path, Options(scratch));

        Assert.Equal(1, run.Failure!.Number);
        Assert.Contains("CS1525", run.Failure.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_Parameters_InjectedWithTheirDeclaredTypes()
    {
        using var scratch = new Repo.Scratch();
        var path = scratch.Notebook(
            "params.ipynb",
            "#tags: parameters\nstring platform = \"douyin\";\nint topN = 5;\ndecimal margin = 0.4m;\nbool strict = false;\nDateOnly from = new DateOnly(2021, 1, 1);",
            "Console.WriteLine($\"{platform.GetType().Name}={platform} {topN.GetType().Name}={topN * 2} {margin.GetType().Name}={margin + 0.1m} {strict.GetType().Name}={!strict} {from.GetType().Name}={from:yyyy-MM-dd}\");");

        var run = await NotebookRunner.RunAsync(path, Options(scratch, new Dictionary<string, string> { ["topN"] = "7", ["platform"] = "kuaishou \"快手\"", ["margin"] = "0.45", ["strict"] = "true", ["from"] = "2021-03-01" }));

        Assert.True(run.Succeeded, run.Failure?.ToString());
        var output = Text(run.Document.Cells[2].Outputs[0]!["text"]).Trim();
        Assert.Equal("String=kuaishou \"快手\" Int32=14 Decimal=0.55 Boolean=False DateOnly=2021-03-01", output);
        Assert.Equal([NotebookRunner.InjectedTag], run.Document.Cells[1].Tags);
    }

    [Theory]
    [InlineData("topN", "many", "parameter topN='many' is not a whole number (the parameters cell declares int)")]
    [InlineData("top", "5", "unknown parameter 'top': the parameters cell declares topN")]
    public async Task Run_BadParameter_FailsBeforeRunning(string name, string value, string message)
    {
        using var scratch = new Repo.Scratch();
        var path = scratch.Notebook("params.ipynb", "#tags: parameters\nint topN = 5;");

        var e = await Assert.ThrowsAsync<InputException>(() => NotebookRunner.RunAsync(path, Options(scratch, new Dictionary<string, string> { [name] = value })));

        Assert.EndsWith(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_HangingCell_StoppedByTheTimeout()
    {
        using var scratch = new Repo.Scratch();
        var path = scratch.Notebook("hangs.ipynb", "var started = true;", "await Task.Delay(TimeSpan.FromMinutes(10));", "Console.WriteLine(\"after\");");
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var run = await NotebookRunner.RunAsync(path, Options(scratch, timeoutSeconds: 2));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), "the run returned soon after the timeout");
        Assert.Equal(2, run.Failure!.Number);
        Assert.Equal("timed out after 2 s", run.Failure.Error);
    }

    [Fact]
    public async Task Run_Outputs_WrittenToTheExecutedCopyWithKernelspec()
    {
        using var scratch = new Repo.Scratch();
        var path = scratch.Notebook("outputs.ipynb", "Console.WriteLine(\"hello\");\n1 + 41");

        var run = await NotebookRunner.RunAsync(path, Options(scratch));

        var saved = JsonNode.Parse(File.ReadAllText(run.Executed))!;
        Assert.Equal(".net-csharp", (string?)saved["metadata"]!["kernelspec"]!["name"]);
        Assert.Equal("C#", (string?)saved["metadata"]!["language_info"]!["name"]);
        var outputs = (JsonArray)saved["cells"]![0]!["outputs"]!;
        Assert.Equal("hello\n", Text(outputs[0]!["text"]).Replace("\r", "", StringComparison.Ordinal));
        Assert.Equal("execute_result", (string?)outputs[1]!["output_type"]);
        Assert.Contains("42", string.Concat(((JsonObject)outputs[1]!["data"]!).Select(d => Text(d.Value))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WorkingDirectory_IsTheNotebooksFolder()
    {
        using var scratch = new Repo.Scratch();
        File.WriteAllText(Path.Combine(scratch.Folder, "beside.txt"), "found");
        var path = scratch.Notebook("cwd.ipynb", "Console.Write(System.IO.File.ReadAllText(\"beside.txt\"));");

        var run = await NotebookRunner.RunAsync(path, Options(scratch));

        Assert.True(run.Succeeded, run.Failure?.ToString());
        Assert.Equal("found", Text(run.Document.Cells[0].Outputs[0]!["text"]));
    }

    [Fact]
    public async Task Run_Dib_CellsSplitOnKernelLinesNotMagics()
    {
        using var scratch = new Repo.Scratch();
        var path = Path.Combine(scratch.Folder, "plain.dib");
        File.WriteAllText(path, "#!meta\n{\"kernelInfo\":{}}\n\n#!markdown\n\n# A dib\n\n#!csharp\n\n#!who\nvar a = 20;\n\n#!csharp\n\nConsole.Write(a + 1);\n");

        var run = await NotebookRunner.RunAsync(path, Options(scratch));

        Assert.True(run.Succeeded, run.Failure?.ToString());
        Assert.Equal(["markdown", "code", "code"], run.Document.Cells.Select(c => c.Kind));
        Assert.Equal("21", Text(run.Document.Cells[2].Outputs.Last()!["text"]));
        Assert.EndsWith("plain.ipynb", run.Executed, StringComparison.Ordinal);
    }
}
