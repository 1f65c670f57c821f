using Playbook.Canonical;
using Playbook.Files;
using Playbook.Sources;

namespace Playbook.Ingest;

/// <summary>An open input file: its container's rows, its header found, its source adapter detected.</summary>
internal sealed class InputFile : IDisposable
{
    private InputFile(string name, IRowSource rows, HeaderRow header, SourceAdapter adapter)
    {
        Name = name;
        Rows = rows;
        Header = header;
        Adapter = adapter;
    }

    /// <summary>The file as the user named it.</summary>
    public string Name { get; }

    /// <summary>The rows after the header.</summary>
    public IRowSource Rows { get; }

    /// <summary>The header row.</summary>
    public HeaderRow Header { get; }

    /// <summary>The layout the header says the file is.</summary>
    public SourceAdapter Adapter { get; }

    /// <summary>
    /// Opens a file, reads its header and tells its layout from it (only layouts of
    /// <paramref name="kind"/>'s table when given).
    /// </summary>
    /// <exception cref="InputException">The file is missing, empty, unreadable or of no known layout.</exception>
    public static InputFile Open(string path, ReadOptions options, TableKind? kind = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        var name = options.DisplayName ?? path;
        if (!File.Exists(path))
        {
            throw new InputException($"{name}: no such file");
        }

        var rows = CsvRowSource.Open(path, name, options.Encoding);
        var handedOver = false;
        try
        {
            if (!rows.Read())
            {
                throw new InputException($"{name}: the file is empty: expected a header row");
            }

            var header = new HeaderRow([.. Enumerable.Range(0, rows.CellCount).Select(rows.Cell)], rows.Line);
            if (header.IsEmpty)
            {
                throw new InputException($"{name}: the file is empty: expected a header row");
            }

            var input = new InputFile(name, rows, header, SourceRegistry.Detect(header, name, kind));
            handedOver = true;
            return input;
        }
        finally
        {
            if (!handedOver)
            {
                rows.Dispose();
            }
        }
    }

    /// <summary>The adapter bound to this file's header, for records of type <typeparamref name="T"/>.</summary>
    /// <exception cref="InputException">The file holds another table, or lacks a required column.</exception>
    public RowMapping<T> Bind<T>() =>
        Adapter is SourceAdapter<T> typed
            ? typed.Bind(Header, Name)
            : throw new InputException($"{Name}: holds {Vocabulary.KindName(Adapter.Table)} ({Adapter.Id}), not {typeof(T).Name} rows");

    public void Dispose() => Rows.Dispose();
}
