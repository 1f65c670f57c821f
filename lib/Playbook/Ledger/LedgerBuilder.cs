using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Playbook.Canonical;

namespace Playbook.Ledger;

/// <summary>One buyer's sub-order, handed from a part to the buyer stores in file order.</summary>
internal struct BuyerEvent
{
    /// <summary>Where the id starts in the buffer the events are consumed with (when <see cref="Text"/> is null).</summary>
    public int Start;
    public int Length;

    /// <summary>The id as a string, when it is not in a buffer.</summary>
    public string? Text;

    /// <summary><see cref="IdKeys.Hash(ReadOnlySpan{char})"/> of the buyer id: picks the shard and the store's slot.</summary>
    public ulong Hash;
    public ulong Parent;
    public long NetCents;
    public int Second;
    public int Session;
    public short Month;
    public bool Fan;
}

/// <summary>
/// Builds an <see cref="OrderLedger"/>: the one builder both engines feed. Orders arrive as parts
/// (one per worker; amounts in cents, ids coded), buyers as events consumed in file order by the
/// buyer stores, one store per shard of buyer ids; daily sales rows are added as they are.
/// <see cref="Build"/> merges it all. A ledger built from <see cref="Order"/> records and one built
/// from CSV text are the same to the cent.
/// </summary>
internal sealed class LedgerBuilder
{
    private readonly DateOnly? from;
    private readonly DateOnly? to;
    private readonly IBuyerStore[] stores;
    private readonly HashSet<long>[] sessionBuyers;
    private readonly List<DailySales> sales = [];
    private readonly List<LedgerPart> parts = [];

    /// <summary>A builder for the period (inclusive, China time; null = open).</summary>
    /// <param name="from">First day.</param>
    /// <param name="to">Last day.</param>
    /// <param name="keepHistories">Keep every buyer's purchases (<see cref="BuyerHistories"/>) rather than the compact book.</param>
    /// <param name="shards">Buyer stores, each fed by one thread at a time.</param>
    public LedgerBuilder(DateOnly? from, DateOnly? to, bool keepHistories, int shards)
    {
        if (from > to)
        {
            throw new ArgumentException($"the period starts ({from:yyyy-MM-dd}) after it ends ({to:yyyy-MM-dd})", nameof(from));
        }

        this.from = from;
        this.to = to;
        FromDay = from?.DayNumber ?? int.MinValue;
        ToDay = to?.DayNumber ?? int.MaxValue;
        stores = [.. Enumerable.Range(0, shards).Select(_ => keepHistories ? (IBuyerStore)new BuyerHistories() : new BuyerBook())];
        sessionBuyers = [.. Enumerable.Range(0, shards).Select(_ => new HashSet<long>())];
    }

    /// <summary>The buyer stores.</summary>
    public int Shards => stores.Length;

    internal int FromDay { get; }

    internal int ToDay { get; }

    internal IdCodes Accounts { get; } = new();

    internal IdCodes Products { get; } = new();

    internal IdCodes Sessions { get; } = new();

    internal SellerDays SellerDays { get; } = new();

    /// <summary>Whether a compact store met a buyer whose months go back and forth (then read again keeping histories).</summary>
    public bool MonthsOutOfOrder => stores.Any(s => s.MonthsOutOfOrder);

    /// <summary>Every buyer's purchases, when the builder keeps them; null otherwise.</summary>
    public BuyerHistories? Histories { get; private set; }

    /// <summary>A new part for one worker.</summary>
    public LedgerPart NewPart()
    {
        var part = new LedgerPart(this);
        lock (parts)
        {
            parts.Add(part);
        }

        return part;
    }

    /// <summary>Adds orders one by one on this thread, buyers as they come.</summary>
    public void AddInOrder(IEnumerable<Order> orders)
    {
        var part = NewPart();
        var events = new List<BuyerEvent>[stores.Length];
        for (var i = 0; i < events.Length; i++)
        {
            events[i] = [];
        }

        part.Events = events;
        foreach (var order in orders)
        {
            part.Add(order);
            for (var shard = 0; shard < events.Length; shard++)
            {
                if (events[shard].Count > 0)
                {
                    ConsumeBuyers(shard, events[shard], null);
                    events[shard].Clear();
                }
            }
        }
    }

