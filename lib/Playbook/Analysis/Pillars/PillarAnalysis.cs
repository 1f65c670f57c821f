using System.Globalization;
using Playbook.Canonical;
using Playbook.Ingest;
using Playbook.Ledger;

namespace Playbook.Analysis;

/// <summary>What a pillar analysis reads. Orders are streamed once; the other tables are small.</summary>
public sealed record AnalysisInput
{
    /// <summary>The framework to attribute by.</summary>
    public required Framework Framework { get; init; }

    /// <summary>Paid orders (canonical, or imported from an export); read only when <see cref="Ledger"/> is null.</summary>
    public IEnumerable<Order> Orders { get; init; } = [];

    /// <summary>
    /// Orders already read into a ledger (Tables.ReadLedger, fast or plain), for files
    /// too big to stream through <see cref="Orders"/>; it must cover the options' period. Null: a new ledger.
    /// </summary>
    public OrderLedger? Ledger { get; init; }

    /// <summary>
    /// Per-seller daily sales, for brands without order rows (罗盘, 蝉妈妈); read only when <see cref="Ledger"/> is null. They count in the
    /// partition, campaigns, traffic and concentration; repurchase and the buyer and product
    /// overlays need order rows.
    /// </summary>
    public IEnumerable<DailySales> Sales { get; init; } = [];

    /// <summary>
    /// Seller accounts, for roles; without them every seller is matrix. Enumerated after the
    /// orders, so that accounts an export names while it is read can follow the accounts table
    /// (the first entry of an id wins).
    /// </summary>
    public IEnumerable<Account> Accounts { get; init; } = [];

    /// <summary>Campaign windows, for FACT's C; null when not given.</summary>
    public IReadOnlyList<Campaign>? Campaigns { get; init; }

    /// <summary>Products, for STEPS' specific supply; null when not given.</summary>
    public IReadOnlyList<Product>? Products { get; init; }

    /// <summary>Paid traffic, for ad ROI; null when not given.</summary>
    public IReadOnlyList<PaidTraffic>? Traffic { get; init; }

    /// <summary>Live sessions, for session metrics; null when not given.</summary>
    public IReadOnlyList<LiveSession>? Sessions { get; init; }

    /// <summary>The load reports of the files read, passed through to the result.</summary>
    public IReadOnlyList<LoadReport> Load { get; init; } = [];
}

/// <summary>The settings of a pillar analysis.</summary>
public sealed record AnalysisOptions
{
    /// <summary>First day of the period (China time, inclusive); null = the first day with an order.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Last day of the period (inclusive); null = the last day with an order.</summary>
    public DateOnly? To { get; init; }

    /// <summary>Followers from which an account without an explicit role is a head creator.</summary>
    public long TopKolFollowers { get; init; } = SellerRoles.DefaultTopKolFollowers;

    /// <summary>How many top sellers the concentration counts.</summary>
    public int TopN { get; init; } = 5;

    /// <summary>Gross margin (0..1) for the break-even ROI and the economics' COGS; null when unknown.</summary>
    public double? GrossMargin { get; init; }

    /// <summary>The platform's fee (技术服务费) as a share of net GMV, for the economics; null: not included.</summary>
    public double? PlatformFeeRate { get; init; }

    /// <summary>The commission rate of a talent whose orders and account give none (<c>--commission-rate</c>).</summary>
    public double? CommissionRate { get; init; }
}

/// <summary>One line of the seller partition: a pillar or the shelf.</summary>
/// <param name="Pillar">F, A, T, S, E or shelf.</param>
/// <param name="Name">English name.</param>
/// <param name="NameZh">Chinese name.</param>
/// <param name="Gmv">Paid amount, CNY.</param>
/// <param name="Refund">Refunded amount, CNY.</param>
/// <param name="NetGmv">Net GMV, CNY.</param>
/// <param name="Orders">Paid order rows.</param>
/// <param name="Share">NetGmv / total net GMV.</param>
public sealed record PartitionLine(string Pillar, string Name, string NameZh, decimal Gmv, decimal Refund, decimal NetGmv, long Orders, double Share);

