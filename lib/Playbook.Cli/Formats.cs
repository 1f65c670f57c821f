using System.CommandLine;
using Spectre.Console;

namespace Playbook.Cli;

/// <summary>What every command shares for its output: the <c>--format</c> option and a plain console for tables.</summary>
internal static class Formats
{
    /// <summary>A <c>--format</c> option that takes one of <paramref name="formats"/>, the first being the default.</summary>
    public static Option<string> Option(params string[] formats) => new Option<string>("--format")
    {
        Description = $"Output format: {string.Join(" or ", formats)}",
        DefaultValueFactory = _ => formats[0],
    }.AcceptOnlyFromAmong(formats);

    /// <summary>A console that writes plain text (no colour codes) to <paramref name="writer"/>, wide enough for tables.</summary>
    public static IAnsiConsole Console(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 160;
        return console;
    }
}
