using Playbook.Canonical;

namespace Playbook.Ledger;

/// <summary>Amounts of a group of orders: paid GMV, refunds and counts. Net GMV = GMV − refund.</summary>
public sealed class SalesTally
{
    /// <summary>Paid amount (成交额), CNY.</summary>
    public decimal Gmv { get; private set; }

    /// <summary>Refunded amount (退款金额), CNY.</summary>
    public decimal Refund { get; private set; }

    /// <summary>Paid GMV less refunds, CNY.</summary>
    public decimal NetGmv => Gmv - Refund;

    /// <summary>Order rows (sub-orders, 子订单).</summary>
    public long Orders { get; private set; }

    /// <summary>Units sold.</summary>
    public long Units { get; private set; }

    /// <summary>Order rows with any refund.</summary>
    public long RefundedOrders { get; private set; }

    /// <summary>Orders that came as daily totals, for which the refunded orders are not known.</summary>
    public long OrdersFromDailySales { get; private set; }

    /// <summary>Adds totals summed in cents by the builder.</summary>
    internal void AddTotals(decimal gmv, decimal refund, long orders, long units, long refundedOrders)
    {
        Gmv += gmv;
        Refund += refund;
        Orders += orders;
        Units += units;
        RefundedOrders += refundedOrders;
    }

    internal void Add(DailySales sales)
    {
        Gmv += sales.Gmv;
        Refund += sales.Refund;
        Orders += sales.Orders;
        Units += sales.Units;
        OrdersFromDailySales += sales.Orders;
    }
}

/// <summary>
/// A seller's commission as its order rows give it (佣金: 快手小店's 预估推广佣金, a canonical
/// <c>commission</c>): each order's figure in proportion to what was not refunded, and the orders
/// with no figure, whose commission the economics work out otherwise.
/// </summary>
public sealed class CommissionTally
{
    /// <summary>Commission of the orders that carry one, net of refunds, CNY.</summary>
    public decimal Commission { get; internal set; }

    /// <summary>Orders that carry a commission figure.</summary>
    public long OrdersWith { get; internal set; }

    /// <summary>Net GMV of the orders that carry none, CNY.</summary>
    public decimal NetGmvWithout { get; internal set; }

    /// <summary>Orders that carry none.</summary>
    public long OrdersWithout { get; internal set; }

    /// <summary>
    /// An order's commission in proportion to what was not refunded, in cents: commission × net / GMV,
    /// rounded half away from zero (a fully refunded order pays none). Both engines and the economics use it.
    /// </summary>
    public static long Share(long commission, long net, long gmv)
    {
        if (gmv <= 0 || net <= 0 || commission <= 0)
        {
            return 0;
        }

        var twice = (Int128)commission * net * 2;
        return (long)((twice + gmv) / (2 * (Int128)gmv));
    }
}

/// <summary>Sales of one live session, from the orders that name it.</summary>
internal sealed class SessionSales
{
    public SalesTally Tally { get; } = new();

    /// <summary>Distinct buyers of the session's orders.</summary>
    public long BuyerCount { get; init; }
}

/// <summary>
/// The paid orders (or daily sales) of a period reduced to the small aggregates every analysis
/// needs: by seller account, by day, by product, by traffic type and by live session, and the
/// buyers' repurchase figures. Orders paid outside the period are counted and skipped. Read-only:
/// <see cref="LedgerBuilder"/> makes it, fed by either engine (<c>Tables.ReadLedger</c>) or by
/// <see cref="Of(IEnumerable{Order}, DateOnly?, DateOnly?)"/>.
/// </summary>
public sealed class OrderLedger
{
    private readonly DateOnly? from;
    private readonly DateOnly? to;

    /// <summary>Creates an empty ledger for orders paid from <paramref name="from"/> to <paramref name="to"/> (inclusive, China time; null = open).</summary>
    internal OrderLedger(DateOnly? from = null, DateOnly? to = null)
    {
        if (from > to)
        {
            throw new ArgumentException($"the period starts ({from:yyyy-MM-dd}) after it ends ({to:yyyy-MM-dd})", nameof(from));
        }

        this.from = from;
        this.to = to;
    }

    /// <summary>The first day of the period as given (null = open).</summary>
    public DateOnly? PeriodFrom => from;

    /// <summary>The last day of the period as given (null = open).</summary>
    public DateOnly? PeriodTo => to;

    /// <summary>All orders of the period.</summary>
    public SalesTally Total { get; } = new();

    /// <summary>Orders without a seller account (the shelf, 中心场).</summary>
    public SalesTally Shelf { get; } = new();

    /// <summary>By seller account id.</summary>
    public Dictionary<string, SalesTally> ByAccount { get; } = new(StringComparer.Ordinal);

    /// <summary>By day of payment.</summary>
    public SortedDictionary<DateOnly, SalesTally> ByDay { get; } = [];

    /// <summary>By day and seller account (null key: the shelf), for series by pillar.</summary>
    public Dictionary<(DateOnly Day, string Account), SalesTally> ByDayAndAccount
    {
        get
        {
            if (fillByDayAndAccount is { } fill)
            {
                fillByDayAndAccount = null;
                fill(byDayAndAccount);
            }

            return byDayAndAccount;
        }
    }

    private readonly Dictionary<(DateOnly Day, string Account), SalesTally> byDayAndAccount = [];

    private Action<Dictionary<(DateOnly Day, string Account), SalesTally>>? fillByDayAndAccount;

