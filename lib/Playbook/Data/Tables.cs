using Playbook.Metrics;

namespace Playbook.Data;

/// <summary>The rows of an orders file and, for a 抖店 export, the seller accounts it names.</summary>
/// <param name="Rows">The loaded orders.</param>
/// <param name="Report">What happened to every row.</param>
/// <param name="ExportAccounts">Accounts named by the export's 达人ID and 达人昵称; empty for a canonical file.</param>
public sealed record OrderLoadResult(IReadOnlyList<Order> Rows, LoadReport Report, IReadOnlyList<Account> ExportAccounts)
    : LoadResult<Order>(Rows, Report);

/// <summary>Which reader turns an orders file into a ledger.</summary>
public enum ReaderEngine
{
    /// <summary>The fast reader, unless the file needs the plain one (the result says why).</summary>
    Auto,

    /// <summary>The plain reader: every row becomes an <see cref="Order"/>, every buyer's purchases are kept (cohorts need them).</summary>
    Plain,
}

/// <summary>An orders file read into a ledger.</summary>
/// <param name="Ledger">The period's sums.</param>
/// <param name="Report">What happened to every row; the same whichever reader ran.</param>
/// <param name="ExportAccounts">Accounts named by a 抖店 export's 达人ID and 达人昵称, in file order; empty for a canonical file.</param>
/// <param name="Engine"><c>fast</c> or <c>plain</c>: the reader that produced the ledger.</param>
/// <param name="PlainReason">Why the plain reader ran when the fast one was asked for; null otherwise.</param>
public sealed record LedgerLoadResult(OrderLedger Ledger, LoadReport Report, IReadOnlyList<Account> ExportAccounts, string Engine, string? PlainReason);

/// <summary>
/// Reads the canonical tables and platform exports: streaming, every field validated, with a
/// <see cref="LoadReport"/> for every file. Lenient by default; <see cref="ReadOptions.Strict"/> fails on the first bad row.
/// The <c>Open…</c> methods stream rows one at a time (for files too large to hold); the <c>Read…</c> methods load them all.
/// </summary>
public static class Tables
{
    /// <summary>Reads an accounts table.</summary>
    public static LoadResult<Account> ReadAccounts(string path, ReadOptions? options = null) => ReadAll(OpenAccounts(path, options));

    /// <summary>Reads a live sessions table.</summary>
    public static LoadResult<LiveSession> ReadSessions(string path, ReadOptions? options = null) => ReadAll(OpenSessions(path, options));

    /// <summary>Reads a products table.</summary>
    public static LoadResult<Product> ReadProducts(string path, ReadOptions? options = null) => ReadAll(OpenProducts(path, options));

    /// <summary>Reads a campaigns table.</summary>
    public static LoadResult<Campaign> ReadCampaigns(string path, ReadOptions? options = null) => ReadAll(OpenCampaigns(path, options));

    /// <summary>Reads a paid traffic table.</summary>
    public static LoadResult<PaidTraffic> ReadTraffic(string path, ReadOptions? options = null) => ReadAll(OpenTraffic(path, options));

    /// <summary>Reads a per-seller daily sales table.</summary>
    public static LoadResult<DailySales> ReadSales(string path, ReadOptions? options = null) => ReadAll(OpenSales(path, options));

    /// <summary>Opens a per-seller daily sales table for streaming.</summary>
    public static StreamedTable<DailySales> OpenSales(string path, ReadOptions? options = null) => Open(path, CanonicalSchemas.Sales, options);

    /// <summary>Reads a leaderboard of peer brands.</summary>
    public static LoadResult<LeaderboardEntry> ReadLeaderboard(string path, ReadOptions? options = null) => ReadAll(Open(path, CanonicalSchemas.Leaderboard, options));

    /// <summary>Reads orders: a canonical orders table or a 抖店 order export, told apart by the headers.</summary>
    public static OrderLoadResult ReadOrders(string path, ReadOptions? options = null)
    {
        using var stream = OpenOrders(path, options);
        List<Order> rows = [.. stream];
        return new OrderLoadResult(rows, stream.Report, [.. stream.ExportAccounts]);
    }

    /// <summary>
    /// Reads orders (canonical or a 抖店 export) straight into an <see cref="OrderLedger"/> for the
    /// period <paramref name="from"/>..<paramref name="to"/>: the fast reader (parallel, a few dozen
    /// bytes per buyer) unless <paramref name="engine"/> says plain or the file needs the plain reader
    /// (duplicate ids, quoting only it splits exactly, buyers whose months go back and forth). Both
    /// give the same ledger and the same report.
    /// </summary>
    /// <exception cref="InputException">The file cannot be read, or (strict) a row is rejected.</exception>
    public static LedgerLoadResult ReadLedger(string path, ReadOptions? options = null, DateOnly? from = null, DateOnly? to = null, ReaderEngine engine = ReaderEngine.Auto, int? workers = null) =>
        ReadLedger(path, options, from, to, engine, workers, Fast.FastLedgerReader.ChunkChars);

