using System.CommandLine;
using Playbook.Files;
using Playbook.Ingest;
using Playbook.Workspace;

namespace Playbook.Cli;

/// <summary>
/// The <c>playbook</c> command. Every subcommand exits 0 on success, 1 on a failed check and 2 on
/// bad usage or unreadable input, with a one-line reason on stderr.
/// </summary>
public static class PlaybookCommand
{
    /// <summary>Exit code of a run that did what was asked.</summary>
    public const int Success = 0;

    /// <summary>Exit code of a check that failed (a rejected row in strict mode, a claim not reproduced).</summary>
    public const int CheckFailed = 1;

    /// <summary>Exit code of bad usage or input that cannot be read.</summary>
    public const int BadInput = 2;

    /// <summary>Runs the command line <paramref name="args"/>, writing to the given streams.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        // A plain command named 'playbook' rather than RootCommand, whose name would be the assembly's.
        var root = new Command("playbook", "Pillar analysis of brand live-commerce on Douyin (FACT) and Kuaishou (STEPS).")
        {
            new System.CommandLine.Help.HelpOption(),
            new VersionOption(),
            ValidateCommand.Create(stdout, stderr),
            AnalyzeCommand.Create(stdout, stderr),
            GenerateCommand.Create(stdout, stderr),
            ClaimsCommand.Create(stdout, stderr),
            ChecklistCommand.Create(stdout, stderr),
            ImportCommand.Create(stdout, stderr),
            RunCommand.Create(stdout, stderr),
            ReproduceCommand.Create(stdout, stderr),
            AllocateCommand.Create(stdout, stderr),
            SchemasCommand.Create(stdout, stderr),
            TwinsCommand.Create(stdout, stderr),
        };

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                stderr.WriteLine($"playbook: {error.Message}");
            }

            stderr.WriteLine("playbook: see 'playbook --help'");
            return BadInput;
        }

        // Exit codes are decided here, once: a rejected row in strict mode is a failed check (1);
        // input that cannot be read is bad input (2). The message names the subcommand.
        var name = $"playbook {parsed.CommandResult.Command.Name}";
        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (RejectedRowException e)
        {
            stderr.WriteLine($"{name}: {e.Message}");
            return CheckFailed;
        }
        catch (Exception e) when (e is InputException or DirectoryNotFoundException or MissingDataException)
        {
            stderr.WriteLine($"{name}: {e.Message}");
            return BadInput;
        }
    }
}
