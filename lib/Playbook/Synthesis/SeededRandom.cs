namespace Playbook.Synthesis;

/// <summary>
/// A small seeded generator (xoshiro256**, seeded by SplitMix64) whose sequence is fixed by this
/// code alone, so that the same seed gives the same bytes on every runtime version. Not for security.
/// </summary>
public sealed class SeededRandom
{
    private ulong s0;
    private ulong s1;
    private ulong s2;
    private ulong s3;

    /// <summary>Creates a generator from <paramref name="seed"/>.</summary>
    public SeededRandom(ulong seed)
    {
        s0 = SplitMix(ref seed);
        s1 = SplitMix(ref seed);
        s2 = SplitMix(ref seed);
        s3 = SplitMix(ref seed);
    }

    /// <summary>A new generator for a named part of a model, so parts do not shift each other's draws.</summary>
    public SeededRandom Fork(string part)
    {
        ArgumentNullException.ThrowIfNull(part);
        var hash = 14695981039346656037UL;
        foreach (var c in part)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return new SeededRandom(NextULong() ^ hash);
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextULong()
    {
        var result = RotateLeft(s1 * 5, 7) * 9;
        var t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = RotateLeft(s3, 45);
        return result;
    }

    /// <summary>A uniform double in [0, 1).</summary>
    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform double in [<paramref name="min"/>, <paramref name="max"/>).</summary>
    public double Uniform(double min, double max) => min + ((max - min) * NextDouble());

    /// <summary>A uniform integer in [0, <paramref name="maxExclusive"/>).</summary>
    public int Next(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        return (int)(NextDouble() * maxExclusive);
    }

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool Chance(double p) => NextDouble() < p;

    /// <summary>A standard normal draw (Box–Muller).</summary>
    public double Gaussian()
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>A log-normal multiplier with median 1 and log-scale <paramref name="sigma"/>.</summary>
    public double Noise(double sigma) => Math.Exp(sigma * Gaussian());

    /// <summary>An index drawn with the given non-negative weights.</summary>
    public int Pick(IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var total = 0.0;
        foreach (var w in weights)
        {
            total += w;
        }

        var x = NextDouble() * total;
        for (var i = 0; i < weights.Count; i++)
        {
            x -= weights[i];
            if (x < 0)
            {
                return i;
            }
        }

        return weights.Count - 1;
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    private static ulong SplitMix(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

/// <summary>Helpers shared by the case models.</summary>
internal static class Draw
{
    /// <summary>Zipf-like weights 1 / rank^exponent, normalised to sum to 1.</summary>
    public static double[] Zipf(int count, double exponent)
    {
        var weights = new double[count];
        var total = 0.0;
        for (var i = 0; i < count; i++)
        {
            weights[i] = 1.0 / Math.Pow(i + 1, exponent);
            total += weights[i];
        }

        for (var i = 0; i < count; i++)
        {
            weights[i] /= total;
        }

        return weights;
    }

    /// <summary>Rounds to cents, half away from zero.</summary>
    public static decimal Cents(double amount) => decimal.Round((decimal)amount, 2, MidpointRounding.AwayFromZero);

    /// <summary>Every day from <paramref name="first"/> to <paramref name="last"/>, inclusive.</summary>
    public static IEnumerable<DateOnly> Days(DateOnly first, DateOnly last)
    {
        for (var d = first; d <= last; d = d.AddDays(1))
        {
            yield return d;
        }
    }

    /// <summary>A weekday pattern: weekends sell more, Mondays least.</summary>
    public static double Weekday(DateOnly day) => day.DayOfWeek switch
    {
        DayOfWeek.Monday => 0.92,
        DayOfWeek.Tuesday => 0.95,
        DayOfWeek.Wednesday => 0.97,
        DayOfWeek.Thursday => 1.0,
        DayOfWeek.Friday => 1.05,
        DayOfWeek.Saturday => 1.12,
        _ => 1.10,
    };
}
