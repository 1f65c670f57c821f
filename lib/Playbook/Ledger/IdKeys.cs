using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Playbook.Ledger;

/// <summary>
/// 64-bit keys for ids. An id of at most 19 digits without a leading zero (every 抖店 order id) is
/// its own number, so equal keys mean equal ids; any other id is hashed. Equal keys therefore mean
/// possibly equal ids, and the fast reader hands such a file to the plain reader, which names them.
/// </summary>
internal static class IdKeys
{
    private const ulong Prime1 = 0x9E3779B185EBCA87UL;
    private const ulong Prime2 = 0xC2B2AE3D27D4EB4FUL;

    /// <summary>The key of <paramref name="id"/>: the number itself, or a hash.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ulong Of(ReadOnlySpan<char> id)
    {
        if (id.Length is > 0 and <= 19 && (id[0] != '0' || id.Length == 1))
        {
            ulong value = 0;
            var digits = true;
            foreach (var c in id)
            {
                var d = (uint)(c - '0');
                if (d > 9)
                {
                    digits = false;
                    break;
                }

                value = (value * 10) + d;
            }

            // 19 digits can pass 2^64 only above 18446744073709551615, which no 19-digit number reaches.
            if (digits)
            {
                return value;
            }
        }

        return Hash(id);
    }

    /// <summary>A well-mixed 64-bit hash of the characters (not stable across versions; never stored).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ulong Hash(ReadOnlySpan<char> text) => Hash(MemoryMarshal.AsBytes(text));

    /// <summary>A well-mixed 64-bit hash of bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ulong Hash(ReadOnlySpan<byte> bytes)
    {
        var h = Prime2 ^ ((ulong)bytes.Length * Prime1);
        while (bytes.Length >= 8)
        {
            h = Mix(h ^ BinaryPrimitives.ReadUInt64LittleEndian(bytes));
            bytes = bytes[8..];
        }

        ulong tail = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            tail |= (ulong)bytes[i] << (8 * i);
        }

        return Mix(h ^ tail ^ Prime1);
    }

    /// <summary>
    /// Mixes the bits of a key one-to-one (each step, an odd multiply or an xor with a right shift,
    /// can be undone), so distinct keys stay distinct and every bit depends on all of them.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Scramble(ulong key) => Mix(key);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ulong Mix(ulong h)
    {
        h *= Prime1;
        h ^= h >> 31;
        h *= Prime2;
        return h ^ (h >> 29);
    }
}