    /// <summary>Adds one row of per-seller daily sales.</summary>
    public void Add(DailySales row)
    {
        ArgumentNullException.ThrowIfNull(row);
        sales.Add(row);
    }

    /// <summary>
    /// Feeds one shard's events to its store, in file order; one thread per shard at a time.
    /// <paramref name="buffer"/> holds the ids of events without <see cref="BuyerEvent.Text"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void ConsumeBuyers(int shard, List<BuyerEvent> events, char[]? buffer)
    {
        var store = stores[shard];
        var book = store as BuyerBook;
        var shardSessions = sessionBuyers[shard];

        // Two steps ahead of the lookups: fetch the slot eight events on, and the buyer it points
        // at four events on, so that memory is read while earlier events are worked.
        const int SlotAhead = 8, BuyerAhead = 4;
        var all = CollectionsMarshal.AsSpan(events);
        for (var i = 0; i < all.Length; i++)
        {
            if (book is not null)
            {
                if (i + SlotAhead < all.Length)
                {
                    book.PrefetchSlot(all[i + SlotAhead].Hash);
                }

                if (i + BuyerAhead < all.Length)
                {
                    book.PrefetchBuyer(all[i + BuyerAhead].Hash);
                }
            }

            ref var e = ref all[i];
            var id = e.Text is null ? buffer.AsSpan(e.Start, e.Length) : e.Text.AsSpan();
            var buyer = store.Add(id, e.Hash, e.Parent, e.Second, e.Month, e.NetCents, e.Fan);
            if (e.Session >= 0)
            {
                // Buyer numbers are per shard; number them apart across shards.
                shardSessions.Add(((long)e.Session << 32) | (uint)((buyer * stores.Length) + shard));
            }
        }
    }

