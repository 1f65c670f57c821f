using System.Globalization;
using System.Runtime.InteropServices;
using Playbook.Canonical;

namespace Playbook.Ledger;

/// <summary>
/// Where a ledger's builder puts each buyer's sub-orders, in file order per buyer. Two stores: the
/// compact <see cref="BuyerBook"/> (48 bytes a buyer, enough for the repurchase figures) and
/// <see cref="BuyerHistories"/> (every purchase, for cohorts and for files whose buyers go back and
/// forth between months). Both give their figures through <see cref="BuyerBook.Combine"/>.
/// </summary>
internal interface IBuyerStore
{
    /// <summary>Distinct buyers.</summary>
    long Count { get; }

    /// <summary>Whether the store met a buyer whose months go back and forth, which it cannot count.</summary>
    bool MonthsOutOfOrder { get; }

    /// <summary>Adds one sub-order of a buyer; returns the buyer's number in this store.</summary>
    int Add(ReadOnlySpan<char> buyerId, ulong hash, ulong parent, int second, short month, long netCents, bool fan);
}

/// <summary>The buyer figures of a ledger: its buyer stores, one per shard of buyers (no buyer in two).</summary>
internal sealed class ShardedBuyers(IReadOnlyList<IBuyerStore> shards)
{
    /// <summary>Distinct buyers.</summary>
    public long Count => shards.Sum(s => s.Count);

    /// <summary>The figures, with the 30-day cohort cut at <paramref name="lastMoment"/>.</summary>
    public BuyerFigures Figures(DateTime lastMoment) =>
        BuyerBook.Combine([.. shards.Select(s => s as BuyerBook ?? ((BuyerHistories)s).Replay())], lastMoment);
}

/// <summary>
/// Every buyer's purchases in a period (复购 cohorts need them): each sub-order's parent order, time,
/// net amount and fan mark. Read with <c>Tables.ReadBuyerHistories</c> (either engine) or built
/// from orders with <see cref="Of"/>. Memory grows with the orders, so the
/// ledger of a big file keeps only the compact figures.
/// </summary>
public sealed class BuyerHistories : IBuyerStore
{
    private readonly Dictionary<string, int> index = new(StringComparer.Ordinal);
    private readonly List<List<Purchase>> buyers = [];
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> lookup;

    internal BuyerHistories() => lookup = index.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Distinct buyers.</summary>
    public long Count => buyers.Count;

    /// <summary>Every buyer's purchases among <paramref name="orders"/> paid in the period (inclusive; null = open).</summary>
    public static BuyerHistories Of(IEnumerable<Order> orders, DateOnly? from = null, DateOnly? to = null)
    {
        var builder = new LedgerBuilder(from, to, keepHistories: true, shards: 1);
        builder.AddInOrder(orders);
        builder.Build();
        return builder.Histories!;
    }

    /// <summary>The last day of the period the purchases were read for (the last day with an order when the period is open).</summary>
    public DateOnly? To { get; internal set; }

    bool IBuyerStore.MonthsOutOfOrder => false;

    int IBuyerStore.Add(ReadOnlySpan<char> buyerId, ulong hash, ulong parent, int second, short month, long netCents, bool fan)
    {
        if (!lookup.TryGetValue(buyerId, out var number))
        {
            number = buyers.Count;
            index.Add(buyerId.ToString(), number);
            buyers.Add([]);
        }

        buyers[number].Add(new Purchase(parent, second, month, netCents, fan));
        return number;
    }

    /// <summary>The buyers of several stores that share none, as one.</summary>
    internal static BuyerHistories Union(IReadOnlyList<BuyerHistories> shards)
    {
        var union = new BuyerHistories();
        foreach (var shard in shards)
        {
            foreach (var (id, number) in shard.index)
            {
                union.index.Add(id, union.buyers.Count);
                union.buyers.Add(shard.buyers[number]);
            }
        }

        return union;
    }

    /// <summary>
    /// Each buyer's purchase months, oldest first, without repeats: the month of each parent
    /// order's first payment (a purchase is a parent order, 主订单), as months since January 2000.
    /// </summary>
    internal IEnumerable<IReadOnlyList<int>> PurchaseMonths() =>
        buyers.Select(b => (IReadOnlyList<int>)[.. b.GroupBy(p => p.Parent).Select(g => (int)g.MinBy(p => p.Second).Month).Distinct().Order()]);

    /// <summary>The name of a month index, yyyy-MM.</summary>
    internal static string MonthName(int month) => FastFields.MonthStart(month).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>The purchases fed to a compact book in time order, where months never go back and forth.</summary>
    internal BuyerBook Replay()
    {
        var book = new BuyerBook();
        var id = new char[12];
        for (var b = 0; b < buyers.Count; b++)
        {
            // The book tells buyers apart by id; a number per buyer is id enough, hashed as the builder would.
            var length = 0;
            var n = b;
            do
            {
                id[length++] = (char)('0' + (n % 10));
                n /= 10;
            }
            while (n > 0);

            var key = id.AsSpan(0, length);
            var hash = IdKeys.Hash(key);
            var purchases = CollectionsMarshal.AsSpan(buyers[b]);
            purchases.Sort(static (x, y) => x.Second.CompareTo(y.Second));
            foreach (ref readonly var p in purchases)
            {
                book.Add(key, hash, p.Parent, p.Second, p.Month, p.NetCents, p.Fan);
            }
        }

        return book;
    }

    /// <summary>One sub-order of a buyer.</summary>
    private readonly record struct Purchase(ulong Parent, int Second, short Month, long NetCents, bool Fan);
}
