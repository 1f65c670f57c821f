using System.Globalization;
using Playbook.Canonical;

namespace Playbook.Analysis;

/// <summary>What the economics of a period are read from, besides the sales themselves.</summary>
public sealed record EconomicsInput
{
    /// <summary>The framework whose partition the sellers' lines go to.</summary>
    public required Framework Framework { get; init; }

    /// <summary>The sellers' roles.</summary>
    public required SellerRoles Roles { get; init; }

    /// <summary>First and last day of the period (inclusive); costs count their days inside it.</summary>
    public required DateOnly From { get; init; }

    /// <summary>Last day of the period.</summary>
    public required DateOnly To { get; init; }

    /// <summary>Order rows of the period (null when the sales are daily totals).</summary>
    public IEnumerable<Order>? Orders { get; init; }

    /// <summary>
    /// The orders of the period reduced to each seller's totals and commission (null when <see cref="Orders"/>
    /// are given): enough when no product has a unit cost and no 达人佣金 row is to be joined.
    /// </summary>
    public Ledger.OrderLedger? Ledger { get; init; }

    /// <summary>Per-seller daily sales of the period, when there are no order rows.</summary>
    public IEnumerable<DailySales>? Sales { get; init; }

    /// <summary>Orders' talent commissions (达人佣金), joined to the orders by order id.</summary>
    public IReadOnlyList<CommissionRow>? Commissions { get; init; }

    /// <summary>Accounts, for their commission rates and nicknames.</summary>
    public IReadOnlyList<Account> Accounts { get; init; } = [];

    /// <summary>Products, for their unit costs.</summary>
    public IReadOnlyList<Product>? Products { get; init; }

    /// <summary>Paid traffic, charged to the account it was bought for.</summary>
    public IReadOnlyList<PaidTraffic>? Traffic { get; init; }

    /// <summary>Sessions, whose platform commission (罗盘 预估佣金支出) stands for a seller whose orders carry none.</summary>
    public IReadOnlyList<LiveSession>? Sessions { get; init; }

    /// <summary>Costs besides COGS, commission and paid traffic.</summary>
    public IReadOnlyList<Cost>? Costs { get; init; }

    /// <summary>Gross margin, 0..1: COGS = net GMV × (1 − margin) where a product has no unit cost.</summary>
    public double? GrossMargin { get; init; }

    /// <summary>The platform's fee (技术服务费) as a share of net GMV; null: not included.</summary>
    public double? PlatformFeeRate { get; init; }

    /// <summary>The commission rate of a talent whose orders carry none and whose account gives none (<c>--commission-rate</c>).</summary>
    public double? DefaultCommissionRate { get; init; }
}

/// <summary>One line of the pillar P&amp;L: a partition pillar or the shelf.</summary>
/// <param name="Pillar">Its code (F, A, T; S, E) or <c>shelf</c>.</param>
/// <param name="NetGmv">Net GMV, CNY.</param>
/// <param name="Cogs">Cost of the goods sold net of refunds, CNY.</param>
/// <param name="Commission">Commission paid to its sellers, CNY.</param>
/// <param name="PlatformFees">Platform fees on its net GMV, CNY; null when no rate was given (then not included).</param>
/// <param name="PaidTraffic">Paid traffic bought for its sellers, CNY.</param>
/// <param name="SlotFees">Slot fees (坑位费) of its sellers, CNY.</param>
/// <param name="OtherCosts">Its sellers' other costs (staff, studio, samples …), CNY.</param>
/// <param name="Contribution">Net GMV less all of the above, CNY.</param>
/// <param name="Margin">Contribution / net GMV; null without net GMV.</param>
public sealed record EconomicsLine(string Pillar, decimal NetGmv, decimal Cogs, decimal Commission, decimal? PlatformFees, decimal PaidTraffic, decimal SlotFees, decimal OtherCosts, decimal Contribution, double? Margin);