/// <summary>One overlay pillar: orders selected across the partition, never added to it.</summary>
/// <param name="Pillar">C, T, P or S.</param>
/// <param name="Name">English name.</param>
/// <param name="NameZh">Chinese name.</param>
/// <param name="Available">False when the data it needs is missing; then the figures are null, never 0.</param>
/// <param name="NetGmv">Net GMV of the selected orders, CNY.</param>
/// <param name="Share">NetGmv / total net GMV.</param>
/// <param name="Campaigns">For C: each campaign with its uplift.</param>
/// <param name="Reason">Why it is not available, or what limits it.</param>
public sealed record OverlayLine(string Pillar, string Name, string NameZh, bool Available, decimal? NetGmv, double? Share, IReadOnlyList<CampaignUplift>? Campaigns, string? Reason);

/// <summary>The result of a pillar analysis: the partition, the overlays and the metrics, each with its definition.</summary>
public sealed record PillarReport
{
    /// <summary>The framework used.</summary>
    public required Framework Framework { get; init; }

    /// <summary>First day of the period analysed.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Last day of the period analysed.</summary>
    public DateOnly? To { get; init; }

    /// <summary>The period's headline figures.</summary>
    public required SalesSummary Totals { get; init; }

    /// <summary>The seller partition and the shelf line: their net GMV sums to the total to the cent.</summary>
    public required IReadOnlyList<PartitionLine> Partition { get; init; }

    /// <summary>The overlays, shown apart from the partition.</summary>
    public required IReadOnlyList<OverlayLine> Overlays { get; init; }

    /// <summary>How concentrated sales are among seller accounts.</summary>
    public required SellerConcentration Concentration { get; init; }

    /// <summary>Repurchase rates.</summary>
    public required Repurchase Repurchase { get; init; }

    /// <summary>Campaigns overlapping the period, with uplift; empty without a campaigns table.</summary>
    public required IReadOnlyList<CampaignUplift> Campaigns { get; init; }

    /// <summary>Return on paid traffic; null without a traffic table.</summary>
    public AdReturn? Ads { get; init; }

    /// <summary>Per live session; empty without a sessions table.</summary>
    public required IReadOnlyList<SessionPerformance> Sessions { get; init; }

    /// <summary>The roles given to seller accounts.</summary>
    public required IReadOnlyDictionary<string, SellerRole> Roles { get; init; }

    /// <summary>Nicknames of the accounts, for display (user text: encode before HTML).</summary>
    public required IReadOnlyDictionary<string, string> Nicknames { get; init; }

    /// <summary>Thresholds used.</summary>
    public required AnalysisOptions Options { get; init; }

    /// <summary>What the reader should know: unknown accounts, orders left out, data missing.</summary>
    public required IReadOnlyList<string> Warnings { get; init; }

    /// <summary>The load reports of the files read.</summary>
    public required IReadOnlyList<LoadReport> Load { get; init; }

    /// <summary>What each pillar and seller earns after COGS, commission, fees, traffic and costs; null when not worked out.</summary>
    public PillarEconomics? Economics { get; init; }

    /// <summary>The definition of every figure, by name.</summary>
    public IReadOnlyDictionary<string, string> Definitions { get; } = new Dictionary<string, string>
    {
        ["totals"] = SalesSummary.Definition,
        ["partition"] = "net GMV of paid orders in the period by the seller account's role; orders without a seller account form the shelf line; share = net_gmv / total net_gmv",
        ["roles"] = "explicit role; else brand_owned -> self; else followers >= top_kol_followers -> top_kol; else matrix; accounts missing from the accounts table -> matrix",
        ["overlays"] = "orders selected across the partition, never added to it; share = net_gmv / total net_gmv",
        ["campaigns"] = CampaignUplift.Definition,
        ["concentration"] = SellerConcentration.Definition,
        ["repurchase"] = Repurchase.Definition,
        ["ads"] = AdReturn.Definition,
        ["sessions"] = SessionPerformance.Definition,
        ["economics"] = PillarEconomics.Definition,
    };
}

/// <summary>
/// Attributes a brand's paid orders to the pillars of FACT or STEPS: a partition by seller role
/// that sums to the total, and overlays shown apart (DESIGN.md "Pillar model").
/// </summary>
public static class PillarAnalysis
{
    /// <summary>The shelf line: orders with no seller account (FACT+'s 中心场).</summary>
    public const string ShelfCode = "shelf";

    private const int ListedUnknownAccounts = 10;

