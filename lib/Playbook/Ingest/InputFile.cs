using Playbook.Canonical;
using Playbook.Files;
using Playbook.Sources;

namespace Playbook.Ingest;

/// <summary>An open input file: its container's rows, its header found, its source adapter detected.</summary>
internal sealed class InputFile : IDisposable
{
    /// <summary>How far down a sheet the header may stand below title rows.</summary>
    public const int HeaderSearchRows = 30;

    private InputFile(string name, IRowSource rows, HeaderRow header, SourceAdapter adapter, SourceOptions sources)
    {
        Name = name;
        Rows = rows;
        Header = header;
        Adapter = adapter;
        Sources = sources;
    }

    /// <summary>The file as the user named it.</summary>
    public string Name { get; }

    /// <summary>The rows after the header.</summary>
    public IRowSource Rows { get; }

    /// <summary>The header row.</summary>
    public HeaderRow Header { get; }

    /// <summary>The layout the header says the file is.</summary>
    public SourceAdapter Adapter { get; }

    /// <summary>The settings and mappings the file is read with.</summary>
    public SourceOptions Sources { get; }

    /// <summary>
    /// Opens a file (a workbook when its bytes say so, else CSV), finds its header (the first row,
    /// on the first sheet that has one, that a source recognises; title rows above it are passed
    /// over) and tells its layout from it (only layouts of <paramref name="kind"/>'s table when given).
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

        IRowSource rows = Containers.Of(path) switch
        {
            ContainerKind.Zip => SheetRows.Open(path, name),
            ContainerKind.CompoundFile => CompoundWorkbook.Open(path, name, options.Password),
            _ => CsvRowSource.Open(path, name, options.Encoding),
        };
        var handedOver = false;
        try
        {
            HeaderRow? first = null;
            List<string> sheets = [];
            do
            {
                if (rows.Sheet is { } sheet)
                {
                    sheets.Add(sheet);
                }

                for (var n = 0; n < HeaderSearchRows && rows.Read(); n++)
                {
                    var header = new HeaderRow([.. Enumerable.Range(0, rows.CellCount).Select(rows.Cell)], rows.Line);
                    if (header.IsEmpty)
                    {
                        continue;
                    }

                    first ??= header;
                    if (SourceRegistry.TryDetect(header, kind, options.Sources) is { } adapter)
                    {
                        handedOver = true;
                        return new InputFile(name, rows, header, adapter, options.Sources);
                    }
                }
            }
            while (rows.NextSheet());

            if (first is null)
            {
                throw new InputException(sheets.Count == 0
                    ? $"{name}: the file is empty: expected a header row"
                    : $"{name}: no sheet has a row, expected a header row (sheets: {string.Join(", ", sheets)})");
            }

            // No row is a known header: the message names the closest table and what it lacks (or,
            // for a table given by --kind, the columns it lacks).
            var found = SourceRegistry.Detect(first, name, kind, options.Sources);
            handedOver = true;
            return new InputFile(name, rows, first, found, options.Sources);
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
            ? typed.Bind(Header, Name, Sources)
            : throw new InputException($"{Name}: holds {Vocabulary.KindName(Adapter.Table)} ({Adapter.Id}), not {typeof(T).Name} rows");

    public void Dispose() => Rows.Dispose();
}
