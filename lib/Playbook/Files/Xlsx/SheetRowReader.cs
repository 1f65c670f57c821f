using System.Globalization;
using System.Runtime.CompilerServices;

namespace Playbook.Files;

/// <summary>
/// A spreadsheet cell's value as the text an adapter reads, whichever reader took it from the
/// workbook: a whole number as its digits (<c>1500000037</c>, never <c>1500000037.0</c>), a number
/// too long to be an exact id in the spreadsheet's own <c>4.93E+18</c> form (which id columns
/// reject), dates as <c>yyyy-MM-dd</c> and date-times as <c>yyyy-MM-dd HH:mm:ss</c>, durations in seconds.
/// </summary>
internal static class CellText
{
    /// <summary>The largest whole number a double holds exactly: beyond it an id's digits are gone.</summary>
    private const double ExactWhole = 9_007_199_254_740_992d;

    /// <summary>
    /// A number cell as text: a whole number within a double's exact range as its digits; a larger
    /// whole number in exponent form with a decimal point (an id column rejects it: its digits are
    /// lost); anything else to 15 significant digits, as Excel shows it.
    /// </summary>
    public static string Number(double value)
    {
        if (Math.Abs(value) < ExactWhole && value == Math.Floor(value))
        {
            return ((long)value).ToString(CultureInfo.InvariantCulture);
        }

        return value == Math.Floor(value)
            ? value.ToString("0.0##############E+0", CultureInfo.InvariantCulture)
            : value.ToString("G15", CultureInfo.InvariantCulture);
    }

    /// <summary>A date cell's moment: with its time when the format shows one or the moment has one.</summary>
    public static string Moment(DateTime moment, bool formatShowsTime) =>
        moment.ToString(formatShowsTime || moment.TimeOfDay != TimeSpan.Zero ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A duration cell as seconds.</summary>
    public static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>
    /// Whether a number as the sheet writes it is already its text: digits, a point and digits,
    /// at most 15 of them, no leading zero and no trailing zero after the point. Then
    /// <see cref="Number(double)"/> of its value gives the same characters, without parsing.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsPlain(ReadOnlySpan<byte> raw)
    {
        var i = raw.Length > 0 && raw[0] == (byte)'-' ? 1 : 0;
        var digits = raw.Length - i;
        if (digits is 0 or > 16 || raw[i] is < (byte)'1' or > (byte)'9')
        {
            return raw.Length == 1 && raw[0] == (byte)'0';
        }

        var point = -1;
        for (var k = i; k < raw.Length; k++)
        {
            var c = raw[k];
            if (c == (byte)'.' && point < 0)
            {
                point = k;
            }
            else if (c is < (byte)'0' or > (byte)'9')
            {
                return false;
            }
        }

        return point < 0
            ? digits <= 15
            : digits <= 16 && point < raw.Length - 1 && raw[^1] != (byte)'0';
    }
}

/// <summary>
/// Reads rows of a sheet's XML (<c>sheetData</c>) one at a time into a <see cref="CharBuffer"/>:
/// each cell's text as <see cref="CellText"/> writes it, with where it starts and ends, by column.
/// A column with no cell is empty. Rows are numbered as the sheet numbers them.
/// </summary>
internal sealed class SheetRowReader(SharedStrings strings, CellStyles styles, bool date1904)
{
    private int[] starts = new int[32];
    private int[] ends = new int[32];

    /// <summary>The sheet row number of the row read last.</summary>
    public long Number { get; private set; }

    /// <summary>Whether the row read last carries its number (else it follows the row before).</summary>
    public bool Numbered { get; private set; }

    /// <summary>One past the last column that has a cell.</summary>
    public int Count { get; private set; }

    /// <summary>Whether any cell of the row has text.</summary>
    public bool HasValue { get; private set; }

    /// <summary>Where the row's text starts in the buffer.</summary>
    public int Start { get; private set; }

    /// <summary>Where a cell's text is in the buffer; an empty range at the row's start past its last cell.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Range Cell(int column) => column < Count ? new Range(starts[column], ends[column]) : new Range(Start, Start);

