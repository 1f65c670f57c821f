using System.CommandLine;
using Playbook.Files;
using Playbook.Output;
using Playbook.Workspace;
using Spectre.Console;

namespace Playbook.Cli;

/// <summary><c>playbook checklist</c>: score the best-practice checklists against data and the user's answers.</summary>
internal static class ChecklistCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var caseName = new Option<string?>("--case") { Description = "Score a bundled case (three-squirrels, dora-doshang)" };
        var data = new Option<string?>("--data") { Description = "Score your own folder of tables or exports" };
        var answers = new Option<string?>("--answers") { Description = "Your answers to the self-assessment items (YAML), and settings such as gross_margin" };
        var checklist = new Option<string?>("--checklist") { Description = "Only this checklist: fact, steps, self-broadcast or case-lessons" };
        var format = Formats.Option("table", "json", "html");
        var input = new InputOptions();
        var command = new Command("checklist", "Score the best-practice checklists: evidence from data, the rest from your answers")
        {
            caseName, data, answers, checklist, format,
        };
        input.AddTo(command);

        command.SetAction(parse =>
        {
            var words = input.Words(parse);
            var name = parse.GetValue(caseName);
            var folder = parse.GetValue(data);
            if (name is not null && folder is not null)
            {
                throw new InputException("give --case or --data, not both");
            }

            var root = WorkspaceFolders.DataRoot();
            var lists = ChecklistFiles.Load(Path.Combine(root, "checklists"));
            if (parse.GetValue(checklist) is { } only)
            {
                lists = lists.Where(l => l.Id == only).ToList() is { Count: > 0 } chosen
                    ? chosen
                    : throw new InputException($"unknown checklist '{only}': expected one of {string.Join(", ", lists.Select(l => l.Id))}");
            }

            var directory = InputOptions.Folder(name, folder);

            var sheet = parse.GetValue(answers) is { } file ? AnswerSheet.Load(file) : AnswerSheet.None;

            // A bundled case brings the gross margin its economics are simulated with (invented, as its data card says).
            if (name is not null)
            {
                sheet = sheet.WithDefault("gross_margin", CaseCatalog.Get(name).GrossMargin);
            }
            var scorecard = Scorecard.Evaluate(lists, directory is null ? null : new BrandData(directory) { ReadOptions = input.Read(parse) }, sheet);
            foreach (var warning in scorecard.Warnings)
            {
                stderr.WriteLine("playbook checklist: " + words.Of($"warning: {warning}"));
            }

            var source = name ?? folder ?? "no data: self-assessment only";
            switch (parse.GetValue(format))
            {
                case "json":
                    JsonOutput.Write(stdout, ScorecardJson.From(scorecard));
                    break;
                case "html":
                    stdout.Write(ScorecardHtml.Render(scorecard, source, words.Language));
                    break;
                default:
                    WriteTable(stdout, scorecard, source, words);
                    break;
            }

            return PlaybookCommand.Success;
        });
        return command;
    }

    private static void WriteTable(TextWriter stdout, Scorecard scorecard, string source, Words w)
    {
        var console = Formats.Console(stdout);
        console.Write(new Text(w.Of($"Scorecard for {source}\n")));
        var scores = new Table().Title(w.Of("Scores (unknown items are not failures)"));
        scores.AddColumns(w.All("checklist", "pillar", "met", "not met", "unknown"));
        foreach (var s in scorecard.Scores)
        {
            scores.AddRow(w.Of(s.Checklist), w.Of(s.Pillar), s.Met.ToString(System.Globalization.CultureInfo.InvariantCulture), s.NotMet.ToString(System.Globalization.CultureInfo.InvariantCulture), s.Unknown.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        console.Write(scores);
        var items = new Table().Title(w.Of("Items"));
        // The Chinese table says what each item asks, as the scorecard page does.
        items.AddColumns(w.IsChinese ? w.All("id", "检查项", "status", "evidence or what is missing") : w.All("id", "status", "evidence or what is missing"));
        foreach (var r in scorecard.Items)
        {
            var evidence = new Text(w.Of(r.Evidence ?? r.Missing ?? ""));
            items.AddRow(w.IsChinese
                ? [new Text(r.Item.Id), new Text(r.Item.TextZh), new Text(w.Of(r.Status.Name())), evidence]
                : [new Text(r.Item.Id), new Text(r.Status.Name()), evidence]);
        }

        console.Write(items);
        console.Write(new Text(w.Of("Fix first: " + string.Join("; ", scorecard.FixFirst.Select(r => r.Item.Id)) + "\n")));
        ValidateCommand.WriteSummary(console, scorecard.Load, w);
    }
}
