using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Playbook.Data.Fast;

/// <summary>Amounts of a group of orders in cents: what <see cref="Metrics.SalesTally"/> holds, summed without decimals.</summary>
internal struct CentTally
{
    public long Gmv;
    public long Refund;
    public long Orders;
    public long Units;
    public long RefundedOrders;

    public void Add(long gmv, long refund, int quantity)
    {
        Gmv += gmv;
        Refund += refund;
        Orders++;
        Units += quantity;
        RefundedOrders += refund > 0 ? 1 : 0;
    }

    public void Add(in CentTally other)
    {
        Gmv += other.Gmv;
        Refund += other.Refund;
        Orders += other.Orders;
        Units += other.Units;
        RefundedOrders += other.RefundedOrders;
    }
}

/// <summary>
/// Ids of a small set (accounts, products, sessions) numbered in the order workers first meet them,
/// shared by all workers; looked up from the text without making a string.
/// </summary>
internal sealed class IdCodes
{
    private readonly ConcurrentDictionary<string, int> codes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> lookup;
    private readonly List<string> names = [];
    private readonly Lock gate = new();

    public IdCodes() => lookup = codes.GetAlternateLookup<ReadOnlySpan<char>>();

    public IReadOnlyList<string> Names => names;

    public int Of(ReadOnlySpan<char> id)
    {
        if (lookup.TryGetValue(id, out var code))
        {
            return code;
        }

        lock (gate)
        {
            if (lookup.TryGetValue(id, out code))
            {
                return code;
            }

            var name = id.ToString();
            code = names.Count;
            names.Add(name);
            codes[name] = code;
            return code;
        }
    }
}

/// <summary>The sums of one seller's day, small enough to keep a year of 2,000 sellers densely.</summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
internal struct DayCell
{
    public long Gmv;
    public long Refund;
    public int Orders;
    public int Units;
    public int RefundedOrders;

    public void Add(long gmv, long refund, int quantity)
    {
        Gmv += gmv;
        Refund += refund;
        Orders++;
        Units += quantity;
        RefundedOrders += refund > 0 ? 1 : 0;
    }

    public readonly CentTally Tally => new() { Gmv = Gmv, Refund = Refund, Orders = Orders, Units = Units, RefundedOrders = RefundedOrders };
}

/// <summary>One seller's days from <see cref="First"/> on, grown either way as days come.</summary>
internal sealed class DaySeries(int first)
{
    public int First { get; private set; } = first;

    public DayCell[] Cells { get; private set; } = new DayCell[32];

    public ref DayCell At(int day)
    {
        if (day < First || day >= First + Cells.Length)
        {
            var from = Math.Min(First, day);
            var to = Math.Max(First + Cells.Length, day + 1);
            // Doubling, but not far past what is needed: a year of 2,000 sellers is most of the memory here.
            var grown = new DayCell[Math.Max(to - from, Math.Min(Cells.Length * 2, to - from + 64))];
            Cells.CopyTo(grown, First - from);
            (First, Cells) = (from, grown);
        }

        return ref Cells[day - First];
    }
}

/// <summary>One worker's sums over the chunks it parsed; merged into an <see cref="Metrics.OrderLedger"/> at the end.</summary>
internal sealed class PartialLedger
{
    private const int KeyBlock = 4096;

    /// <summary>By account code + 1 (0 = the shelf), then by day: dense, since most sellers sell most days.</summary>
    public List<DaySeries?> ByAccountAndDay { get; } = [];

    public ref DayCell At(int accountCode, int day)
    {
        while (ByAccountAndDay.Count <= accountCode)
        {
            ByAccountAndDay.Add(null);
        }

        var series = ByAccountAndDay[accountCode] ??= new DaySeries(day);
        return ref series.At(day);
    }

    public List<CentTally> ByProduct { get; } = [];

    public List<CentTally> BySession { get; } = [];

    public CentTally Paid;
    public CentTally Organic;
    public CentTally UnknownTraffic;
    public CentTally WithoutBuyer;
    public long FanNetWithoutBuyer;
    public long OutsidePeriod;
    public long[] ByPlatform { get; } = new long[Vocabulary.All<Platform>().Count];

    /// <summary>Order id keys, spread over 256 buckets by a hash so each bucket can be sorted on its own.</summary>
    public List<ulong[]>[] KeyBuckets { get; } = [.. Enumerable.Range(0, 256).Select(_ => new List<ulong[]>())];

    public int[] KeyFill { get; } = new int[256];


    public void AddKey(ulong key)
    {
        var bucket = (int)(IdKeys.Hash(MemoryMarshal.AsBytes(new ReadOnlySpan<ulong>(in key))) >> 56);
        var blocks = KeyBuckets[bucket];
        if (KeyFill[bucket] == 0)
        {
            blocks.Add(new ulong[KeyBlock]);
        }

        blocks[^1][KeyFill[bucket]] = key;
        KeyFill[bucket] = (KeyFill[bucket] + 1) % KeyBlock;
    }

    /// <summary>The keys of one bucket.</summary>
    public IEnumerable<ulong> Keys(int bucket)
    {
        var blocks = KeyBuckets[bucket];
        for (var b = 0; b < blocks.Count; b++)
        {
            var used = b == blocks.Count - 1 && KeyFill[bucket] != 0 ? KeyFill[bucket] : KeyBlock;
            for (var i = 0; i < used; i++)
            {
                yield return blocks[b][i];
            }
        }
    }

    public int KeyCount(int bucket)
    {
        var blocks = KeyBuckets[bucket].Count;
        return blocks == 0 ? 0 : ((blocks - 1) * KeyBlock) + (KeyFill[bucket] == 0 ? KeyBlock : KeyFill[bucket]);
    }

    public static ref CentTally At(List<CentTally> list, int index)
    {
        while (list.Count <= index)
        {
            list.Add(default);
        }

        return ref CollectionsMarshal.AsSpan(list)[index];
    }
}
