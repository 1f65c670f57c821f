using Playbook.Analysis;
using Playbook.Canonical;
using Playbook.Files;
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
/// claims and checklists get the same figures, the same warnings and the same accounts. A folder's
/// tables are its canonical files (<c>orders.csv</c> …) and, for a table without one, the exports in
/// it told apart by their headers (.csv, .xlsx; several monthly files of a table are merged). Each
/// table is read on first use; orders go to a ledger by the parallel engine, one per period asked for.
/// </summary>
public sealed class BrandData
{
    private static readonly string[] Extensions = [".csv", ".txt", ".xlsx", ".xlsm", ".xls"];

    private readonly IReadOnlyDictionary<TableKind, IReadOnlyList<string>>? given;
    private readonly Dictionary<TableKind, object> rows = [];
    private readonly Dictionary<(DateOnly?, DateOnly?), LedgerLoadResult> ledgers = [];
    private readonly Dictionary<string, LoadReport> reports = new(StringComparer.Ordinal);
    private readonly List<LoadReport> load = [];
    private readonly List<string> notes = [];
    private readonly Dictionary<string, Account> named = new(StringComparer.Ordinal);
    private Dictionary<TableKind, IReadOnlyList<string>>? found;
    private bool ordersNamed;

    /// <summary>The tables of a folder: canonical files by name, other exports by their headers.</summary>
    public BrandData(string directory)
    {
        Directory = directory;
    }

    private BrandData(string directory, IReadOnlyDictionary<TableKind, IReadOnlyList<string>> files)
    {
        Directory = directory;
        given = files;
    }

    /// <summary>The folder (for tables given file by file, the current directory).</summary>
    public string Directory { get; }

