using System.Runtime.CompilerServices;

namespace Playbook.Ledger;

/// <summary>Amounts of a group of orders in cents: what <see cref="SalesTally"/> holds, summed without decimals.</summary>
internal struct CentTally
{
    public long Gmv;
    public long Refund;
    public long Orders;
    public long Units;
    public long RefundedOrders;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(long gmv, long refund, int quantity)
    {
        Gmv += gmv;
        Refund += refund;
        Orders++;
        Units += quantity;
        RefundedOrders += refund > 0 ? 1 : 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
/// A seller's commission in cents: what its orders' own figures come to, each in proportion to what was
/// not refunded, and the orders that carried none.
/// </summary>
internal struct CommissionCents
{
    public long Kept;
    public long With;
    public long NetWithout;
    public long OrdersWithout;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(long commission, long gmv, long refund)
    {
        if (commission < 0)
        {
            NetWithout += gmv - refund;
            OrdersWithout++;
        }
        else
        {
            Kept += CommissionTally.Share(commission, gmv - refund, gmv);
            With++;
        }
    }

    public void Add(in CommissionCents other)
    {
        Kept += other.Kept;
        With += other.With;
        NetWithout += other.NetWithout;
        OrdersWithout += other.OrdersWithout;
    }
}

/// <summary>
/// Ids of a small set (accounts, products, sessions) numbered in the order workers first meet them,
/// shared by all workers. Workers ask through their own <see cref="LocalIdCodes"/>, so this is
/// reached (under a lock) once per worker and id.
/// </summary>
internal sealed class IdCodes
{
    private readonly Dictionary<string, int> codes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> lookup;
    private readonly List<string> names = [];
    private readonly Lock gate = new();

    public IdCodes() => lookup = codes.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The ids by code; read once the workers are done.</summary>
    public IReadOnlyList<string> Names => names;

    public int Of(ReadOnlySpan<char> id, out string name)
    {
        lock (gate)
        {
            if (lookup.TryGetValue(id, out var known, out var code))
            {
                name = known;
                return code;
            }

            name = id.ToString();
            code = names.Count;
            names.Add(name);
            codes.Add(name, code);
            return code;
        }
    }
}

/// <summary>
/// One worker's own view of an <see cref="IdCodes"/>: codes it has met are found in its own open
/// table, keyed by <see cref="IdKeys.Hash(ReadOnlySpan{char})"/> and checked against the id's text,
/// without a lock (a concurrent dictionary took a tenth of the parse time, and a string-keyed
/// dictionary's randomised hashing most of what was left).
/// </summary>
internal sealed class LocalIdCodes(IdCodes shared)
{
    private ulong[] keys = new ulong[64];
    private int[] codes = new int[64];
    private string[] names = new string[64];
    private int count;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Of(ReadOnlySpan<char> id)
    {
        // A key of 0 marks a free slot, so keys are odd.
        var key = IdKeys.Hash(id) | 1;
        var mask = keys.Length - 1;
        var slot = (int)(key >> 40) & mask;
        while (true)
        {
            var known = keys[slot];
            if (known == key && id.SequenceEqual(names[slot]))
            {
                return codes[slot];
            }

            if (known == 0)
            {
                var code = shared.Of(id, out var name);
                keys[slot] = key;
                codes[slot] = code;
                names[slot] = name;
                if (++count * 2 > keys.Length)
                {
                    Grow();
                }

                return code;
            }

            slot = (slot + 1) & mask;
        }
    }

    private void Grow()
    {
        var (oldKeys, oldCodes, oldNames) = (keys, codes, names);
        keys = new ulong[oldKeys.Length * 2];
        codes = new int[keys.Length];
        names = new string[keys.Length];
        var mask = keys.Length - 1;
        for (var i = 0; i < oldKeys.Length; i++)
        {
            if (oldKeys[i] == 0)
            {
                continue;
            }

            var slot = (int)(oldKeys[i] >> 40) & mask;
            while (keys[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            (keys[slot], codes[slot], names[slot]) = (oldKeys[i], oldCodes[i], oldNames[i]);
        }
    }
}

/// <summary>
/// One seller's days in blocks of 64, so a series never copies its cells as days come (in any
/// order); only the small array of blocks grows.
/// </summary>
internal sealed class DaySeries(int first)
{
    /// <summary>Taken by a worker adding to the series (see <see cref="SellerDays"/>).</summary>
    public Lock Gate { get; } = new();

    private const int BlockBits = 6;
    private const int BlockDays = 1 << BlockBits;

    private int firstBlock = first >> BlockBits;

    private CentTally[]?[] blocks = new CentTally[]?[8];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ref CentTally At(int day)
    {
        var block = (day >> BlockBits) - firstBlock;
        if ((uint)block >= (uint)blocks.Length)
        {
            block = Grow(day >> BlockBits);
        }

        var cells = blocks[block] ??= new CentTally[BlockDays];
        return ref cells[day & (BlockDays - 1)];
    }

    /// <summary>Every day with an order, in day order.</summary>
    public IEnumerable<(int Day, CentTally Cell)> Days()
    {
        for (var b = 0; b < blocks.Length; b++)
        {
            if (blocks[b] is not { } cells)
            {
                continue;
            }

            for (var i = 0; i < cells.Length; i++)
            {
                if (cells[i].Orders > 0)
                {
                    yield return (((firstBlock + b) << BlockBits) + i, cells[i]);
                }
            }
        }
    }

    private int Grow(int wanted)
    {
        var from = Math.Min(firstBlock, wanted);
        var to = Math.Max(firstBlock + blocks.Length, wanted + 1);
        var grown = new CentTally[]?[Math.Max(to - from, blocks.Length * 2)];
        // Room on the side the day came from: rows sorted newest first grow to the left.
        var shift = wanted < firstBlock ? grown.Length - (to - from) : 0;
        blocks.CopyTo(grown, firstBlock - from + shift);
        (firstBlock, blocks) = (from - shift, grown);
        return wanted - firstBlock;
    }
}

/// <summary>
/// Every seller's days, once for all workers: a worker adds to a seller's series under that
/// series' own lock (two workers rarely want the same seller at once), so the cells do not
/// multiply with the cores; a year of 2,000 sellers is about 30 MB.
/// </summary>
internal sealed class SellerDays
{
    private readonly Lock growing = new();
    private volatile DaySeries?[] series = new DaySeries?[64];

    /// <summary>Adds an order to seller <paramref name="code"/> (account code + 1; 0 is the shelf) on <paramref name="day"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(int code, int day, long gmv, long refund, int quantity)
    {
        var all = series;
        var one = (code < all.Length ? all[code] : null) ?? Create(code, day);
        lock (one.Gate)
        {
            one.At(day).Add(gmv, refund, quantity);
        }
    }

    /// <summary>Every seller's series by code; read once the workers are done.</summary>
    public IEnumerable<(int Code, DaySeries Series)> All()
    {
        var all = series;
        for (var code = 0; code < all.Length; code++)
        {
            if (all[code] is { } one)
            {
                yield return (code, one);
            }
        }
    }

    private DaySeries Create(int code, int day)
    {
        lock (growing)
        {
            // A worker holding the array from before a growth finds a new series here.
            var all = series;
            if (code >= all.Length)
            {
                var grown = new DaySeries?[Math.Max(code + 1, all.Length * 2)];
                all.CopyTo(grown, 0);
                series = all = grown;
            }

            return all[code] ??= new DaySeries(day);
        }
    }
}
