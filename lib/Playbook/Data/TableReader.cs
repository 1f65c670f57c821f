using System.Text;
using CsvHelper;

namespace Playbook.Data;

/// <summary>A column a table reads: its name in the file and whether the file must have it.</summary>
/// <param name="Name">Header name, matched ignoring case and surrounding whitespace or quotes.</param>
/// <param name="Required">Whether a file without this column cannot be read at all.</param>
internal sealed record ColumnSpec(string Name, bool Required = true);

/// <summary>
/// How to read one table: its columns, how to build a record from a row, which column is the
/// unique id and how to tell an unpaid order. A schema is data, so one reader serves every table.
/// </summary>
internal sealed class TableSchema<T>
{
    public required TableKind Kind { get; init; }

    public required InputSource Source { get; init; }

    public required IReadOnlyList<ColumnSpec> Columns { get; init; }

    /// <summary>Builds the record; throws <see cref="FieldException"/> for a bad value.</summary>
    public required Func<RowFields, T> Build { get; init; }

    /// <summary>The unique id column, or null when the table has none.</summary>
    public string? IdColumn { get; init; }

    /// <summary>
    /// A unique key made of several columns, for tables without an id (one row per date × account × …);
    /// the rejection names <see cref="IdColumn"/>. Null: the key is the id column's value.
    /// </summary>
    public Func<T, string>? KeyOf { get; init; }

    /// <summary>Whether the row is an unpaid order, counted apart and never loaded.</summary>
    public Func<RowFields, bool>? IsUnpaid { get; init; }

    public int IndexOf(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (string.Equals(Columns[i].Name, column, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new ArgumentException($"schema of {Kind} has no column {column}", nameof(column));
    }
}

/// <summary>
/// The cleaned values of one row, by schema column, with typed accessors that throw a
/// <see cref="FieldException"/> naming the column when a value breaks the contract.
/// </summary>
internal sealed class RowFields
{
    private readonly string?[] raw;
    private readonly string?[] clean;
    private readonly Dictionary<string, int> index;

    public RowFields(IReadOnlyList<ColumnSpec> columns)
    {
        raw = new string?[columns.Count];
        clean = new string?[columns.Count];
        index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < columns.Count; i++)
        {
            index[columns[i].Name] = i;
        }
    }

    public long Line { get; internal set; }

    internal void Set(int column, string? value)
    {
        raw[column] = value;
        clean[column] = FieldValues.Clean(value);
    }

    /// <summary>The value as it stands in the file (empty when the file has no such column).</summary>
    public string Raw(string column) => raw[index[column]] ?? "";

    /// <summary>The cleaned value, or null for a null marker or a column the file lacks.</summary>
    public string? Text(string column) => clean[index[column]];

    public string RequiredText(string column) =>
        Text(column) ?? throw new FieldException(column, "a value is required");

    /// <summary>An id: a string kept exactly as written, refused when a spreadsheet has rounded it.</summary>
    public string? Id(string column)
    {
        var id = Text(column);
        if (id is not null && FieldValues.LooksRoundedBySpreadsheet(id))
        {
            throw new FieldException(column, "id was rounded to floating point by a spreadsheet (digits are lost); re-export it as text");
        }

        return id;
    }

    public string RequiredId(string column) =>
        Id(column) ?? throw new FieldException(column, "an id is required");

    public decimal Money(string column) =>
        OptionalMoney(column) ?? throw new FieldException(column, "an amount is required");

    public decimal? OptionalMoney(string column)
    {
        var text = Text(column);
        if (text is null)
        {
            return null;
        }

        return FieldValues.TryParseMoney(text, out var value, out var reason) ? value : throw new FieldException(column, reason);
    }

    public long Count(string column) =>
        OptionalCount(column) ?? throw new FieldException(column, "a number is required");

    public long? OptionalCount(string column)
    {
        var text = Text(column);
        if (text is null)
        {
            return null;
        }

        return FieldValues.TryParseCount(text, out var value, out var reason) ? value : throw new FieldException(column, reason);
    }

    public DateTime? OptionalTime(string column)
    {
        var text = Text(column);
        if (text is null)
        {
            return null;
        }

        return FieldValues.TryParseTime(text, out var value)
            ? value
            : throw new FieldException(column, "not a time (expected yyyy-MM-dd HH:mm:ss, such as 2021-01-05 20:15:00)");
    }

    public DateTime Time(string column) =>
        OptionalTime(column) ?? throw new FieldException(column, "a time is required");

    public DateOnly? OptionalDate(string column)
    {
        var text = Text(column);
        if (text is null)
        {
            return null;
        }

        return FieldValues.TryParseDate(text, out var value)
            ? value
            : throw new FieldException(column, "not a date (expected yyyy-MM-dd, such as 2021-01-05)");
    }

    public DateOnly Date(string column) =>
        OptionalDate(column) ?? throw new FieldException(column, "a date is required");

    public bool? OptionalBool(string column)
    {
        var text = Text(column);
        if (text is null)
        {
            return null;
        }

        return FieldValues.TryParseBool(text, out var value)
            ? value
            : throw new FieldException(column, "not a yes/no value (expected true or false)");
    }

    public TEnum? OptionalEnum<TEnum>(string column)
        where TEnum : struct, Enum
    {
        var text = Text(column);
        if (text is null)
        {
            return null;
        }

        return Vocabulary.TryParse<TEnum>(text, out var value)
            ? value
            : throw new FieldException(column, $"expected one of {string.Join(", ", Vocabulary.All<TEnum>())}");
    }

    public TEnum Enum<TEnum>(string column)
        where TEnum : struct, Enum =>
        OptionalEnum<TEnum>(column) ?? throw new FieldException(column, $"a value is required: one of {string.Join(", ", Vocabulary.All<TEnum>())}");
}

/// <summary>
/// Streams a CSV file through a <see cref="TableSchema{T}"/>: CsvHelper 34 splits the records,
/// the schema checks every field, and the <see cref="LoadReport"/> accounts for every row.
/// </summary>
internal static class TableReader
{
    private const int MaxShownRowChars = 200;

