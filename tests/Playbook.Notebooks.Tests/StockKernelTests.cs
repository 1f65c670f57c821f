using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Playbook.Notebooks.Tests;

/// <summary>
/// Every notebook in notebooks/ (both editions) runs in the stock kernel VS Code starts, through
/// dotnet-repl, each in a process of its own: so these run beside the runner's tests.
/// </summary>
[Collection("stock kernel")]
public class StockKernelTests
{
    public static TheoryData<string> Notebooks() => Repo.Notebooks();

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Notebook_RunsInTheStockKernel_WithoutAFailingCell(string name)
    {
        Tool("tool restore");
        var output = Path.Combine(Repo.Root, "artifacts", "stock-kernel", Path.ChangeExtension(name, ".ipynb"));
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        var (exit, log) = Tool($"tool run dotnet-repl -- --run {name} --exit-after-run --output-format ipynb --output-path {output}", Path.Combine(Repo.Root, "notebooks"));

        // dotnet-repl runs every cell and exits 2 when any failed; the executed copy says which.
        var errors = JsonNode.Parse(File.ReadAllText(output))!["cells"]!.AsArray()
            .Select((cell, i) => (Number: i + 1, Errors: cell!["outputs"] is JsonArray outputs ? outputs.Where(o => (string?)o!["output_type"] == "error").Select(o => (string?)o!["evalue"]).ToList() : []))
            .Where(c => c.Errors.Count > 0)
            .Select(c => $"cell {c.Number}: {string.Join("; ", c.Errors)}")
            .ToList();
        Assert.True(exit == 0 && errors.Count == 0, $"{name} under dotnet-repl exited {exit}: {string.Join(" | ", errors)} {log}");
    }

    private static (int Exit, string Log) Tool(string arguments, string? directory = null)
    {
        var start = new ProcessStartInfo("dotnet", arguments)
        {
            WorkingDirectory = directory ?? Repo.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            return (-1, "timed out after 5 minutes");
        }

        var log = (stdout.Result + stderr.Result).Trim();
        return (process.ExitCode, log.Length > 2_000 ? log[^2_000..] : log);
    }
}