    /// <summary>Merges the parts, buyers and daily sales into the ledger.</summary>
    public OrderLedger Build()
    {
        var ledger = new OrderLedger(from, to);
        static decimal Yuan(long cents) => new((int)(Math.Abs(cents) & 0xFFFF_FFFF), (int)(Math.Abs(cents) >> 32), 0, cents < 0, 2);
        static void Put(SalesTally tally, in CentTally c) => tally.AddTotals(Yuan(c.Gmv), Yuan(c.Refund), c.Orders, c.Units, c.RefundedOrders);
        // Every (account, day) cell, without building a map of them all.
        IEnumerable<(int Account, int Day, CentTally Tally)> Cells()
        {
            foreach (var (code, series) in SellerDays.All())
            {
                foreach (var (day, cell) in series.Days())
                {
                    yield return (code - 1, day, cell);
                }
            }
        }

        var byProduct = new List<CentTally>();
        var bySession = new List<CentTally>();
        var commission = new List<CommissionCents>();
        foreach (var p in parts)
        {
            for (var i = 0; i < p.Commission.Count; i++)
            {
                while (commission.Count <= i)
                {
                    commission.Add(default);
                }

                CollectionsMarshal.AsSpan(commission)[i].Add(p.Commission[i]);
            }

            for (var i = 0; i < p.ByProduct.Count; i++)
            {
                LedgerPart.At(byProduct, i).Add(p.ByProduct[i]);
            }

            for (var i = 0; i < p.BySession.Count; i++)
            {
                LedgerPart.At(bySession, i).Add(p.BySession[i]);
            }

            Put(ledger.PaidTraffic, p.Paid);
            Put(ledger.OrganicTraffic, p.Organic);
            Put(ledger.UnknownTraffic, p.UnknownTraffic);
            Put(ledger.WithoutBuyer, p.WithoutBuyer);
            ledger.AddFanNetGmvWithoutBuyer(Yuan(p.FanNetWithoutBuyer));
            ledger.AddOutsidePeriod(p.OutsidePeriod);
            for (var i = 0; i < p.ByPlatform.Length; i++)
            {
                if (p.ByPlatform[i] > 0)
                {
                    ledger.OrdersByPlatform[(Platform)i] = ledger.OrdersByPlatform.GetValueOrDefault((Platform)i) + p.ByPlatform[i];
                }
            }
        }

        var total = default(CentTally);
        var shelf = default(CentTally);
        var byDay = new Dictionary<int, CentTally>();
        var byAccount = new Dictionary<int, CentTally>();
        foreach (var (account, day, tally) in Cells())
        {
            total.Add(tally);
            CollectionsMarshal.GetValueRefOrAddDefault(byDay, day, out _).Add(tally);
            if (account < 0)
            {
                shelf.Add(tally);
            }
            else
            {
                CollectionsMarshal.GetValueRefOrAddDefault(byAccount, account, out _).Add(tally);
            }
        }

        // Only the notebooks' daily series read these; build them when asked.
        var accountNames = Accounts.Names;
        ledger.FillByDayAndAccountLater(map =>
        {
            foreach (var (account, day, tally) in Cells())
            {
                Put(OrderLedger.Get(map, (DateOnly.FromDayNumber(day), account < 0 ? "" : accountNames[account])), tally);
            }
        });

        Put(ledger.Total, total);
        if (shelf.Orders > 0)
        {
            Put(ledger.Shelf, shelf);
        }

        foreach (var (day, tally) in byDay.OrderBy(d => d.Key))
        {
            Put(OrderLedger.Get(ledger.ByDay, DateOnly.FromDayNumber(day)), tally);
        }

        foreach (var (account, tally) in byAccount)
        {
            Put(OrderLedger.Get(ledger.ByAccount, accountNames[account]), tally);
        }

        for (var code = 0; code < commission.Count; code++)
        {
            var c = commission[code];
            if (c.With + c.OrdersWithout > 0)
            {
                ledger.CommissionByAccount[code == 0 ? "" : accountNames[code - 1]] = new CommissionTally
                {
                    Commission = Yuan(c.Kept),
                    OrdersWith = c.With,
                    NetGmvWithout = Yuan(c.NetWithout),
                    OrdersWithout = c.OrdersWithout,
                };
            }
        }

        for (var i = 0; i < byProduct.Count; i++)
        {
            if (byProduct[i].Orders > 0)
            {
                Put(OrderLedger.Get(ledger.ByProduct, Products.Names[i]), byProduct[i]);
            }
        }

        var buyersBySession = new long[bySession.Count];
        foreach (var pair in sessionBuyers.SelectMany(s => s))
        {
            buyersBySession[(int)(pair >> 32)]++;
        }

        for (var i = 0; i < bySession.Count; i++)
        {
            if (bySession[i].Orders > 0)
            {
                var session = new SessionSales { BuyerCount = buyersBySession[i] };
                Put(session.Tally, bySession[i]);
                ledger.BySession[Sessions.Names[i]] = session;
            }
        }

        ledger.UseBuyers(new ShardedBuyers(stores));
        foreach (var row in sales)
        {
            ledger.Add(row);
        }

        if (stores[0] is BuyerHistories)
        {
            Histories = Merge([.. stores.Cast<BuyerHistories>()], ledger.To);
        }

        return ledger;
    }

    private static BuyerHistories Merge(IReadOnlyList<BuyerHistories> shards, DateOnly? periodTo)
    {
        var merged = shards.Count == 1 ? shards[0] : BuyerHistories.Union(shards);
        merged.To = periodTo;
        return merged;
    }
}

/// <summary>
/// One worker's sums over the orders it read: in cents, ids coded through its own view of the
/// builder's codes, sellers' days in the builder's shared series, buyers as events per shard.
/// </summary>
internal sealed class LedgerPart
{
    private readonly LedgerBuilder builder;

    public LedgerPart(LedgerBuilder builder)
    {
        this.builder = builder;
        Accounts = new(builder.Accounts);
        Products = new(builder.Products);
        Sessions = new(builder.Sessions);
        ByPlatform = new long[Vocabulary.All<Platform>().Count];
    }

    public LocalIdCodes Accounts { get; }

    public LocalIdCodes Products { get; }

    public LocalIdCodes Sessions { get; }

    public List<CentTally> ByProduct { get; } = [];

    public List<CentTally> BySession { get; } = [];

    /// <summary>Commission by account code (0 the shelf).</summary>
    public List<CommissionCents> Commission { get; } = [];

    public CentTally Paid;
    public CentTally Organic;
    public CentTally UnknownTraffic;
    public CentTally WithoutBuyer;
    public long FanNetWithoutBuyer;
    public long OutsidePeriod;

    public long[] ByPlatform { get; }

    /// <summary>The order id key of every order added, for the parallel engine's duplicate check; null when not kept.</summary>
    public OrderKeySet? OrderKeys { get; set; }