    /// <summary>Runs the analysis.</summary>
    public static PillarReport Analyze(AnalysisInput input, AnalysisOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        options ??= new AnalysisOptions();
        var framework = input.Framework;
        var warnings = new List<string>();

        if (input.Ledger is not null && (input.Ledger.PeriodFrom != options.From || input.Ledger.PeriodTo != options.To))
        {
            throw new ArgumentException("the ledger was read for another period than the options give", nameof(input));
        }

        var ledger = input.Ledger ?? OrderLedger.Of(input.Orders, input.Sales, options.From, options.To);

        var otherPlatform = ledger.OrdersByPlatform.Where(p => p.Key != framework.Platform).Sum(p => p.Value);

        var accounts = input.Accounts.ToList();
        var roles = new SellerRoles(accounts, options.TopKolFollowers);
        var total = ledger.Total.NetGmv;
        double ShareOf(decimal net) => total == 0 ? 0 : (double)(net / total);

        // Partition: every seller account's tally goes to exactly one pillar; the shelf takes the rest.
        var partition = new List<PartitionLine>();
        foreach (var pillar in framework.PartitionPillars)
        {
            var tallies = ledger.ByAccount.Where(a => Takes(pillar.Rule, roles[a.Key])).Select(a => a.Value).ToList();
            var gmv = tallies.Sum(t => t.Gmv);
            var refund = tallies.Sum(t => t.Refund);
            partition.Add(new PartitionLine(pillar.Code, pillar.Name, pillar.NameZh, gmv, refund, gmv - refund, tallies.Sum(t => t.Orders), ShareOf(gmv - refund)));
        }

        partition.Add(new PartitionLine(ShelfCode, "Shelf (no seller account)", "中心场 (货架)", ledger.Shelf.Gmv, ledger.Shelf.Refund, ledger.Shelf.NetGmv, ledger.Shelf.Orders, ShareOf(ledger.Shelf.NetGmv)));

        var campaigns = input.Campaigns is null ? [] : CampaignUplift.Of(ledger, input.Campaigns);
        var overlays = framework.OverlayPillars.Select(p => Overlay(p, ledger, input, campaigns, ShareOf)).ToList();

        var summary = SalesSummary.Of(ledger);
        Warn(warnings, framework, ledger, roles, accounts.Count, input, otherPlatform);
        return new PillarReport
        {
            Framework = framework,
            From = ledger.From,
            To = ledger.To,
            Totals = summary,
            Partition = partition,
            Overlays = overlays,
            Concentration = SellerConcentration.Of(ledger.ByAccount.Select(a => KeyValuePair.Create(a.Key, a.Value.NetGmv)), options.TopN),
            Repurchase = Repurchase.Of(ledger),
            Campaigns = campaigns,
            Ads = input.Traffic is null ? null : AdReturn.Of(input.Traffic, ledger.From, ledger.To, options.GrossMargin, summary.RefundRateByAmount),
            Sessions = input.Sessions is null ? [] : SessionPerformance.Of(input.Sessions, ledger),
            Roles = ledger.ByAccount.Keys.ToDictionary(id => id, id => roles[id], StringComparer.Ordinal),
            Nicknames = accounts.Where(a => a.Nickname is not null).GroupBy(a => a.AccountId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Nickname!, StringComparer.Ordinal),
            Options = options,
            Warnings = warnings,
            Load = input.Load,
        };
    }

    /// <summary>The partition pillar of <paramref name="framework"/> that takes a seller of <paramref name="role"/>.</summary>
    public static string PartitionCode(Framework framework, SellerRole role)
    {
        ArgumentNullException.ThrowIfNull(framework);
        return framework.PartitionPillars.First(p => Takes(p.Rule, role)).Code;
    }

    private static bool Takes(PillarRule rule, SellerRole role) => rule switch
    {
        PillarRule.SelfAccounts => role == SellerRole.Self,
        PillarRule.MatrixTalents => role == SellerRole.Matrix,
        PillarRule.TopKols => role == SellerRole.TopKol,
        PillarRule.AllTalents => role is SellerRole.Matrix or SellerRole.TopKol,
        _ => false,
    };

