namespace Playbook.Canonical;

/// <summary>
/// The cleaned values of one row, by schema column, with typed accessors that throw a
/// <see cref="FieldException"/> naming the column when a value breaks the contract.
/// </summary>
internal sealed class RowFields
{
    private readonly string?[] raw;
    private readonly string?[] clean;
    private readonly Dictionary<string, int> index;

    /// <summary>Creates the fields of a row with the given column names.</summary>
    public RowFields(IReadOnlyList<string> columns)
    {
        raw = new string?[columns.Count];
        clean = new string?[columns.Count];
        index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < columns.Count; i++)
        {
            index[columns[i]] = i;
        }
    }

    /// <summary>The physical line (CSV) or sheet row (XLSX) the row starts on.</summary>
    public long Line { get; set; }

    /// <summary>Sets column <paramref name="column"/> (by position in the names) to its value as the file has it.</summary>
    public void Set(int column, string? value)
    {
        raw[column] = value;
        clean[column] = FieldValues.Clean(value);
    }

    /// <summary>The value as it stands in the file (empty when the file has no such column).</summary>
    public string Raw(string column) => index.TryGetValue(column, out var i) ? raw[i] ?? "" : "";

    /// <summary>The cleaned value, or null for a null marker or a column the file lacks.</summary>
    public string? Text(string column) => clean[index[column]];

    public string RequiredText(string column) =>
        Text(column) ?? throw Missing(column, "a value is required");

    /// <summary>The rejection of a required value that is missing: masked values say so.</summary>
    public FieldException Missing(string column, string reason) =>
        new(column, FieldValues.IsMasked(Raw(column).AsSpan().Trim(FieldValues.Trimmed)) ? reason + " (the export masked it as ***)" : reason);

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

    /// <summary>
    /// An id a spreadsheet may have turned into a float: <c>123.0</c> is the id <c>123</c>. Otherwise as <see cref="Id"/>.
    /// </summary>
    public string? IdWithoutFloat(string column) => FieldValues.WithoutFloatTail(Id(column));

    public string RequiredId(string column) =>
        Id(column) ?? throw Missing(column, "an id is required");

    public decimal Money(string column) =>
        OptionalMoney(column) ?? throw Missing(column, "an amount is required");

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
        OptionalCount(column) ?? throw Missing(column, "a number is required");

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
        OptionalTime(column) ?? throw Missing(column, "a time is required");

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
        OptionalDate(column) ?? throw Missing(column, "a date is required");

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
