using System.Runtime.CompilerServices;

namespace Playbook.Canonical;

/// <summary>
/// Parsers for the common, clean spelling of each field, straight from the text. Each accepts a
/// strict subset of what <see cref="FieldValues"/> accepts and gives the same value; anything
/// else returns false, and the row goes to the plain field parsers, which either read it or say why not.
/// </summary>
internal static class FastFields
{
    /// <summary>The moment all second counts start from.</summary>
    public static readonly DateTime Epoch = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    private static readonly int EpochDay = DateOnly.FromDateTime(Epoch).DayNumber;

    /// <summary>The field at <paramref name="position"/> of a split record; empty when the header has no such column (-1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ReadOnlySpan<char> Field(ReadOnlySpan<char> content, ReadOnlySpan<Range> fields, int position) =>
        position < 0 ? default : content[fields[position]];

    /// <summary>
    /// A value that <see cref="FieldValues.Clean"/> leaves as it is: starts and ends with an ASCII
    /// letter or digit (so nothing is trimmed or unwrapped, and it is no null marker).
    /// </summary>
    public static bool IsPlain(ReadOnlySpan<char> field) =>
        field.Length > 0 && char.IsAsciiLetterOrDigit(field[0]) && char.IsAsciiLetterOrDigit(field[^1]);

    /// <summary>
    /// An id as a 抖店 export writes it: the same as <see cref="TryId"/>, after one leading or one
    /// trailing tab (the export puts one beside long numbers so that Excel keeps them as text).
    /// <paramref name="id"/> is the id without the tab.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryExportId(ReadOnlySpan<char> field, out ReadOnlySpan<char> id)
    {
        id = field.Length == 0 ? field : field[0] == '\t' ? field[1..] : field[^1] == '\t' ? field[..^1] : field;
        return TryId(id, out _) && (id.Length > 0 || field.Length == 0);
    }

    /// <summary>
    /// Text that <see cref="FieldValues.Clean"/> keeps exactly as it is: no surrounding whitespace,
    /// quotes, apostrophe, backtick or Excel <c>=</c>, and no null marker.
    /// </summary>
    public static bool IsUnchangedText(ReadOnlySpan<char> field) =>
        field.Length > 0 && !FieldValues.IsNullMarker(field)
        && !IsEdge(field[0]) && !IsEdge(field[^1]) && field[0] is not '`' and not '=';

    /// <summary>An id: empty is null; a plain value that no spreadsheet rounded (those have a '.').</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryId(ReadOnlySpan<char> field, out bool present)
    {
        present = field.Length > 0;
        return field.Length == 0 || (IsPlain(field) && !field.Contains('.'));
    }

    /// <summary>CNY as cents: digits with up to two decimals, at most 15 integer digits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryCents(ReadOnlySpan<char> field, out long cents)
    {
        cents = 0;
        var dot = field.IndexOf('.');
        var whole = dot < 0 ? field : field[..dot];
        if (whole.Length is 0 or > 15)
        {
            return false;
        }

        foreach (var c in whole)
        {
            var d = (uint)(c - '0');
            if (d > 9)
            {
                return false;
            }

            cents = (cents * 10) + d;
        }

        cents *= 100;
        if (dot < 0)
        {
            return true;
        }

        var fraction = field[(dot + 1)..];
        if (fraction.Length is 0 or > 2)
        {
            return false;
        }

        var scale = 10;
        foreach (var c in fraction)
        {
            var d = (uint)(c - '0');
            if (d > 9)
            {
                return false;
            }

            cents += d * scale;
            scale /= 10;
        }

        return true;
    }

    /// <summary>A quantity: 1 to 999,999,999 in plain digits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryQuantity(ReadOnlySpan<char> field, out int quantity)
    {
        quantity = 0;
        if (field.Length is 0 or > 9 || field[0] == '0')
        {
            return false;
        }

        foreach (var c in field)
        {
            var d = (uint)(c - '0');
            if (d > 9)
            {
                return false;
            }

            quantity = (quantity * 10) + (int)d;
        }

        return true;
    }

    /// <summary>
    /// A time written exactly yyyy-MM-dd HH:mm:ss, as seconds since <see cref="Epoch"/> (years
    /// 2000 to 2067, so the count fits an int), with its day number.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryTime(ReadOnlySpan<char> field, out int seconds, out int dayNumber, out short monthIndex)
    {
        seconds = 0;
        dayNumber = 0;
        monthIndex = 0;
        if (field.Length != 19 || field[4] != '-' || field[7] != '-' || field[10] != ' ' || field[13] != ':' || field[16] != ':')
        {
            return false;
        }

        if (!Two(field, 0, out var century) || !Two(field, 2, out var yy) || !Two(field, 5, out var month) || !Two(field, 8, out var day)
            || !Two(field, 11, out var hour) || !Two(field, 14, out var minute) || !Two(field, 17, out var second))
        {
            return false;
        }

        var year = (century * 100) + yy;
        if (year is < 2000 or > 2067 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        dayNumber = new DateOnly(year, month, day).DayNumber;
        seconds = ((dayNumber - EpochDay) * 86_400) + (hour * 3600) + (minute * 60) + second;
        monthIndex = MonthIndex(year, month);
        return true;
    }

    /// <summary>buyer_is_fan: empty is null (-1); true is 1, false is 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryFan(ReadOnlySpan<char> field, out sbyte fan)
    {
        fan = field.Length == 0 ? (sbyte)-1 : field.SequenceEqual("true") ? (sbyte)1 : field.SequenceEqual("false") ? (sbyte)0 : (sbyte)-2;
        return fan != -2;
    }

    /// <summary>A canonical spelling, exactly as <see cref="Vocabulary"/> writes it; its index, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Word(ReadOnlySpan<char> field, IReadOnlyList<string> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (field.SequenceEqual(words[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The same as the text overload for a time the plain parser read (any accepted spelling).</summary>
    public static bool TryTime(DateTime time, out int seconds, out int dayNumber, out short month)
    {
        var ok = time.Year is >= 2000 and <= 2067 && time.Ticks % TimeSpan.TicksPerSecond == 0;
        dayNumber = DateOnly.FromDateTime(time).DayNumber;
        seconds = ok ? (int)((time - Epoch).Ticks / TimeSpan.TicksPerSecond) : 0;
        month = MonthIndex(time.Year, time.Month);
        return ok;
    }

    /// <summary>Months since January 2000.</summary>
    public static short MonthIndex(int year, int month) => (short)(((year - 2000) * 12) + month - 1);

    /// <summary>The first moment of a month index, for its name.</summary>
    public static DateTime MonthStart(int index) => new(2000 + (index / 12), (index % 12) + 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    private static bool IsEdge(char c) => FieldValues.Trimmed.Contains(c, StringComparison.Ordinal) || FieldValues.IsQuote(c);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool Two(ReadOnlySpan<char> s, int at, out int value)
    {
        var a = (uint)(s[at] - '0');
        var b = (uint)(s[at + 1] - '0');
        value = (int)((a * 10) + b);
        return a <= 9 && b <= 9;
    }
}
