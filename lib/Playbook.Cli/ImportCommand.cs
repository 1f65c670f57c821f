using System.CommandLine;
using Playbook.Output;
using Playbook.Workspace;

namespace Playbook.Cli;

/// <summary><c>playbook import FILE|DIR… --out DIR</c>: turn a brand's downloads into canonical tables with a data card.</summary>
internal static class ImportCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var inputs = new Argument<string[]>("FILE|DIR")
        {
            Description = "Exports (CSV or .xlsx, any layout a source reads) or folders of them; files of one table are merged",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string>("--out") { Description = "Folder to write the canonical tables and datacard.yml into", Required = true };
        var format = Formats.Option("table", "json");
        var input = new InputOptions();
        var command = new Command("import", "Convert a brand's exports into canonical tables (orders.csv, accounts.csv, sessions.csv, traffic.csv …) with a data card")
        {
            inputs, output, format,
        };
        input.AddTo(command);

        command.SetAction(parse =>
        {
            var words = input.Words(parse);
            var result = Importer.Import(parse.GetValue(inputs) ?? [], parse.GetValue(output)!, input.Read(parse));
            foreach (var note in result.Notes)
            {
                stderr.WriteLine("playbook import: " + words.Of(note));
            }

            if (parse.GetValue(format) == "json")
            {
                JsonOutput.Write(stdout, new ImportJson(result.Directory, result.Files, LoadReportJson.From(result.Reports)));
            }
            else
            {
                ValidateCommand.WriteTable(stdout, [.. result.Reports], words);
                stdout.WriteLine(words.Format("wrote {0} to {1}", string.Join(", ", result.Files), result.Directory));
            }

            return PlaybookCommand.Success;
        });
        return command;
    }
}
