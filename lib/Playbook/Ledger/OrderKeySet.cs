using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Playbook.Ledger;

/// <summary>
/// One worker's order id keys (<see cref="IdKeys"/>), kept only to find duplicates at the end, in
/// seven bytes each. A key is scrambled one-to-one (<see cref="IdKeys.Scramble"/>); the top byte
/// of the result picks one of 256 buckets and the other seven are stored. Two keys are equal
/// exactly when they share a bucket and their seven bytes, so each bucket is checked on its own.
/// </summary>
internal sealed class OrderKeySet
{
    private const int Buckets = 256;
    private const int BlockKeys = 4096;
    private const int KeyBytes = 7;
    private const ulong Low56 = (1UL << 56) - 1;

    private readonly List<byte[]>[] blocks = [.. Enumerable.Range(0, Buckets).Select(_ => new List<byte[]>())];
    private readonly int[] fill = new int[Buckets];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(ulong key)
    {
        var scrambled = IdKeys.Scramble(key);
        var bucket = (int)(scrambled >> 56);
        var list = blocks[bucket];
        var at = fill[bucket];
        if (at == 0)
        {
            // One spare byte: each key is written as eight, the eighth overwritten by the next key.
            list.Add(new byte[(BlockKeys * KeyBytes) + 1]);
        }

        BinaryPrimitives.WriteUInt64LittleEndian(list[^1].AsSpan(at * KeyBytes), scrambled & Low56);
        fill[bucket] = (at + 1) % BlockKeys;
    }

    /// <summary>
    /// True when some key was added twice, to any of <paramref name="sets"/>. Buckets are checked
    /// in parallel, and each one's blocks are let go as soon as they are copied, so the check
    /// needs no second copy of all the keys.
    /// </summary>
    public static bool AnyDuplicate(IReadOnlyList<OrderKeySet> sets, int parallelism)
    {
        var duplicate = false;
        Parallel.For(0, Buckets, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, (bucket, state) =>
        {
            var count = sets.Sum(s => s.Count(bucket));
            var keys = ArrayPool<ulong>.Shared.Rent(count);
            var n = 0;
            foreach (var set in sets)
            {
                n += set.MoveBucket(bucket, keys.AsSpan(n));
            }

            var sorted = keys.AsSpan(0, n);
            sorted.Sort();
            for (var i = 1; i < sorted.Length; i++)
            {
                if (sorted[i] == sorted[i - 1])
                {
                    duplicate = true;
                    state.Stop();
                    break;
                }
            }

            ArrayPool<ulong>.Shared.Return(keys);
        });
        return duplicate;
    }

    private int Count(int bucket)
    {
        var n = blocks[bucket].Count;
        return n == 0 ? 0 : ((n - 1) * BlockKeys) + (fill[bucket] == 0 ? BlockKeys : fill[bucket]);
    }

    /// <summary>Copies one bucket's stored bytes into <paramref name="into"/> and drops the bucket.</summary>
    private int MoveBucket(int bucket, Span<ulong> into)
    {
        var list = blocks[bucket];
        var n = 0;
        for (var b = 0; b < list.Count; b++)
        {
            var used = b == list.Count - 1 && fill[bucket] != 0 ? fill[bucket] : BlockKeys;
            var block = list[b];
            for (var i = 0; i < used; i++)
            {
                into[n++] = BinaryPrimitives.ReadUInt64LittleEndian(block.AsSpan(i * KeyBytes)) & Low56;
            }
        }

        list.Clear();
        fill[bucket] = 0;
        return n;
    }
}
