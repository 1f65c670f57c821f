namespace Playbook.Analysis;

/// <summary>A point of the Lorenz curve: the smallest <see cref="SellerShare"/> of sellers make <see cref="GmvShare"/> of net GMV.</summary>
/// <param name="SellerShare">Cumulative share of sellers, smallest first (0..1).</param>
/// <param name="GmvShare">Cumulative share of net GMV (0..1).</param>
public sealed record LorenzPoint(double SellerShare, double GmvShare);

/// <summary>One seller's net GMV and share.</summary>
/// <param name="AccountId">The seller account.</param>
/// <param name="NetGmv">Net GMV, CNY.</param>
/// <param name="Share">Share of the sellers' net GMV.</param>
public sealed record SellerShare(string AccountId, decimal NetGmv, double Share);

/// <summary>
/// How concentrated sales are among seller accounts (shelf orders, with no seller, are left out):
/// the top sellers' share, the Herfindahl-Hirschman index and the Gini coefficient of net GMV.
/// </summary>
/// <param name="Sellers">Seller accounts with orders in the period.</param>
/// <param name="TopN">How many top sellers <see cref="TopNShare"/> counts.</param>
/// <param name="TopNShare">Share of net GMV of the <see cref="TopN"/> largest sellers.</param>
/// <param name="Hhi">HHI: the sum of squared shares in percent, 0..10,000 (10,000 = one seller).</param>
/// <param name="Gini">Gini coefficient of seller net GMV, 0 (all equal) .. 1 − 1/n (one seller has all).</param>
/// <param name="Lorenz">The Lorenz curve, from (0, 0) to (1, 1), at most 101 points.</param>
/// <param name="TopSellers">The <see cref="TopN"/> largest sellers.</param>
public sealed record SellerConcentration(int Sellers, int TopN, double TopNShare, double Hhi, double Gini, IReadOnlyList<LorenzPoint> Lorenz, IReadOnlyList<SellerShare> TopSellers)
{
    /// <summary>How the figures are defined.</summary>
    public const string Definition =
        "over seller accounts' net GMV (shelf orders excluded); top_n_share = net GMV of the N largest sellers / all sellers' net GMV; " +
        "hhi = sum of (share x 100)^2; gini = 2 * sum(i * x_i) / (n * sum(x)) - (n + 1) / n with x ascending";

    /// <summary>The concentration of <paramref name="sellers"/>' net GMV.</summary>
    public static SellerConcentration Of(IEnumerable<KeyValuePair<string, decimal>> sellers, int topN = 5)
    {
        ArgumentNullException.ThrowIfNull(sellers);
        ArgumentOutOfRangeException.ThrowIfLessThan(topN, 1);
        var ranked = sellers.OrderByDescending(s => s.Value).ThenBy(s => s.Key, StringComparer.Ordinal).ToList();
        var total = ranked.Sum(s => s.Value);
        if (ranked.Count == 0 || total <= 0)
        {
            return new SellerConcentration(ranked.Count, topN, 0, 0, 0, [new(0, 0), new(1, 1)], []);
        }

        double Share(decimal net) => (double)(net / total);
        var hhi = ranked.Sum(s => Math.Pow(Share(s.Value) * 100, 2));

        var ascending = ranked.Select(s => s.Value).Reverse().ToList();
        var n = ascending.Count;
        decimal weighted = 0;
        for (var i = 0; i < n; i++)
        {
            weighted += (i + 1) * ascending[i];
        }

        var gini = (double)(2 * weighted / (n * total)) - ((double)(n + 1) / n);

        var lorenz = new List<LorenzPoint> { new(0, 0) };
        decimal cumulative = 0;
        var step = Math.Max(1, n / 100);
        for (var i = 0; i < n; i++)
        {
            cumulative += ascending[i];
            if ((i + 1) % step == 0 || i == n - 1)
            {
                lorenz.Add(new LorenzPoint((double)(i + 1) / n, Share(cumulative)));
            }
        }

        var top = ranked.Take(topN).Select(s => new SellerShare(s.Key, s.Value, Share(s.Value))).ToList();
        return new SellerConcentration(n, topN, Share(ranked.Take(topN).Sum(s => s.Value)), hhi, Math.Max(0, gini), lorenz, top);
    }
}
