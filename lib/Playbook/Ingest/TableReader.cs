using System.Globalization;
using Playbook.Canonical;
using Playbook.Files;
using Playbook.Sources;

namespace Playbook.Ingest;

/// <summary>What became of one row.</summary>
internal enum RowOutcome
{
    /// <summary>A record.</summary>
    Loaded,

    /// <summary>An order that was never paid: counted apart, never in GMV.</summary>
    Unpaid,

    /// <summary>A total of the other rows (全部, 合计): counted apart, neither loaded nor rejected.</summary>
    Summary,

    /// <summary>Rejected, with the reason.</summary>
    Rejected,
}

/// <summary>
/// The plain engine: streams a row source through a source's <see cref="RowMapping{T}"/>, checking
/// every field, finding duplicate ids, and accounting for every row in the <see cref="LoadReport"/>.
/// </summary>
internal static class TableReader
{
    private const int MaxShownRowChars = 200;

    /// <summary>
    /// Reads every row, yielding the loaded records as it goes and filling <paramref name="report"/>;
    /// side rows (the sellers an export names) go to <paramref name="side"/>. In strict mode the first
    /// rejection throws <see cref="RejectedRowException"/>.
    /// </summary>
    public static IEnumerable<T> Stream<T>(IRowSource rows, RowMapping<T> mapping, LoadReport report, SideRows side, bool strict, Action<long>? onLoaded = null)
    {
        var headerCount = mapping.Header.Names.Count;
        var fields = mapping.NewFields();
        var seen = mapping.IdColumn is null ? null : new Dictionary<string, long>(StringComparer.Ordinal);
        var positions = mapping.Positions;

        while (rows.Read())
        {
            fields.Line = rows.Line;
            Rejection? rejection = null;
            T? record = default;
            var outcome = RowOutcome.Rejected;

            if (rows.CountsCells ? rows.CellCount != headerCount : IsBlank(rows))
            {
                if (!rows.CountsCells)
                {
                    // A spreadsheet's empty row is no row at all.
                    continue;
                }

                rejection = FieldCountRejection(report.File, fields.Line, rows.RowText(), rows.CellCount, headerCount);
            }
            else
            {
                for (var i = 0; i < positions.Length; i++)
                {
                    fields.Set(i, positions[i] < 0 ? null : rows.Cell(positions[i]));
                }

                rejection = Convert(mapping, fields, report.File, side, out record, out outcome, rows.Sheet);
                if (rejection is null && outcome == RowOutcome.Loaded && seen is not null)
                {
                    var id = mapping.KeyOf is null ? fields.Text(mapping.IdColumn!)! : mapping.KeyOf(record!);
                    if (!seen.TryAdd(id, fields.Line))
                    {
                        var column = mapping.IdColumn!;
                        var where = rows.Sheet is null ? "line" : "row";
                        rejection = new Rejection(report.File, fields.Line, mapping.NameInFile(column), Shorten(fields.Raw(column)), string.Create(CultureInfo.InvariantCulture, $"duplicate {(mapping.KeyOf is null ? "id" : "row for " + id)}: first seen on {where} {seen[id]}"), rows.Sheet);
                    }
                }
            }

            if (rejection is not null)
            {
                report.Reject(rejection);
                if (strict)
                {
                    throw new RejectedRowException(rejection);
                }
            }
            else if (outcome == RowOutcome.Unpaid)
            {
                report.CountUnpaid();
            }
            else if (outcome == RowOutcome.Summary)
            {
                report.CountSummary();
            }
            else
            {
                report.CountLoaded();
                onLoaded?.Invoke(fields.Line);
                yield return record!;
            }
        }

        foreach (var (note, count) in side.Notes)
        {
            report.Note(note, count);
        }

        report.NoteRows(side.NotedRows);
        side.NotedRows.Clear();
    }

    /// <summary>
    /// Turns one row whose fields are all there into a record, an unpaid order, a summary row, or a
    /// rejection naming the column as the file does. Duplicate ids are the caller's to find. Both
    /// engines convert rows here.
    /// </summary>
    public static Rejection? Convert<T>(RowMapping<T> mapping, RowFields row, string file, SideRows side, out T? record, out RowOutcome outcome, string? sheet = null)
    {
        record = default;
        try
        {
            if (mapping.IsSummary?.Invoke(row) == true)
            {
                outcome = RowOutcome.Summary;
            }
            else if (mapping.IsUnpaid?.Invoke(row) == true)
            {
                outcome = RowOutcome.Unpaid;
            }
            else
            {
                side.Hold();
                record = mapping.Build(row, side);
                side.Release(loaded: true, (column, value, reason) => new Rejection(file, row.Line, mapping.NameInFile(column), Shorten(value), reason, sheet));
                outcome = RowOutcome.Loaded;
            }

            return null;
        }
        catch (FieldException e)
        {
            side.Release(loaded: false);
            outcome = RowOutcome.Rejected;
            return new Rejection(file, row.Line, mapping.NameInFile(e.Column), Shorten(row.Raw(e.Column)), e.Message, sheet);
        }
    }

    /// <summary>The rejection of a row with more or fewer fields than the header; <paramref name="raw"/> is the record as the file has it.</summary>
    public static Rejection FieldCountRejection(string file, long line, string raw, int fields, int headerCount)
    {
        var breaks = raw.TrimEnd('\r', '\n').Count(c => c == '\n');

        // A quote that is never closed makes the following lines one record: say which lines, so they can be mended.
        var reason = breaks == 0
            ? string.Create(CultureInfo.InvariantCulture, $"expected {headerCount} fields as in the header, found {fields}")
            : string.Create(CultureInfo.InvariantCulture, $"expected {headerCount} fields as in the header, found {fields} in lines {line}-{line + breaks} read as one row (is a quote left open?)");
        return new Rejection(file, line, "", Shorten(raw), reason);
    }

    private static bool IsBlank(IRowSource rows)
    {
        for (var i = 0; i < rows.CellCount; i++)
        {
            if (rows.Cell(i).Length > 0)
            {
                return false;
            }
        }

        return true;
    }

    private static string Shorten(string text) =>
        text.Length <= MaxShownRowChars ? text : string.Concat(text.AsSpan(0, MaxShownRowChars), "…");
}
