using System.CommandLine;
using Playbook.Notebooks;
using Playbook.Workspace;

namespace Playbook.Cli;

/// <summary><c>playbook twins</c>: every notebook's file-based app twin, written from the notebook (notebooks/apps/NN-name.cs).</summary>
internal static class TwinsCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var folder = new Option<string?>("--notebooks") { Description = "The notebooks folder (the workspace's notebooks/ by default)" };
        var command = new Command("twins", "Write each notebook's file-based app twin into notebooks/apps (run one with dotnet run notebooks/apps/NN-name.cs)") { folder };
        command.SetAction(parse =>
        {
            var notebooks = parse.GetValue(folder) ?? Path.Combine(WorkspaceFolders.Root(), "notebooks");
            foreach (var twin in AppTwins.WriteAll(notebooks))
            {
                stdout.WriteLine(twin);
            }

            return PlaybookCommand.Success;
        });
        return command;
    }
}