/// <summary>One seller's economics.</summary>
/// <param name="AccountId">The account.</param>
/// <param name="Nickname">Its nickname, when known.</param>
/// <param name="Pillar">The partition pillar it sells in.</param>
/// <param name="NetGmv">Net GMV, CNY.</param>
/// <param name="Cogs">COGS, CNY.</param>
/// <param name="Commission">Commission, CNY.</param>
/// <param name="CommissionSource">Where the commission came from: orders, settled / estimated (达人佣金), sessions, default, none (own account).</param>
/// <param name="PlatformFees">Platform fees, CNY; null when not included.</param>
/// <param name="SlotFees">Slot fees, CNY.</param>
/// <param name="PaidTraffic">Paid traffic, CNY.</param>
/// <param name="OtherCosts">Other costs, CNY.</param>
/// <param name="Contribution">What the seller leaves the brand, CNY.</param>
/// <param name="CommissionRate">Commission / net GMV; null without net GMV.</param>
/// <param name="BreakEvenCommissionRate">保本佣金率: the commission rate at which the contribution is 0; null without net GMV.</param>
/// <param name="Roi">(net GMV − COGS − platform fees) / (commission + slot fees + paid traffic + other costs): gross profit per yuan paid to sell through the seller; null when nothing was paid.</param>
public sealed record SellerEconomics(
    string AccountId,
    string? Nickname,
    string Pillar,
    decimal NetGmv,
    decimal Cogs,
    decimal Commission,
    string CommissionSource,
    decimal? PlatformFees,
    decimal SlotFees,
    decimal PaidTraffic,
    decimal OtherCosts,
    decimal Contribution,
    double? CommissionRate,
    double? BreakEvenCommissionRate,
    double? Roi);

/// <summary>A seller whose orders carried no commission figure, charged at a default rate.</summary>
/// <param name="AccountId">The seller.</param>
/// <param name="Rate">The rate used.</param>
/// <param name="Source">Where it came from: <c>accounts</c> (the accounts table's commission_rate) or <c>--commission-rate</c>.</param>
/// <param name="Orders">Orders charged at it.</param>
/// <param name="NetGmv">Their net GMV, CNY.</param>
public sealed record DefaultCommission(string AccountId, double Rate, string Source, long Orders, decimal NetGmv);

