using Playbook.Analysis;
using Playbook.Canonical;
using Playbook.Ingest;
using Playbook.Ledger;

namespace Playbook.Workspace;

/// <summary>A table a claim or a checklist item needs that the data does not have.</summary>
public sealed class MissingDataException(string message) : Exception(message)
{
    /// <summary>Creates the exception without a message.</summary>
    public MissingDataException()
        : this("data missing")
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public MissingDataException(string message, Exception innerException)
        : this(message + ": " + innerException?.Message)
    {
    }
}

/// <summary>
/// A brand's tables (a bundled case, or an analyst's own exports), read through the one door
/// (<see cref="Tables"/>) whoever asks: the command line, the notebooks' <see cref="Workbench"/>,
/// claims and checklists get the same figures, the same warnings and the same accounts. Each table is
/// read on first use; orders go to a ledger by the parallel engine, one ledger per period asked for.
/// </summary>
public sealed class BrandData
{
    private readonly IReadOnlyDictionary<TableKind, string> files;
    private readonly Dictionary<TableKind, object> rows = [];
    private readonly Dictionary<(DateOnly?, DateOnly?), LedgerLoadResult> ledgers = [];
    private readonly Dictionary<string, LoadReport> reports = new(StringComparer.Ordinal);
    private readonly List<LoadReport> load = [];
    private readonly List<string> notes = [];
    private IReadOnlyList<Account>? namedAccounts;

    /// <summary>The tables of a folder, under their canonical file names (<c>orders.csv</c> may be a 抖店 export).</summary>
    public BrandData(string directory)
        : this(directory, new Dictionary<TableKind, string>())
    {
    }

    private BrandData(string directory, IReadOnlyDictionary<TableKind, string> files)
    {
        Directory = directory;
        this.files = files;
    }

    /// <summary>The folder (for tables given file by file, the current directory).</summary>
    public string Directory { get; }

    /// <summary>How every file is read: strict or lenient, the encoding.</summary>
    public ReadOptions ReadOptions { get; init; } = ReadOptions.Lenient;

    /// <summary>The engine that reads orders into ledgers.</summary>
    public ReaderEngine Engine { get; init; } = ReaderEngine.Auto;

    /// <summary>
    /// A brand's tables wherever they are, by table; empty or null paths are left out. Relative paths
    /// are taken from the current directory.
    /// </summary>
    public static BrandData FromFiles(IReadOnlyDictionary<TableKind, string?> files, ReadOptions? options = null, ReaderEngine engine = ReaderEngine.Auto)
    {
        ArgumentNullException.ThrowIfNull(files);
        var given = files.Where(f => !string.IsNullOrWhiteSpace(f.Value)).ToDictionary(f => f.Key, f => f.Value!);
        return new BrandData(Environment.CurrentDirectory, given) { ReadOptions = options ?? ReadOptions.Lenient, Engine = engine };
    }

    /// <summary>Load reports of the files read so far, one per file, in the order they were first read.</summary>
    public IReadOnlyList<LoadReport> Load => load;

    /// <summary>What the reading did that a user may want to know, such as a file read by the plain engine and why.</summary>
    public IReadOnlyList<string> Notes => notes;

    /// <summary>Whether the data has the table.</summary>
    public bool Has(TableKind table) => files.Count > 0 ? files.ContainsKey(table) : File.Exists(DefaultPath(table));

    /// <summary>Where the table is read from, or null when the data has none.</summary>
    public string? PathOf(TableKind table) => !Has(table) ? null : files.TryGetValue(table, out var path) ? path : DefaultPath(table);

    /// <summary>
    /// The seller accounts: the accounts table's, then those the orders name (a 抖店 export's 达人ID
    /// and 达人昵称) that the table lacks; the table wins for an id in both.
    /// </summary>
    public IReadOnlyList<Account> Accounts
    {
        get
        {
            IReadOnlyList<Account> table = Has(TableKind.Accounts) ? Get(TableKind.Accounts, Tables.ReadAccounts) : [];
            if (namedAccounts is null && Has(TableKind.Orders))
            {
                Ledger();
            }

            return [.. table.Concat(namedAccounts ?? [])];
        }
    }

    /// <summary>The order rows (canonical or an export), or null when the data has none. For row-level figures; ledgers come from <see cref="Ledger"/>.</summary>
    public IReadOnlyList<Order>? Orders => Has(TableKind.Orders) ? Get(TableKind.Orders, (p, o) => Tables.ReadOrders(p, o)) : null;

    /// <summary>Per-seller daily sales, or null.</summary>
    public IReadOnlyList<DailySales>? Sales => Has(TableKind.Sales) ? Get(TableKind.Sales, Tables.ReadSales) : null;

    /// <summary>Live sessions.</summary>
    /// <exception cref="MissingDataException">The data has none.</exception>
    public IReadOnlyList<LiveSession> Sessions => Need(TableKind.Sessions, Tables.ReadSessions);

    /// <summary>Products.</summary>
    /// <exception cref="MissingDataException">The data has none.</exception>
    public IReadOnlyList<Product> Products => Need(TableKind.Products, Tables.ReadProducts);

    /// <summary>Paid traffic.</summary>
    /// <exception cref="MissingDataException">The data has none.</exception>
    public IReadOnlyList<PaidTraffic> Traffic => Need(TableKind.Traffic, Tables.ReadTraffic);

