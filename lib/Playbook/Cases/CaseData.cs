using Playbook.Data;

namespace Playbook.Cases;

/// <summary>A table a claim needs that the data folder does not have.</summary>
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
/// The tables of a data folder (a bundled case, or an analyst's own exports saved under the
/// canonical file names), each read on first use. orders.csv may be a 抖店 export.
/// </summary>
public sealed class CaseData(string directory, IReadOnlyDictionary<string, string>? files = null)
{
    private readonly Dictionary<string, object> loaded = [];
    private readonly IReadOnlyDictionary<string, string> files = files ?? new Dictionary<string, string>();

    /// <summary>The folder.</summary>
    public string Directory { get; } = directory;

    /// <summary>
    /// A brand's tables wherever they are, by canonical name (orders.csv, accounts.csv …); empty or
    /// null paths are left out. Relative paths are taken from the current directory.
    /// </summary>
    public static CaseData FromFiles(IReadOnlyDictionary<string, string?> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var given = files.Where(f => !string.IsNullOrWhiteSpace(f.Value)).ToDictionary(f => f.Key, f => Path.GetFullPath(f.Value!), StringComparer.Ordinal);
        return new CaseData(Environment.CurrentDirectory, given);
    }

    /// <summary>Load reports of the tables read so far.</summary>
    public List<LoadReport> Load { get; } = [];

    /// <summary>Whether the folder has a file of that name.</summary>
    public bool Has(string file) => files.Count > 0 ? files.ContainsKey(file) : File.Exists(PathOf(file));

    private string PathOf(string file) => files.TryGetValue(file, out var path) ? path : Path.Combine(Directory, file);

    /// <summary>accounts.csv, or none.</summary>
    public IReadOnlyList<Account> Accounts => Has("accounts.csv") ? Get("accounts.csv", Tables.ReadAccounts) : [];

    /// <summary>orders.csv (canonical or a 抖店 export), or null when the folder has none.</summary>
    public IReadOnlyList<Order>? Orders => Has("orders.csv") ? Get("orders.csv", (p, o) => Tables.ReadOrders(p, o)) : null;

    /// <summary>sales.csv, or null.</summary>
    public IReadOnlyList<DailySales>? Sales => Has("sales.csv") ? Get("sales.csv", Tables.ReadSales) : null;

    /// <summary>sessions.csv.</summary>
    public IReadOnlyList<LiveSession> Sessions => Need("sessions.csv", Tables.ReadSessions);

    /// <summary>products.csv.</summary>
    public IReadOnlyList<Product> Products => Need("products.csv", Tables.ReadProducts);

    /// <summary>traffic.csv.</summary>
    public IReadOnlyList<PaidTraffic> Traffic => Need("traffic.csv", Tables.ReadTraffic);

    /// <summary>campaigns.csv.</summary>
    public IReadOnlyList<Campaign> Campaigns => Need("campaigns.csv", Tables.ReadCampaigns);

    /// <summary>leaderboard.csv.</summary>
    public IReadOnlyList<LeaderboardEntry> Leaderboard => Need("leaderboard.csv", Tables.ReadLeaderboard);

    /// <summary>Orders, or else daily sales; a claim about GMV works on either.</summary>
    /// <exception cref="MissingDataException">The folder has neither.</exception>
    public (IReadOnlyList<Order> Orders, IReadOnlyList<DailySales> Sales) SalesData() =>
        Orders is { } orders ? (orders, []) : Sales is { } sales ? ([], sales) : throw new MissingDataException($"needs orders.csv or sales.csv in {Directory}");

    private IReadOnlyList<T> Need<T>(string file, Func<string, ReadOptions, LoadResult<T>> read) =>
        Has(file) ? Get(file, read) : throw new MissingDataException($"needs {file} in {Directory}");

    private IReadOnlyList<T> Get<T>(string file, Func<string, ReadOptions, LoadResult<T>> read)
    {
        if (!loaded.TryGetValue(file, out var rows))
        {
            var result = read(PathOf(file), ReadOptions.Lenient);
            Load.Add(result.Report);
            loaded[file] = rows = result.Rows;
        }

        return (IReadOnlyList<T>)rows;
    }
}