    /// <summary>Opens a CSV reader on a file with the given encoding, tracking physical line numbers.</summary>
    public static CsvReader Open(string path, TextEncoding encoding)
    {
        var options = CsvReaderOptions.Default with
        {
            // Never guess the separator: exports put tabs before long ids, which would fool a guess.
            Separator = ',',
            HasHeader = true,
            TrackLineNumbers = true,
            Encoding = encoding.Encoding,
            MissingField = CsvMissingFieldHandling.ReturnEmpty,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            MaxRecordSize = 4 << 20,
        };
        return CsvReader.FromFile(path, options);
    }

    /// <summary>Header names as the file has them, cleaned of BOMs, quotes and whitespace.</summary>
    public static IReadOnlyList<string> CleanHeaders(CsvReader reader) =>
        [.. reader.Headers.Select(h => FieldValues.Clean(h) ?? "")];

    /// <summary>Positions in the file of each schema column (-1 when absent); throws when a required one is missing.</summary>
    public static int[] MapColumns<T>(TableSchema<T> schema, IReadOnlyList<string> headers, string file)
    {
        var positions = new int[schema.Columns.Count];
        for (var i = 0; i < schema.Columns.Count; i++)
        {
            positions[i] = FindColumn(headers, schema.Columns[i].Name);
        }

        // Two columns of the same name: which one holds the data is a guess, and guessing loses data silently.
        var twice = schema.Columns.FirstOrDefault(c => headers.Count(h => string.Equals(h, c.Name, StringComparison.OrdinalIgnoreCase)) > 1);
        if (twice is not null)
        {
            throw new InputException($"{file}: column '{twice.Name}' appears more than once in the header; found columns: {string.Join(", ", headers)}");
        }

        var missing = schema.Columns.Where((c, i) => c.Required && positions[i] < 0).Select(c => c.Name).ToList();
        if (missing.Count > 0)
        {
            throw new InputException(
                $"{file}: missing required column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing.Select(m => $"'{m}'"))} " +
                $"for {Vocabulary.KindName(schema.Kind)} ({Vocabulary.SourceName(schema.Source)}); found columns: {string.Join(", ", headers)}");
        }

        return positions;
    }

