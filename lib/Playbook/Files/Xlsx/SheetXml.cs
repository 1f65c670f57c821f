using System.Buffers.Text;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Playbook.Files;

/// <summary>Characters appended to a growable array; ranges into it stay valid when it grows.</summary>
internal sealed class CharBuffer(char[] array)
{
    public char[] Array { get; private set; } = array;

    public int Length { get; set; }

    public ReadOnlySpan<char> Text => Array.AsSpan(0, Length);

    /// <summary>Room for <paramref name="count"/> more characters at <see cref="Length"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Span<char> Reserve(int count)
    {
        if (Length + count > Array.Length)
        {
            Grow(Length + count);
        }

        return Array.AsSpan(Length, count);
    }

    public void Append(ReadOnlySpan<char> text)
    {
        text.CopyTo(Reserve(text.Length));
        Length += text.Length;
    }

    public void Append(char c)
    {
        Reserve(1)[0] = c;
        Length++;
    }

    /// <summary>Called when the array is replaced by a larger one, to give the old one back.</summary>
    public Action<char[]>? Replaced { get; init; }

    /// <summary>A larger array for the text so far, from <see cref="Rent"/> when given.</summary>
    public Func<int, char[]>? Rent { get; init; }

    private void Grow(int needed)
    {
        var size = Math.Max(needed, Math.Max(256, Array.Length * 2));
        var larger = Rent?.Invoke(size) ?? new char[size];
        Array.AsSpan(0, Length).CopyTo(larger);
        Replaced?.Invoke(Array);
        Array = larger;
    }
}

/// <summary>
/// SpreadsheetML read as UTF-8 bytes, without an XML reader: sheets run to hundreds of megabytes of
/// the same few elements, and a byte scanner reads them several times faster than XmlReader. It
/// handles what the format allows there: any namespace prefix, attributes in any order and either
/// quote, self-closing elements, comments and processing instructions, entity and character
/// references, CDATA, the line-end normalisation of XML, and Excel's <c>_xHHHH_</c> escapes in text.
/// </summary>
internal static class SheetXml
{
    /// <summary>Where a tag is and what it is.</summary>
    internal struct Tag
    {
        /// <summary>Just past the tag's <c>&gt;</c>.</summary>
        public int Next;

        /// <summary>A closing tag (<c>&lt;/name&gt;</c>).</summary>
        public bool IsEnd;

        /// <summary>Closes itself (<c>&lt;name/&gt;</c>).</summary>
        public bool SelfClosing;

        /// <summary>A comment, processing instruction or declaration: no element.</summary>
        public bool IsOther;

        /// <summary>CDATA: its text is from <see cref="NameStart"/> for <see cref="NameLength"/> bytes.</summary>
        public bool IsCData;

        /// <summary>The local name (after any prefix).</summary>
        public int NameStart;

        public int NameLength;

        /// <summary>The unprefixed attributes <c>r</c>, <c>t</c> and <c>s</c> (start -1 when absent).</summary>
        public int RStart;

        public int RLength;

        public int TStart;

        public int TLength;

        public int SStart;

        public int SLength;
    }

    /// <summary>
    /// Reads the tag whose <c>&lt;</c> is at <paramref name="at"/>. False when the tag runs past the
    /// end of <paramref name="xml"/> (the caller has not got all of it yet).
    /// </summary>
    /// <exception cref="InvalidDataException">Not well-formed.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool ReadTag(ReadOnlySpan<byte> xml, int at, ref Tag tag)
    {
        tag.IsEnd = tag.SelfClosing = tag.IsOther = tag.IsCData = false;
        tag.RStart = tag.TStart = tag.SStart = -1;
        var i = at + 1;
        if (i >= xml.Length)
        {
            return false;
        }

        var first = xml[i];
        if (first == (byte)'!' || first == (byte)'?')
        {
            return ReadOther(xml, at, ref tag);
        }

        if (first == (byte)'/')
        {
            tag.IsEnd = true;
            i++;
        }

        var nameStart = i;
        while (i < xml.Length && !IsNameEnd(xml[i]))
        {
            if (xml[i] == (byte)':')
            {
                nameStart = i + 1;
            }

            i++;
        }

        if (i >= xml.Length)
        {
            return false;
        }

        tag.NameStart = nameStart;
        tag.NameLength = i - nameStart;
        while (true)
        {
            while (i < xml.Length && IsSpace(xml[i]))
            {
                i++;
            }

            if (i >= xml.Length)
            {
                return false;
            }

            var c = xml[i];
            if (c == (byte)'>')
            {
                tag.Next = i + 1;
                return true;
            }

            if (c == (byte)'/')
            {
                if (i + 1 >= xml.Length)
                {
                    return false;
                }

                if (xml[i + 1] != (byte)'>')
                {
                    throw new InvalidDataException("a '/' inside a tag");
                }

                tag.SelfClosing = true;
                tag.Next = i + 2;
                return true;
            }

            // An attribute: name, '=', a quoted value (which may hold '>').
            var attributeStart = i;
            var prefixed = false;
            while (i < xml.Length && xml[i] != (byte)'=' && !IsSpace(xml[i]))
            {
                prefixed |= xml[i] == (byte)':';
                i++;
            }

            var attributeLength = i - attributeStart;
            while (i < xml.Length && IsSpace(xml[i]))
            {
                i++;
            }

            if (i >= xml.Length)
            {
                return false;
            }

            if (xml[i] != (byte)'=')
            {
                throw new InvalidDataException("an attribute without a value");
            }

            i++;
            while (i < xml.Length && IsSpace(xml[i]))
            {
                i++;
            }

            if (i >= xml.Length)
            {
                return false;
            }

            var quote = xml[i];
            if (quote != (byte)'"' && quote != (byte)'\'')
            {
                throw new InvalidDataException("an attribute value without quotes");
            }

            var close = xml[(i + 1)..].IndexOf(quote);
            if (close < 0)
            {
                return false;
            }

            var valueStart = i + 1;
            if (attributeLength == 1 && !prefixed)
            {
                switch (xml[attributeStart])
                {
                    case (byte)'r':
                        (tag.RStart, tag.RLength) = (valueStart, close);
                        break;
                    case (byte)'t':
                        (tag.TStart, tag.TLength) = (valueStart, close);
                        break;
                    case (byte)'s':
                        (tag.SStart, tag.SLength) = (valueStart, close);
                        break;
                }
            }

            i = valueStart + close + 1;
        }
    }

