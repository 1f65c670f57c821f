using System.Globalization;
using Playbook.Canonical;
using Playbook.Files;

namespace Playbook.Sources;

/// <summary>A column a source reads: its name in the file, other spellings it goes by, and whether the file must have it.</summary>
/// <param name="Name">The name the adapter reads it by (and reports it by when the file has no other).</param>
/// <param name="Required">Whether a file without this column cannot be read at all.</param>
/// <param name="Aliases">Other names the column has in some versions of the export.</param>
internal sealed record SourceColumn(string Name, bool Required = true, params string[] Aliases)
{
    /// <summary>The name and its aliases, the name first.</summary>
    public IEnumerable<string> Spellings => [Name, .. Aliases];
}

/// <summary>
/// One export layout (or canonical table) that fills one canonical table: how it recognises its
/// header (by name, any order, aliases allowed) and how a row maps to a canonical row, an unpaid
/// order, a summary row or a rejection. Adapters are registered once, in <see cref="SourceRegistry"/>;
/// a load report's <c>source</c> is the adapter's <see cref="Id"/>.
/// </summary>
public abstract class SourceAdapter
{
    /// <summary>The adapter's id, as load reports give it: <c>canonical</c>, <c>douyin_export</c> ….</summary>
    public abstract string Id { get; }

    /// <summary>The canonical table the adapter fills.</summary>
    public abstract TableKind Table { get; }

    /// <summary>What the layout is, in a few words with the platform's name for it.</summary>
    public abstract string Title { get; }

    /// <summary>The columns it reads.</summary>
    internal abstract IReadOnlyList<SourceColumn> Columns { get; }

    /// <summary>
    /// The columns whose presence tells this layout from others (an export's own Chinese names); null
    /// for a canonical table, which is recognised by having all its required columns.
    /// </summary>
    internal virtual IReadOnlyList<string>? Signature => null;

    /// <summary>Whether a header row is this layout.</summary>
    internal bool Recognises(HeaderRow header) =>
        (Signature ?? Columns.Where(c => c.Required).Select(c => c.Name)).All(name => header.FindAny(Spelled(name)) >= 0);

    /// <summary>The required columns the header lacks.</summary>
    internal IReadOnlyList<string> Missing(HeaderRow header) =>
        [.. Columns.Where(c => c.Required && header.FindAny(c.Spellings) < 0).Select(c => c.Name)];

    /// <summary>
    /// Positions in the file of each of <see cref="Columns"/> (-1 when absent).
    /// </summary>
    /// <exception cref="InputException">A required column is missing, or a column appears twice.</exception>
    internal int[] Positions(HeaderRow header, string file)
    {
        var positions = Columns.Select(c => header.FindAny(c.Spellings)).ToArray();

        // Two columns of the same name: which one holds the data is a guess, and guessing loses data silently.
        var twice = Columns.FirstOrDefault(c => c.Spellings.Any(s => header.Count(s) > 1));
        if (twice is not null)
        {
            throw new InputException($"{file}: column '{twice.Name}' appears more than once in the header; found columns: {header}");
        }

        var missing = Missing(header);
        if (missing.Count > 0)
        {
            throw new InputException(string.Create(
                CultureInfo.InvariantCulture,
                $"{file}: missing required column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing.Select(m => $"'{m}'"))} for {Vocabulary.KindName(Table)} ({Id}); found columns: {header}"));
        }

        return positions;
    }

    /// <summary>Calls the visitor with this adapter's record type.</summary>
    internal abstract TResult Accept<TResult>(ISourceVisitor<TResult> visitor);

    private IEnumerable<string> Spelled(string name) => Columns.FirstOrDefault(c => c.Name == name)?.Spellings ?? [name];
}

