using Playbook.Canonical;
using Playbook.Files;
using Playbook.Ledger;
using Playbook.Sources;

namespace Playbook.Ingest;

/// <summary>The rows of an orders file and the seller accounts it names (a 抖店 export's 达人ID and 达人昵称).</summary>
/// <param name="Rows">The loaded orders.</param>
/// <param name="Report">What happened to every row.</param>
/// <param name="ExportAccounts">Accounts the rows name; empty for a canonical file.</param>
public sealed record OrderLoadResult(IReadOnlyList<Order> Rows, LoadReport Report, IReadOnlyList<Account> ExportAccounts)
    : LoadResult<Order>(Rows, Report);

/// <summary>Which engine turns an orders file into a ledger.</summary>
public enum ReaderEngine
{
    /// <summary>The parallel engine, unless the file needs the plain one (the result says why).</summary>
    Auto,

    /// <summary>The plain engine: every row becomes an <see cref="Order"/>, every buyer's purchases are kept.</summary>
    Plain,
}

/// <summary>An orders file read into a ledger.</summary>
/// <param name="Ledger">The period's sums.</param>
/// <param name="Report">What happened to every row; the same whichever engine ran.</param>
/// <param name="ExportAccounts">Accounts the rows name (a 抖店 export's 达人ID and 达人昵称), in file order; empty for a canonical file.</param>
/// <param name="Engine"><c>fast</c> or <c>plain</c>: the engine that produced the ledger.</param>
/// <param name="PlainReason">Why the plain engine ran when the fast one was asked for; null otherwise.</param>
public sealed record LedgerLoadResult(OrderLedger Ledger, LoadReport Report, IReadOnlyList<Account> ExportAccounts, string Engine, string? PlainReason)
{
    /// <summary>The report of every file read, in order (one file: <see cref="Report"/> alone).</summary>
    public IReadOnlyList<LoadReport> Reports { get; init; } = [Report];
}

/// <summary>One table read from one or more files (monthly exports), merged.</summary>
/// <param name="Rows">The loaded rows, a repeated row once.</param>
/// <param name="Reports">The report of each file, in order.</param>
/// <param name="NamedAccounts">Accounts the rows name (an export's sellers), the first naming of an id first.</param>
public sealed record MergedLoadResult<T>(IReadOnlyList<T> Rows, IReadOnlyList<LoadReport> Reports, IReadOnlyList<Account> NamedAccounts);

/// <summary>One table converted from files of any layout into its canonical CSV.</summary>
/// <param name="Rows">Rows written.</param>
/// <param name="Reports">The report of each file read, in order.</param>
/// <param name="NamedAccounts">Accounts the rows name (an export's sellers).</param>
public sealed record ConvertResult(long Rows, IReadOnlyList<LoadReport> Reports, IReadOnlyList<Account> NamedAccounts);

/// <summary>What a file is, told from its header.</summary>
/// <param name="File">The file as named.</param>
/// <param name="Kind">The canonical table it fills.</param>
/// <param name="Source">The adapter that reads it.</param>
/// <param name="Sheet">The sheet the header is on (workbooks), else null.</param>
public sealed record FileLayout(string File, TableKind Kind, string Source, string? Sheet);

/// <summary>What an engine made of an orders file.</summary>
internal sealed record LedgerRead(OrderLedger Ledger, LoadReport Report, IReadOnlyList<Account> Accounts, BuyerHistories? Histories);

