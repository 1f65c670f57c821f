using System.CommandLine;
using Playbook.Files;
using Playbook.Notebooks;
using Playbook.Output;
using Playbook.Workspace;

namespace Playbook.Cli;

/// <summary><c>playbook run NOTEBOOK [-p name=value]… [--out DIR]</c>: run one notebook and keep the executed copy.</summary>
internal static class RunCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var notebook = new Argument<string>("NOTEBOOK") { Description = "A .ipynb or .dib notebook" };
        var parameters = new Option<string[]>("--parameter", "-p") { Description = "A parameter, name=value, typed as the notebook's parameters cell declares it", AllowMultipleArgumentsPerToken = false };
        var output = new Option<string?>("--out") { Description = "Folder for the executed copy (artifacts/notebooks by default)" };
        var timeout = new Option<int>("--cell-timeout") { Description = "Seconds a cell may run", DefaultValueFactory = _ => 180 };
        var lang = new Option<string?>("--lang") { Description = "The edition to run: en or zh (NOTEBOOK.zh.ipynb beside it); the page is written in that language" };
        var command = new Command("run", "Run one notebook in-process and write the executed copy with its outputs, and a page of it (HTML)") { notebook, parameters, output, timeout, lang };
        command.SetAction(async (parse, cancellation) =>
        {
            var values = InputOptions.Pairs(parse.GetValue(parameters) ?? [], pair => $"parameter '{pair}' is not name=value");
            var options = new RunOptions
            {
                Parameters = values,
                OutputDirectory = parse.GetValue(output) ?? Path.Combine(WorkspaceFolders.Root(), "artifacts", "notebooks"),
                CellTimeout = TimeSpan.FromSeconds(parse.GetValue(timeout)),
                Progress = new Progress(stderr),
            };
            var path = parse.GetValue(notebook)!;
            var language = parse.GetValue(lang) is { } code ? Languages.Parse(code) : Languages.Of(path);
            var edition = Languages.Edition(path, language);
            if (!File.Exists(edition))
            {
                throw new InputException($"{edition}: no such notebook (the {(language == Language.Chinese ? "Chinese" : "English")} edition of {path})");
            }

            var run = await NotebookRunner.RunAsync(edition, options).ConfigureAwait(false);
            var page = Path.ChangeExtension(run.Executed, ".html");
            await File.WriteAllTextAsync(page, ReportWriter.NotebookPage(run, [run], language), cancellation).ConfigureAwait(false);
            stdout.WriteLine($"{run.Notebook}: {(run.Succeeded ? "ok" : "FAILED")} in {run.Elapsed.TotalSeconds:0.0} s; executed copy {run.Executed}; page {page}");

            // What the notebook wrote to standard error (a file that lost rows says so there) is said again here.
            foreach (var (cell, number) in run.Document.Cells.Select((c, i) => (c, i + 1)))
            {
                foreach (var output in cell.Outputs.OfType<System.Text.Json.Nodes.JsonObject>().Where(o => (string?)o["output_type"] == "stream" && (string?)o["name"] == "stderr"))
                {
                    foreach (var line in ((string?)output["text"] ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        stderr.WriteLine($"playbook run: {run.Notebook} cell {number}: {line}");
                    }
                }
            }
            if (run.Failure is { } failure)
            {
                stderr.WriteLine($"playbook run: {failure}");
                return PlaybookCommand.CheckFailed;
            }

            return PlaybookCommand.Success;
        });
        return command;
    }

    /// <summary>Progress lines go to stderr, so that stdout stays the result.</summary>
    internal sealed class Progress(TextWriter writer) : IProgress<string>
    {
        public void Report(string value) => writer.WriteLine(value);
    }
}
