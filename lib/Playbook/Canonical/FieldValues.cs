using System.Globalization;

namespace Playbook.Canonical;

/// <summary>A field that does not hold what its column promises; the reader turns it into a rejection.</summary>
internal sealed class FieldException(string column, string reason) : Exception(reason)
{
    /// <summary>The canonical name of the column at fault.</summary>
    public string Column { get; } = column;
}

/// <summary>
/// Cleans and parses single field values the way Chinese platform exports need: nulls written as
/// "", "-" or "--"; tabs, spaces and quotes that exports put around long ids so that Excel keeps
/// them as text; money with at most two decimals; counts written as 1.2万.
/// </summary>
public static class FieldValues
{
    private static readonly string[] TimeFormats =
    [
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd H:mm:ss", "yyyy-MM-dd HH:mm", "yyyy/M/d H:mm:ss", "yyyy/M/d H:mm",
        "yyyy/MM/dd HH:mm:ss", "yyyy/MM/dd HH:mm",
    ];

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d"];

    /// <summary>
    /// The value with stray wrapping removed, or null when it is one of the null markers
    /// ("", "-", "--"). Removed: surrounding whitespace (space, tab, ideographic space), an Excel
    /// <c>="…"</c> wrapper, surrounding quotes, and a leading apostrophe (Excel's text marker).
    /// </summary>
    public static string? Clean(string? raw)
    {
        if (raw is null)
        {
            return null;
        }

        var span = raw.AsSpan();
        while (true)
        {
            var before = span.Length;
            span = span.Trim(Trimmed);
            if (span.Length >= 3 && span[0] == '=' && span[1] == '"' && span[^1] == '"')
            {
                span = span[2..^1];
            }

            if (span.Length >= 2 && IsQuote(span[0]) && IsQuote(span[^1]))
            {
                span = span[1..^1];
            }
            else if (span.Length >= 1 && (span[0] == '\'' || span[0] == '`'))
            {
                span = span[1..];
            }

            if (span.Length == before)
            {
                break;
            }
        }

        if (span.Length == 0 || IsNullMarker(span))
        {
            return null;
        }

        return span.Length == raw.Length ? raw : span.ToString();
    }

    /// <summary>The whitespace <see cref="Clean"/> trims from both ends.</summary>
    internal const string Trimmed = " \t\u3000\u00A0\uFEFF\r\n";

    /// <summary>A quote <see cref="Clean"/> takes off when one stands at each end.</summary>
    internal static bool IsQuote(char c) => c is '"' or '\'' or '“' or '”' or '‘' or '’';

    /// <summary>A spelling of "no value" besides the empty field: "-", "--", or a masked value (<c>***</c>, stars only).</summary>
    internal static bool IsNullMarker(ReadOnlySpan<char> text) => text is "-" or "--" || IsMasked(text);

    /// <summary>A value the platform masked (<c>***</c>: three or more stars and nothing else): not known.</summary>
    internal static bool IsMasked(ReadOnlySpan<char> text) => text.Length >= 3 && !text.ContainsAnyExcept('*');

