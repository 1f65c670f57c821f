using System.Globalization;
using Microsoft.Data.Analysis;

namespace Playbook.Canonical;

/// <summary>
/// What a canonical column holds: how its value is parsed from a cleaned cell, written to a
/// canonical CSV, named in the docs and shown in a data frame. One instance per kind of value, so a
/// table declaration names the type once and every reader, writer and doc agrees.
/// </summary>
/// <typeparam name="TValue">The value's C# type.</typeparam>
internal sealed class ColumnType<TValue>
{
    /// <summary>The type as data cards and the README write it: <c>string</c>, <c>decimal</c>, <c>douyin|kuaishou</c>.</summary>
    public required string DocType { get; init; }

    /// <summary>Parses column <c>name</c> of a row; throws <see cref="FieldException"/> for a bad value.</summary>
    public required Func<RowFields, string, TValue> Read { get; init; }

    /// <summary>The value as a canonical CSV writes it; null for an empty cell.</summary>
    public required Func<TValue, string?> Write { get; init; }

    /// <summary>A data frame column of the values.</summary>
    public required Func<string, IEnumerable<TValue>, DataFrameColumn> Frame { get; init; }
}

/// <summary>The kinds of value the canonical tables hold.</summary>
internal static class ColumnTypes
{
    private const string TimeFormat = "yyyy-MM-dd HH:mm:ss";
    private const string DateFormat = "yyyy-MM-dd";

    /// <summary>An id that must be present: a string kept exactly as written (19 digits do not survive a double).</summary>
    public static ColumnType<string> RequiredId { get; } = new()
    {
        DocType = "string",
        Read = (r, c) => r.RequiredId(c),
        Write = v => v,
        Frame = (n, v) => new StringDataFrameColumn(n, v),
    };

    /// <summary>An id that may be empty.</summary>
    public static ColumnType<string?> Id { get; } = new()
    {
        DocType = "string",
        Read = (r, c) => r.Id(c),
        Write = v => v,
        Frame = (n, v) => new StringDataFrameColumn(n, v),
    };

    /// <summary>Text that must be present (user text: encode it before HTML).</summary>
    public static ColumnType<string> RequiredText { get; } = new()
    {
        DocType = "string",
        Read = (r, c) => r.RequiredText(c),
        Write = v => v,
        Frame = (n, v) => new StringDataFrameColumn(n, v),
    };

    /// <summary>Text that may be empty.</summary>
    public static ColumnType<string?> Text { get; } = new()
    {
        DocType = "string",
        Read = (r, c) => r.Text(c),
        Write = v => v,
        Frame = (n, v) => new StringDataFrameColumn(n, v),
    };

    /// <summary>CNY with at most two decimals, never negative, required.</summary>
    public static ColumnType<decimal> Money { get; } = new()
    {
        DocType = "decimal",
        Read = (r, c) => r.Money(c),
        Write = Cents,
        Frame = (n, v) => new DecimalDataFrameColumn(n, v.Select(x => (decimal?)x)),
    };

    /// <summary>CNY that may be empty (unknown).</summary>
    public static ColumnType<decimal?> OptionalMoney { get; } = new()
    {
        DocType = "decimal",
        Read = (r, c) => r.OptionalMoney(c),
        Write = v => v is { } m ? Cents(m) : null,
        Frame = (n, v) => new DecimalDataFrameColumn(n, v),
    };

    /// <summary>CNY where an empty cell means none (a refund).</summary>
    public static ColumnType<decimal> MoneyOrZero { get; } = new()
    {
        DocType = "decimal",
        Read = (r, c) => r.OptionalMoney(c) ?? 0m,
        Write = Cents,
        Frame = (n, v) => new DecimalDataFrameColumn(n, v.Select(x => (decimal?)x)),
    };

    /// <summary>
    /// A rate or share: a fraction such as 0.25 (25% is read too); empty when not known. Outside 0..1
    /// it is a figure the table's rules set unknown (a note), not a rejection.
    /// </summary>
    public static ColumnType<decimal?> OptionalRate { get; } = new()
    {
        DocType = "decimal",
        Read = (r, c) => r.Text(c) is { } text
            ? FieldValues.TryParsePercent(text, out var rate, out var reason) ? rate : throw new FieldException(c, reason)
            : null,
        Write = v => v?.ToString("0.####", CultureInfo.InvariantCulture),
        Frame = (n, v) => new DecimalDataFrameColumn(n, v),
    };

    /// <summary>A time that may be empty.</summary>
    public static ColumnType<DateTime?> OptionalTime { get; } = new()
    {
        DocType = "timestamp",
        Read = (r, c) => r.OptionalTime(c),
        Write = v => v?.ToString(TimeFormat, CultureInfo.InvariantCulture),
        Frame = (n, v) => new PrimitiveDataFrameColumn<DateTime>(n, v),
    };