/// <summary>An adapter that makes records of type <typeparamref name="T"/>.</summary>
/// <typeparam name="T">The canonical record.</typeparam>
internal abstract class SourceAdapter<T> : SourceAdapter
{
    /// <summary>Binds the adapter to a file's header: the mapping of its rows, with the user's settings.</summary>
    /// <exception cref="InputException">The header lacks a required column, or a setting the layout needs is missing.</exception>
    public abstract RowMapping<T> Bind(HeaderRow header, string file, SourceOptions options);

    /// <inheritdoc/>
    internal override TResult Accept<TResult>(ISourceVisitor<TResult> visitor) => visitor.Visit(this);
}

/// <summary>Work on an adapter whose record type is known only at run time (validate any file).</summary>
/// <typeparam name="TResult">What the work gives.</typeparam>
internal interface ISourceVisitor<out TResult>
{
    /// <summary>Does the work with the adapter's record type.</summary>
    TResult Visit<T>(SourceAdapter<T> adapter);
}

/// <summary>
/// A layout that can also be written, so examples, fixtures and benchmark data exist in the
/// platform's own form; reading and writing sit side by side in the adapter's file.
/// </summary>
/// <typeparam name="T">The canonical record.</typeparam>
internal interface ILayoutWriter<in T>
{
    /// <summary>Writes <paramref name="rows"/> to <paramref name="path"/> in this layout; <paramref name="accounts"/> give the nicknames an export shows beside its sellers.</summary>
    void Write(string path, IEnumerable<T> rows, IReadOnlyDictionary<string, Account> accounts);
}

/// <summary>What a source yields besides the table's rows as it reads: the sellers an order export names, and notes.</summary>
internal sealed class SideRows
{
    /// <summary>Accounts by id, the first row that names one giving its nickname.</summary>
    public Dictionary<string, Account> Accounts { get; } = new(StringComparer.Ordinal);

    /// <summary>Adds an account unless one of that id is known.</summary>
    public void Account(string id, Platform platform, string? nickname, SellerRole? role = null)
    {
        if (!Accounts.ContainsKey(id))
        {
            Accounts[id] = new Account { AccountId = id, Platform = platform, Nickname = nickname, Role = role };
        }
    }

    /// <summary>What rows showed without being rejected (a placeholder read as a default …), with how many rows.</summary>
    public Dictionary<string, long> Notes { get; } = new(StringComparer.Ordinal);

    private readonly List<string> held = [];
    private readonly List<(string Column, string Value, string Reason)> figures = [];
    private bool holding;

    /// <summary>
    /// Rows loaded with a figure set unknown because it contradicted another (UV above PV …), with
    /// their line, column, value and reason, in file order; the reader moves them to its load report.
    /// </summary>
    public List<Ingest.Rejection> NotedRows { get; } = [];

    /// <summary>
    /// Says that the row being built loads with <paramref name="column"/>'s figure (and those it
    /// contradicts) unknown; counted and listed once the row is loaded.
    /// </summary>
    public void Unknown(string column, string value, string reason) => figures.Add((column, value, reason));

    /// <summary>The first figure noted for the row being built, if any.</summary>
    public (string Column, string Value, string Reason)? Pending => figures.Count > 0 ? figures[0] : null;

    /// <summary>Gives the figures noted so far for this row the names their columns have in the file.</summary>
    public void RenameFigures(Func<string, string> nameInFile)
    {
        ArgumentNullException.ThrowIfNull(nameInFile);
        for (var i = 0; i < figures.Count; i++)
        {
            figures[i] = figures[i] with { Column = nameInFile(figures[i].Column) };
        }
    }

    /// <summary>Counts one row of a note (held until <see cref="Release"/> while a row is being built).</summary>
    public void Note(string note)
    {
        if (holding)
        {
            held.Add(note);
        }
        else
        {
            Notes[note] = Notes.GetValueOrDefault(note) + 1;
        }
    }

    /// <summary>Holds the notes of the row about to be built: a row rejected after all says nothing it was read as.</summary>
    public void Hold()
    {
        holding = true;
        held.Clear();
        figures.Clear();
    }

