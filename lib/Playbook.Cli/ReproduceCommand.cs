using System.CommandLine;
using Playbook.Notebooks;
using Playbook.Output;
using Playbook.Workspace;

namespace Playbook.Cli;

/// <summary><c>playbook reproduce</c>: run every notebook and every claim on the bundled data, and write the report.</summary>
internal static class ReproduceCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var output = new Option<string?>("--out") { Description = "Report folder (artifacts/report by default)" };
        var timeout = new Option<int>("--cell-timeout") { Description = "Seconds a cell may run", DefaultValueFactory = _ => 180 };
        var lang = new Option<string>("--lang") { Description = "The report's language: en or zh (both editions of the notebooks run either way)", DefaultValueFactory = _ => "en" };
        var command = new Command("reproduce", "Run every notebook (English and Chinese editions) and check every claim on the bundled data, then write artifacts/report/index.html") { output, timeout, lang };
        command.SetAction(async (parse, cancellation) =>
        {
            // The language is read first: a mistyped --lang is told before minutes of notebooks.
            var language = Languages.Parse(parse.GetValue(lang));
            var root = WorkspaceFolders.Root();
            var notebooks = Directory.GetFiles(Path.Combine(root, "notebooks"))
                .Where(f => f.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".dib", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)
                .ToList();
            var runs = new List<NotebookRun>();
            for (var i = 0; i < notebooks.Count; i++)
            {
                stderr.WriteLine($"notebook {i + 1}/{notebooks.Count}: {Path.GetFileName(notebooks[i])}");
                var run = await NotebookRunner.RunAsync(notebooks[i], new RunOptions
                {
                    OutputDirectory = Path.Combine(root, "artifacts", "notebooks"),
                    CellTimeout = TimeSpan.FromSeconds(parse.GetValue(timeout)),
                    Progress = new RunCommand.Progress(stderr),
                }).ConfigureAwait(false);
                runs.Add(run);
                stdout.WriteLine($"{Path.GetFileName(run.Notebook)}: {(run.Succeeded ? "ran" : "FAILED")} in {run.Elapsed.TotalSeconds:0.0} s");
                if (run.Failure is { } failure)
                {
                    stderr.WriteLine($"playbook reproduce: {failure}");
                }
            }

            var claims = ClaimRegistry.EvaluateBundled();
            var cases = CaseCatalog.All.Select(ReportCase.Of).ToList();
            var index = ReportWriter.Write(parse.GetValue(output) ?? Path.Combine(root, "artifacts", "report"), [.. runs.Where(r => Languages.Of(r.Notebook) == language)], claims, cases, language);
            var reproduced = claims.Count(c => c.Reproduced == true);
            var checkedClaims = claims.Count(c => c.Reproduced is not null);
            stdout.WriteLine($"{runs.Count(r => r.Succeeded)} of {runs.Count} notebooks ran; {reproduced} of {checkedClaims} reproducible claims reproduced");
            stdout.WriteLine($"report: {index}");
            return runs.All(r => r.Succeeded) && reproduced == checkedClaims ? PlaybookCommand.Success : PlaybookCommand.CheckFailed;
        });
        return command;
    }
}