    /// <summary>How every file is read: strict or lenient, the encoding, a password, the sources' settings.</summary>
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
        return FromFiles(files.Where(f => !string.IsNullOrWhiteSpace(f.Value)).ToDictionary(f => f.Key, f => (IReadOnlyList<string>)[f.Value!]), options, engine);
    }

    /// <summary>A brand's tables, each from one or more files (monthly exports are merged).</summary>
    public static BrandData FromFiles(IReadOnlyDictionary<TableKind, IReadOnlyList<string>> files, ReadOptions? options = null, ReaderEngine engine = ReaderEngine.Auto)
    {
        ArgumentNullException.ThrowIfNull(files);
        var nonEmpty = files.Where(f => f.Value.Count > 0).ToDictionary(f => f.Key, f => f.Value);
        return new BrandData(Environment.CurrentDirectory, nonEmpty) { ReadOptions = options ?? ReadOptions.Lenient, Engine = engine };
    }

    /// <summary>
    /// Files and folders of exports, each file told apart by its header and put to its table;
    /// files no layout fits are left out, and <see cref="Notes"/> says why.
    /// </summary>
    public static BrandData FromExports(IEnumerable<string> paths, ReadOptions? options = null, ReaderEngine engine = ReaderEngine.Auto)
    {
        ArgumentNullException.ThrowIfNull(paths);
        options ??= ReadOptions.Lenient;
        var skipped = new List<string>();
        var files = Identify(paths.SelectMany(p => System.IO.Directory.Exists(p) ? FilesIn(p) : [p]), options, skipped);
        var data = new BrandData(Environment.CurrentDirectory, files) { ReadOptions = options, Engine = engine };
        data.notes.AddRange(skipped);
        return data;
    }

    /// <summary>Load reports of the files read so far, one per file, in the order they were first read.</summary>
    public IReadOnlyList<LoadReport> Load => load;

    /// <summary>What the files read so far lost (rejected rows, figures set unknown), a line a file.</summary>
    public IReadOnlyList<string> Losses => LoadReport.LossesOf(load);

    /// <summary>Raised once for each file when it has been read, with its load report.</summary>
    public event Action<LoadReport>? FileRead;

    /// <summary>What the reading did that a user may want to know: files left out and why, a file read by the plain engine and why.</summary>
    public IReadOnlyList<string> Notes
    {
        get
        {
            _ = Files;
            return notes;
        }
    }

    /// <summary>The files each table is read from.</summary>
    public IReadOnlyDictionary<TableKind, IReadOnlyList<string>> Files => given ?? (found ??= Resolve());

    /// <summary>Whether the data has the table.</summary>
    public bool Has(TableKind table) => Files.ContainsKey(table);

    /// <summary>
    /// The seller accounts: the accounts table's, then those the other tables name (a 抖店 export's
    /// 达人ID and 达人昵称, a 罗盘 list's 主播抖音号 …) that the table lacks; the table wins for an id in both.
    /// </summary>
    public IReadOnlyList<Account> Accounts
    {
        get
        {
            IReadOnlyList<Account> table = Has(TableKind.Accounts) ? Get<Account>(TableKind.Accounts) : [];
            return [.. table.Concat(NamedAccounts())];
        }
    }

    /// <summary>The order rows (canonical or an export), or null when the data has none. For row-level figures; ledgers come from <see cref="Ledger"/>.</summary>
    public IReadOnlyList<Order>? Orders => Has(TableKind.Orders) ? Get<Order>(TableKind.Orders) : null;

    /// <summary>Per-seller daily sales, or null.</summary>
    public IReadOnlyList<DailySales>? Sales => Has(TableKind.Sales) ? Get<DailySales>(TableKind.Sales) : null;

    /// <summary>Live sessions.</summary>
    /// <exception cref="MissingDataException">The data has none.</exception>
    public IReadOnlyList<LiveSession> Sessions => Need<LiveSession>(TableKind.Sessions);

    /// <summary>Products.</summary>
    /// <exception cref="MissingDataException">The data has none.</exception>
    public IReadOnlyList<Product> Products => Need<Product>(TableKind.Products);

    /// <summary>Paid traffic.</summary>
    /// <exception cref="MissingDataException">The data has none.</exception>
    public IReadOnlyList<PaidTraffic> Traffic => Need<PaidTraffic>(TableKind.Traffic);

    /// <summary>Campaign windows.</summary>
    /// <exception cref="MissingDataException">The data has none.</exception>
    public IReadOnlyList<Campaign> Campaigns => Need<Campaign>(TableKind.Campaigns);

    /// <summary>Peer rankings.</summary>
    /// <exception cref="MissingDataException">The data has none.</exception>
    public IReadOnlyList<LeaderboardEntry> Leaderboard => Need<LeaderboardEntry>(TableKind.Leaderboard);

    /// <summary>What the brand pays besides COGS, commission and paid traffic, or null.</summary>
    public IReadOnlyList<Cost>? Costs => Has(TableKind.Costs) ? Get<Cost>(TableKind.Costs) : null;

    /// <summary>Orders' talent commissions (达人佣金), or null.</summary>
    public IReadOnlyList<CommissionRow>? Commissions => Has(TableKind.Commissions) ? Get<CommissionRow>(TableKind.Commissions) : null;

    /// <summary>Orders, or else daily sales, as rows; a claim about GMV works on either.</summary>
    /// <exception cref="MissingDataException">The data has neither.</exception>
    public (IReadOnlyList<Order> Orders, IReadOnlyList<DailySales> Sales) SalesData() =>
        Orders is { } orders ? (orders, []) : Sales is { } sales ? ([], sales) : throw NoSales();

    /// <summary>
    /// The ledger of a period (the whole data when not given): orders read by the parallel engine
    /// (or the plain one, when the files need it: <see cref="Notes"/> says why), else daily sales.
    /// </summary>
    /// <exception cref="MissingDataException">The data has neither orders nor daily sales.</exception>
    public OrderLedger Ledger(DateOnly? from = null, DateOnly? to = null) => LedgerRead(from, to).Ledger;

    /// <summary>Every buyer's purchases in a period, for cohorts.</summary>
    /// <exception cref="MissingDataException">The data has no order rows.</exception>
    public BuyerHistories BuyerHistories(DateOnly? from = null, DateOnly? to = null)
    {
        if (!Files.TryGetValue(TableKind.Orders, out var paths))
        {
            throw new MissingDataException($"buyer histories need order rows with buyer ids: orders.csv in {Directory}");
        }

        return paths.Count == 1
            ? Tables.ReadBuyerHistories(paths[0], ReadOptions, from, to, Engine)
            : Playbook.Ledger.BuyerHistories.Of(Orders!, from, to);
    }

    /// <summary>
    /// The pillar analysis of a period through <paramref name="framework"/>: the ledger, then every
    /// other table the data has. Its load list names the files in that order.
    /// </summary>
    /// <exception cref="MissingDataException">The data has neither orders nor daily sales.</exception>
    public PillarReport Analyze(Framework framework, AnalysisOptions? options = null)
    {
        options ??= new AnalysisOptions();
        var read = LedgerRead(options.From, options.To);
        List<LoadReport> used = [.. read.Reports];
        IReadOnlyList<T>? Table<T>(TableKind table)
            where T : class, new()
        {
            if (!Has(table))
            {
                return null;
            }

            var value = Get<T>(table);
            used.AddRange(Files[table].Select(f => reports[f]));
            return value;
        }

        var accounts = Table<Account>(TableKind.Accounts) ?? [];
        var input = new AnalysisInput
        {
            Framework = framework,
            Ledger = read.Ledger,
            Campaigns = Table<Campaign>(TableKind.Campaigns),
            Products = Table<Product>(TableKind.Products),
            Traffic = Table<PaidTraffic>(TableKind.Traffic),
            Sessions = Table<LiveSession>(TableKind.Sessions),
            Load = used,
        };
        var costs = Table<Cost>(TableKind.Costs);
        var commissions = Table<CommissionRow>(TableKind.Commissions);
        var all = accounts.Concat(NamedAccounts()).ToList();
        var report = PillarAnalysis.Analyze(input with { Accounts = all }, options);
        return report with { Economics = Economics(framework, options, report, input, all, costs, commissions) };
    }

    /// <summary>
    /// The economics of a report's period: the order rows (or daily sales) again, with commission,
    /// products' unit costs, traffic, sessions and costs. Without a gross margin or unit costs it is
    /// not available, and the orders are not read again to say so.
    /// </summary>
    private PillarEconomics Economics(Framework framework, AnalysisOptions options, PillarReport report, AnalysisInput input, IReadOnlyList<Account> accounts, IReadOnlyList<Cost>? costs, IReadOnlyList<CommissionRow>? commissions)
    {
        if (options.GrossMargin is null && !(input.Products ?? []).Any(p => p.UnitCost is not null))
        {
            return new PillarEconomics(false, "not available: needs the gross margin (--gross-margin), or a unit_cost for every product sold", null, options.PlatformFeeRate, [], null, null, [], [], new Dictionary<string, long>(), []);
        }

        if (report.From is not { } from || report.To is not { } to)
        {
            return new PillarEconomics(false, "not available: no sales in the period", options.GrossMargin, options.PlatformFeeRate, [], null, null, [], [], new Dictionary<string, long>(), []);
        }

        // The order rows are read again only when a row says more than its seller's totals in the ledger
        // (which both engines give with the commission): a product's unit cost, a 达人佣金 row to join.
        var perRow = Has(TableKind.Orders) && ((input.Products ?? []).Any(p => p.UnitCost is not null) || commissions is not null);
        var orders = perRow ? OrderRows() : null;
        return PillarEconomics.Of(new EconomicsInput
        {
            Framework = framework,
            Roles = new SellerRoles(accounts, options.TopKolFollowers),
            From = from,
            To = to,
            Orders = orders,
            Ledger = Has(TableKind.Orders) && !perRow ? input.Ledger : null,
            Sales = Has(TableKind.Orders) ? null : Sales,
            Commissions = commissions,
            Accounts = accounts,
            Products = input.Products,
            Traffic = input.Traffic,
            Sessions = input.Sessions,
            Costs = costs,
            GrossMargin = options.GrossMargin,
            PlatformFeeRate = options.PlatformFeeRate,
            DefaultCommissionRate = options.CommissionRate,
        });
    }

    private static IEnumerable<string> FilesIn(string folder) =>
        System.IO.Directory.GetFiles(folder)
            .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);

    private static Dictionary<TableKind, IReadOnlyList<string>> Identify(IEnumerable<string> files, ReadOptions options, List<string> skipped)
    {
        var tables = new Dictionary<TableKind, List<string>>();
        foreach (var file in files)
        {
            try
            {
                var layout = Tables.Identify(file, options);
                if (!tables.TryGetValue(layout.Kind, out var list))
                {
                    tables[layout.Kind] = list = [];
                }

                list.Add(file);
            }
            catch (InputException e)
            {
                skipped.Add($"left out: {e.Message}");
            }
        }

        return tables.ToDictionary(t => t.Key, t => (IReadOnlyList<string>)t.Value);
    }

    /// <summary>A folder's tables: canonical names first; the other files by their headers, for tables without one.</summary>
    private Dictionary<TableKind, IReadOnlyList<string>> Resolve()
    {
        var files = new Dictionary<TableKind, IReadOnlyList<string>>();
        var canonical = CanonicalTables.All.Select(t => t.FileName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var table in CanonicalTables.All)
        {
            var path = Path.Combine(Directory, table.FileName);
            if (File.Exists(path))
            {
                files[table.Kind] = [path];
            }
        }

        if (!System.IO.Directory.Exists(Directory))
        {
            return files;
        }

        var others = FilesIn(Directory).Where(f => !canonical.Contains(Path.GetFileName(f))).ToList();
        if (others.Count == 0 || files.Count == CanonicalTables.All.Count)
        {
            return files;
        }

        // Exports in the folder fill the tables it has no canonical file for.
        var skipped = new List<string>();
        foreach (var (kind, paths) in Identify(others, ReadOptions, skipped))
        {
            files.TryAdd(kind, paths);
        }

        notes.AddRange(skipped);
        return files;
    }

    private Dictionary<string, Account>.ValueCollection NamedAccounts()
    {
        if (!ordersNamed && Has(TableKind.Orders))
        {
            Ledger();
        }

        if (Has(TableKind.Sessions))
        {
            _ = Sessions;
        }

        return named.Values;
    }

    private LedgerLoadResult LedgerRead(DateOnly? from, DateOnly? to)
    {
        if (ledgers.TryGetValue((from, to), out var known))
        {
            return known;
        }

        LedgerLoadResult read;
        if (Files.TryGetValue(TableKind.Orders, out var paths))
        {
            read = Tables.ReadLedger(paths, ReadOptions, from, to, Engine);
            foreach (var (path, report) in paths.Zip(read.Reports))
            {
                Report(path, report);
            }

            var note = read.PlainReason is null ? null : $"read {string.Join(", ", paths)} the plain way: {read.PlainReason}";
            if (note is not null && !notes.Contains(note))
            {
                notes.Add(note);
            }

            if (!ordersNamed)
            {
                Name(read.ExportAccounts);
                ordersNamed = true;
            }
        }
        else if (Sales is { } sales)
        {
            read = new LedgerLoadResult(OrderLedger.Of([], sales, from, to), reports[Files[TableKind.Sales][0]], [], "plain", null)
            {
                Reports = [.. Files[TableKind.Sales].Select(f => reports[f])],
            };
        }
        else if (Commissions is { } commissions)
        {
            // A 达人佣金 download on its own: its rows are the talents' orders.
            read = new LedgerLoadResult(OrderLedger.Of(commissions.Select(c => c.ToOrder()).OfType<Order>(), from, to), reports[Files[TableKind.Commissions][0]], [], "plain", null)
            {
                Reports = [.. Files[TableKind.Commissions].Select(f => reports[f])],
            };
        }
        else
        {
            throw NoSales();
        }

        ledgers[(from, to)] = read;
        return read;
    }

    private void Name(IEnumerable<Account> accounts)
    {
        foreach (var account in accounts)
        {
            named.TryAdd(account.AccountId, account);
        }
    }

    private MissingDataException NoSales() => new($"needs orders.csv or sales.csv in {Directory}");

    private void Report(string path, LoadReport report)
    {
        if (reports.TryAdd(path, report))
        {
            load.Add(report);
            FileRead?.Invoke(report);
        }
    }

    /// <summary>
    /// The order rows one at a time: the loaded list when another analysis holds it already (or several
    /// files are merged), else one file streamed again, so the economics of ten million rows need no
    /// more memory than their ledger. The file was counted when the ledger read it: not again.
    /// </summary>
    private IEnumerable<Order> OrderRows()
    {
        if (rows.ContainsKey(TableKind.Orders) || Files[TableKind.Orders].Count != 1)
        {
            return Orders!;
        }

        return Stream(Files[TableKind.Orders][0], ReadOptions);

        static IEnumerable<Order> Stream(string path, ReadOptions options)
        {
            using var table = Tables.OpenOrders(path, options);
            foreach (var order in table)
            {
                yield return order;
            }
        }
    }

    private IReadOnlyList<T> Need<T>(TableKind table)
        where T : class, new() =>
        Has(table) ? Get<T>(table) : throw new MissingDataException($"needs {CanonicalTables.Of(table).FileName} in {Directory}");

    private IReadOnlyList<T> Get<T>(TableKind table)
        where T : class, new()
    {
        if (!rows.TryGetValue(table, out var loaded))
        {
            var paths = Files[table];
            var result = Tables.ReadMerged<T>(paths, ReadOptions);
            foreach (var (path, report) in paths.Zip(result.Reports))
            {
                Report(path, report);
            }

            Name(result.NamedAccounts);
            rows[table] = loaded = result.Rows;
        }

        return (IReadOnlyList<T>)loaded;
    }
}
