using Playbook.Canonical;

namespace Playbook.Synthesis;

/// <summary>The tables of one simulated case, written as canonical CSV files.</summary>
public sealed class CaseTables
{
    /// <summary>Seller accounts.</summary>
    public List<Account> Accounts { get; } = [];

    /// <summary>Order rows, when the case has them.</summary>
    public List<Order>? Orders { get; set; }

    /// <summary>Per-seller daily sales, when the case has them instead of orders.</summary>
    public List<DailySales>? Sales { get; set; }

    /// <summary>Live sessions.</summary>
    public List<LiveSession> Sessions { get; } = [];

    /// <summary>Products, when the case has them.</summary>
    public List<Product>? Products { get; set; }

    /// <summary>Campaign windows.</summary>
    public List<Campaign> Campaigns { get; } = [];

    /// <summary>Paid traffic.</summary>
    public List<PaidTraffic> Traffic { get; } = [];

    /// <summary>Peer rankings, when the case has them.</summary>
    public List<LeaderboardEntry>? Leaderboard { get; set; }

    /// <summary>Costs besides COGS, commission and paid traffic (staff, studio, slot fees, samples, overhead).</summary>
    public List<Cost> Costs { get; } = [];

    /// <summary>Writes every table the case has into <paramref name="directory"/>; returns the file names, in a fixed order.</summary>
    public IReadOnlyList<string> Write(string directory)
    {
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        void Save<T>(string name, IEnumerable<T>? rows)
            where T : class, new()
        {
            if (rows is null)
            {
                return;
            }

            CanonicalCsv.Write(Path.Combine(directory, name), rows);
            written.Add(name);
        }

        Save("accounts.csv", Accounts);
        Save("orders.csv", Orders);
        Save("sales.csv", Sales);
        Save("sessions.csv", Sessions);
        Save("products.csv", Products);
        Save("campaigns.csv", Campaigns);
        Save("traffic.csv", Traffic);
        Save("leaderboard.csv", Leaderboard);
        Save("costs.csv", Costs.Count > 0 ? Costs : null);
        return written;
    }
}
