using Playbook.Cli;

namespace Playbook.Tests;

/// <summary>Runs the playbook command in-process and captures what it prints.</summary>
internal static class CommandLine
{
    public static (int Exit, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = PlaybookCommand.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