    /// <summary>Starts a sheet: rows without a number follow the one before.</summary>
    public void Restart() => Number = 0;

    /// <summary>
    /// Reads the next row at or after <paramref name="at"/> in <paramref name="xml"/>, appending its
    /// text to <paramref name="text"/>; false when no row starts before the end.
    /// </summary>
    /// <exception cref="InvalidDataException">A row is not well-formed, or does not end within <paramref name="xml"/>.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Next(ReadOnlySpan<byte> xml, ref int at, CharBuffer text)
    {
        var tag = default(SheetXml.Tag);
        while (true)
        {
            var lt = xml[at..].IndexOf((byte)'<');
            if (lt < 0)
            {
                at = xml.Length;
                return false;
            }

            if (!SheetXml.ReadTag(xml, at + lt, ref tag))
            {
                throw new InvalidDataException("the sheet ends inside a tag");
            }

            at = tag.Next;
            if (tag.IsEnd || !SheetXml.Is(xml, tag, "row"u8))
            {
                continue;
            }

            var number = 0;
            Numbered = tag.RStart >= 0 && SheetXml.TryInt(xml.Slice(tag.RStart, tag.RLength), out number) && number > 0;
            Number = Numbered ? number : Number + 1;
            Count = 0;
            HasValue = false;
            Start = text.Length;
            if (!tag.SelfClosing)
            {
                ReadCells(xml, ref at, text);
            }

            return true;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ReadCells(ReadOnlySpan<byte> xml, ref int at, CharBuffer text)
    {
        var tag = default(SheetXml.Tag);
        var column = -1;
        while (true)
        {
            var lt = xml[at..].IndexOf((byte)'<');
            if (lt < 0 || !SheetXml.ReadTag(xml, at + lt, ref tag))
            {
                throw new InvalidDataException($"row {Number} does not end");
            }

            at = tag.Next;
            if (SheetXml.Is(xml, tag, "c"u8))
            {
                if (tag.IsEnd)
                {
                    continue;
                }

                var reference = tag.RStart >= 0 ? SheetXml.Column(xml.Slice(tag.RStart, tag.RLength)) : -1;
                column = reference >= 0 ? reference : column + 1;
                var type = tag.TStart >= 0 ? xml.Slice(tag.TStart, tag.TLength) : default;
                var style = tag.SStart >= 0 && SheetXml.TryInt(xml.Slice(tag.SStart, tag.SLength), out var s) ? s : 0;
                var start = text.Length;
                if (!tag.SelfClosing)
                {
                    ReadCell(xml, ref at, text, type, style);
                }

                Place(column, start, text.Length);
            }
            else if (SheetXml.Is(xml, tag, "row"u8))
            {
                if (tag.IsEnd)
                {
                    return;
                }

                throw new InvalidDataException($"row {Number} does not end before the next row");
            }
        }
    }

    /// <summary>Reads a cell's children up to its end tag and appends its text.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ReadCell(ReadOnlySpan<byte> xml, ref int at, CharBuffer text, ReadOnlySpan<byte> type, int style)
    {
        var tag = default(SheetXml.Tag);
        ReadOnlySpan<byte> value = default;
        var hasValue = false;
        var inline = type.SequenceEqual("inlineStr"u8);
        var start = text.Length;
        while (true)
        {
            var lt = xml[at..].IndexOf((byte)'<');
            if (lt < 0 || !SheetXml.ReadTag(xml, at + lt, ref tag))
            {
                throw new InvalidDataException($"row {Number} does not end");
            }

            at = tag.Next;
            if (tag.IsOther)
            {
                continue;
            }

            if (tag.IsEnd)
            {
                if (SheetXml.Is(xml, tag, "c"u8))
                {
                    break;
                }

                continue;
            }

            if (tag.SelfClosing)
            {
                continue;
            }

            if (SheetXml.Is(xml, tag, "v"u8))
            {
                var end = xml[at..].IndexOf((byte)'<');
                if (end < 0)
                {
                    throw new InvalidDataException($"row {Number} does not end");
                }

                value = xml.Slice(at, end);
                hasValue = true;
                at += end;
            }
            else if (SheetXml.Is(xml, tag, "t"u8) && inline)
            {
                at = SheetXml.AppendContent(xml, at, text, excelEscapes: true);
                if (at < 0)
                {
                    throw new InvalidDataException($"row {Number} does not end");
                }
            }
            else if (SheetXml.Is(xml, tag, "f"u8) || SheetXml.Is(xml, tag, "rPh"u8))
            {
                // A formula's expression (its cached value is in <v>), a phonetic guide: not the cell's text.
                var name = xml.Slice(tag.NameStart, tag.NameLength).SequenceEqual("f"u8) ? "f"u8 : "rPh"u8;
                at = SheetXml.SkipElement(xml, at, name);
                if (at < 0)
                {
                    throw new InvalidDataException($"row {Number} does not end");
                }
            }
        }

        if (hasValue && !inline)
        {
            Append(value, type, style, text);
        }

        if (text.Length - start > WorkbookLimits.MaxCellChars)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"refused: a cell is longer than the limit of {WorkbookLimits.MaxCellChars:N0} characters: the file is built to exhaust memory, or broken"));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Append(ReadOnlySpan<byte> value, ReadOnlySpan<byte> type, int style, CharBuffer text)
    {
        if (type.IsEmpty || type.SequenceEqual("n"u8))
        {
            AppendNumber(value, styles[style], text);
        }
        else if (type.SequenceEqual("s"u8))
        {
            if (!SheetXml.TryInt(value, out var index) || !strings.Has(index))
            {
                throw new InvalidDataException($"row {Number} refers to shared string {System.Text.Encoding.UTF8.GetString(value)}, which the workbook does not have");
            }

            text.Append(strings[index]);
        }
        else if (type.SequenceEqual("b"u8))
        {
            text.Append(value.SequenceEqual("1"u8) ? "true" : "false");
        }
        else if (type.SequenceEqual("d"u8))
        {
            var raw = System.Text.Encoding.UTF8.GetString(value);
            text.Append(DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var moment)
                ? CellText.Moment(moment, styles[style] == NumberShown.DateTime)
                : raw);
        }
        else
        {
            // "str" (a formula's text), "e" (an error such as #N/A), and anything else: the text as it is.
            SheetXml.AppendText(value, text, excelEscapes: type.SequenceEqual("str"u8));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AppendNumber(ReadOnlySpan<byte> value, NumberShown shown, CharBuffer text)
    {
        if (shown == NumberShown.Number && CellText.IsPlain(value))
        {
            SheetXml.AppendAscii(value, text);
            return;
        }

        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            // Not a number: the text, for the adapter to reject with the value.
            SheetXml.AppendText(value, text, excelEscapes: false);
            return;
        }

        switch (shown)
        {
            case NumberShown.Date or NumberShown.DateTime:
                var serial = date1904 ? number + 1462 : number;
                if (serial is > -657435.0 and < 2958466.0)
                {
                    var moment = DateTime.FromOADate(serial);
                    var format = shown == NumberShown.DateTime || moment.TimeOfDay != TimeSpan.Zero ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd";
                    moment.TryFormat(text.Reserve(19), out var written, format, CultureInfo.InvariantCulture);
                    text.Length += written;
                    return;
                }

                break;
            case NumberShown.Duration:
                text.Append(CellText.Seconds(TimeSpan.FromDays(number)));
                return;
        }

        text.Append(CellText.Number(number));
    }

    private void Place(int column, int start, int end)
    {
        if (column >= starts.Length)
        {
            var size = Math.Max(column + 1, starts.Length * 2);
            Array.Resize(ref starts, size);
            Array.Resize(ref ends, size);
        }

        // Columns skipped since the last cell are empty.
        for (var c = Count; c < column; c++)
        {
            starts[c] = ends[c] = start;
        }

        starts[column] = start;
        ends[column] = end;
        Count = Math.Max(Count, column + 1);
        HasValue |= end > start;
    }
}
