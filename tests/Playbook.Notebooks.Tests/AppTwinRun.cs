using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Playbook.Notebooks.Tests;

/// <summary>
/// A notebook's file-based app twin run as a user runs it (<c>dotnet run notebooks/apps/NN-name.cs</c>,
/// no notebook tool), its output cut into the cells it marks, and the figures each cell shows.
/// </summary>
internal static partial class AppTwinRun
{
    /// <summary>Runs the twin; returns its exit code, its output by notebook cell index, and its error stream.</summary>
    public static async Task<(int Exit, IReadOnlyDictionary<int, string> Cells, string Error)> RunAsync(string twin, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Repo.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("run");
        start.ArgumentList.Add(twin);
        if (arguments.Length > 0)
        {
            start.ArgumentList.Add("--");
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var cells = new Dictionary<int, string>();
        foreach (Match block in CellBlock().Matches(await output))
        {
            cells[int.Parse(block.Groups["cell"].Value, CultureInfo.InvariantCulture)] = block.Groups["text"].Value;
        }

        return (process.ExitCode, cells, await error);
    }

    /// <summary>Everything a notebook cell displayed, as text (HTML tags dropped).</summary>
    public static string Displayed(JsonArray outputs) =>
        string.Join("\n", outputs.Select(o => o?["data"] is JsonObject data
            ? string.Join("\n", data.Select(kv => Text(kv.Value)))
            : Text(o?["text"])));

    /// <summary>The numbers a text shows (thousands separators dropped).</summary>
    public static HashSet<decimal> Numbers(string text) =>
        [.. Number().Matches(text).Select(m => decimal.Parse(m.Value.Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture))];

    private static string Text(JsonNode? node)
    {
        var text = node is JsonArray lines ? string.Concat(lines.Select(l => (string?)l)) : (string?)node ?? "";
        return WebUtility.HtmlDecode(Tag().Replace(text, " "));
    }

    [GeneratedRegex(@"^── cell (?<cell>\d+) ──\n(?<text>(?:(?!── cell \d+ ──).*\n?)*)", RegexOptions.Multiline)]
    private static partial Regex CellBlock();

    [GeneratedRegex(@"-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?")]
    private static partial Regex Number();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();
}
