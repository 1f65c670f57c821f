using System.CommandLine;
using System.Globalization;
using Playbook.Canonical;
using Playbook.Files;
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
            Description = "CSV files: canonical tables or 抖店 order exports",
            Arity = ArgumentArity.OneOrMore,
        };
        var kind = new Option<string?>("--kind") { Description = "The table the files hold; detected from the headers when not given" };
        kind.AcceptOnlyFromAmong([.. Vocabulary.AllKindNames]);
        var encoding = new Option<string?>("--encoding") { Description = "Text encoding; detected when not given (BOM, then UTF-8, then GB18030)" };
        encoding.AcceptOnlyFromAmong([.. TextEncodings.Names]);
        var strict = new Option<bool>("--strict") { Description = "Fail on the first row that does not load (exit 1)" };
        var format = Formats.Option("table", "json");

        var command = new Command("validate", "Check files against the canonical table contract and report every row that would not load")
        {
            files, kind, encoding, strict, format,
        };
        command.SetAction(parse =>
        {
            TableKind? tableKind = parse.GetValue(kind) is { } k && Vocabulary.TryParseKind(k, out var parsedKind) ? parsedKind : null;
            var options = new ReadOptions { Strict = parse.GetValue(strict), Encoding = parse.GetValue(encoding) };
            var reports = new List<LoadReport>();
            foreach (var file in parse.GetValue(files) ?? [])
            {
                reports.Add(Tables.Validate(file, tableKind, options));
            }

            if (parse.GetValue(format) == "json")
            {
                WriteJson(stdout, reports);
            }
            else
            {
                WriteTable(stdout, reports);
            }

            return PlaybookCommand.Success;
        });
        return command;
    }

    private static void WriteJson(TextWriter stdout, List<LoadReport> reports)
    {
        Formats.WriteJson(stdout, json =>
        {
            // One file prints one object; several print an array of them.
            if (reports.Count == 1)
            {
                LoadReportJson.Write(json, reports[0]);
            }
            else
            {
                json.WriteStartArray();
                reports.ForEach(r => LoadReportJson.Write(json, r));
                json.WriteEndArray();
            }
        });
    }

    private static void WriteTable(TextWriter stdout, List<LoadReport> reports)
    {
        var console = Formats.Console(stdout);
        foreach (var report in reports)
        {
            var summary = new Table().Title(new TableTitle(Markup.Escape(report.File)));
            summary.AddColumns("kind", "source", "encoding", "rows", "loaded", "unpaid", "rejected");
            summary.AddRow(
                Vocabulary.KindName(report.Kind),
                report.Source,
                report.Encoding,
                Count(report.Rows),
                Count(report.Loaded),
                Count(report.Unpaid),
                Count(report.Rejected));
            console.Write(summary);

            if (report.Rejected == 0)
            {
                continue;
            }

            var rejections = new Table();
            rejections.AddColumns("line", "column", "value", "reason");
            foreach (var r in report.Rejections.Take(ShownRejections))
            {
                rejections.AddRow(
                    new Text(r.Line.ToString(CultureInfo.InvariantCulture)),
                    new Text(r.Column),
                    new Text(r.Value),
                    new Text(r.Reason));
            }

            console.Write(rejections);
            var shown = Math.Min(ShownRejections, report.Rejections.Count);
            console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{shown} of {report.Rejected} rejected rows shown{(report.Rejected > shown ? "; --format json lists them all" : "")}"));
        }
    }

    private static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