    /// <summary>As the public overload, with the fast reader's chunk size (tests make it tiny, to cut records at every place).</summary>
    internal static LedgerLoadResult ReadLedger(string path, ReadOptions? options, DateOnly? from, DateOnly? to, ReaderEngine engine, int? workers, int chunkChars)
    {
        options ??= ReadOptions.Lenient;
        string? reason = null;
        if (engine == ReaderEngine.Auto)
        {
            try
            {
                var (ledger, report, accounts) = Fast.FastLedgerReader.Read(path, options, from, to, workers ?? Environment.ProcessorCount, chunkChars);
                return new LedgerLoadResult(ledger, report, accounts, "fast", null);
            }
            catch (Fast.FastReadAbandoned e)
            {
                reason = e.Message;
            }
        }

        using var stream = OpenOrders(path, options);
        var plain = OrderLedger.Of(stream, from, to);
        return new LedgerLoadResult(plain, stream.Report, [.. stream.ExportAccounts], "plain", reason);
    }

    /// <summary>Opens an accounts table for streaming.</summary>
    public static StreamedTable<Account> OpenAccounts(string path, ReadOptions? options = null) => Open(path, CanonicalSchemas.Accounts, options);

    /// <summary>Opens a live sessions table for streaming.</summary>
    public static StreamedTable<LiveSession> OpenSessions(string path, ReadOptions? options = null) => Open(path, CanonicalSchemas.Sessions, options);

    /// <summary>Opens a products table for streaming.</summary>
    public static StreamedTable<Product> OpenProducts(string path, ReadOptions? options = null) => Open(path, CanonicalSchemas.Products, options);

    /// <summary>Opens a campaigns table for streaming.</summary>
    public static StreamedTable<Campaign> OpenCampaigns(string path, ReadOptions? options = null) => Open(path, CanonicalSchemas.Campaigns, options);

    /// <summary>Opens a paid traffic table for streaming.</summary>
    public static StreamedTable<PaidTraffic> OpenTraffic(string path, ReadOptions? options = null) => Open(path, CanonicalSchemas.Traffic, options);

    /// <summary>Opens orders for streaming: a canonical orders table or a 抖店 order export, told apart by the headers.</summary>
    public static StreamedOrders OpenOrders(string path, ReadOptions? options = null)
    {
        options ??= ReadOptions.Lenient;
        return OrdersFrom(InputFile.Open(path, options), options);
    }

    /// <summary>
    /// Reads a file of any kind and returns only its report: what <c>playbook validate</c> prints.
    /// The kind is taken from <paramref name="kind"/>, else detected from the headers. Rows are
    /// streamed and not kept, so a file of any size can be checked.
    /// </summary>
    /// <exception cref="InputException">The file cannot be read, its kind cannot be told, or a required column is missing.</exception>
    public static LoadReport Validate(string path, TableKind? kind = null, ReadOptions? options = null)
    {
        options ??= ReadOptions.Lenient;

        // One open, so the encoding is found (a whole-file pass) and the header read once.
        var input = InputFile.Open(path, options);
        TableKind detected;
        try
        {
            detected = kind ?? DetectKind(input.Headers, input.Name).Kind;
        }
        catch
        {
            input.Dispose();
            throw;
        }

        return detected switch
        {
            TableKind.Accounts => Drain(Stream(input, CanonicalSchemas.Accounts, options)),
            TableKind.Orders => Drain(OrdersFrom(input, options)),
            TableKind.Sessions => Drain(Stream(input, CanonicalSchemas.Sessions, options)),
            TableKind.Products => Drain(Stream(input, CanonicalSchemas.Products, options)),
            TableKind.Campaigns => Drain(Stream(input, CanonicalSchemas.Campaigns, options)),
            TableKind.Traffic => Drain(Stream(input, CanonicalSchemas.Traffic, options)),
            TableKind.Sales => Drain(Stream(input, CanonicalSchemas.Sales, options)),
            TableKind.Leaderboard => Drain(Stream(input, CanonicalSchemas.Leaderboard, options)),
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

    private static StreamedTable<T> Open<T>(string path, TableSchema<T> schema, ReadOptions? options)
    {
        options ??= ReadOptions.Lenient;
        return Stream(InputFile.Open(path, options), schema, options);
    }

    /// <summary>A streamed table over an open input; the input is closed if the columns do not fit.</summary>
    private static StreamedTable<T> Stream<T>(InputFile input, TableSchema<T> schema, ReadOptions options)
    {
        try
        {
            return new StreamedTable<T>(input, schema, options);
        }
        catch
        {
            input.Dispose();
            throw;
        }
    }

    /// <summary>Orders over an open input: a 抖店 export when its headers say so, else the canonical table.</summary>
    private static StreamedOrders OrdersFrom(InputFile input, ReadOptions options)
    {
        try
        {
            if (DouyinOrderExport.Recognises(input.Headers))
            {
                var accounts = new Dictionary<string, Account>(StringComparer.Ordinal);
                var schema = DouyinOrderExport.Schema(TableReader.FindColumn(input.Headers, DouyinOrderExport.SubOrderId) >= 0, accounts);
                return new StreamedOrders(input, schema, options, accounts);
            }

            return new StreamedOrders(input, CanonicalSchemas.Orders, options, new Dictionary<string, Account>());
        }
        catch
        {
            input.Dispose();
            throw;
        }
    }

    private static LoadResult<T> ReadAll<T>(StreamedTable<T> stream)
    {
        using (stream)
        {
            List<T> rows = [.. stream];
            return new LoadResult<T>(rows, stream.Report);
        }
    }

    private static LoadReport Drain<T>(StreamedTable<T> stream)
    {
        using (stream)
        {
            foreach (var unused in stream)
            {
            }

            return stream.Report;
        }
    }
}
