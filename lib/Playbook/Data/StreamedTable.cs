using System.Collections;
using CsvHelper;

namespace Playbook.Data;

/// <summary>
/// The rows of one file, read as they are enumerated: one pass, constant memory but for the ids
/// kept to find duplicates. <see cref="Report"/> is complete once the enumeration has ended.
/// Dispose it to close the file.
/// </summary>
/// <typeparam name="T">The canonical record type.</typeparam>
public class StreamedTable<T> : IEnumerable<T>, IDisposable
{
    private readonly InputFile input;
    private readonly TableSchema<T> schema;
    private readonly int[] positions;
    private readonly bool strict;
    private bool enumerated;

    internal StreamedTable(InputFile input, TableSchema<T> schema, ReadOptions options)
    {
        this.input = input;
        this.schema = schema;
        strict = options.Strict;
        positions = TableReader.MapColumns(schema, input.Headers, input.Name);
        Report = new LoadReport(input.Name, schema.Kind, schema.Source, input.Encoding.Name);
    }

    /// <summary>What happened to every row read so far; complete once the enumeration has ended.</summary>
    public LoadReport Report { get; }

    /// <summary>The header names as the file has them.</summary>
    public IReadOnlyList<string> Headers => input.Headers;

    /// <summary>Reads the rows. A streamed table can be enumerated once.</summary>
    /// <exception cref="InvalidOperationException">It was enumerated before.</exception>
    public IEnumerator<T> GetEnumerator()
    {
        if (enumerated)
        {
            throw new InvalidOperationException($"{input.Name}: a streamed table is read once; open the file again to read it again");
        }

        enumerated = true;
        return TableReader.Stream(input.Reader, schema, positions, input.Headers, Report, strict).GetEnumerator();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Closes the file.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Closes the file.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            input.Dispose();
        }
    }
}

/// <summary>Orders read as they are enumerated, with the accounts a 抖店 export names.</summary>
public sealed class StreamedOrders : StreamedTable<Order>
{
    private readonly Dictionary<string, Account> accounts;

    internal StreamedOrders(InputFile input, TableSchema<Order> schema, ReadOptions options, Dictionary<string, Account> accounts)
        : base(input, schema, options) => this.accounts = accounts;

    /// <summary>
    /// Accounts named by the export's 达人ID and 达人昵称 in the rows read so far (a live view that
    /// grows as the rows are read); empty for a canonical file.
    /// </summary>
    public IReadOnlyCollection<Account> ExportAccounts => accounts.Values;
}

/// <summary>An open input file: its encoding found, its header read.</summary>
internal sealed class InputFile : IDisposable
{
    private InputFile(string name, CsvReader reader, TextEncoding encoding, IReadOnlyList<string> headers)
    {
        Name = name;
        Reader = reader;
        Encoding = encoding;
        Headers = headers;
    }

    public string Name { get; }

    public CsvReader Reader { get; }

    public TextEncoding Encoding { get; }

    public IReadOnlyList<string> Headers { get; }

    public static InputFile Open(string path, ReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = options.DisplayName ?? path;
        if (!File.Exists(path))
        {
            throw new InputException($"{name}: no such file");
        }

        var encoding = options.Encoding is null ? TextEncodings.Detect(path) : TextEncodings.FromName(options.Encoding);
        CsvReader? reader = null;
        try
        {
            reader = TableReader.Open(path, encoding);
            var headers = TableReader.CleanHeaders(reader);
            if (headers.Count == 0 || headers.All(h => h.Length == 0))
            {
                throw new InputException($"{name}: the file is empty: expected a header row");
            }

            var input = new InputFile(name, reader, encoding, headers);
            reader = null;
            return input;
        }
        catch (CsvFormatException e)
        {
            throw new InputException($"{name}: the header row cannot be read: {e.Message}", e);
        }
        catch (IOException e)
        {
            throw new InputException($"{name}: cannot be read: {e.Message}", e);
        }
        finally
        {
            reader?.Dispose();
        }
    }

    public void Dispose() => Reader.Dispose();
}
