using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using System.Text;
using Playbook.Canonical;

namespace Playbook.Ledger;

/// <summary>
/// Every buyer of a big file in 48 bytes: the id (packed inside when short and ASCII, else UTF-8
/// in pages), and only what <see cref="BuyerFigures"/> needs. Purchases are fed in file order by one thread.
/// </summary>
/// <remarks>
/// Per buyer it keeps the earliest parent order and its time, and the earliest time of any other
/// parent: enough for "two or more purchases" and the 30-day return, whatever the order of the
/// rows. For the monthly rate it keeps the current month, its first parent and whether a second
/// came; that needs each buyer's rows to move through the months one way (ascending or descending,
/// as exports are sorted). A buyer whose months go back and forth stops the fast read
/// (<see cref="MonthsOutOfOrder"/>), and the caller reads the file again keeping every buyer's
/// purchases (<see cref="BuyerHistories"/>), which replays them here in time order.
/// </remarks>
internal sealed class BuyerBook : IBuyerStore
{
    private const int PageBits = 16;
    private const int PageSize = 1 << PageBits;
    private const int ArenaPageBytes = 1 << 20;
    private const int NoTime = int.MaxValue;
    private const ulong TagMask = 0xFFFF_FFFF_0000_0000UL;

    /// <summary>Marks an id kept in the arena: a packed id's high part is below 2^28.</summary>
    private const uint Stored = uint.MaxValue;

    /// <summary>The longest ASCII id packed into a buyer (9 × 7 bits in 64, 4 × 7 in 32).</summary>
    private const int MaxInline = 13;

    private readonly List<Buyer[]> pages = [];
    private readonly List<byte[]> arena = [];
    private readonly Dictionary<int, (long Buyers, long Repeat)> months = [];
    private ulong[] slots = new ulong[1 << 16];
    private byte[] scratch = new byte[256];
    private int arenaUsed = ArenaPageBytes;
    private long fanNetCents;

    public long Count { get; private set; }

    /// <summary>A buyer's months went back and forth; the figures would be wrong, so the fast read stops.</summary>
    public bool MonthsOutOfOrder { get; private set; }

    /// <summary>
    /// Adds one sub-order of a buyer; <paramref name="hash"/> is <see cref="IdKeys.Hash(ReadOnlySpan{char})"/>
    /// of the id, worked out by the parsing worker. Returns the buyer's number, for session buyer counts.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Add(ReadOnlySpan<char> buyerId, ulong hash, ulong parent, int second, short month, long netCents, bool fan)
    {
        var index = FindOrAdd(buyerId, hash, out var added);
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
            .Select(m => new MonthlyRepurchase(BuyerHistories.MonthName(m.Key), m.Value.Buyers, m.Value.Repeat, (double)m.Value.Repeat / m.Value.Buyers))
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CountMonth(short month, bool newBuyer)
    {
        ref var m = ref CollectionsMarshal.GetValueRefOrAddDefault(months, month, out _);
        m = newBuyer ? (m.Buyers + 1, m.Repeat) : (m.Buyers, m.Repeat + 1);
    }

    /// <summary>
    /// Asks the processor to fetch the slot a buyer's hash lands on, a few buyers before it is
    /// looked up: the slots and buyers are far bigger than the cache, and each lookup would
    /// otherwise wait for memory twice.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public unsafe void PrefetchSlot(ulong hash)
    {
        if (Sse.IsSupported)
        {
            // A prefetch never faults, so an address the garbage collector has since moved is harmless.
            Sse.Prefetch0(Unsafe.AsPointer(ref slots[(int)(hash >> 32) & (slots.Length - 1)]));
        }
    }

    /// <summary>The second step of <see cref="PrefetchSlot"/>: fetch the buyer the (by now cached) slot points at.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public unsafe void PrefetchBuyer(ulong hash)
    {
        if (Sse.IsSupported)
        {
            var slot = slots[(int)(hash >> 32) & (slots.Length - 1)];
            if (slot != 0 && (slot & TagMask) == (hash & TagMask))
            {
                var index = (int)(uint)slot - 1;
                Sse.Prefetch0(Unsafe.AsPointer(ref pages[index >> PageBits][index & (PageSize - 1)]));
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int FindOrAdd(ReadOnlySpan<char> id, ulong hash, out bool added)
    {
        var inline = Inline(id, out var low, out var high);
        var utf8 = inline ? default : Utf8(id);
        // The slot keeps the hash's high half, which also places it, so growing never rehashes an id.
        var tag = hash & TagMask;
        var mask = slots.Length - 1;
        for (var s = (int)(hash >> 32) & mask; ; s = (s + 1) & mask)
        {
            var slot = slots[s];
            if (slot == 0)
            {
                break;
            }

            if ((slot & TagMask) == tag)
            {
                var index = (int)(uint)slot - 1;
                ref var b = ref pages[index >> PageBits][index & (PageSize - 1)];
                if (inline ? b.IdLow == low && b.IdHigh == high : b.IdHigh == Stored && Text((int)b.IdLow).SequenceEqual(utf8))
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

        ref var buyer = ref pages[number >> PageBits][number & (PageSize - 1)];
        (buyer.IdLow, buyer.IdHigh) = inline ? (low, high) : ((ulong)Store(utf8), Stored);
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

    private ReadOnlySpan<byte> Utf8(ReadOnlySpan<char> id)
    {
        var most = Encoding.UTF8.GetMaxByteCount(id.Length);
        if (scratch.Length < most)
        {
            scratch = new byte[most];
        }

        return scratch.AsSpan(0, Encoding.UTF8.GetBytes(id, scratch));
    }

    /// <summary>
    /// An ASCII id of at most 13 characters without NUL (most buyer ids) packed seven bits a
    /// character: the first nine into <paramref name="low"/>, the rest into <paramref name="high"/>.
    /// Packing is one-to-one, as no character is zero: the highest set bit tells the length.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Inline(ReadOnlySpan<char> id, out ulong low, out uint high)
    {
        (low, high) = (0, 0);
        if (id.Length > MaxInline)
        {
            return false;
        }

        for (var i = 0; i < id.Length; i++)
        {
            var c = id[i];
            if (c is '\0' or > (char)127)
            {
                return false;
            }

            if (i < 9)
            {
                low = (low << 7) | c;
            }
            else
            {
                high = (high << 7) | c;
            }
        }

        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ReadOnlySpan<byte> Text(int at)
    {
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

        /// <summary>The packed id's low 64 bits (see Inline), or where the UTF-8 id is kept when <see cref="IdHigh"/> is <see cref="Stored"/>.</summary>
        public ulong IdLow;

        /// <summary>The packed id's characters after the ninth (28 bits at most), or <see cref="Stored"/>.</summary>
        public uint IdHigh;
        public int FirstSecond;
        public int OtherSecond;
        public short Month;
        public sbyte Direction;
        public bool MonthRepeat;
    }
}
