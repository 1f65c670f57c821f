using Playbook.Canonical;
using Playbook.Ingest;

namespace Playbook.Output;

/// <summary>A rejected or noted row as JSON: where it is and why.</summary>
/// <param name="Line">The line (a workbook: the sheet row).</param>
/// <param name="Column">The column as the file names it; empty for the row as a whole.</param>
/// <param name="Value">The value as the file has it.</param>
/// <param name="Reason">Why.</param>
public sealed record RowJson(long Line, string Column, string Value, string Reason)
{
    /// <summary>The row of a rejection.</summary>
    public static RowJson From(Rejection rejection)
    {
        ArgumentNullException.ThrowIfNull(rejection);
        return new(rejection.Line, rejection.Column, rejection.Value, rejection.Reason);
    }
}

/// <summary>
/// What became of one file's rows, as <c>validate --format json</c> prints it and every command's
/// <c>load</c> holds it: <c>{"file","kind","source","encoding","sheet","rows","loaded","unpaid","rejected",
/// "summary","repeated","notes":{…},"rejections":[…],"noted":[…]}</c>; <c>noted</c> lists the rows loaded
/// with a figure unknown.
/// </summary>
public sealed record LoadReportJson(
    string File,
    string Kind,
    string Source,
    string Encoding,
    string? Sheet,
    long Rows,
    long Loaded,
    long Unpaid,
    long Rejected,
    long Summary,
    long Repeated,
    IReadOnlyDictionary<string, long> Notes,
    IReadOnlyList<RowJson> Rejections,
    IReadOnlyList<RowJson> Noted)
{
    /// <summary>The document of a load report.</summary>
    public static LoadReportJson From(LoadReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new(
            report.File,
            Vocabulary.KindName(report.Kind),
            report.Source,
            report.Encoding,
            report.Sheet,
            report.Rows,
            report.Loaded,
            report.Unpaid,
            report.Rejected,
            report.Summary,
            report.Repeated,
            report.Notes,
            [.. report.Rejections.Select(RowJson.From)],
            [.. report.NotedRows.Select(RowJson.From)]);
    }

    /// <summary>The documents of several reports, in order.</summary>
    public static IReadOnlyList<LoadReportJson> From(IEnumerable<LoadReport> reports) => [.. (reports ?? []).Select(From)];
}

/// <summary><c>import --format json</c>: the folder written, its files, and what became of every input's rows.</summary>
/// <param name="Out">The folder.</param>
/// <param name="Files">The files written in it.</param>
/// <param name="Load">One load report per input file.</param>
public sealed record ImportJson(string Out, IReadOnlyList<string> Files, IReadOnlyList<LoadReportJson> Load);