    /// <summary>A whole non-negative count (1.2万 and 3w read as counts), required.</summary>
    public static ColumnType<long> Count { get; } = new()
    {
        DocType = "integer",
        Read = (r, c) => r.Count(c),
        Write = v => v.ToString(CultureInfo.InvariantCulture),
        Frame = (n, v) => new Int64DataFrameColumn(n, v.Select(x => (long?)x)),
    };

    /// <summary>A count that may be empty (unknown).</summary>
    public static ColumnType<long?> OptionalCount { get; } = new()
    {
        DocType = "integer",
        Read = (r, c) => r.OptionalCount(c),
        Write = v => v?.ToString(CultureInfo.InvariantCulture),
        Frame = (n, v) => new Int64DataFrameColumn(n, v),
    };

    /// <summary>Units of a sub-order: a count from 1 to <see cref="int.MaxValue"/>.</summary>
    public static ColumnType<int> Quantity { get; } = new()
    {
        DocType = "integer",
        Read = (r, c) => r.Count(c) switch
        {
            < 1 => throw new FieldException(c, "must be at least 1"),
            > int.MaxValue => throw new FieldException(c, "too large"),
            var q => (int)q,
        },
        Write = v => v.ToString(CultureInfo.InvariantCulture),
        Frame = (n, v) => new Int32DataFrameColumn(n, v.Select(x => (int?)x)),
    };

    /// <summary>A China-time timestamp, written yyyy-MM-dd HH:mm:ss.</summary>
    public static ColumnType<DateTime> Time { get; } = new()
    {
        DocType = "timestamp",
        Read = (r, c) => r.Time(c),
        Write = v => v.ToString(TimeFormat, CultureInfo.InvariantCulture),
        Frame = (n, v) => new PrimitiveDataFrameColumn<DateTime>(n, v.Select(x => (DateTime?)x)),
    };

    /// <summary>A date, written yyyy-MM-dd, required.</summary>
    public static ColumnType<DateOnly> Date { get; } = new()
    {
        DocType = "date",
        Read = (r, c) => r.Date(c),
        Write = v => v.ToString(DateFormat, CultureInfo.InvariantCulture),
        Frame = (n, v) => new StringDataFrameColumn(n, v.Select(x => x.ToString(DateFormat, CultureInfo.InvariantCulture))),
    };

    /// <summary>A date that may be empty.</summary>
    public static ColumnType<DateOnly?> OptionalDate { get; } = new()
    {
        DocType = "date",
        Read = (r, c) => r.OptionalDate(c),
        Write = v => v?.ToString(DateFormat, CultureInfo.InvariantCulture),
        Frame = (n, v) => new StringDataFrameColumn(n, v.Select(x => x?.ToString(DateFormat, CultureInfo.InvariantCulture))),
    };

    /// <summary>A yes/no value that may be empty, written true or false.</summary>
    public static ColumnType<bool?> OptionalBool { get; } = new()
    {
        DocType = "bool",
        Read = (r, c) => r.OptionalBool(c),
        Write = v => v is { } b ? (b ? "true" : "false") : null,
        Frame = (n, v) => new BooleanDataFrameColumn(n, v),
    };

    /// <summary>Seconds with any decimals, or empty when not known.</summary>
    public static ColumnType<decimal?> OptionalSeconds { get; } = new()
    {
        DocType = "decimal",
        Read = (r, c) => r.Text(c) is { } text
            ? decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds)
                ? seconds
                : throw new FieldException(c, "not a number of seconds (expected a value such as 95.5)")
            : null,
        Write = v => v is { } s ? Cents(s) : null,
        Frame = (n, v) => new DecimalDataFrameColumn(n, v),
    };

    /// <summary>One of the canonical spellings of <typeparamref name="TEnum"/>, required.</summary>
    public static ColumnType<TEnum> Enum<TEnum>()
        where TEnum : struct, Enum => new()
        {
            DocType = string.Join("|", Vocabulary.All<TEnum>()),
            Read = (r, c) => r.Enum<TEnum>(c),
            Write = v => Vocabulary.Name(v),
            Frame = (n, v) => new StringDataFrameColumn(n, v.Select(x => Vocabulary.Name(x))),
        };

    /// <summary>One of the canonical spellings of <typeparamref name="TEnum"/>, or empty.</summary>
    public static ColumnType<TEnum?> OptionalEnum<TEnum>()
        where TEnum : struct, Enum => new()
        {
            DocType = string.Join("|", Vocabulary.All<TEnum>()),
            Read = (r, c) => r.OptionalEnum<TEnum>(c),
            Write = v => v is { } e ? Vocabulary.Name(e) : null,
            Frame = (n, v) => new StringDataFrameColumn(n, v.Select(x => x is { } e ? Vocabulary.Name(e) : null)),
        };

    // Every decimal of the canonical tables is written with exactly two decimals, as CNY keeps cents.
    private static string Cents(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
