using Playbook.Canonical;

namespace Playbook.Sources;

/// <summary>
/// A canonical table as a source: its columns by their snake_case names, every value parsed and
/// checked as <see cref="CanonicalTables"/> declares. One adapter per table, all with the id <c>canonical</c>.
/// </summary>
/// <typeparam name="T">The table's record.</typeparam>
internal sealed class CanonicalSource<T> : SourceAdapter<T>, ILayoutWriter<T>
    where T : class, new()
{
    private readonly CanonicalTable<T> table;
    private readonly Func<RowMapping<T>, IFastOrderRows>? fast;

    /// <summary>An adapter for <paramref name="table"/>; <paramref name="fast"/> reads clean CSV rows straight from the text.</summary>
    public CanonicalSource(CanonicalTable<T> table, Func<RowMapping<T>, IFastOrderRows>? fast = null)
    {
        this.table = table;
        this.fast = fast;
        Columns = [.. table.Columns.Select(c => new SourceColumn(c.Name, c.Required))];
    }

    /// <inheritdoc/>
    public override string Id => "canonical";

    /// <inheritdoc/>
    public override TableKind Table => table.Kind;

    /// <inheritdoc/>
    public override string Title => $"canonical {table.Name} table ({table.FileName})";

    /// <inheritdoc/>
    internal override IReadOnlyList<SourceColumn> Columns { get; }

    /// <inheritdoc/>
    public override RowMapping<T> Bind(HeaderRow header, string file, SourceOptions options)
    {
        var mapping = new RowMapping<T>
        {
            Adapter = this,
            Columns = Columns,
            Positions = Positions(header, file),
            Header = header,
            Build = (row, side) => table.Read(row, side),
            IdColumn = table.IdColumn,
            KeyOf = table.KeyOf,
            IsUnpaid = table.IsUnpaid,
        };
        return fast is null ? mapping : mapping with { Fast = fast(mapping) };
    }

    /// <inheritdoc/>
    public void Write(string path, IEnumerable<T> rows, IReadOnlyDictionary<string, Account> accounts) => CanonicalCsv.Write(path, rows);
}