    /// <summary>Where buyer events go, one list per shard; set before adding orders with buyers.</summary>
    public List<BuyerEvent>[] Events { get; set; } = [];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ref CommissionCents AtCommission(int index)
    {
        while (Commission.Count <= index)
        {
            Commission.Add(default);
        }

        return ref CollectionsMarshal.AsSpan(Commission)[index];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ref CentTally At(List<CentTally> list, int index)
    {
        while (list.Count <= index)
        {
            list.Add(default);
        }

        return ref CollectionsMarshal.AsSpan(list)[index];
    }

    /// <summary>Adds an order record (amounts must be whole cents; times from 2000 to 2067, as the ledger counts seconds).</summary>
    /// <exception cref="ArgumentException">The order has fractions of a cent, or a time the ledger cannot count.</exception>
    public void Add(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (!FastFields.TryTime(order.PaidAt, out var second, out var day, out var month))
        {
            throw new ArgumentException($"order {order.OrderId}: payment time {order.PaidAt:yyyy-MM-dd HH:mm:ss} is before 2000, after 2067 or has fractions of a second", nameof(order));
        }

        Add(
            order.OrderId, order.ParentOrderId, (int)order.Platform, second, day, month, order.AccountId,
            order.TrafficType is { } t ? (int)t : -1, order.ProductId, order.Quantity, Cents(order.Gmv, order), Cents(order.Refund, order),
            order.BuyerId, 0, order.BuyerId, order.BuyerIsFan is { } f ? (sbyte)(f ? 1 : 0) : (sbyte)-1, order.SessionId,
            order.Commission is { } commission ? Cents(commission, order) : -1);
    }

    /// <summary>Adds an order read from text (see <c>IOrderSink.Add</c>); <paramref name="buyerText"/> is the buyer id when it is not in a buffer.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(
        ReadOnlySpan<char> orderId, ReadOnlySpan<char> parent, int platform, int second, int day, short month, ReadOnlySpan<char> account,
        int trafficType, ReadOnlySpan<char> product, int quantity, long gmv, long refund,
        ReadOnlySpan<char> buyer, int buyerStart, string? buyerText, sbyte fan, ReadOnlySpan<char> session, long commission)
    {
        // Every loaded row's id counts for duplicates, in the period or not (as the plain reader checks them).
        var orderKey = IdKeys.Of(orderId);
        OrderKeys?.Add(orderKey);
        if (day < builder.FromDay || day > builder.ToDay)
        {
            OutsidePeriod++;
            return;
        }

        ByPlatform[platform]++;
        var accountCode = account.Length == 0 ? 0 : Accounts.Of(account) + 1;
        builder.SellerDays.Add(accountCode, day, gmv, refund, quantity);
        AtCommission(accountCode).Add(commission, gmv, refund);
        At(ByProduct, Products.Of(product)).Add(gmv, refund, quantity);
        if (trafficType == 1)
        {
            Paid.Add(gmv, refund, quantity);
        }
        else if (trafficType == 0)
        {
            Organic.Add(gmv, refund, quantity);
        }
        else
        {
            UnknownTraffic.Add(gmv, refund, quantity);
        }

        var sessionCode = session.Length == 0 ? -1 : Sessions.Of(session);
        if (sessionCode >= 0)
        {
            At(BySession, sessionCode).Add(gmv, refund, quantity);
        }

        var net = gmv - refund;
        if (buyer.Length == 0)
        {
            WithoutBuyer.Add(gmv, refund, quantity);
            FanNetWithoutBuyer += fan == 1 ? net : 0;
            return;
        }

        var hash = IdKeys.Hash(buyer);
        Events[(int)(hash % (uint)Events.Length)].Add(new BuyerEvent
        {
            Hash = hash,
            Start = buyerStart,
            Length = buyer.Length,
            Text = buyerText,
            Parent = parent.Length == 0 ? orderKey : IdKeys.Of(parent),
            NetCents = net,
            Second = second,
            Session = sessionCode,
            Month = month,
            Fan = fan == 1,
        });
    }

    private static long Cents(decimal amount, Order order)
    {
        var cents = amount * 100;
        return cents == decimal.Truncate(cents)
            ? decimal.ToInt64(cents)
            : throw new ArgumentException($"order {order.OrderId}: {amount} has fractions of a cent", nameof(order));
    }
}
