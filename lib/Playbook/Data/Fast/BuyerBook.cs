using System.Runtime.InteropServices;
using System.Text;
using Playbook.Metrics;

namespace Playbook.Data.Fast;

/// <summary>Buyers split over several books by id, seen as one.</summary>
internal sealed class ShardedBuyers(IReadOnlyList<BuyerBook> books) : IBuyerFigureSource
{
    public long Count => books.Sum(b => b.Count);

    public BuyerFigures Figures(DateTime lastMoment) => BuyerBook.Combine(books, lastMoment);
}

/// <summary>
/// Every buyer of a big file in a few dozen bytes: the id once (UTF-8, in pages), and only what
/// <see cref="BuyerFigures"/> needs. Purchases are fed in file order by one thread.
/// </summary>
/// <remarks>
/// Per buyer it keeps the earliest parent order and its time, and the earliest time of any other
/// parent: enough for "two or more purchases" and the 30-day return, whatever the order of the
/// rows. For the monthly rate it keeps the current month, its first parent and whether a second
/// came; that needs each buyer's rows to move through the months one way (ascending or descending,
/// as exports are sorted). A buyer whose months go back and forth stops the fast read
/// (<see cref="MonthsOutOfOrder"/>), and the caller reads the file the plain way.
/// </remarks>
internal sealed class BuyerBook
{
    private const int PageBits = 16;
    private const int PageSize = 1 << PageBits;
    private const int ArenaPageBytes = 1 << 20;
    private const int NoTime = int.MaxValue;

    private readonly List<Buyer[]> pages = [];
    private readonly List<byte[]> arena = [];
    private readonly Dictionary<int, (long Buyers, long Repeat)> months = [];
    private ulong[] slots = new ulong[1 << 16];
    private int arenaUsed = ArenaPageBytes;
    private long fanNetCents;

    public long Count { get; private set; }

    /// <summary>A buyer's months went back and forth; the figures would be wrong, so the fast read stops.</summary>
    public bool MonthsOutOfOrder { get; private set; }

    /// <summary>Adds one sub-order of a buyer. Returns the buyer's number, for session buyer counts.</summary>
    public int Add(ReadOnlySpan<char> buyerId, ulong parent, int second, short month, long netCents, bool fan)
    {
        var index = FindOrAdd(buyerId, out var added);
        ref var b = ref pages[index >> PageBits][index & (PageSize - 1)];
        if (fan)
        {
            fanNetCents += netCents;
        }
        else
        {
            b.NonFanNetCents += netCents;
        }

        if (added)
        {
            b.FirstParent = parent;
            b.FirstSecond = second;
            b.OtherSecond = NoTime;
            b.Month = month;
            b.MonthParent = parent;
            CountMonth(month, newBuyer: true);
            return index;
        }

        // The earliest parent and the earliest time of any other parent (see the remarks).
        if (parent == b.FirstParent)
        {
            b.FirstSecond = Math.Min(b.FirstSecond, second);
        }
        else if (second < b.FirstSecond)
        {
            b.OtherSecond = b.FirstSecond;
            b.FirstParent = parent;
            b.FirstSecond = second;
        }
        else
        {
            b.OtherSecond = Math.Min(b.OtherSecond, second);
        }

        if (month == b.Month)
        {
            if (!b.MonthRepeat && parent != b.MonthParent)
            {
                b.MonthRepeat = true;
                CountMonth(month, newBuyer: false);
            }
        }
        else
        {
            var direction = (sbyte)(month > b.Month ? 1 : -1);
            if (b.Direction != 0 && b.Direction != direction)
            {
                MonthsOutOfOrder = true;
            }

            b.Direction = direction;
            b.Month = month;
            b.MonthParent = parent;
            b.MonthRepeat = false;
            CountMonth(month, newBuyer: true);
        }

        return index;
    }

    /// <summary>The figures of buyers split over several books (no buyer in two).</summary>
    public static BuyerFigures Combine(IReadOnlyList<BuyerBook> books, DateTime lastMoment)
    {
        long repeat = 0, cohort = 0, returned = 0, repeatNonFan = 0, fan = 0, count = 0;
        var months = new SortedDictionary<int, (long Buyers, long Repeat)>();
        foreach (var book in books)
        {
            var f = book.Sums(lastMoment);
            (repeat, cohort, returned, repeatNonFan) = (repeat + f.Repeat, cohort + f.Cohort, returned + f.Returned, repeatNonFan + f.RepeatNonFan);
            fan += book.fanNetCents;
            count += book.Count;
            foreach (var (month, m) in book.months)
            {
                months.TryGetValue(month, out var sum);
                months[month] = (sum.Buyers + m.Buyers, sum.Repeat + m.Repeat);
            }
        }

        var monthly = months
            .Select(m => new MonthlyRepurchase(BuyerFigures.MonthName(FastFields.MonthStart(m.Key)), m.Value.Buyers, m.Value.Repeat, (double)m.Value.Repeat / m.Value.Buyers))
            .ToList();
        return new BuyerFigures(count, repeat, monthly, cohort, returned, (fan + repeatNonFan) / 100m);
    }

