using System.CommandLine;
using System.Globalization;
using Playbook.Files;
using Playbook.Ingest;
using Playbook.Output;
using Playbook.Workspace;
using Spectre.Console;

namespace Playbook.Cli;

/// <summary><c>playbook claims</c>: check the article's statements against a case's data, or your own.</summary>
internal static class ClaimsCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var caseName = new Option<string?>("--case") { Description = "Only the claims about this case (three-squirrels, dora-doshang)" };
        var data = new Option<string?>("--data") { Description = "Check the case's claims against this folder of your own tables or exports instead of the bundled data" };
        var format = Formats.Option("table", "json");
        var input = new InputOptions();
        var command = new Command("claims", "Check every quantitative claim of the source article against the data") { caseName, data, format };
        input.AddTo(command);

        command.SetAction(parse =>
        {
            var words = input.Words(parse);
            var name = parse.GetValue(caseName);
            var folder = parse.GetValue(data);
            if (folder is not null && name is null)
            {
                throw new InputException("--data needs --case: say which case's claims to check against it");
            }

            var load = new List<LoadReport>();
            var results = ClaimRegistry.EvaluateBundled(name, InputOptions.Folder(null, folder), input.Read(parse), load);
            var warnings = LoadReport.LossesOf(load);
            foreach (var warning in warnings)
            {
                stderr.WriteLine("playbook claims: " + words.Of($"warning: {warning}"));
            }

            if (parse.GetValue(format) == "json")
            {
                JsonOutput.Write(stdout, ClaimsJson.From(results, load, warnings));
            }
            else
            {
                WriteTable(stdout, results, load, words);
            }

            return results.Any(r => r.Reproduced == false) ? PlaybookCommand.CheckFailed : PlaybookCommand.Success;
        });
        return command;
    }

    private static void WriteTable(TextWriter stdout, IReadOnlyList<ClaimResult> results, IReadOnlyList<LoadReport> load, Words w)
    {
        var console = Formats.Console(stdout);
        var table = new Table().Title(w.Of("Claims of the source article"));
        table.AddColumns(w.All("id", "statement", "expected", "actual", "result"));
        foreach (var r in results)
        {
            var c = r.Claim;
            table.AddRow(w.IsChinese
                ? [new Text(c.Id), new Text(c.StatementZh), new Text(ClaimFigures.Expected(c, w.Language)), new Text(ClaimFigures.Actual(r, w.Language)), new Text(w.Of(r.Verdict))]
                : [new Text(c.Id), new Text(c.Statement), new Text(c.ExpectedText), new Text(r.Actual ?? ""), new Text(r.Verdict)]);
        }

        console.Write(table);
        var checkedClaims = results.Count(r => r.Reproduced is not null);
        console.WriteLine(w.Of(string.Create(CultureInfo.InvariantCulture, $"{results.Count(r => r.Reproduced == true)} of {checkedClaims} reproducible claims reproduced; {results.Count - checkedClaims} context claims shown")));
        ValidateCommand.WriteSummary(console, load, w);
    }
}