    /// <summary>Defers <see cref="ByDayAndAccount"/> to its first use (the fast reader's: only daily series need it).</summary>
    internal void FillByDayAndAccountLater(Action<Dictionary<(DateOnly Day, string Account), SalesTally>> fill) => fillByDayAndAccount = fill;

    /// <summary>By product id.</summary>
    public Dictionary<string, SalesTally> ByProduct { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Commission by seller account id ("" the shelf), as the order rows of the period give it; empty when
    /// the ledger was made from daily sales.
    /// </summary>
    public Dictionary<string, CommissionTally> CommissionByAccount { get; } = new(StringComparer.Ordinal);

    /// <summary>Orders that came through paid traffic.</summary>
    public SalesTally PaidTraffic { get; } = new();

    /// <summary>Orders that came through organic traffic.</summary>
    public SalesTally OrganicTraffic { get; } = new();

    /// <summary>Orders whose traffic type is not known.</summary>
    public SalesTally UnknownTraffic { get; } = new();

    /// <summary>Orders without a buyer id.</summary>
    public SalesTally WithoutBuyer { get; } = new();

    /// <summary>Net GMV of orders without a buyer id on which the buyer was marked a fan.</summary>
    public decimal FanNetGmvWithoutBuyer { get; private set; }

    /// <summary>Orders paid outside the period, skipped.</summary>
    public long OutsidePeriod { get; private set; }

    /// <summary>The first day of the period: as given, else the first day with an order.</summary>
    public DateOnly? From => from ?? (ByDay.Count > 0 ? ByDay.Keys.First() : null);

    /// <summary>The last day of the period: as given, else the last day with an order.</summary>
    public DateOnly? To => to ?? (ByDay.Count > 0 ? ByDay.Keys.Last() : null);

    /// <summary>Order rows by platform, to tell orders of another platform than the framework's.</summary>
    public Dictionary<Platform, long> OrdersByPlatform { get; } = [];

    /// <summary>Distinct buyer ids in the period.</summary>
    public long BuyerCount => buyers?.Count ?? 0;

    private ShardedBuyers? buyers;

    internal Dictionary<string, SessionSales> BySession { get; } = new(StringComparer.Ordinal);

    /// <summary>The buyer figures of the period; null when no order in it carries a buyer id.</summary>
    internal BuyerFigures? BuyerFigures()
    {
        if (BuyerCount == 0)
        {
            return null;
        }

        var lastMoment = To!.Value.ToDateTime(TimeOnly.MaxValue);
        return buyers!.Figures(lastMoment);
    }

    /// <summary>Hands over the buyers of the period (the builder's).</summary>
    internal void UseBuyers(ShardedBuyers store) => buyers = store;

    internal void AddOutsidePeriod(long rows) => OutsidePeriod += rows;

    internal void AddFanNetGmvWithoutBuyer(decimal net) => FanNetGmvWithoutBuyer += net;

    /// <summary>Reads every order of <paramref name="orders"/> into a new ledger of the period (every buyer's purchases kept, in any order).</summary>
    public static OrderLedger Of(IEnumerable<Order> orders, DateOnly? from = null, DateOnly? to = null) => Of(orders, [], from, to);

    /// <summary>Reads orders and per-seller daily sales into a new ledger of the period.</summary>
    public static OrderLedger Of(IEnumerable<Order> orders, IEnumerable<DailySales> sales, DateOnly? from = null, DateOnly? to = null)
    {
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentNullException.ThrowIfNull(sales);
        var builder = new LedgerBuilder(from, to, keepHistories: true, shards: 1);
        builder.AddInOrder(orders);
        foreach (var row in sales)
        {
            builder.Add(row);
        }

        return builder.Build();
    }

    /// <summary>Whether any daily sales rows were added: buyers, products and sessions are then unknown for them.</summary>
    public bool HasDailySales { get; private set; }

    /// <summary>Adds one row of per-seller daily sales (no buyers, products or sessions): the builder's last step.</summary>
    internal void Add(DailySales sales)
    {
        ArgumentNullException.ThrowIfNull(sales);
        if (sales.Date < from || sales.Date > to)
        {
            OutsidePeriod++;
            return;
        }

        HasDailySales = true;
        Total.Add(sales);
        (sales.AccountId is null ? Shelf : Get(ByAccount, sales.AccountId)).Add(sales);
        Get(ByDay, sales.Date).Add(sales);
        Get(ByDayAndAccount, (sales.Date, sales.AccountId ?? "")).Add(sales);
        (sales.TrafficType switch
        {
            TrafficType.Paid => PaidTraffic,
            TrafficType.Organic => OrganicTraffic,
            _ => UnknownTraffic,
        }).Add(sales);
    }

    /// <summary>Net GMV of the days from <paramref name="first"/> to <paramref name="last"/>, inclusive.</summary>
    public decimal NetGmvBetween(DateOnly first, DateOnly last) =>
        ByDay.Where(d => d.Key >= first && d.Key <= last).Sum(d => d.Value.NetGmv);

    /// <summary>The tally of <paramref name="key"/>, added empty when the map has none yet.</summary>
    internal static SalesTally Get<TKey>(IDictionary<TKey, SalesTally> map, TKey key)
    {
        if (!map.TryGetValue(key, out var tally))
        {
            map[key] = tally = new SalesTally();
        }

        return tally;
    }
}