    /// <summary>Whether the tag's local name is <paramref name="name"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Is(ReadOnlySpan<byte> xml, in Tag tag, ReadOnlySpan<byte> name) =>
        !tag.IsOther && xml.Slice(tag.NameStart, tag.NameLength).SequenceEqual(name);

    /// <summary>
    /// The index just past the closing tag of the element whose start tag ends at <paramref name="from"/>
    /// and is named <paramref name="name"/>, skipping nested elements of the same name; -1 when it is
    /// not in <paramref name="xml"/>.
    /// </summary>
    public static int SkipElement(ReadOnlySpan<byte> xml, int from, ReadOnlySpan<byte> name)
    {
        var depth = 1;
        var at = from;
        var tag = default(Tag);
        while (true)
        {
            var lt = xml[at..].IndexOf((byte)'<');
            if (lt < 0 || !ReadTag(xml, at + lt, ref tag))
            {
                return -1;
            }

            at = tag.Next;
            if (tag.IsOther || tag.SelfClosing || !Is(xml, tag, name))
            {
                continue;
            }

            depth += tag.IsEnd ? -1 : 1;
            if (depth == 0)
            {
                return at;
            }
        }
    }

    /// <summary>
    /// Appends text content as characters: entity and character references resolved, line ends
    /// normalised as XML does, and (for strings) Excel's <c>_xHHHH_</c> escapes decoded.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AppendText(ReadOnlySpan<byte> raw, CharBuffer text, bool excelEscapes)
    {
        if (raw.IsEmpty)
        {
            return;
        }

        var span = text.Reserve(raw.Length);
        var written = Encoding.UTF8.GetChars(raw, span);
        var added = span[..written];
        if (added.IndexOfAny('&', '\r') < 0 && (!excelEscapes || added.IndexOf("_x", StringComparison.Ordinal) < 0))
        {
            text.Length += written;
            return;
        }

        // Decoding only shortens the text, so it is rewritten in place.
        var length = Decode(added, excelEscapes);
        text.Length += length;
    }

    /// <summary>
    /// Appends the text content from <paramref name="at"/> up to the next tag that is not CDATA
    /// (CDATA sections taken as they are), and returns where that tag starts; -1 when the content
    /// does not end within <paramref name="xml"/>.
    /// </summary>
    public static int AppendContent(ReadOnlySpan<byte> xml, int at, CharBuffer text, bool excelEscapes)
    {
        var tag = default(Tag);
        while (true)
        {
            var lt = xml[at..].IndexOf((byte)'<');
            if (lt < 0)
            {
                return -1;
            }

            AppendText(xml.Slice(at, lt), text, excelEscapes);
            at += lt;
            if (!xml[at..].StartsWith("<![CDATA["u8))
            {
                return at;
            }

            if (!ReadTag(xml, at, ref tag))
            {
                return -1;
            }

            var cdata = xml.Slice(tag.NameStart, tag.NameLength);
            var span = text.Reserve(cdata.Length);
            text.Length += Encoding.UTF8.GetChars(cdata, span);
            at = tag.Next;
        }
    }