    public static int FindColumn(IReadOnlyList<string> headers, string name)
    {
        for (var i = 0; i < headers.Count; i++)
        {
            if (string.Equals(headers[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Reads every row of an open reader, yielding the loaded records as it goes and filling
    /// <paramref name="report"/>. In strict mode the first rejection throws <see cref="RejectedRowException"/>.
    /// </summary>
    public static IEnumerable<T> Stream<T>(CsvReader reader, TableSchema<T> schema, int[] positions, IReadOnlyList<string> headers, LoadReport report, bool strict)
    {
        var headerCount = headers.Count;
        var row = new RowFields(schema.Columns);
        var seen = schema.IdColumn is null ? null : new Dictionary<string, long>(StringComparer.Ordinal);
        var idColumn = schema.IdColumn is null ? -1 : schema.IndexOf(schema.IdColumn);

        while (ReadRecord(reader, report.File))
        {
            row.Line = reader.LineNumber;
            Rejection? rejection = null;
            T? record = default;
            var unpaid = false;

            if (reader.FieldCount != headerCount)
            {
                rejection = FieldCountRejection(report.File, row.Line, Encoding.UTF8.GetString(reader.RawRecord), reader.FieldCount, headerCount);
            }
            else
            {
                for (var i = 0; i < positions.Length; i++)
                {
                    row.Set(i, positions[i] < 0 ? null : reader.GetString(positions[i]));
                }

                rejection = Convert(schema, row, report.File, headers, positions, out record, out unpaid);
                if (rejection is null && !unpaid && seen is not null)
                {
                    var id = schema.KeyOf is null ? row.Text(schema.Columns[idColumn].Name)! : schema.KeyOf(record!);
                    if (!seen.TryAdd(id, row.Line))
                    {
                        var column = schema.Columns[idColumn].Name;
                        rejection = new Rejection(report.File, row.Line, ColumnNameInFile(headers, positions, schema, column), Shorten(row.Raw(column)), $"duplicate {(schema.KeyOf is null ? "id" : "row for " + id)}: first seen on line {seen[id]}");
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
            else if (unpaid)
            {
                report.CountUnpaid();
            }
            else
            {
                report.CountLoaded();
                yield return record!;
            }
        }
    }

    /// <summary>
    /// Turns one row whose fields are all there into a record, an unpaid order, or a rejection naming
    /// the column as the file does. Duplicate ids are the caller's to find. Both readers (plain and fast) convert rows here.
    /// </summary>
    public static Rejection? Convert<T>(TableSchema<T> schema, RowFields row, string file, IReadOnlyList<string> headers, int[] positions, out T? record, out bool unpaid)
    {
        record = default;
        unpaid = false;
        try
        {
            if (schema.IsUnpaid?.Invoke(row) == true)
            {
                unpaid = true;
            }
            else
            {
                record = schema.Build(row);
            }

            return null;
        }
        catch (FieldException e)
        {
            return new Rejection(file, row.Line, ColumnNameInFile(headers, positions, schema, e.Column), Shorten(row.Raw(e.Column)), e.Message);
        }
    }

    /// <summary>The rejection of a row with more or fewer fields than the header; <paramref name="raw"/> is the record as the file has it.</summary>
    public static Rejection FieldCountRejection(string file, long line, string raw, int fields, int headerCount)
    {
        var breaks = raw.TrimEnd('\r', '\n').Count(c => c == '\n');

        // A quote that is never closed makes the following lines one record: say which lines, so they can be mended.
        var reason = breaks == 0
            ? $"expected {headerCount} fields as in the header, found {fields}"
            : $"expected {headerCount} fields as in the header, found {fields} in lines {line}-{line + breaks} read as one row (is a quote left open?)";
        return new Rejection(file, line, "", Shorten(raw), reason);
    }

    private static bool ReadRecord(CsvReader reader, string file)
    {
        try
        {
            return reader.Read();
        }
        catch (CsvFormatException e)
        {
            throw new InputException($"{file}:{e.LineNumber}: the CSV cannot be split into records: {e.Message}", e);
        }
    }

    private static string ColumnNameInFile<T>(IReadOnlyList<string> headers, int[] positions, TableSchema<T> schema, string column)
    {
        var i = schema.IndexOf(column);
        return positions[i] >= 0 && headers[positions[i]].Length > 0 ? headers[positions[i]] : column;
    }

    private static string Shorten(string text) =>
        text.Length <= MaxShownRowChars ? text : string.Concat(text.AsSpan(0, MaxShownRowChars), "…");
}
