using System.Text.Json.Nodes;

namespace Playbook.Tests.Cli;

/// <summary><c>playbook run --lang</c>: the edition run is the one asked for, and its page is in that language.</summary>
public sealed class RunCommandTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "playbook-run-" + Guid.NewGuid().ToString("N"));

    public RunCommandTests()
    {
        Directory.CreateDirectory(folder);
        Write("t.ipynb", "# English title", "6 * 7");
        Write("t.zh.ipynb", "# 中文标题", "6 * 7");
    }

    [Fact]
    public void Run_LangZh_RunsTheChineseEditionAndWritesAChinesePage()
    {
        var output = Path.Combine(folder, "out");
        var (exit, stdout, error) = CommandLine.Run("run", Path.Combine(folder, "t.ipynb"), "--lang", "zh", "--out", output);

        Assert.True(exit == 0, error);
        Assert.Contains("t.zh.ipynb: ok", stdout, StringComparison.Ordinal);
        var page = File.ReadAllText(Path.Combine(output, "t.zh.html"));
        Assert.Contains("<html lang=\"zh-CN\">", page, StringComparison.Ordinal);
        Assert.Contains("中文标题", page, StringComparison.Ordinal);
        Assert.Contains("42", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ACellWritesAWarningToStandardError_TheCommandSaysItAgainWithTheCell()
    {
        // A notebook's Workbench tells a file's losses on standard error; run repeats them, cell by cell.
        Write("w.ipynb", "# Warns", "System.Console.Error.WriteLine(\"warning: orders.csv: 3 rejected rows are not in the figures (see load)\");");
        var (exit, _, error) = CommandLine.Run("run", Path.Combine(folder, "w.ipynb"), "--out", Path.Combine(folder, "out"));

        Assert.True(exit == 0, error);
        Assert.Contains($"playbook run: {Path.Combine(folder, "w.ipynb")} cell 2: warning: orders.csv: 3 rejected rows are not in the figures (see load)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_LangZhWithoutAChineseEdition_ExitTwoNamingTheFile()
    {
        File.Delete(Path.Combine(folder, "t.zh.ipynb"));
        var (exit, _, error) = CommandLine.Run("run", Path.Combine(folder, "t.ipynb"), "--lang", "zh", "--out", Path.Combine(folder, "out"));

        Assert.Equal(2, exit);
        Assert.Contains("t.zh.ipynb: no such notebook (the Chinese edition of", error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private void Write(string name, string heading, string code)
    {
        var notebook = new JsonObject
        {
            ["cells"] = new JsonArray(
                new JsonObject { ["cell_type"] = "markdown", ["metadata"] = new JsonObject(), ["source"] = heading },
                new JsonObject { ["cell_type"] = "code", ["execution_count"] = null, ["metadata"] = new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" } }, ["outputs"] = new JsonArray(), ["source"] = code }),
            ["metadata"] = new JsonObject(),
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        File.WriteAllText(Path.Combine(folder, name), notebook.ToJsonString());
    }
}
