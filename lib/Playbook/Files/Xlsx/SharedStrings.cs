namespace Playbook.Files;

/// <summary>
/// A workbook's shared string table (<c>sharedStrings.xml</c>): the text of every string cell, which
/// the cells refer to by index. Kept as one block of characters with the strings' ends, not a
/// string each: a million-row export holds more than a million distinct ids.
/// </summary>
internal sealed class SharedStrings
{
    private readonly char[] text;
    private readonly int[] ends;

    private SharedStrings(char[] text, int[] ends)
    {
        this.text = text;
        this.ends = ends;
    }

    /// <summary>A workbook without strings.</summary>
    public static SharedStrings Empty { get; } = new([], []);

    /// <summary>The number of strings.</summary>
    public int Count => ends.Length;

    /// <summary>The string at <paramref name="index"/>.</summary>
    public ReadOnlySpan<char> this[int index] => text.AsSpan(index == 0 ? 0 : ends[index - 1], ends[index] - (index == 0 ? 0 : ends[index - 1]));

    /// <summary>Whether <paramref name="index"/> names a string of the table.</summary>
    public bool Has(int index) => (uint)index < (uint)ends.Length;

    /// <summary>Reads the table: each <c>si</c> is its <c>t</c> texts run together (rich text runs), without phonetic guides (<c>rPh</c>).</summary>
    /// <exception cref="InputException">The XML is broken.</exception>
    /// <exception cref="InvalidDataException">The zip's data is corrupt.</exception>
    public static SharedStrings Read(Stream stream, string file)
    {
        var text = new CharBuffer(new char[1 << 16]);
        var ends = new List<int>();
        using var chunks = new XmlChunks(stream, "sst", "si", 1 << 20, file, "shared strings");
        var itemStart = 0;
        var tag = default(SheetXml.Tag);
        while (chunks.Next() is { } chunk)
        {
            try
            {
                var xml = chunk.Bytes;
                var at = 0;
                var inItem = false;
                while (true)
                {
                    var lt = xml[at..].IndexOf((byte)'<');
                    if (lt < 0)
                    {
                        break;
                    }

                    if (!SheetXml.ReadTag(xml, at + lt, ref tag))
                    {
                        throw new InvalidDataException("a tag that does not end");
                    }

                    at = tag.Next;
                    if (SheetXml.Is(xml, tag, "si"u8))
                    {
                        if (tag.IsEnd || tag.SelfClosing)
                        {
                            if (text.Length - itemStart > WorkbookLimits.MaxCellChars)
                            {
                                throw WorkbookLimits.TooLong(file, "shared strings", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"string {ends.Count + 1}"), WorkbookLimits.MaxCellChars, "characters");
                            }

                            if (text.Length > WorkbookLimits.MaxSharedStringChars)
                            {
                                throw WorkbookLimits.TooLong(file, "shared strings", "the strings together", WorkbookLimits.MaxSharedStringChars, "characters");
                            }

                            ends.Add(text.Length);
                        }

                        inItem = !tag.IsEnd && !tag.SelfClosing;
                        itemStart = text.Length;
                    }
                    else if (inItem && !tag.IsEnd && !tag.SelfClosing && SheetXml.Is(xml, tag, "t"u8))
                    {
                        at = SheetXml.AppendContent(xml, at, text, excelEscapes: true);
                        if (at < 0)
                        {
                            throw new InvalidDataException("the string does not end");
                        }
                    }
                    else if (inItem && !tag.IsEnd && !tag.SelfClosing && SheetXml.Is(xml, tag, "rPh"u8))
                    {
                        at = SheetXml.SkipElement(xml, at, "rPh"u8);
                        if (at < 0)
                        {
                            throw new InvalidDataException("a phonetic guide that does not end");
                        }
                    }
                }
            }
            catch (InvalidDataException e)
            {
                throw new InputException($"{file}: not a readable workbook (its shared strings, string {ends.Count + 1}: {e.Message})", e);
            }
            finally
            {
                chunks.Pool.Return(chunk.Buffer);
            }
        }

        var block = new char[text.Length];
        text.Text.CopyTo(block);
        return new SharedStrings(block, [.. ends]);
    }
}
