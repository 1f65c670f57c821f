using Playbook.Canonical;
using Playbook.Ledger;

namespace Playbook.Tests.Ledger;

/// <summary>
/// The fast reader's compact stores on their own, against plain collections: the buyer book's
/// packed and stored ids, the day series' blocks, and the order-key set's seven-byte keys.
/// </summary>
public sealed class CompactStoresTests
{
    // Short ASCII ids are packed into the buyer; long, non-ASCII and NUL-ended ones are kept as text.
    private static readonly string[] Ids =
    [
        "A", "AA", "B", "U0000025338", "U0000025339", "1234567890123", "1234567890124",
        "12345678901234", "12345678901235", "123456789", "1234567890", "a\0", "a", "\0a",
        "顾客", "顾客1", "dy_9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        "dy_9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a09",
    ];

    [Fact]
    public void BuyerBook_EveryKindOfId_SameIdSameBuyerOtherIdOtherBuyer()
    {
        var book = new BuyerBook();
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        // Twice over, so every id is met again after all the others were added.
        foreach (var id in Ids.Concat(Ids))
        {
            var number = book.Add(id, IdKeys.Hash(id), 1, 0, 0, 100, fan: false);
            Assert.Equal(numbers.TryAdd(id, number) ? number : numbers[id], number);
        }

        Assert.Equal(Ids.Length, book.Count);
        Assert.Equal(Ids.Length, numbers.Values.Distinct().Count());
    }

    [Fact]
    public void BuyerBook_AllIdsOnOneSlot_StillToldApartByTheirText()
    {
        // One hash for all: every lookup walks the same probe run and must compare the ids themselves.
        var book = new BuyerBook();
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var id in Ids.Concat(Ids.Reverse()))
        {
            var number = book.Add(id, 0xDEAD_BEEF_0000_0001UL, 1, 0, 0, 100, fan: false);
            Assert.Equal(numbers.TryAdd(id, number) ? number : numbers[id], number);
        }

        Assert.Equal(Ids.Length, book.Count);
    }

    [Fact]
    public void BuyerBook_ManyBuyersGrowingTheTable_CountsRepeatBuyersAsWorkedOut()
    {
        // 100,000 buyers; those whose number is divisible by 3 come back with a second parent
        // order, so 33,334 (0, 3, ..., 99,999) are repeat buyers.
        var book = new BuyerBook();
        var month = FastFields.MonthIndex(2024, 1);
        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < 100_000; i++)
            {
                if (round == 1 && i % 3 != 0)
                {
                    continue;
                }

                var id = i % 2 == 0 ? $"U{i:D10}" : $"long-buyer-id-{i:D10}";
                book.Add(id, IdKeys.Hash(id), (ulong)((round * 1_000_000) + i), 1000 + round, month, 100, fan: false);
            }
        }

        var figures = BuyerBook.Combine([book], new DateTime(2024, 12, 31, 0, 0, 0, DateTimeKind.Unspecified));
        Assert.Equal(100_000, figures.Buyers);
        Assert.Equal(33_334, figures.RepeatBuyers);
    }

    [Fact]
    public void DaySeries_DaysInAnyOrder_SumsEqualADictionary()
    {
        var random = new Random(7);
        var first = new DateOnly(2024, 6, 1).DayNumber;
        var series = new DaySeries(first);
        var expected = new Dictionary<int, (long Gmv, long Orders)>();
        // Forwards, backwards far past the first day, then scattered over five years.
        var days = Enumerable.Range(0, 400).Select(d => first + d)
            .Concat(Enumerable.Range(0, 400).Select(d => first - d))
            .Concat(Enumerable.Range(0, 2000).Select(_ => first + random.Next(-900, 900)));
        foreach (var day in days)
        {
            var gmv = random.Next(1, 10_000);
            series.At(day).Add(gmv, 0, 1);
            expected[day] = expected.TryGetValue(day, out var e) ? (e.Gmv + gmv, e.Orders + 1) : (gmv, 1);
        }

        var got = series.Days().ToList();
        Assert.Equal(expected.Keys.Order(), got.Select(d => d.Day));
        Assert.All(got, d => Assert.Equal(expected[d.Day], (d.Cell.Gmv, d.Cell.Orders)));
    }

    [Fact]
    public void SellerDays_FourWorkersAtOnce_SumsEqualASequentialCount()
    {
        // Sellers numbered past the first array's size, so it grows while others add.
        var first = new DateOnly(2024, 1, 1).DayNumber;
        var adds = Enumerable.Range(0, 200_000).Select(i => (Code: (i * 7919) % 500, Day: first + ((i * 31) % 366), Gmv: (long)(i % 1000))).ToArray();
        var days = new SellerDays();
        Parallel.ForEach(adds, new ParallelOptions { MaxDegreeOfParallelism = 4 }, a => days.Add(a.Code, a.Day, a.Gmv, 0, 1));

        var expected = adds.GroupBy(a => (a.Code, a.Day)).ToDictionary(g => g.Key, g => (g.Sum(a => a.Gmv), g.LongCount()));
        var got = days.All().SelectMany(s => s.Series.Days().Select(d => (Key: (s.Code, d.Day), Value: (d.Cell.Gmv, d.Cell.Orders)))).ToList();
        Assert.Equal(expected.Count, got.Count);
        Assert.All(got, g => Assert.Equal(expected[g.Key], g.Value));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void OrderKeySet_KeysOverTwoWorkers_FindsADuplicateOnlyWhenThereIsOne(bool withDuplicate)
    {
        var random = new Random(11);
        var keys = new HashSet<ulong>();
        while (keys.Count < 50_000)
        {
            keys.Add((ulong)random.NextInt64() ^ ((ulong)random.Next() << 63));
        }

        // Sequential ids too, as a numbered export has them; and the extremes.
        keys.UnionWith(Enumerable.Range(0, 20_000).Select(i => 5_000_000_000_000_000_000UL + (ulong)i));
        keys.UnionWith([0, ulong.MaxValue, 1UL << 56, (1UL << 56) - 1]);
        var sets = new[] { new OrderKeySet(), new OrderKeySet() };
        var all = keys.ToArray();
        for (var i = 0; i < all.Length; i++)
        {
            sets[i % 2].Add(all[i]);
        }

        if (withDuplicate)
        {
            // Added by the other worker than the one that has it.
            sets[1].Add(all[12_344]);
        }

        Assert.Equal(withDuplicate, OrderKeySet.AnyDuplicate(sets, 2));
    }
}
