using Microsoft.Data.Analysis;

namespace Playbook.Canonical;

/// <summary>One column of a canonical table, as the docs, data cards and the README describe it.</summary>
public interface ITableColumn
{
    /// <summary>The snake_case name, the header of a canonical CSV.</summary>
    string Name { get; }

    /// <summary>Whether a file without this column cannot be read at all (otherwise the column is optional).</summary>
    bool Required { get; }

    /// <summary>Its type or vocabulary: <c>string</c>, <c>decimal</c>, <c>douyin|kuaishou</c> ….</summary>
    string Type { get; }

    /// <summary>Its unit (CNY, China time, people …); empty when it has none.</summary>
    string Unit { get; }

    /// <summary>What it holds, with the Chinese term.</summary>
    string Description { get; }

    /// <summary>A short rule the value keeps (<c>≥ 1</c>, <c>UV ≤ PV</c>), for the README; null when none.</summary>
    string? Rule { get; }
}

/// <summary>A column that reads into, writes from and shows a record of type <typeparamref name="T"/>.</summary>
internal interface ITableColumn<in T> : ITableColumn
{
    void Read(RowFields row, T record);

    string? Write(T record);

    DataFrameColumn Frame(IEnumerable<T> rows);
}

/// <summary>A column bound to a record property through its value type.</summary>
internal sealed class TableColumn<T, TValue>(string name, ColumnType<TValue> type, Func<T, TValue> get, Action<T, TValue> set) : ITableColumn<T>
{
    public string Name { get; } = name;

    public bool Required { get; init; } = true;

    public string Type => type.DocType;

    public string Unit { get; init; } = "";

    public required string Description { get; init; }

    public string? Rule { get; init; }

    public void Read(RowFields row, T record) => set(record, type.Read(row, Name));

    public string? Write(T record) => type.Write(get(record));

    public DataFrameColumn Frame(IEnumerable<T> rows) => type.Frame(Name, rows.Select(get));
}

/// <summary>A canonical table: its name, what it is for, and its columns in file order.</summary>
public interface ICanonicalTable
{
    /// <summary>Which table.</summary>
    TableKind Kind { get; }

    /// <summary>The table's name, such as <c>orders</c>.</summary>
    string Name { get; }

    /// <summary>The canonical file name, such as <c>orders.csv</c>.</summary>
    string FileName { get; }

    /// <summary>What one row is, for the README, such as "one row per sub-order"; null when the name says it.</summary>
    string? Grain { get; }

    /// <summary>The unique id column (<c>*</c> in the docs), or the column a duplicate key is reported on; null for none.</summary>
    string? IdColumn { get; }

    /// <summary>Whether the id column's value is unique by itself (false: a key of several columns is).</summary>
    bool IdIsUnique { get; }

    /// <summary>The columns, in file order.</summary>
    IReadOnlyList<ITableColumn> Columns { get; }

    /// <summary>The row type.</summary>
    Type RecordType { get; }
}

/// <summary>
/// A canonical table declared once: columns with their parsers, units and docs, the unique key,
/// and the checks across columns. Readers, the CSV writer, data frames, data-card schemas and the
/// README's table section all come from it.
/// </summary>
/// <typeparam name="T">The record type.</typeparam>
public sealed class CanonicalTable<T> : ICanonicalTable
    where T : class, new()
{
    internal CanonicalTable(TableKind kind, IReadOnlyList<ITableColumn<T>> columns)
    {
        Kind = kind;
        TypedColumns = columns;
        ColumnNames = [.. columns.Select(c => c.Name)];
    }

    /// <inheritdoc/>
    public TableKind Kind { get; }

    /// <inheritdoc/>
    public string Name => Vocabulary.KindName(Kind);

    /// <inheritdoc/>
    public string FileName => Name + ".csv";

    /// <inheritdoc/>
    public string? Grain { get; init; }

    /// <inheritdoc/>
    public string? IdColumn { get; init; }

    /// <inheritdoc/>
    public bool IdIsUnique => KeyOf is null;

    /// <inheritdoc/>
    public IReadOnlyList<ITableColumn> Columns => TypedColumns;

    /// <inheritdoc/>
    public Type RecordType => typeof(T);

    internal IReadOnlyList<ITableColumn<T>> TypedColumns { get; }

    internal IReadOnlyList<string> ColumnNames { get; }

    /// <summary>A unique key made of several columns (one row per date × account × …); null: the id column's value.</summary>
    internal Func<T, string>? KeyOf { get; init; }

    /// <summary>
    /// For a table without a unique key: the rows one download gives together for one day (a 千川 day's
    /// plans). Merged files that both give a group keep the first file's rows; null: rows are repeats
    /// only when identical.
    /// </summary>
    internal Func<T, string>? GroupOf { get; init; }

    /// <summary>What <see cref="GroupOf"/>'s key is made of, in words (date × account × …).</summary>
    internal string? GroupName { get; init; }

    /// <summary>A row's key: <see cref="KeyOf"/>'s, else its id as written; null for a table with neither.</summary>
    internal string? KeyOrIdOf(T record) =>
        KeyOf is { } keyOf ? keyOf(record) : (idColumn ??= IdColumn is { } id ? TypedColumns.First(c => c.Name == id) : null)?.Write(record);

    private ITableColumn<T>? idColumn;

    /// <summary>Checks across columns, after every column is read; throws <see cref="FieldException"/>: the row is rejected.</summary>
    internal Action<T>? Check { get; init; }

    /// <summary>
    /// After <see cref="Check"/>: figures that contradict each other where nothing else of the row is
    /// at fault. The rule sets them unknown on the record and says so (<see cref="Sources.SideRows.Unknown"/>);
    /// the row loads.
    /// </summary>
    internal Action<T, Sources.SideRows>? Mend { get; init; }

    /// <summary>Whether a row is an unpaid order: counted apart, never loaded.</summary>
    internal Func<RowFields, bool>? IsUnpaid { get; init; }

    /// <summary>
    /// Builds a record from a row whose fields are named as this table's columns; figures set unknown
    /// by <see cref="Mend"/> are told to <paramref name="side"/> (with none, a contradiction rejects the row).
    /// </summary>
    internal T Read(RowFields row, Sources.SideRows? side = null)
    {
        var record = new T();
        foreach (var column in TypedColumns)
        {
            column.Read(row, record);
        }

        Check?.Invoke(record);
        if (Mend is not null)
        {
            var figures = side ?? new Sources.SideRows();
            Mend(record, figures);
            if (side is null && figures.Pending is { } first)
            {
                throw new FieldException(first.Column, first.Reason);
            }
        }

        return record;
    }

    /// <summary>The records as a data frame: one column per table column, enums in their canonical spelling.</summary>
    public DataFrame ToDataFrame(IEnumerable<T> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var list = rows as IReadOnlyList<T> ?? [.. rows];
        return new DataFrame(TypedColumns.Select(c => c.Frame(list)));
    }

    /// <summary>The cells of a record as a canonical CSV writes them (null: empty).</summary>
    internal IEnumerable<string?> Cells(T record) => TypedColumns.Select(c => c.Write(record));
}