/// <summary>
/// What each pillar and each seller earns the brand after COGS, commission, platform fees, paid
/// traffic and costs (a pillar P&amp;L): contribution = net GMV − COGS − commission − platform fees −
/// paid traffic − slot fees − its other costs. Costs without an account (and traffic bought for none)
/// are the brand's overhead, shown apart and never spread over the pillars. Not available, with the
/// reason, when an input it needs is missing: never zeros.
/// </summary>
/// <param name="Available">Whether the figures could be worked out.</param>
/// <param name="Reason">Why not; null when available.</param>
/// <param name="GrossMargin">The gross margin used.</param>
/// <param name="PlatformFeeRate">The platform fee rate used; null: platform fees not included.</param>
/// <param name="Lines">Each partition pillar and the shelf.</param>
/// <param name="Overhead">Costs without an account and traffic bought for none, CNY.</param>
/// <param name="Contribution">The lines' contribution less the overhead, CNY.</param>
/// <param name="Sellers">Every seller, by contribution (highest first).</param>
/// <param name="DefaultsUsed">The sellers charged at a default commission rate.</param>
/// <param name="CommissionSources">How many orders' commission came from each source.</param>
/// <param name="Notes">What the figures leave out or assume (platform fees not given, commission rows that match no order …).</param>
public sealed record PillarEconomics(
    bool Available,
    string? Reason,
    double? GrossMargin,
    double? PlatformFeeRate,
    IReadOnlyList<EconomicsLine> Lines,
    decimal? Overhead,
    decimal? Contribution,
    IReadOnlyList<SellerEconomics> Sellers,
    IReadOnlyList<DefaultCommission> DefaultsUsed,
    IReadOnlyDictionary<string, long> CommissionSources,
    IReadOnlyList<string> Notes)
{
    /// <summary>How the figures are defined.</summary>
    public const string Definition =
        "contribution = net GMV - COGS - commission - platform fees - paid traffic - slot fees - the seller's other costs; " +
        "COGS = unit_cost x units not refunded where a product has one, else net GMV x (1 - gross margin); " +
        "commission = the order's own figure in proportion to what was not refunded, else the 达人佣金 row's (settled once 订单结算, none once refunded, else estimated), " +
        "else the sessions' 预估佣金支出, else the account's commission_rate or --commission-rate x net GMV; own accounts and the shelf pay none; " +
        "costs are prorated by their days inside the period; costs and traffic without an account are overhead, not spread over the pillars; " +
        "break-even commission rate = (net GMV - COGS - platform fees - paid traffic - slot fees - other costs) / net GMV; " +
        "roi = (net GMV - COGS - platform fees) / (commission + slot fees + paid traffic + other costs)";

    /// <summary>The economics of the period.</summary>
    public static PillarEconomics Of(EconomicsInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var notes = new List<string>();
        var sellers = new Dictionary<string, Tally>(StringComparer.Ordinal);
        Tally Seller(string account) => sellers.TryGetValue(account, out var t) ? t : sellers[account] = new Tally();
        var unitCosts = (input.Products ?? []).Where(p => p.UnitCost is not null).ToDictionary(p => p.ProductId, p => p.UnitCost!.Value, StringComparer.Ordinal);
        var joined = (input.Commissions ?? []).ToDictionary(c => c.OrderId, StringComparer.Ordinal);
        var sources = new SortedDictionary<string, long>(StringComparer.Ordinal);
        void Source(string name) => sources[name] = sources.GetValueOrDefault(name) + 1;
        bool InPeriod(DateOnly day) => day >= input.From && day <= input.To;

        var orders = input.Orders;
        if (orders is null && input.Sales is null && input.Commissions is not null)
        {
            // A 达人佣金 download on its own: its rows are the talents' orders.
            orders = input.Commissions.Select(c => c.ToOrder()).OfType<Order>();
            notes.Add("the sales are the 达人佣金 rows: only the talents' orders");
        }

        var matched = new HashSet<string>(StringComparer.Ordinal);
        foreach (var o in orders ?? [])
        {
            if (!InPeriod(DateOnly.FromDateTime(o.PaidAt)))
            {
                continue;
            }

            var t = Seller(o.AccountId ?? "");
            var net = o.Gmv - o.Refund;
            var kept = o.Gmv == 0 ? 0m : net / o.Gmv;
            t.NetGmv += net;
            t.Orders++;
            if (o.Commission is { } own)
            {
                t.Commission += Share(own, net, o.Gmv);
                t.WithCommission++;
                Source("orders");
            }
            else if (joined.TryGetValue(o.OrderId, out var row))
            {
                matched.Add(o.OrderId);
                var (amount, basis) = Joined(row, net, o.Gmv);
                if (amount is null)
                {
                    t.NetWithoutCommission += net;
                    t.OrdersWithoutCommission++;
                }
                else
                {
                    t.Commission += amount.Value;
                    t.WithCommission++;
                    Source(basis);
                }
            }
            else
            {
                t.NetWithoutCommission += net;
                t.OrdersWithoutCommission++;
            }

            if (unitCosts.TryGetValue(o.ProductId, out var unitCost))
            {
                t.UnitCogs += decimal.Round(unitCost * o.Quantity * kept, 2, MidpointRounding.AwayFromZero);
            }
            else
            {
                t.NetWithoutUnitCost += net;
            }
        }

        if (orders is not null && input.Orders is not null && joined.Count > matched.Count)
        {
            var unmatched = joined.Values.Where(c => !matched.Contains(c.OrderId) && c.PaidAt is { } paid && InPeriod(DateOnly.FromDateTime(paid))).ToList();
            if (unmatched.Count > 0)
            {
                notes.Add(string.Create(CultureInfo.InvariantCulture, $"{unmatched.Count} 达人佣金 rows of the period name orders the order files do not have (¥{unmatched.Sum(c => c.Gmv ?? 0):N2} paid): their commission is not counted"));
            }
        }

        if (input.Ledger is { } ledger)
        {
            // The ledger holds the period's orders only; its commission as the rows gave it.
            foreach (var (account, tally) in ledger.ByAccount.Append(new(string.Empty, ledger.Shelf)))
            {
                if (tally.Orders == 0)
                {
                    continue;
                }

                var t = Seller(account);
                t.NetGmv += tally.NetGmv;
                t.Orders += tally.Orders;
                t.NetWithoutUnitCost += tally.NetGmv;
                var c = ledger.CommissionByAccount.GetValueOrDefault(account);
                t.Commission += c?.Commission ?? 0;
                t.WithCommission += c?.OrdersWith ?? 0;
                t.NetWithoutCommission += c?.NetGmvWithout ?? tally.NetGmv;
                t.OrdersWithoutCommission += c?.OrdersWithout ?? tally.Orders;
                if (c is { OrdersWith: > 0 })
                {
                    sources["orders"] = sources.GetValueOrDefault("orders") + c.OrdersWith;
                }
            }
        }

        foreach (var s in input.Sales ?? [])
        {
            if (!InPeriod(s.Date))
            {
                continue;
            }

            var t = Seller(s.AccountId ?? "");
            var net = s.Gmv - s.Refund;
            t.NetGmv += net;
            t.Orders += s.Orders;
            t.NetWithoutUnitCost += net;
            if (s.Commission is { } commission)
            {
                t.Commission += commission;
                t.WithCommission += s.Orders;
                sources["sales"] = sources.GetValueOrDefault("sales") + s.Orders;
            }
            else
            {
                t.NetWithoutCommission += net;
                t.OrdersWithoutCommission += s.Orders;
            }
        }

        foreach (var traffic in input.Traffic ?? [])
        {
            if (InPeriod(traffic.Date) && traffic.AccountId is { } account)
            {
                Seller(account).PaidTraffic += traffic.Spend;
            }
        }

        decimal overhead = (input.Traffic ?? []).Where(t => InPeriod(t.Date) && t.AccountId is null).Sum(t => t.Spend);
        foreach (var cost in input.Costs ?? [])
        {
            var share = Prorated(cost, input.From, input.To);
            if (share == 0)
            {
                continue;
            }

            if (cost.AccountId is not { } account)
            {
                overhead += share;
            }
            else if (cost.Kind == CostKind.SlotFee)
            {
                Seller(account).SlotFees += share;
            }
            else
            {
                Seller(account).OtherCosts += share;
            }
        }

        // Commission the orders do not carry: the sessions' platform estimate, else a default rate; none for own accounts and the shelf.
        var rates = input.Accounts.Where(a => a.CommissionRate is not null).GroupBy(a => a.AccountId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (double)g.First().CommissionRate!.Value, StringComparer.Ordinal);
        var sessionCommission = (input.Sessions ?? []).Where(s => s.Commission is not null && InPeriod(DateOnly.FromDateTime(s.StartedAt)))
            .GroupBy(s => s.AccountId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(s => s.Commission!.Value), StringComparer.Ordinal);
        var defaults = new List<DefaultCommission>();
        var unknown = new List<(string Account, long Orders, decimal Net)>();
        foreach (var (account, t) in sellers)
        {
            var talent = account.Length > 0 && input.Roles[account] != SellerRole.Self;
            t.Source = !talent ? "none" : t.WithCommission > 0 ? "orders" : "default";
            if (!talent || t.NetWithoutCommission == 0 && t.OrdersWithoutCommission == 0)
            {
                continue;
            }

            if (t.WithCommission == 0 && sessionCommission.TryGetValue(account, out var fromSessions))
            {
                t.Commission += fromSessions;
                t.Source = "sessions";
                sources["sessions"] = sources.GetValueOrDefault("sessions") + t.OrdersWithoutCommission;
                continue;
            }

            var (rate, from) = rates.TryGetValue(account, out var own) ? (own, "accounts") : input.DefaultCommissionRate is { } given ? (given, "--commission-rate") : (-1.0, "");
            if (rate < 0)
            {
                unknown.Add((account, t.OrdersWithoutCommission, t.NetWithoutCommission));
                continue;
            }

            t.Commission += decimal.Round(t.NetWithoutCommission * (decimal)rate, 2, MidpointRounding.AwayFromZero);
            if (t.WithCommission == 0)
            {
                t.Source = "default";
            }

            sources["default"] = sources.GetValueOrDefault("default") + t.OrdersWithoutCommission;
            defaults.Add(new DefaultCommission(account, rate, from, t.OrdersWithoutCommission, t.NetWithoutCommission));
        }

        var needsMargin = sellers.Values.Any(t => t.NetWithoutUnitCost != 0);
        string? reason = null;
        if (sellers.Count == 0)
        {
            reason = "not available: no sales in the period";
        }
        else if (needsMargin && input.GrossMargin is null)
        {
            reason = "not available: needs the gross margin (--gross-margin), or a unit_cost for every product sold";
        }
        else if (unknown.Count > 0)
        {
            reason = string.Create(CultureInfo.InvariantCulture,
                $"not available: {unknown.Sum(u => u.Orders)} orders (¥{unknown.Sum(u => u.Net):N2} net GMV) of {unknown.Count} talent(s) have no commission figure ({string.Join(", ", unknown.Select(u => u.Account).Order(StringComparer.Ordinal).Take(5))}{(unknown.Count > 5 ? " …" : "")}): give commission_rate in the accounts table or --commission-rate");
        }

        if (reason is not null)
        {
            return new PillarEconomics(false, reason, input.GrossMargin, input.PlatformFeeRate, [], null, null, [], [], sources, notes);
        }

        if (input.PlatformFeeRate is null)
        {
            notes.Add("platform fees (技术服务费) are not included: give --platform-fee-rate");
        }

        var nicknames = input.Accounts.Where(a => a.Nickname is not null).GroupBy(a => a.AccountId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Nickname, StringComparer.Ordinal);
        var results = new List<(SellerEconomics Seller, bool Shelf)>();
        foreach (var (account, t) in sellers)
        {
            var pillar = account.Length == 0 ? PillarAnalysis.ShelfCode : PillarAnalysis.PartitionCode(input.Framework, input.Roles[account]);
            var cogs = t.UnitCogs + decimal.Round(t.NetWithoutUnitCost * (1 - (decimal)(input.GrossMargin ?? 0)), 2, MidpointRounding.AwayFromZero);
            decimal? fees = input.PlatformFeeRate is { } fee ? decimal.Round(t.NetGmv * (decimal)fee, 2, MidpointRounding.AwayFromZero) : null;
            var paid = t.Commission + t.SlotFees + t.PaidTraffic + t.OtherCosts;
            var contribution = t.NetGmv - cogs - (fees ?? 0) - paid;
            var gross = t.NetGmv - cogs - (fees ?? 0);
            results.Add((new SellerEconomics(
                account.Length == 0 ? PillarAnalysis.ShelfCode : account,
                account.Length == 0 ? null : nicknames.GetValueOrDefault(account),
                pillar,
                t.NetGmv,
                cogs,
                t.Commission,
                t.Source,
                fees,
                t.SlotFees,
                t.PaidTraffic,
                t.OtherCosts,
                contribution,
                t.NetGmv > 0 ? (double)(t.Commission / t.NetGmv) : null,
                t.NetGmv > 0 ? (double)((gross - t.SlotFees - t.PaidTraffic - t.OtherCosts) / t.NetGmv) : null,
                paid > 0 ? (double)(gross / paid) : null), account.Length == 0));
        }

        var lines = new List<EconomicsLine>();
        foreach (var code in input.Framework.Pillars.Where(p => p.Kind == PillarKind.Partition).Select(p => p.Code).Append(PillarAnalysis.ShelfCode))
        {
            var group = results.Where(r => r.Seller.Pillar == code).Select(r => r.Seller).ToList();
            var net = group.Sum(s => s.NetGmv);
            var contribution = group.Sum(s => s.Contribution);
            lines.Add(new EconomicsLine(
                code,
                net,
                group.Sum(s => s.Cogs),
                group.Sum(s => s.Commission),
                input.PlatformFeeRate is null ? null : group.Sum(s => s.PlatformFees ?? 0),
                group.Sum(s => s.PaidTraffic),
                group.Sum(s => s.SlotFees),
                group.Sum(s => s.OtherCosts),
                contribution,
                net > 0 ? (double)(contribution / net) : null));
        }

        return new PillarEconomics(
            true,
            null,
            input.GrossMargin,
            input.PlatformFeeRate,
            lines,
            overhead,
            lines.Sum(l => l.Contribution) - overhead,
            [.. results.Where(r => !r.Shelf).Select(r => r.Seller).OrderByDescending(s => s.Contribution).ThenBy(s => s.AccountId, StringComparer.Ordinal)],
            [.. defaults.OrderBy(d => d.AccountId, StringComparer.Ordinal)],
            sources,
            notes);
    }

    /// <summary>A cost's share of the period: its amount × its days inside the period / all its days.</summary>
    public static decimal Prorated(Cost cost, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(cost);
        var first = cost.StartsOn > from ? cost.StartsOn : from;
        var last = cost.EndsOn < to ? cost.EndsOn : to;
        var inside = last.DayNumber - first.DayNumber + 1;
        if (inside <= 0)
        {
            return 0;
        }

        var days = cost.EndsOn.DayNumber - cost.StartsOn.DayNumber + 1;
        return decimal.Round(cost.Amount * inside / days, 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>The commission a 达人佣金 row gives an order, and its basis; null amount when the row says nothing usable.</summary>
    private static (decimal? Amount, string Basis) Joined(CommissionRow row, decimal net, decimal orderGmv) => row.Status switch
    {
        CommissionStatus.Refunded => (0m, "refunded"),
        CommissionStatus.Settled when row.Settled is { } settled => (settled, "settled"),
        _ when row.Estimated is { } estimated => (Share(estimated, net, orderGmv), "estimated"),
        _ when row.Rate is { } rate && row.Gmv is { } gmv => (Share(decimal.Round(gmv * rate, 2, MidpointRounding.AwayFromZero), net, orderGmv), "estimated"),
        _ => (null, ""),
    };

    /// <summary>A commission in proportion to what was not refunded, to the cent, as the ledger counts it.</summary>
    private static decimal Share(decimal commission, decimal net, decimal gmv) =>
        Playbook.Ledger.CommissionTally.Share(Cents(commission), Cents(net), Cents(gmv)) / 100m;

    private static long Cents(decimal yuan) => (long)decimal.Round(yuan * 100, 0, MidpointRounding.AwayFromZero);

    private sealed class Tally
    {
        public decimal NetGmv;
        public long Orders;
        public decimal Commission;
        public long WithCommission;
        public decimal NetWithoutCommission;
        public long OrdersWithoutCommission;
        public decimal UnitCogs;
        public decimal NetWithoutUnitCost;
        public decimal PaidTraffic;
        public decimal SlotFees;
        public decimal OtherCosts;
        public string Source = "none";
    }
}
