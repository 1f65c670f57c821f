using System.CommandLine;
using System.Globalization;
using Playbook.Canonical;
using Playbook.Ingest;
using Playbook.Output;
using Spectre.Console;

namespace Playbook.Cli;

/// <summary><c>playbook validate FILE…</c>: reads files as the analyses would and reports every row that would not load.</summary>
internal static class ValidateCommand
{
    private const int ShownRejections = 20;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var files = new Argument<string[]>("FILE")
        {
            Description = "Files (CSV or .xlsx): canonical tables or platform exports",
            Arity = ArgumentArity.OneOrMore,
        };
        var kind = new Option<string?>("--kind") { Description = "The table the files hold; detected from the headers when not given" };
        kind.AcceptOnlyFromAmong([.. Vocabulary.AllKindNames]);
        var input = new InputOptions();
        var format = Formats.Option("table", "json");

        var command = new Command("validate", "Check files against the canonical table contract and report every row that would not load")
        {
            files, kind, format,
        };
        input.AddTo(command);

        command.SetAction(parse =>
        {
            TableKind? tableKind = parse.GetValue(kind) is { } k && Vocabulary.TryParseKind(k, out var parsedKind) ? parsedKind : null;
            var options = input.Read(parse);
            var reports = new List<LoadReport>();
            foreach (var file in parse.GetValue(files) ?? [])
            {
                reports.Add(Tables.Validate(file, tableKind, options));
            }

            if (parse.GetValue(format) == "json")
            {
                // One file prints one object; several print an array of them.
                if (reports.Count == 1)
                {
                    JsonOutput.Write(stdout, LoadReportJson.From(reports[0]));
                }
                else
                {
                    JsonOutput.Write(stdout, LoadReportJson.From(reports));
                }
            }
            else
            {
                WriteTable(stdout, reports, input.Words(parse));
            }

            return PlaybookCommand.Success;
        });
        return command;
    }

    internal static void WriteTable(TextWriter stdout, List<LoadReport> reports, Words w)
    {
        var console = Formats.Console(stdout);
        foreach (var report in reports)
        {
            var title = report.Sheet is null ? report.File : report.File + w.Of($" [sheet {report.Sheet}]");
            var summary = new Table().Title(new TableTitle(Markup.Escape(title)));
            summary.AddColumns(w.All("kind", "source", "encoding", "rows", "loaded", "unpaid", "rejected", "summary", "repeated"));
            summary.AddRow(
                w.Of(Vocabulary.KindName(report.Kind)),
                Markup.Escape(w.Of(report.Source)),
                w.Of(report.Encoding),
                Count(report.Rows),
                Count(report.Loaded),
                Count(report.Unpaid),
                Count(report.Rejected),
                Count(report.Summary),
                Count(report.Repeated));
            console.Write(summary);
            foreach (var (note, rows) in report.Notes)
            {
                console.WriteLine(w.Of(string.Create(CultureInfo.InvariantCulture, $"note: {rows} row(s): {note}")));
            }

            Rows(console, report, report.Rejections, report.Rejected, "rejected rows", w);
            Rows(console, report, report.NotedRows, report.Noted, "figures loaded as unknown", w);
        }
    }

    /// <summary>
    /// One line per file read, with what became of its rows, for the commands that read files for
    /// another purpose (analyze, allocate, checklist, claims): nothing a file lost goes unsaid.
    /// </summary>
    internal static void WriteSummary(IAnsiConsole console, IReadOnlyList<LoadReport> reports, Words w)
    {
        if (reports.Count == 0)
        {
            return;
        }

        var table = new Table().Title(w.Of("Files read"));
        table.AddColumns(w.All("file", "kind", "source", "rows", "loaded", "unpaid", "rejected", "summary", "repeated", "figures unknown"));
        foreach (var r in reports)
        {
            table.AddRow(
                new Text(r.Sheet is null ? r.File : $"{r.File} [{r.Sheet}]"),
                new Text(w.Of(Vocabulary.KindName(r.Kind))),
                new Text(w.Of(r.Source)),
                new Text(w.Of(Count(r.Rows))),
                new Text(w.Of(Count(r.Loaded))),
                new Text(w.Of(Count(r.Unpaid))),
                new Text(w.Of(Count(r.Rejected))),
                new Text(w.Of(Count(r.Summary))),
                new Text(w.Of(Count(r.Repeated))),
                new Text(w.Of(Count(r.Noted))));
        }

        console.Write(table);
    }

    private static void Rows(IAnsiConsole console, LoadReport report, IReadOnlyList<Rejection> rows, long count, string what, Words w)
    {
        if (count == 0)
        {
            return;
        }

        var table = new Table();
        table.AddColumns(w.All(report.Sheet is null ? "line" : "row", "column", "value", "reason"));
        foreach (var r in rows.Take(ShownRejections))
        {
            table.AddRow(
                new Text(r.Line.ToString(CultureInfo.InvariantCulture)),
                new Text(r.Column),
                new Text(r.Value),
                new Text(w.Of(r.Reason)));
        }

        console.Write(table);
        var shown = Math.Min(ShownRejections, rows.Count);
        console.WriteLine(w.Of(string.Create(
            CultureInfo.InvariantCulture,
            $"{shown} of {count} {what} shown{(count > shown ? "; --format json lists them all" : "")}")));
    }

    private static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