    /// <summary>
    /// Parses an amount of CNY: plain decimals, optionally with a ¥ sign and thousands separators.
    /// At most two decimals (the currency has cents, nothing smaller) and never negative.
    /// </summary>
    public static bool TryParseMoney(string text, out decimal value, out string reason)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = text.AsSpan().TrimStart("¥￥").Trim();
        if (!decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out value))
        {
            reason = "not an amount of money (expected a number such as 59.90)";
            return false;
        }

        if (value < 0)
        {
            reason = "must not be negative";
            return false;
        }

        if (value.Scale > 2 && decimal.Round(value, 2) != value)
        {
            reason = "has more than two decimals (amounts are in CNY with cents)";
            return false;
        }

        value = decimal.Round(value, 2);
        reason = "";
        return true;
    }

    /// <summary>
    /// Parses an amount as third-party tools print it: <see cref="TryParseMoney"/>'s rules, and also
    /// 12.5w or 1.2万 (×10,000) and 3亿 (×10⁸). A range such as 7.5w~10w is no amount.
    /// </summary>
    public static bool TryParseMoneyWithUnit(string text, out decimal value, out string reason)
    {
        if (TryParseMoney(text, out value, out reason))
        {
            return true;
        }

        var s = text.AsSpan().Trim();
        if (s.ContainsAny("~～"))
        {
            reason = "a range, not a single amount";
            return false;
        }

        var number = s;
        if (ChineseUnit(ref number) == 1 || !TryParseDecimal(text, out value, out reason))
        {
            return false;
        }

        reason = value < 0 ? "must not be negative"
            : decimal.Round(value, 2) != value ? "has more than two decimals (amounts are in CNY with cents)"
            : "";
        return reason.Length == 0;
    }

    /// <summary>
    /// Parses a whole, non-negative count: plain digits (thousands separators allowed), or the
    /// Chinese units third-party tools print: 1.2万 or 1.2w (×10,000) and 3亿 (×100,000,000).
    /// A range such as 7.5w~10w is not a count.
    /// </summary>
    public static bool TryParseCount(string text, out long value, out string reason)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = text.AsSpan().Trim();
        value = 0;
        if (IsRange(s))
        {
            reason = "a range, not a single count";
            return false;
        }

        var multiplier = ChineseUnit(ref s);
        if (!decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var number))
        {
            reason = "not a whole number";
            return false;
        }

        number *= multiplier;
        if (number != decimal.Truncate(number))
        {
            reason = "not a whole number";
            return false;
        }

        if (number < 0)
        {
            reason = "must not be negative";
            return false;
        }

        if (number > long.MaxValue)
        {
            reason = "too large";
            return false;
        }

        value = (long)number;
        reason = "";
        return true;
    }

    /// <summary>
    /// Parses a decimal number as third-party tools print it: thousands separators, a leading ¥ or
    /// ￥, a trailing 万/w (×10,000) or 亿 (×10⁸). Negative numbers are allowed; ranges are not.
    /// </summary>
    public static bool TryParseDecimal(string text, out decimal value, out string reason)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = text.AsSpan().Trim().TrimStart("¥￥").Trim();
        value = 0;
        if (IsRange(s))
        {
            reason = "a range, not a single number";
            return false;
        }

        var multiplier = ChineseUnit(ref s);
        if (!decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var number))
        {
            reason = "not a number";
            return false;
        }

        value = number * multiplier;
        reason = "";
        return true;
    }

    /// <summary>Whether a value is a range (7.5w~10w, 1-3万) rather than one number; a leading minus is a sign.</summary>
    private static bool IsRange(ReadOnlySpan<char> s) => s.ContainsAny("~～") || s.IndexOf('-') > 0;

    /// <summary>Takes a trailing 万/w (×10,000) or 亿 (×10⁸) off <paramref name="s"/> and returns its multiplier (1 without one).</summary>
    private static decimal ChineseUnit(ref ReadOnlySpan<char> s)
    {
        if (s.EndsWith("万") || s.EndsWith("w") || s.EndsWith("W"))
        {
            s = s[..^1];
            return 10_000m;
        }

        if (s.EndsWith("亿"))
        {
            s = s[..^1];
            return 100_000_000m;
        }

        return 1;
    }

    /// <summary>
    /// Parses a share as a fraction: <c>41.93%</c> is 0.4193; a number without a percent sign is
    /// taken as a fraction already (罗盘 prints <c>0.1002</c>).
    /// </summary>
    public static bool TryParsePercent(string text, out decimal fraction, out string reason)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = text.Trim();
        var percent = s.EndsWith('%') || s.EndsWith('％');
        if (!TryParseDecimal(percent ? s[..^1] : s, out fraction, out reason))
        {
            reason = "not a percentage (expected a value such as 41.93% or 0.4193)";
            return false;
        }

        fraction = percent ? fraction / 100m : fraction;
        return true;
    }

    /// <summary>
    /// Parses a duration into seconds: written out (<c>1分5秒</c>, <c>3小时20分</c>, <c>2小时</c>,
    /// <c>1天2小时</c>), as a clock (<c>01:05:30</c>, <c>05:30</c>), or a plain number of seconds.
    /// </summary>
    public static bool TryParseDuration(string text, out decimal seconds, out string reason)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = text.Trim();
        seconds = 0;
        reason = "not a duration (expected a value such as 1分5秒, 3小时20分, 01:05:30 or a number of seconds)";
        if (s.Length == 0)
        {
            return false;
        }

        if (decimal.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out seconds))
        {
            return true;
        }

        if (s.Contains(':', StringComparison.Ordinal))
        {
            var parts = s.Split(':');
            if (parts.Length is < 2 or > 3 || !parts.All(p => p.Length > 0 && p.All(char.IsAsciiDigit)))
            {
                return false;
            }

            seconds = parts.Aggregate(0m, (total, part) => (total * 60) + decimal.Parse(part, CultureInfo.InvariantCulture));
            return true;
        }

        // Written out: numbers each followed by a unit; every character must belong to one.
        (string Unit, decimal Seconds)[] units = [("天", 86_400), ("小时", 3_600), ("时", 3_600), ("分钟", 60), ("分", 60), ("秒钟", 1), ("秒", 1)];
        var at = 0;
        var any = false;
        while (at < s.Length)
        {
            var start = at;
            while (at < s.Length && (char.IsAsciiDigit(s[at]) || s[at] == '.'))
            {
                at++;
            }

            if (at == start || !decimal.TryParse(s.AsSpan(start, at - start), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                return false;
            }

            var unit = units.FirstOrDefault(u => s.AsSpan(at).StartsWith(u.Unit, StringComparison.Ordinal));
            if (unit.Unit is null)
            {
                return false;
            }

            seconds += number * unit.Seconds;
            at += unit.Unit.Length;
            any = true;
        }

        return any;
    }

    /// <summary>Parses a China-time timestamp such as <c>2021-01-05 20:15:00</c> (also the yyyy/M/d H:mm forms Excel writes).</summary>
    public static bool TryParseTime(string text, out DateTime value)
    {
        ArgumentNullException.ThrowIfNull(text);

        // The usual spelling straight from its digits; ParseExact over every format costs a fifth of a plain read.
        if (FastFields.TryTime(text, out var seconds, out _, out _))
        {
            value = FastFields.Epoch.AddSeconds(seconds);
            return true;
        }

        return DateTime.TryParseExact(text, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    /// <summary>Parses a date such as <c>2021-01-05</c> (also yyyy/M/d).</summary>
    public static bool TryParseDate(string text, out DateOnly value) =>
        DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);

    /// <summary>Parses a yes/no value: true/false, 1/0, yes/no, y/n, 是/否 (case ignored).</summary>
    public static bool TryParseBool(string text, out bool value)
    {
        ArgumentNullException.ThrowIfNull(text);
        switch (text.Trim().ToUpperInvariant())
        {
            case "TRUE" or "1" or "YES" or "Y" or "T" or "是":
                value = true;
                return true;
            case "FALSE" or "0" or "NO" or "N" or "F" or "否":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    /// <summary>An id without the <c>.0</c> a spreadsheet adds to a whole number (<c>123.0</c> → <c>123</c>); anything else as it is.</summary>
    public static string? WithoutFloatTail(string? id)
    {
        if (id is null)
        {
            return null;
        }

        var dot = id.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && id.AsSpan(0, dot).IndexOfAnyExceptInRange('0', '9') < 0 && id.AsSpan(dot + 1).IndexOfAnyExcept('0') < 0 ? id[..dot] : id;
    }

    /// <summary>
    /// Whether an id looks like a long number that a spreadsheet rounded to floating point
    /// (6.91234E+18): its real digits are lost, so the row cannot be trusted.
    /// </summary>
    public static bool LooksRoundedBySpreadsheet(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var e = id.IndexOfAny(['E', 'e']);
        return e > 0 && e < id.Length - 1
            && (id[e + 1] == '+' || char.IsAsciiDigit(id[e + 1]))
            && double.TryParse(id, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            && id.Contains('.', StringComparison.Ordinal);
    }
}