    private (long Repeat, long Cohort, long Returned, long RepeatNonFan) Sums(DateTime lastMoment)
    {
        var last = (long)((lastMoment - FastFields.Epoch).Ticks / TimeSpan.TicksPerSecond);
        long repeat = 0, cohort = 0, returned = 0, repeatNonFan = 0;
        for (var i = 0L; i < Count; i++)
        {
            ref var b = ref pages[(int)(i >> PageBits)][i & (PageSize - 1)];
            if (b.OtherSecond != NoTime)
            {
                repeat++;
                repeatNonFan += b.NonFanNetCents;
            }

            // Same test as the plain ledger: first + 30 days must not pass the period's last moment.
            if (b.FirstSecond + BuyerFigures.ReturnWindowSeconds <= last)
            {
                cohort++;
                if (b.OtherSecond != NoTime && b.OtherSecond <= b.FirstSecond + BuyerFigures.ReturnWindowSeconds)
                {
                    returned++;
                }
            }
        }

        return (repeat, cohort, returned, repeatNonFan);
    }

    private void CountMonth(short month, bool newBuyer)
    {
        ref var m = ref CollectionsMarshal.GetValueRefOrAddDefault(months, month, out _);
        m = newBuyer ? (m.Buyers + 1, m.Repeat) : (m.Buyers, m.Repeat + 1);
    }

    private int FindOrAdd(ReadOnlySpan<char> id, out bool added)
    {
        Span<byte> utf8 = id.Length <= 256 ? stackalloc byte[id.Length * 3] : new byte[Encoding.UTF8.GetMaxByteCount(id.Length)];
        var length = Encoding.UTF8.GetBytes(id, utf8);
        var bytes = utf8[..length];
        var hash = IdKeys.Hash(bytes);
        // The slot keeps the hash's high half, which also places it, so growing never rehashes an id.
        var tag = hash & 0xFFFF_FFFF_0000_0000UL;
        var mask = slots.Length - 1;
        for (var s = (int)((hash >> 32) & (uint)mask); ; s = (s + 1) & mask)
        {
            var slot = slots[s];
            if (slot == 0)
            {
                break;
            }

            if ((slot & 0xFFFF_FFFF_0000_0000UL) == tag)
            {
                var index = (int)(uint)slot - 1;
                if (Text(index).SequenceEqual(bytes))
                {
                    added = false;
                    return index;
                }
            }
        }

        var number = (int)Count;
        if ((number & (PageSize - 1)) == 0)
        {
            pages.Add(new Buyer[PageSize]);
        }

        pages[number >> PageBits][number & (PageSize - 1)].Text = Store(bytes);
        Count++;
        Insert(slots, tag | (uint)(number + 1));
        if (Count * 4 > slots.Length * 3L)
        {
            var grown = new ulong[slots.Length * 2];
            foreach (var slot in slots)
            {
                if (slot != 0)
                {
                    Insert(grown, slot);
                }
            }

            slots = grown;
        }

        added = true;
        return number;
    }

    private static void Insert(ulong[] table, ulong slot)
    {
        var mask = table.Length - 1;
        var s = (int)((slot >> 32) & (uint)mask);
        while (table[s] != 0)
        {
            s = (s + 1) & mask;
        }

        table[s] = slot;
    }

    private int Store(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > ushort.MaxValue)
        {
            throw new InvalidOperationException("a buyer id longer than 65,535 bytes");
        }

        if (arenaUsed + bytes.Length + 2 > ArenaPageBytes)
        {
            arena.Add(new byte[Math.Max(ArenaPageBytes, bytes.Length + 2)]);
            arenaUsed = 0;
        }

        var page = arena[^1];
        page[arenaUsed] = (byte)bytes.Length;
        page[arenaUsed + 1] = (byte)(bytes.Length >> 8);
        bytes.CopyTo(page.AsSpan(arenaUsed + 2));
        var at = ((arena.Count - 1) << 20) | arenaUsed;
        arenaUsed += bytes.Length + 2;
        return at;
    }

    private ReadOnlySpan<byte> Text(int index)
    {
        var at = pages[index >> PageBits][index & (PageSize - 1)].Text;
        var page = arena[at >> 20];
        var offset = at & (ArenaPageBytes - 1);
        var length = page[offset] | (page[offset + 1] << 8);
        return page.AsSpan(offset + 2, length);
    }

    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    private struct Buyer
    {
        public long NonFanNetCents;
        public ulong FirstParent;
        public ulong MonthParent;
        public int Text;
        public int FirstSecond;
        public int OtherSecond;
        public short Month;
        public sbyte Direction;
        public bool MonthRepeat;
    }
}