    /// <summary>Appends a number's text (ASCII) as characters.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AppendAscii(ReadOnlySpan<byte> raw, CharBuffer text)
    {
        var span = text.Reserve(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            span[i] = (char)raw[i];
        }

        text.Length += raw.Length;
    }

    /// <summary>A whole number written in ASCII digits; false for anything else.</summary>
    public static bool TryInt(ReadOnlySpan<byte> raw, out int value) =>
        Utf8Parser.TryParse(raw, out value, out var consumed) && consumed == raw.Length;

    /// <summary>The zero-based column of a cell reference such as <c>AB12</c>; -1 when it has no letters.</summary>
    public static int Column(ReadOnlySpan<byte> reference)
    {
        var column = 0;
        var i = 0;
        for (; i < reference.Length; i++)
        {
            var c = reference[i] | 0x20;
            if (c < 'a' || c > 'z')
            {
                break;
            }

            column = (column * 26) + (c - 'a' + 1);
            if (column > 1 << 20)
            {
                return -1;
            }
        }

        return i == 0 ? -1 : column - 1;
    }

    /// <summary>The last index of the start tag <paramref name="open"/> (<c>&lt;</c>, prefix, name) in <paramref name="xml"/> after <paramref name="from"/>; -1 when none.</summary>
    public static int LastStartTag(ReadOnlySpan<byte> xml, ReadOnlySpan<byte> open, int from)
    {
        var end = xml.Length;
        while (true)
        {
            var i = xml[..end].LastIndexOf(open);
            if (i <= from)
            {
                return -1;
            }

            var after = i + open.Length;
            if (after >= xml.Length || IsNameEnd(xml[after]))
            {
                return i;
            }

            end = i;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsSpace(byte c) => c is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsNameEnd(byte c) => c is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)'>' or (byte)'/';

    private static bool ReadOther(ReadOnlySpan<byte> xml, int at, ref Tag tag)
    {
        var rest = xml[at..];
        if (rest.StartsWith("<![CDATA["u8))
        {
            var close = rest.IndexOf("]]>"u8);
            if (close < 0)
            {
                return false;
            }

            tag.IsCData = true;
            tag.IsOther = true;
            tag.NameStart = at + 9;
            tag.NameLength = close - 9;
            tag.Next = at + close + 3;
            return true;
        }

        ReadOnlySpan<byte> end = rest.StartsWith("<!--"u8) ? "-->"u8 : rest.StartsWith("<?"u8) ? "?>"u8 : ">"u8;
        var stop = rest.IndexOf(end);
        if (stop < 0)
        {
            return false;
        }

        tag.IsOther = true;
        tag.Next = at + stop + end.Length;
        return true;
    }

    private static int Decode(Span<char> text, bool excelEscapes)
    {
        var write = 0;
        for (var read = 0; read < text.Length; read++)
        {
            var c = text[read];
            if (c == '\r')
            {
                // XML reads CR LF and a lone CR as LF.
                text[write++] = '\n';
                if (read + 1 < text.Length && text[read + 1] == '\n')
                {
                    read++;
                }
            }
            else if (c == '&' && Entity(text[read..], out var value, out var length))
            {
                if (value > 0xFFFF)
                {
                    var pair = char.ConvertFromUtf32(value);
                    text[write++] = pair[0];
                    text[write++] = pair[1];
                }
                else
                {
                    text[write++] = (char)value;
                }

                read += length - 1;
            }
            else if (excelEscapes && c == '_' && read + 6 < text.Length && text[read + 1] == 'x' && text[read + 6] == '_'
                && int.TryParse(text.Slice(read + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var escaped))
            {
                text[write++] = (char)escaped;
                read += 6;
            }
            else
            {
                text[write++] = c;
            }
        }

        return write;
    }

    private static bool Entity(ReadOnlySpan<char> text, out int value, out int length)
    {
        value = 0;
        var semicolon = text[..Math.Min(text.Length, 12)].IndexOf(';');
        if (semicolon < 2)
        {
            throw new InvalidDataException($"an '&' that starts no reference: {text[..Math.Min(text.Length, 12)]}");
        }

        length = semicolon + 1;
        var name = text[1..semicolon];
        switch (name)
        {
            case "lt":
                value = '<';
                break;
            case "gt":
                value = '>';
                break;
            case "amp":
                value = '&';
                break;
            case "quot":
                value = '"';
                break;
            case "apos":
                value = '\'';
                break;
            default:
                var numeric = name[0] == '#' && name.Length > 1 && (name[1] == 'x'
                    ? int.TryParse(name[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value)
                    : int.TryParse(name[1..], NumberStyles.None, CultureInfo.InvariantCulture, out value));
                if (!numeric || value is < 0 or > 0x10FFFF)
                {
                    throw new InvalidDataException($"an unknown entity &{name};");
                }

                break;
        }

        return true;
    }
}