/// <summary>
/// The one door for data: reads canonical tables and platform exports through their source
/// adapters, streaming, every field validated, with a <see cref="LoadReport"/> for every file.
/// Lenient by default; <see cref="ReadOptions.Strict"/> fails on the first bad row. The <c>Open…</c>
/// methods stream rows one at a time (for files too large to hold); the <c>Read…</c> methods load
/// them all; <see cref="ReadLedger(string, ReadOptions?, DateOnly?, DateOnly?, ReaderEngine, int?)"/>
/// reduces orders of any size to a ledger.
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

    /// <summary>Reads a leaderboard of peer brands.</summary>
    public static LoadResult<LeaderboardEntry> ReadLeaderboard(string path, ReadOptions? options = null) => ReadAll(Open<LeaderboardEntry>(path, options, TableKind.Leaderboard));

    /// <summary>Reads a costs table (slot fees, staff, studio …).</summary>
    public static LoadResult<Cost> ReadCosts(string path, ReadOptions? options = null) => ReadAll(Open<Cost>(path, options, TableKind.Costs));

    /// <summary>Reads talents' commissions per order: a canonical commissions table or a 达人佣金 download.</summary>
    public static LoadResult<CommissionRow> ReadCommissions(string path, ReadOptions? options = null) => ReadAll(Open<CommissionRow>(path, options, TableKind.Commissions));

    /// <summary>Reads orders: a canonical orders table or an order export, told apart by the headers.</summary>
    public static OrderLoadResult ReadOrders(string path, ReadOptions? options = null)
    {
        using var stream = OpenOrders(path, options);
        List<Order> rows = [.. stream];
        return new OrderLoadResult(rows, stream.Report, [.. stream.ExportAccounts]);
    }

    /// <summary>Opens an accounts table for streaming.</summary>
    public static StreamedTable<Account> OpenAccounts(string path, ReadOptions? options = null) => Open<Account>(path, options, TableKind.Accounts);

    /// <summary>Opens a live sessions table for streaming.</summary>
    public static StreamedTable<LiveSession> OpenSessions(string path, ReadOptions? options = null) => Open<LiveSession>(path, options, TableKind.Sessions);

    /// <summary>Opens a products table for streaming.</summary>
    public static StreamedTable<Product> OpenProducts(string path, ReadOptions? options = null) => Open<Product>(path, options, TableKind.Products);

    /// <summary>Opens a campaigns table for streaming.</summary>
    public static StreamedTable<Campaign> OpenCampaigns(string path, ReadOptions? options = null) => Open<Campaign>(path, options, TableKind.Campaigns);

    /// <summary>Opens a paid traffic table for streaming.</summary>
    public static StreamedTable<PaidTraffic> OpenTraffic(string path, ReadOptions? options = null) => Open<PaidTraffic>(path, options, TableKind.Traffic);

    /// <summary>Opens a per-seller daily sales table for streaming.</summary>
    public static StreamedTable<DailySales> OpenSales(string path, ReadOptions? options = null) => Open<DailySales>(path, options, TableKind.Sales);

    /// <summary>Opens orders for streaming: a canonical orders table or an order export, told apart by the headers.</summary>
    public static StreamedTable<Order> OpenOrders(string path, ReadOptions? options = null) => Open<Order>(path, options, TableKind.Orders);

    /// <summary>
    /// Reads orders (canonical or an export) straight into an <see cref="OrderLedger"/> for the
    /// period <paramref name="from"/>..<paramref name="to"/>: the parallel engine (a few dozen bytes
    /// per buyer) unless <paramref name="engine"/> says plain or the file needs the plain engine
    /// (duplicate ids, quoting only it splits exactly, buyers whose months go back and forth). Both
    /// feed the same builder and give the same ledger and the same report.
    /// </summary>
    /// <exception cref="InputException">The file cannot be read, or (strict) a row is rejected.</exception>
    public static LedgerLoadResult ReadLedger(string path, ReadOptions? options = null, DateOnly? from = null, DateOnly? to = null, ReaderEngine engine = ReaderEngine.Auto, int? workers = null) =>
        ReadLedger(path, options, from, to, engine, workers, FastOrderReader.ChunkChars);

    /// <summary>As the public overload, with the parallel engine's chunk size (tests make it tiny, to cut records at every place).</summary>
    internal static LedgerLoadResult ReadLedger(string path, ReadOptions? options, DateOnly? from, DateOnly? to, ReaderEngine engine, int? workers, int chunkChars)
    {
        var (read, engineName, reason) = Read(path, options ?? ReadOptions.Lenient, from, to, engine, workers, chunkChars, keepHistories: false);
        return new LedgerLoadResult(read.Ledger, read.Report, read.Accounts, engineName, reason);
    }

    /// <summary>
    /// Reads orders from several files (monthly exports, canonical or any order layout) into one
    /// ledger: an order an earlier file gave again is kept once when identical and rejected when its
    /// values differ, naming both places. One file is read as <see cref="ReadLedger(string, ReadOptions?, DateOnly?, DateOnly?, ReaderEngine, int?)"/>
    /// reads it; several by the plain engine, in order.
    /// </summary>
    /// <exception cref="InputException">A file cannot be read, or (strict) a row is rejected.</exception>
    public static LedgerLoadResult ReadLedger(IReadOnlyList<string> paths, ReadOptions? options = null, DateOnly? from = null, DateOnly? to = null, ReaderEngine engine = ReaderEngine.Auto)
    {
        ArgumentNullException.ThrowIfNull(paths);
        if (paths.Count == 1)
        {
            return ReadLedger(paths[0], options, from, to, engine);
        }

        options ??= ReadOptions.Lenient;
        var builder = new LedgerBuilder(from, to, keepHistories: true, shards: 1);
        var reports = new List<LoadReport>();
        var side = new SideRows();
        builder.AddInOrder(Merged<Order>(paths, options, reports, side));
        var ledger = builder.Build();
        return new LedgerLoadResult(ledger, reports[0], [.. side.Accounts.Values], "plain", $"{paths.Count} order files are merged by the plain engine") { Reports = reports };
    }

    /// <summary>Reads one table from several files (monthly exports), merged as <see cref="ReadLedger(IReadOnlyList{string}, ReadOptions?, DateOnly?, DateOnly?, ReaderEngine)"/> merges orders.</summary>
    /// <exception cref="InputException">A file cannot be read, holds another table, or (strict) a row is rejected.</exception>
    public static MergedLoadResult<T> ReadMerged<T>(IReadOnlyList<string> paths, ReadOptions? options = null)
        where T : class, new()
    {
        ArgumentNullException.ThrowIfNull(paths);
        var reports = new List<LoadReport>();
        var side = new SideRows();
        List<T> rows = [.. Merged<T>(paths, options ?? ReadOptions.Lenient, reports, side)];
        return new MergedLoadResult<T>(rows, reports, [.. side.Accounts.Values]);
    }

    /// <summary>
    /// Reads one table from files of any layout (merged as <see cref="ReadMerged{T}"/> merges them)
    /// and writes its canonical CSV to <paramref name="csvPath"/>, row by row.
    /// </summary>
    /// <exception cref="InputException">A file cannot be read, holds another table, or (strict) a row is rejected.</exception>
    public static ConvertResult Convert<T>(IReadOnlyList<string> paths, string csvPath, ReadOptions? options = null)
        where T : class, new()
    {
        ArgumentNullException.ThrowIfNull(paths);
        var reports = new List<LoadReport>();
        var side = new SideRows();
        long written = 0;
        IEnumerable<T> Counted()
        {
            foreach (var row in Merged<T>(paths, options ?? ReadOptions.Lenient, reports, side))
            {
                written++;
                yield return row;
            }
        }

        CanonicalCsv.Write(csvPath, Counted());
        return new ConvertResult(written, reports, [.. side.Accounts.Values]);
    }

    /// <summary>
    /// Every buyer's purchases in the period, for cohorts: read by the parallel engine unless the
    /// file needs the plain one, as <see cref="ReadLedger(string, ReadOptions?, DateOnly?, DateOnly?, ReaderEngine, int?)"/>.
    /// Memory grows with the orders (a ledger keeps only the compact figures).
    /// </summary>
    /// <exception cref="InputException">The file cannot be read, or (strict) a row is rejected.</exception>
    public static BuyerHistories ReadBuyerHistories(string path, ReadOptions? options = null, DateOnly? from = null, DateOnly? to = null, ReaderEngine engine = ReaderEngine.Auto) =>
        Read(path, options ?? ReadOptions.Lenient, from, to, engine, null, FastOrderReader.ChunkChars, keepHistories: true).Read.Histories!;

    /// <summary>
    /// Reads a file of any kind and returns only its report: what <c>playbook validate</c> prints.
    /// The layout is detected from the headers (among <paramref name="kind"/>'s when given). Rows are
    /// streamed and not kept, so a file of any size can be checked.
    /// </summary>
    /// <exception cref="InputException">The file cannot be read, its layout cannot be told, or a required column is missing.</exception>
    public static LoadReport Validate(string path, TableKind? kind = null, ReadOptions? options = null)
    {
        options ??= ReadOptions.Lenient;
        var input = InputFile.Open(path, options, kind);
        try
        {
            return input.Adapter.Accept(new Drain(input, options));
        }
        catch
        {
            input.Dispose();
            throw;
        }
    }

    /// <summary>What a file is: its header found and its layout told, without reading its rows.</summary>
    /// <exception cref="InputException">The file is missing, unreadable or of no known layout.</exception>
    public static FileLayout Identify(string path, ReadOptions? options = null)
    {
        using var input = InputFile.Open(path, options ?? ReadOptions.Lenient);
        return new FileLayout(input.Name, input.Adapter.Table, input.Adapter.Id, input.Rows.Sheet);
    }

    /// <summary>
    /// Tells which table a header row belongs to and which adapter reads it: an export by its own
    /// column names, else the canonical table whose required columns are all present.
    /// </summary>
    /// <exception cref="InputException">No layout fits; the message names the closest and what it lacks.</exception>
    public static (TableKind Kind, string Source) DetectKind(IReadOnlyList<string> headers, string file = "input")
    {
        ArgumentNullException.ThrowIfNull(headers);
        var adapter = SourceRegistry.Detect(new HeaderRow(headers, 1), file);
        return (adapter.Table, adapter.Id);
    }

    private static (LedgerRead Read, string Engine, string? Reason) Read(string path, ReadOptions options, DateOnly? from, DateOnly? to, ReaderEngine engine, int? workers, int chunkChars, bool keepHistories)
    {
        string? reason = null;
        if (engine == ReaderEngine.Auto)
        {
            try
            {
                return (FastOrderReader.Read(path, options, from, to, workers ?? Environment.ProcessorCount, chunkChars, keepHistories), "fast", null);
            }
            catch (FastReadAbandoned e)
            {
                reason = e.Message;
            }
        }

        // The plain engine: one thread, every row an Order, every buyer's purchases kept.
        using var stream = OpenOrders(path, options);
        var builder = new LedgerBuilder(from, to, keepHistories: true, shards: 1);
        builder.AddInOrder(stream);
        var ledger = builder.Build();
        return (new LedgerRead(ledger, stream.Report, [.. stream.ExportAccounts], builder.Histories), "plain", reason);
    }

    private static IEnumerable<T> Merged<T>(IReadOnlyList<string> paths, ReadOptions options, List<LoadReport> reports, SideRows side)
        where T : class, new()
    {
        var merge = new TableMerge<T>();
        foreach (var path in paths)
        {
            using var stream = Open<T>(path, options, CanonicalTables.Of<T>().Kind);
            reports.Add(stream.Report);
            foreach (var row in stream)
            {
                var before = stream.Report.Rejected;
                if (merge.Keep(row, stream.Report, stream.Line, stream.Report.Sheet))
                {
                    yield return row;
                }
                else if (options.Strict && stream.Report.Rejected > before)
                {
                    throw new RejectedRowException(stream.Report.Rejections[^1]);
                }
            }

            merge.EndFile();
            // Each file's notes are in its own report; only the accounts are gathered across files.
            foreach (var account in stream.ExportAccounts)
            {
                side.Accounts.TryAdd(account.AccountId, account);
            }
        }
    }

    private static StreamedTable<T> Open<T>(string path, ReadOptions? options, TableKind kind)
    {
        options ??= ReadOptions.Lenient;
        var input = InputFile.Open(path, options, kind);
        try
        {
            return new StreamedTable<T>(input, options);
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

    /// <summary>Reads every row of an open file, keeping only the report.</summary>
    private sealed class Drain(InputFile input, ReadOptions options) : ISourceVisitor<LoadReport>
    {
        public LoadReport Visit<T>(SourceAdapter<T> adapter)
        {
            using var stream = new StreamedTable<T>(input, options);
            foreach (var unused in stream)
            {
            }

            return stream.Report;
        }
    }
}
