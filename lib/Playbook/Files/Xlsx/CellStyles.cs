using System.Xml.Linq;

namespace Playbook.Files;

/// <summary>How a cell style shows a number: as itself, a date, a date and time, or a duration.</summary>
internal enum NumberShown : byte
{
    /// <summary>A number.</summary>
    Number,

    /// <summary>A calendar date without a time of day.</summary>
    Date,

    /// <summary>A date with a time of day, or a time of day.</summary>
    DateTime,

    /// <summary>An elapsed time such as <c>[h]:mm:ss</c>: read as seconds.</summary>
    Duration,
}

/// <summary>
/// The cell styles of a workbook (its <c>cellXfs</c>) as what they make of a number cell. A number
/// cell holds a serial day count whatever it shows, so whether it is a date is only in its style's
/// number format: a built-in one by id, or a custom code (judged with ExcelNumberFormat).
/// </summary>
internal sealed class CellStyles
{
    private readonly NumberShown[] shown;

    private CellStyles(NumberShown[] shown) => this.shown = shown;

    /// <summary>No styles: every number is a number.</summary>
    public static CellStyles None { get; } = new([]);

    /// <summary>What the style at <paramref name="index"/> (a cell's <c>s</c>) shows; a number when out of range.</summary>
    public NumberShown this[int index] => (uint)index < (uint)shown.Length ? shown[index] : NumberShown.Number;

    /// <summary>Reads <c>styles.xml</c>.</summary>
    public static CellStyles Read(XDocument? styles)
    {
        if (styles?.Root is not { } root)
        {
            return None;
        }

        var ns = root.Name.Namespace;
        var custom = (root.Element(ns + "numFmts")?.Elements(ns + "numFmt") ?? [])
            .Select(f => (Id: XlsxPackage.IntAttribute(f, "numFmtId", -1), Code: f.Attribute("formatCode")?.Value ?? ""))
            .Where(f => f.Id >= 0)
            .GroupBy(f => f.Id)
            .ToDictionary(g => g.Key, g => g.Last().Code);
        var xfs = root.Element(ns + "cellXfs")?.Elements(ns + "xf") ?? [];
        return new([.. xfs.Select(xf => Shown(XlsxPackage.IntAttribute(xf, "numFmtId", 0), custom))]);
    }

    /// <summary>What a number format shows; <paramref name="custom"/> holds the workbook's own codes by id.</summary>
    internal static NumberShown Shown(int id, IReadOnlyDictionary<int, string> custom)
    {
        var code = custom.TryGetValue(id, out var own) ? own : BuiltIn(id);
        if (code is null)
        {
            return NumberShown.Number;
        }

        var format = new ExcelNumberFormat.NumberFormat(code);
        if (!format.IsValid)
        {
            return NumberShown.Number;
        }

        if (format.IsTimeSpanFormat)
        {
            return NumberShown.Duration;
        }

        return !format.IsDateTimeFormat ? NumberShown.Number : HasTime(code) ? NumberShown.DateTime : NumberShown.Date;
    }

    /// <summary>Whether a date format shows a time of day: hours, seconds or a colon outside quoted text.</summary>
    internal static bool HasTime(string code)
    {
        var quoted = false;
        foreach (var c in code)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && (c is 'h' or 'H' or 's' or 'S' or ':'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The built-in number formats that show dates and times (ECMA-376 18.8.30), with the ids a
    /// Chinese Excel gives its own date formats (27–36, 50–58); other built-ins show numbers.
    /// </summary>
    private static string? BuiltIn(int id) => id switch
    {
        14 => "yyyy-mm-dd",
        15 => "d-mmm-yy",
        16 => "d-mmm",
        17 => "mmm-yy",
        18 => "h:mm AM/PM",
        19 => "h:mm:ss AM/PM",
        20 => "h:mm",
        21 => "h:mm:ss",
        22 => "yyyy-mm-dd h:mm",
        27 or 36 or 50 or 52 or 57 => "yyyy\"年\"m\"月\"",
        28 or 29 or 51 or 53 or 54 or 58 => "m\"月\"d\"日\"",
        30 => "m-d-yy",
        31 => "yyyy\"年\"m\"月\"d\"日\"",
        32 => "h\"时\"mm\"分\"",
        33 => "h\"时\"mm\"分\"ss\"秒\"",
        34 or 55 => "上午/下午h\"时\"mm\"分\"",
        35 or 56 => "上午/下午h\"时\"mm\"分\"ss\"秒\"",
        45 => "mm:ss",
        46 => "[h]:mm:ss",
        47 => "mm:ss.0",
        _ => null,
    };
}
