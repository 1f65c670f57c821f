using System.Collections;
using Playbook.Canonical;
using Playbook.Sources;

namespace Playbook.Ingest;

/// <summary>
/// The rows of one file, read as they are enumerated: one pass, constant memory but for the ids
/// kept to find duplicates. <see cref="Report"/> is complete once the enumeration has ended.
/// Dispose it to close the file.
/// </summary>
/// <typeparam name="T">The canonical record type.</typeparam>
public sealed class StreamedTable<T> : IEnumerable<T>, IDisposable
{
    private readonly InputFile input;
    private readonly RowMapping<T> mapping;
    private readonly SideRows side = new();
    private readonly bool strict;
    private bool enumerated;

    internal StreamedTable(InputFile input, ReadOptions options)
    {
        this.input = input;
        strict = options.Strict;
        mapping = input.Bind<T>();
        Report = new LoadReport(input.Name, input.Adapter.Table, input.Adapter.Id, input.Rows.Encoding, input.Rows.Sheet);
    }

    /// <summary>What happened to every row read so far; complete once the enumeration has ended.</summary>
    public LoadReport Report { get; }

    /// <summary>The line (or sheet row) of the row last yielded.</summary>
    public long Line { get; private set; }

    /// <summary>The header names as the file has them.</summary>
    public IReadOnlyList<string> Headers => input.Header.Names;

    /// <summary>
    /// Accounts the rows name, such as a 抖店 export's 达人ID and 达人昵称, in the rows read so far (a
    /// live view that grows as the rows are read); empty for a canonical file.
    /// </summary>
    public IReadOnlyCollection<Account> ExportAccounts => side.Accounts.Values;

    /// <summary>Reads the rows. A streamed table can be enumerated once.</summary>
    /// <exception cref="InvalidOperationException">It was enumerated before.</exception>
    public IEnumerator<T> GetEnumerator()
    {
        if (enumerated)
        {
            throw new InvalidOperationException($"{input.Name}: a streamed table is read once; open the file again to read it again");
        }

        enumerated = true;
        return TableReader.Stream(input.Rows, mapping, Report, side, strict, line => Line = line).GetEnumerator();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Closes the file.</summary>
    public void Dispose() => input.Dispose();
}