    private static OverlayLine Overlay(Pillar pillar, OrderLedger ledger, AnalysisInput input, IReadOnlyList<CampaignUplift> campaigns, Func<decimal, double> shareOf)
    {
        OverlayLine Available(decimal net, string? reason = null, IReadOnlyList<CampaignUplift>? list = null) =>
            new(pillar.Code, pillar.Name, pillar.NameZh, true, net, shareOf(net), list, reason);
        OverlayLine Missing(string reason) => new(pillar.Code, pillar.Name, pillar.NameZh, false, null, null, null, reason);

        switch (pillar.Rule)
        {
            case PillarRule.CampaignWindows:
                return input.Campaigns is null
                    ? Missing("not available: no campaigns table")
                    : Available(CampaignUplift.UnionNetGmv(ledger, input.Campaigns), campaigns.Count == 0 ? "no campaign window overlaps the period" : null, campaigns);

            case PillarRule.PaidTraffic:
                if (ledger.Total.Orders > 0 && ledger.UnknownTraffic.Orders == ledger.Total.Orders)
                {
                    return Missing("not available: no order carries a traffic_type");
                }

                return Available(
                    ledger.PaidTraffic.NetGmv,
                    ledger.UnknownTraffic.Orders > 0 ? Invariant($"{ledger.UnknownTraffic.Orders} order rows without traffic_type are not counted as paid") : null);

            case PillarRule.RepeatOrFanBuyers:
                if (ledger.BuyerCount == 0 && OnlyDailySales(ledger))
                {
                    return Missing("not available: repeat buyers need order rows with buyer ids; only daily sales were given");
                }

                if (ledger.BuyerCount == 0)
                {
                    return Missing("not available: no order carries a buyer_id, so repeat buyers cannot be told");
                }

                var net = ledger.BuyerFigures()!.RepeatOrFanNetGmv + ledger.FanNetGmvWithoutBuyer;
                return Available(
                    net,
                    ledger.WithoutBuyer.Orders > 0 ? Invariant($"{ledger.WithoutBuyer.Orders} order rows without buyer_id count only when marked as fans") : null);

            case PillarRule.ChannelExclusiveProducts:
                if (OnlyDailySales(ledger))
                {
                    return Missing("not available: exclusive products need order rows with product ids; only daily sales were given");
                }

                if (input.Products is null)
                {
                    return Missing("not available: no products table");
                }

                var exclusive = input.Products.Where(p => p.ChannelExclusive == true).Select(p => p.ProductId).ToHashSet(StringComparer.Ordinal);
                return Available(ledger.ByProduct.Where(p => exclusive.Contains(p.Key)).Sum(p => p.Value.NetGmv));

            default:
                throw new InvalidOperationException($"pillar {pillar.Code} is not an overlay");
        }
    }

    private static bool OnlyDailySales(OrderLedger ledger) => ledger.HasDailySales && ledger.Total.Orders == ledger.Total.OrdersFromDailySales;

    private static void Warn(List<string> warnings, Framework framework, OrderLedger ledger, SellerRoles roles, int accounts, AnalysisInput input, long otherPlatform)
    {
        if (accounts == 0 && ledger.ByAccount.Count > 0)
        {
            warnings.Add("no accounts table: every seller account is counted as matrix");
        }
        else if (roles.UnknownAccounts.Count > 0)
        {
            var listed = string.Join(", ", roles.UnknownAccounts.Take(ListedUnknownAccounts));
            var more = roles.UnknownAccounts.Count > ListedUnknownAccounts ? ", …" : "";
            warnings.Add(Invariant($"{roles.UnknownAccounts.Count} account(s) in the orders are not in the accounts table and are counted as matrix: {listed}{more}"));
        }

        var undescribed = roles.UndescribedAccounts.Where(ledger.ByAccount.ContainsKey).ToList();
        if (undescribed.Count > 0)
        {
            var listed = string.Join(", ", undescribed.Take(ListedUnknownAccounts));
            var more = undescribed.Count > ListedUnknownAccounts ? ", …" : "";
            warnings.Add(Invariant($"{undescribed.Count} account(s) have no role, brand_owned or followers and are counted as matrix (give an accounts table): {listed}{more}"));
        }

        if (ledger.OutsidePeriod > 0)
        {
            warnings.Add(Invariant($"{ledger.OutsidePeriod} paid order rows outside the period {ledger.From:yyyy-MM-dd}..{ledger.To:yyyy-MM-dd} were left out"));
        }

        if (otherPlatform > 0)
        {
            warnings.Add(Invariant($"{otherPlatform} order rows are not on {Vocabulary.Name(framework.Platform)}, the platform of {framework.Code}"));
        }

        if (ledger.Total.Orders == 0)
        {
            warnings.Add("no paid orders in the period");
        }

        warnings.AddRange(LoadReport.LossesOf(input.Load));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
