using Playbook.Data;

namespace Playbook.Metrics;

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

    internal void Add(Order order)
    {
        Gmv += order.Gmv;
        Refund += order.Refund;
        Orders++;
        Units += order.Quantity;
        if (order.Refund > 0)
        {
            RefundedOrders++;
        }
    }

    /// <summary>Adds totals summed elsewhere (the fast reader's partial ledgers).</summary>
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

/// <summary>The paid orders of one buyer: distinct parent orders (a parent with two sub-orders is one purchase).</summary>
internal sealed class BuyerHistory
{
    public List<(string Parent, DateTime PaidAt)> Purchases { get; } = [];

    /// <summary>Distinct (parent, month of payment) pairs: a parent paid across midnight of a month's end counts in both months.</summary>
    public HashSet<(string Parent, string Month)> MonthlyParents { get; } = [];

    /// <summary>Net GMV of all the buyer's orders.</summary>
    public decimal NetGmv { get; set; }

    /// <summary>Net GMV of the orders on which the buyer was marked a fan.</summary>
    public decimal FanNetGmv { get; set; }

    public void Add(Order order)
    {
        var parent = order.ParentOrderId ?? order.OrderId;
        var index = Purchases.FindIndex(p => p.Parent == parent);
        if (index < 0)
        {
            Purchases.Add((parent, order.PaidAt));
        }
        else if (order.PaidAt < Purchases[index].PaidAt)
        {
            Purchases[index] = (parent, order.PaidAt);
        }

        MonthlyParents.Add((parent, BuyerFigures.MonthName(order.PaidAt)));
        NetGmv += order.Gmv - order.Refund;
        if (order.BuyerIsFan == true)
        {
            FanNetGmv += order.Gmv - order.Refund;
        }
    }
}

/// <summary>Computes <see cref="Metrics.BuyerFigures"/> from a compact store of buyers.</summary>
internal interface IBuyerFigureSource
{
    /// <summary>Distinct buyers.</summary>
    long Count { get; }

    /// <summary>The figures, with the 30-day cohort cut at <paramref name="lastMoment"/>.</summary>
    BuyerFigures Figures(DateTime lastMoment);
}

/// <summary>Sales of one live session, from the orders that name it.</summary>
internal sealed class SessionSales
{
    public SalesTally Tally { get; } = new();

    public HashSet<string> Buyers { get; } = new(StringComparer.Ordinal);

    /// <summary>Distinct buyers, when counted elsewhere (the fast reader) rather than kept in <see cref="Buyers"/>.</summary>
    public long? CountedBuyers { get; init; }

    public long BuyerCount => CountedBuyers ?? Buyers.Count;
}

/// <summary>
/// One pass over the paid orders of a period, keeping only the small aggregates every analysis
/// needs: by seller account, by day, by buyer, by product, by traffic type and by live session.
/// Orders paid outside the period are counted and skipped.
/// </summary>
public sealed class OrderLedger
{
    private readonly DateOnly? from;
    private readonly DateOnly? to;

    /// <summary>Creates an empty ledger for orders paid from <paramref name="from"/> to <paramref name="to"/> (inclusive, China time; null = open).</summary>
    public OrderLedger(DateOnly? from = null, DateOnly? to = null)
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
    public long BuyerCount => fastBuyers?.Count ?? ByBuyer.Count;

    /// <summary>Every buyer's purchases; empty when the ledger was filled by the fast reader, which keeps only <see cref="BuyerFigures"/>.</summary>
    internal Dictionary<string, BuyerHistory> ByBuyer { get; } = new(StringComparer.Ordinal);

    private IBuyerFigureSource? fastBuyers;

    /// <summary>Whether the purchase histories are kept (plain reader), as cohorts need.</summary>
    internal bool HasPurchaseHistories => fastBuyers is null;

    internal Dictionary<string, SessionSales> BySession { get; } = new(StringComparer.Ordinal);

    /// <summary>The buyer figures of the period; null when no order in it carries a buyer id.</summary>
    internal BuyerFigures? BuyerFigures()
    {
        if (BuyerCount == 0)
        {
            return null;
        }

        var lastMoment = To!.Value.ToDateTime(TimeOnly.MaxValue);
        return fastBuyers?.Figures(lastMoment) ?? Metrics.BuyerFigures.Of(ByBuyer.Values, lastMoment);
    }

    /// <summary>Hands the buyers to a compact store that computes their figures (the fast reader's).</summary>
    internal void UseBuyerFigures(IBuyerFigureSource source) => fastBuyers = source;

    internal void AddOutsidePeriod(long rows) => OutsidePeriod += rows;

    internal void AddFanNetGmvWithoutBuyer(decimal net) => FanNetGmvWithoutBuyer += net;

    /// <summary>Reads every order of <paramref name="orders"/> into a new ledger.</summary>
    public static OrderLedger Of(IEnumerable<Order> orders, DateOnly? from = null, DateOnly? to = null)
    {
        ArgumentNullException.ThrowIfNull(orders);
        var ledger = new OrderLedger(from, to);
        foreach (var order in orders)
        {
            ledger.Add(order);
        }

        return ledger;
    }

    /// <summary>Adds one paid order.</summary>
    public void Add(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var day = DateOnly.FromDateTime(order.PaidAt);
        if (day < from || day > to)
        {
            OutsidePeriod++;
            return;
        }

        OrdersByPlatform[order.Platform] = OrdersByPlatform.GetValueOrDefault(order.Platform) + 1;
        Total.Add(order);
        (order.AccountId is null ? Shelf : Get(ByAccount, order.AccountId)).Add(order);
        Get(ByDay, day).Add(order);
        Get(ByDayAndAccount, (day, order.AccountId ?? "")).Add(order);
        Get(ByProduct, order.ProductId).Add(order);
        (order.TrafficType switch
        {
            TrafficType.Paid => PaidTraffic,
            TrafficType.Organic => OrganicTraffic,
            _ => UnknownTraffic,
        }).Add(order);

        if (order.BuyerId is null)
        {
            WithoutBuyer.Add(order);
            if (order.BuyerIsFan == true)
            {
                FanNetGmvWithoutBuyer += order.Gmv - order.Refund;
            }
        }
        else
        {
            if (!ByBuyer.TryGetValue(order.BuyerId, out var history))
            {
                ByBuyer[order.BuyerId] = history = new BuyerHistory();
            }

            history.Add(order);
        }

        if (order.SessionId is not null)
        {
            if (!BySession.TryGetValue(order.SessionId, out var session))
            {
                BySession[order.SessionId] = session = new SessionSales();
            }

            session.Tally.Add(order);
            if (order.BuyerId is not null)
            {
                session.Buyers.Add(order.BuyerId);
            }
        }
    }

    /// <summary>Whether any daily sales rows were added: buyers, products and sessions are then unknown for them.</summary>
    public bool HasDailySales { get; private set; }

    /// <summary>Adds one row of per-seller daily sales (no buyers, products or sessions).</summary>
    public void Add(DailySales sales)
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

    private static SalesTally Get<TKey>(IDictionary<TKey, SalesTally> map, TKey key)
    {
        if (!map.TryGetValue(key, out var tally))
        {
            map[key] = tally = new SalesTally();
        }

        return tally;
    }
}