    /// <summary>Campaign windows.</summary>
    /// <exception cref="MissingDataException">The data has none.</exception>
    public IReadOnlyList<Campaign> Campaigns => Need(TableKind.Campaigns, Tables.ReadCampaigns);

    /// <summary>Peer rankings.</summary>
    /// <exception cref="MissingDataException">The data has none.</exception>
    public IReadOnlyList<LeaderboardEntry> Leaderboard => Need(TableKind.Leaderboard, Tables.ReadLeaderboard);

    /// <summary>Orders, or else daily sales, as rows; a claim about GMV works on either.</summary>
    /// <exception cref="MissingDataException">The data has neither.</exception>
    public (IReadOnlyList<Order> Orders, IReadOnlyList<DailySales> Sales) SalesData() =>
        Orders is { } orders ? (orders, []) : Sales is { } sales ? ([], sales) : throw NoSales();

    /// <summary>
    /// The ledger of a period (the whole data when not given): orders read by the parallel engine
    /// (or the plain one, when the file needs it: <see cref="Notes"/> says why), else daily sales.
    /// </summary>
    /// <exception cref="MissingDataException">The data has neither orders nor daily sales.</exception>
    public OrderLedger Ledger(DateOnly? from = null, DateOnly? to = null) => LedgerRead(from, to).Ledger;

    /// <summary>Every buyer's purchases in a period, for cohorts.</summary>
    /// <exception cref="MissingDataException">The data has no order rows.</exception>
    public BuyerHistories BuyerHistories(DateOnly? from = null, DateOnly? to = null) =>
        PathOf(TableKind.Orders) is { } path
            ? Tables.ReadBuyerHistories(path, ReadOptions, from, to, Engine)
            : throw new MissingDataException($"buyer histories need order rows with buyer ids: orders.csv in {Directory}");

    /// <summary>
    /// The pillar analysis of a period through <paramref name="framework"/>: the ledger, then every
    /// other table the data has. Its load list names the files in that order.
    /// </summary>
    /// <exception cref="MissingDataException">The data has neither orders nor daily sales.</exception>
    public PillarReport Analyze(Framework framework, AnalysisOptions? options = null)
    {
        options ??= new AnalysisOptions();
        var read = LedgerRead(options.From, options.To);
        List<LoadReport> used = [read.Report];
        T? Table<T>(TableKind table, Func<T> get)
            where T : class
        {
            if (!Has(table))
            {
                return null;
            }

            var value = get();
            used.Add(reports[PathOf(table)!]);
            return value;
        }

        var accounts = Table(TableKind.Accounts, () => Get(TableKind.Accounts, Tables.ReadAccounts)) ?? [];
        var input = new AnalysisInput
        {
            Framework = framework,
            Ledger = read.Ledger,
            Accounts = accounts.Concat(read.ExportAccounts),
            Campaigns = Table(TableKind.Campaigns, () => Campaigns),
            Products = Table(TableKind.Products, () => Products),
            Traffic = Table(TableKind.Traffic, () => Traffic),
            Sessions = Table(TableKind.Sessions, () => Sessions),
            Load = used,
        };
        return PillarAnalysis.Analyze(input, options);
    }

    private LedgerLoadResult LedgerRead(DateOnly? from, DateOnly? to)
    {
        if (ledgers.TryGetValue((from, to), out var known))
        {
            return known;
        }

        LedgerLoadResult read;
        if (PathOf(TableKind.Orders) is { } path)
        {
            read = Tables.ReadLedger(path, ReadOptions, from, to, Engine);
            Report(path, read.Report);
            var note = read.PlainReason is null ? null : $"read {path} the plain way: {read.PlainReason}";
            if (note is not null && !notes.Contains(note))
            {
                notes.Add(note);
            }

            namedAccounts ??= read.ExportAccounts;
        }
        else if (Sales is { } sales)
        {
            var report = reports[PathOf(TableKind.Sales)!];
            read = new LedgerLoadResult(OrderLedger.Of([], sales, from, to), report, [], "plain", null);
        }
        else
        {
            throw NoSales();
        }

        ledgers[(from, to)] = read;
        return read;
    }

    private MissingDataException NoSales() => new($"needs orders.csv or sales.csv in {Directory}");

    private string DefaultPath(TableKind table) => Path.Combine(Directory, CanonicalTables.Of(table).FileName);

    private void Report(string path, LoadReport report)
    {
        if (reports.TryAdd(path, report))
        {
            load.Add(report);
        }
    }

    private IReadOnlyList<T> Need<T>(TableKind table, Func<string, ReadOptions, LoadResult<T>> read) =>
        Has(table) ? Get(table, read) : throw new MissingDataException($"needs {CanonicalTables.Of(table).FileName} in {Directory}");

    private IReadOnlyList<T> Get<T>(TableKind table, Func<string, ReadOptions, LoadResult<T>> read)
    {
        if (!rows.TryGetValue(table, out var loaded))
        {
            var path = PathOf(table)!;
            var result = read(path, ReadOptions);
            Report(path, result.Report);
            rows[table] = loaded = result.Rows;
        }

        return (IReadOnlyList<T>)loaded;
    }
}
