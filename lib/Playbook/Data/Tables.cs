using CsvHelper;

namespace Playbook.Data;

/// <summary>The rows of an orders file and, for a 抖店 export, the seller accounts it names.</summary>
/// <param name="Rows">The loaded orders.</param>
/// <param name="Report">What happened to every row.</param>
/// <param name="ExportAccounts">Accounts named by the export's 达人ID and 达人昵称; empty for a canonical file.</param>
public sealed record OrderLoadResult(IReadOnlyList<Order> Rows, LoadReport Report, IReadOnlyList<Account> ExportAccounts)
    : LoadResult<Order>(Rows, Report);

/// <summary>
/// Reads the canonical tables and platform exports: streaming, every field validated, with a
/// <see cref="LoadReport"/> for every file. Lenient by default; <see cref="ReadOptions.Strict"/> fails on the first bad row.
/// </summary>
public static class Tables
{
    /// <summary>Reads an accounts table.</summary>
    public static LoadResult<Account> ReadAccounts(string path, ReadOptions? options = null) => Read(path, CanonicalSchemas.Accounts, options);

    /// <summary>Reads a live sessions table.</summary>
    public static LoadResult<LiveSession> ReadSessions(string path, ReadOptions? options = null) => Read(path, CanonicalSchemas.Sessions, options);

    /// <summary>Reads a products table.</summary>
    public static LoadResult<Product> ReadProducts(string path, ReadOptions? options = null) => Read(path, CanonicalSchemas.Products, options);

    /// <summary>Reads a campaigns table.</summary>
    public static LoadResult<Campaign> ReadCampaigns(string path, ReadOptions? options = null) => Read(path, CanonicalSchemas.Campaigns, options);

    /// <summary>Reads a paid traffic table.</summary>
    public static LoadResult<PaidTraffic> ReadTraffic(string path, ReadOptions? options = null) => Read(path, CanonicalSchemas.Traffic, options);

    /// <summary>Reads orders: a canonical orders table or a 抖店 order export, told apart by the headers.</summary>
    public static OrderLoadResult ReadOrders(string path, ReadOptions? options = null)
    {
        options ??= ReadOptions.Lenient;
        using var input = InputFile.Open(path, options);
        if (DouyinOrderExport.Recognises(input.Headers))
        {
            var accounts = new Dictionary<string, Account>(StringComparer.Ordinal);
            var orders = input.ReadAll(DouyinOrderExport.Schema(TableReader.FindColumn(input.Headers, DouyinOrderExport.SubOrderId) >= 0, accounts), options, out var report);
            return new OrderLoadResult(orders, report, [.. accounts.Values]);
        }

        return new OrderLoadResult(input.ReadAll(CanonicalSchemas.Orders, options, out var canonicalReport), canonicalReport, []);
    }

    /// <summary>
    /// Reads a file of any kind and returns only its report: what <c>playbook validate</c> prints.
    /// The kind is taken from <paramref name="kind"/>, else detected from the headers.
    /// </summary>
    /// <exception cref="InputException">The file cannot be read, its kind cannot be told, or a required column is missing.</exception>
    public static LoadReport Validate(string path, TableKind? kind = null, ReadOptions? options = null)
    {
        options ??= ReadOptions.Lenient;
        TableKind detected;
        using (var input = InputFile.Open(path, options))
        {
            detected = kind ?? DetectKind(input.Headers, input.Name).Kind;
        }

        return detected switch
        {
            TableKind.Accounts => ReadAccounts(path, options).Report,
            TableKind.Orders => ReadOrders(path, options).Report,
            TableKind.Sessions => ReadSessions(path, options).Report,
            TableKind.Products => ReadProducts(path, options).Report,
            TableKind.Campaigns => ReadCampaigns(path, options).Report,
            TableKind.Traffic => ReadTraffic(path, options).Report,
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    /// <summary>
    /// Tells which table a header row belongs to: a 抖店 export by its Chinese headers, else the
    /// canonical table whose required columns are all present (the one with most, when several are).
    /// </summary>
    /// <exception cref="InputException">No table fits; the message names the closest and what it lacks.</exception>
    public static (TableKind Kind, InputSource Source) DetectKind(IReadOnlyList<string> headers, string file = "input")
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (DouyinOrderExport.Recognises(headers))
        {
            return (TableKind.Orders, InputSource.DouyinExport);
        }

        var scored = CanonicalSchemas.All
            .Select(s =>
            {
                var required = s.Columns.Where(c => c.Required).Select(c => c.Name).ToList();
                var missing = required.Where(c => TableReader.FindColumn(headers, c) < 0).ToList();
                return (s.Kind, Required: required.Count, Missing: missing, Matched: required.Count - missing.Count);
            })
            .ToList();
        var complete = scored.Where(s => s.Missing.Count == 0).OrderByDescending(s => s.Required).ToList();
        if (complete.Count > 0)
        {
            return (complete[0].Kind, InputSource.Canonical);
        }

        var closest = scored.OrderByDescending(s => (double)s.Matched / s.Required).First();
        throw new InputException(
            $"{file}: cannot tell which table this is: found columns {string.Join(", ", headers)}; " +
            $"closest is {Vocabulary.KindName(closest.Kind)}, which lacks {string.Join(", ", closest.Missing)} " +
            $"(or pass --kind; a 抖店 export needs {DouyinOrderExport.ParentOrderId} and {DouyinOrderExport.AmountPayable})");
    }

    private static LoadResult<T> Read<T>(string path, TableSchema<T> schema, ReadOptions? options)
    {
        options ??= ReadOptions.Lenient;
        using var input = InputFile.Open(path, options);
        var rows = input.ReadAll(schema, options, out var report);
        return new LoadResult<T>(rows, report);
    }

    /// <summary>An open input: its encoding found, its header read.</summary>
    private sealed class InputFile : IDisposable
    {
        private readonly CsvReader reader;
        private readonly TextEncoding encoding;

        private InputFile(string name, CsvReader reader, TextEncoding encoding, IReadOnlyList<string> headers)
        {
            Name = name;
            this.reader = reader;
            this.encoding = encoding;
            Headers = headers;
        }

        public string Name { get; }

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

        public List<T> ReadAll<T>(TableSchema<T> schema, ReadOptions options, out LoadReport report)
        {
            var positions = TableReader.MapColumns(schema, Headers, Name);
            report = new LoadReport(Name, schema.Kind, schema.Source, encoding.Name);
            return [.. TableReader.Stream(reader, schema, positions, Headers.Count, report, options.Strict)];
        }

        public void Dispose() => reader.Dispose();
    }
}