    /// <summary>
    /// Ends <see cref="Hold"/>: counts the held notes and lists the unknown figures (each made a
    /// listed row by <paramref name="row"/>, from its column, value and reason) when the row was
    /// loaded; drops them when it was rejected.
    /// </summary>
    public void Release(bool loaded, Func<string, string, string, Ingest.Rejection>? row = null)
    {
        holding = false;
        if (loaded)
        {
            foreach (var note in held)
            {
                Notes[note] = Notes.GetValueOrDefault(note) + 1;
            }

            foreach (var (column, value, reason) in figures)
            {
                var note = $"{column}: {reason}";
                Notes[note] = Notes.GetValueOrDefault(note) + 1;
                if (row is not null)
                {
                    NotedRows.Add(row(column, value, reason));
                }
            }
        }

        held.Clear();
        figures.Clear();
    }

    /// <summary>Adds the accounts of <paramref name="other"/> that are not known, in its order, and its notes.</summary>
    public void Add(SideRows other)
    {
        foreach (var (id, account) in other.Accounts)
        {
            Accounts.TryAdd(id, account);
        }

        foreach (var (note, rows) in other.Notes)
        {
            Notes[note] = Notes.GetValueOrDefault(note) + rows;
        }

        NotedRows.AddRange(other.NotedRows);
    }
}

/// <summary>
/// How the rows of one file become records: the adapter bound to the file's header. Positions are
/// resolved by name once; <see cref="Build"/> reads a row's fields by the adapter's column names.
/// </summary>
/// <typeparam name="T">The canonical record.</typeparam>
internal sealed record RowMapping<T>
{
    /// <summary>The adapter.</summary>
    public required SourceAdapter Adapter { get; init; }

    /// <summary>The columns read, in the adapter's order.</summary>
    public required IReadOnlyList<SourceColumn> Columns { get; init; }

    /// <summary>Where each column is in the file (-1: absent).</summary>
    public required int[] Positions { get; init; }

    /// <summary>The header.</summary>
    public required HeaderRow Header { get; init; }

    /// <summary>Builds the record; throws <see cref="FieldException"/> for a bad value. Side rows go to the second argument.</summary>
    public required Func<RowFields, SideRows, T> Build { get; init; }

    /// <summary>The unique id column (by the adapter's name), or the column a duplicate key is reported on; null for none.</summary>
    public string? IdColumn { get; init; }

    /// <summary>A key of several columns; null: the id column's value.</summary>
    public Func<T, string>? KeyOf { get; init; }

    /// <summary>Whether the row is an unpaid order, counted apart and never loaded.</summary>
    public Func<RowFields, bool>? IsUnpaid { get; init; }

    /// <summary>Whether the row is a total of the others (全部, 合计), counted apart and never loaded.</summary>
    public Func<RowFields, bool>? IsSummary { get; init; }

    /// <summary>For orders read from CSV text: the parser of rows in the clean spelling, straight from spans; null for none.</summary>
    public IFastOrderRows? Fast { get; init; }

    /// <summary>Fields named as the adapter's columns, for one row at a time.</summary>
    public RowFields NewFields() => new([.. Columns.Select(c => c.Name)]);

    /// <summary>The column's name as the file writes it (the adapter's name when the file has none).</summary>
    public string NameInFile(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (Columns[i].Name == column)
            {
                return Positions[i] >= 0 && Header.Names[Positions[i]].Length > 0 ? Header.Names[Positions[i]] : column;
            }
        }

        return column;
    }

    /// <summary>The position in the file of the adapter's column <paramref name="column"/>; -1 when the file lacks it.</summary>
    public int PositionOf(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (Columns[i].Name == column)
            {
                return Positions[i];
            }
        }

        throw new ArgumentException($"{Adapter.Id} has no column {column}", nameof(column));
    }
}
