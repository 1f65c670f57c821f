using System.Globalization;
using Playbook.Workspace;

namespace Playbook.Output;

/// <summary>
/// A claim's figures written the way the article and a reviewer read them: money in 亿 or 万 with
/// the English millions beside (¥2.17亿 (¥217.0M)), shares as percentages (49.0%), ratios as ×20.4,
/// ranks as ordinals (2nd), months as they are; the expected value in the article's words (≈ with
/// its tolerance, "at least"). The raw numbers stay in the JSON and on hover.
/// </summary>
public static class ClaimFigures
{
    /// <summary>A value in a claim's unit (CNY, share of …, ratio …, rank, month, users, or a count); in Chinese without the English millions, ranks as 第2.</summary>
    public static string Format(double value, string? unit, Language language = Language.English) => Kind(unit) switch
    {
        UnitKind.Money => Money(value, language),
        UnitKind.Share => Percent(value),
        UnitKind.Ratio => "×" + value.ToString(Math.Abs(value) >= 10 ? "0.0" : "0.00", CultureInfo.InvariantCulture),
        UnitKind.Rank => language == Language.Chinese ? "第" + Math.Round(value).ToString(CultureInfo.InvariantCulture) : Ordinal(value),
        UnitKind.People => People(value, language),
        _ => value.ToString(value == Math.Floor(value) ? "#,0" : "#,0.##", CultureInfo.InvariantCulture),
    };

    /// <summary>The expected value in the article's words: "≈ 48.0% ± 2.0 pts", "at least 200", "2nd", "2020-04" (in Chinese: 约、至少、第2).</summary>
    public static string Expected(Claim claim, Language language = Language.English)
    {
        ArgumentNullException.ThrowIfNull(claim);
        if (claim.Compare == ClaimComparison.Equals || !double.TryParse(claim.Expected, NumberStyles.Float, CultureInfo.InvariantCulture, out var expected))
        {
            // A month stays as it is; words (what talents demand) are the reader's language's.
            return Words.For(language).Of(claim.Expected);
        }

        var value = Format(expected, claim.Unit, language);
        var chinese = language == Language.Chinese;
        return claim.Compare switch
        {
            ClaimComparison.AtLeast => (chinese ? "至少 " : "at least ") + value,
            ClaimComparison.AtMost => (chinese ? "至多 " : "at most ") + value,
            _ when claim.Tolerance is > 0 and var tolerance => chinese ? $"约 {value}（±{Tolerance(tolerance, claim.Unit, language)}）" : $"≈ {value} ± {Tolerance(tolerance, claim.Unit, language)}",
            _ => value,
        };
    }

    /// <summary>The measured value in the claim's unit; the text as it is when it is not a number (a month), empty when not measured.</summary>
    public static string Actual(ClaimResult result, Language language = Language.English)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Actual is { } actual && result.Claim.Compare != ClaimComparison.Equals
            && double.TryParse(actual, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? Format(number, result.Claim.Unit, language)
            : result.Actual ?? "";
    }

    /// <summary>Money in the article's way: 亿 from 100 million, 万 from 10,000, with the English millions beside (not in Chinese).</summary>
    public static string Money(double yuan, Language language = Language.English)
    {
        var sign = yuan < 0 ? "-" : "";
        var abs = Math.Abs(yuan);
        var millions = language == Language.Chinese ? "" : string.Create(CultureInfo.InvariantCulture, $" (¥{sign}{abs / 1e6:0.0}M)");
        return abs switch
        {
            >= 1e8 => string.Create(CultureInfo.InvariantCulture, $"¥{sign}{abs / 1e8:0.00}亿") + millions,
            >= 1e6 => string.Create(CultureInfo.InvariantCulture, $"¥{sign}{abs / 1e4:#,0}万") + millions,
            >= 1e4 => string.Create(CultureInfo.InvariantCulture, $"¥{sign}{abs / 1e4:0.##}万"),
            _ => string.Create(CultureInfo.InvariantCulture, $"¥{sign}{abs:#,0.00}"),
        };
    }

    /// <summary>A share (0..1) as a percentage with one decimal.</summary>
    public static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private enum UnitKind
    {
        Count,
        Money,
        Share,
        Ratio,
        Rank,
        People,
    }

    private static UnitKind Kind(string? unit) => unit switch
    {
        null => UnitKind.Count,
        _ when unit.StartsWith("CNY", StringComparison.Ordinal) => UnitKind.Money,
        _ when unit.StartsWith("share", StringComparison.Ordinal) => UnitKind.Share,
        _ when unit.StartsWith("ratio", StringComparison.Ordinal) => UnitKind.Ratio,
        "rank" => UnitKind.Rank,
        "users" => UnitKind.People,
        _ => UnitKind.Count,
    };

    private static string Tolerance(double tolerance, string? unit, Language language) => Kind(unit) switch
    {
        UnitKind.Money => Money(tolerance, Language.Chinese),
        UnitKind.Share => (tolerance * 100).ToString("0.0", CultureInfo.InvariantCulture) + (language == Language.Chinese ? " 个百分点" : " pts"),
        _ => Format(tolerance, unit, language),
    };

    private static string Ordinal(double rank)
    {
        var n = (long)Math.Round(rank);
        var suffix = (n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch
        {
            1 => "st",
            2 => "nd",
            3 => "rd",
            _ => "th",
        };
        return n.ToString(CultureInfo.InvariantCulture) + suffix;
    }

    private static string People(double count, Language language) => count >= 1e8
        ? string.Create(CultureInfo.InvariantCulture, $"{count / 1e8:0.##}亿") + (language == Language.Chinese ? "" : string.Create(CultureInfo.InvariantCulture, $" ({count / 1e6:#,0}M)"))
        : count.ToString("#,0", CultureInfo.InvariantCulture);
}
