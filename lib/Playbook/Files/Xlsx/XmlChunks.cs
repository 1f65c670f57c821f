using System.Buffers;

namespace Playbook.Files;

/// <summary>A run of whole elements (sheet rows, shared strings) as UTF-8 bytes.</summary>
internal sealed class XmlChunk
{
    public required int Sequence { get; init; }

    /// <summary>Rented from <see cref="XmlChunks.Pool"/>; given back by whoever reads the chunk.</summary>
    public required byte[] Buffer { get; init; }

    public required int Length { get; init; }

    public ReadOnlySpan<byte> Bytes => Buffer.AsSpan(0, Length);
}

/// <summary>
/// Cuts a part's XML into chunks of whole repeated elements (<c>row</c> in <c>sheetData</c>,
/// <c>si</c> in <c>sst</c>), so rows can be read apart and by several workers. A chunk ends where
/// the last element that starts in it starts; that element goes on to the next chunk. The first
/// chunk also holds what comes before the elements, the last one what follows them: readers pass
/// over other elements. An element longer than a chunk makes the chunk grow, up to
/// <see cref="WorkbookLimits.MaxRowBytes"/>: past it, the part is refused, naming <paramref name="file"/> and <paramref name="part"/>.
/// </summary>
internal sealed class XmlChunks(Stream stream, string container, string element, int chunkBytes, string file, string part) : IDisposable
{
    private const int TailBytes = 256;
    private readonly byte[] containerName = System.Text.Encoding.ASCII.GetBytes(container);

    // The part's root element, whose end tag must close it: a part that stops before it was cut
    // short, or its zip header understated its size (the zip reader then stops there, silently).
    private readonly byte[] root = System.Text.Encoding.ASCII.GetBytes(container == "sheetData" ? "worksheet" : container);
    private byte[] tail = [];
    private byte[]? open;
    private byte[] carry = [];
    private int carried;
    private bool ended;
    private int sequence;

    /// <summary>The chunk buffers, this reader's own.</summary>
    public ArrayPool<byte> Pool { get; } = ArrayPool<byte>.Create(256 << 20, 16);

    /// <summary>The next chunk, or null at the end of the part.</summary>
    /// <exception cref="InvalidDataException">The zip's data is corrupt.</exception>
    public XmlChunk? Next()
    {
        var buffer = Pool.Rent(Math.Max(chunkBytes, carried * 2));
        carry.AsSpan(0, carried).CopyTo(buffer);
        var filled = carried;
        carried = 0;
        while (true)
        {
            while (!ended && filled < buffer.Length)
            {
                var read = stream.Read(buffer, filled, buffer.Length - filled);
                ended = read == 0;
                filled += read;
            }

            if (ended)
            {
                if (filled == 0)
                {
                    Pool.Return(buffer);
                    if (!EndsWithRoot(tail))
                    {
                        throw new InvalidDataException($"the part ends before its closing </{container}> or </{System.Text.Encoding.ASCII.GetString(root)}>: it is cut short, or its zip header understates its size");
                    }

                    return null;
                }

                tail = buffer.AsSpan(Math.Max(0, filled - TailBytes), Math.Min(filled, TailBytes)).ToArray();
                return new XmlChunk { Sequence = sequence++, Buffer = buffer, Length = filled };
            }

            var cut = Cut(buffer.AsSpan(0, filled));
            if (cut > 0)
            {
                carried = filled - cut;
                if (carry.Length < carried)
                {
                    carry = new byte[Math.Max(carried, chunkBytes)];
                }

                buffer.AsSpan(cut, carried).CopyTo(carry);
                return new XmlChunk { Sequence = sequence++, Buffer = buffer, Length = cut };
            }

            // No element ends in the chunk yet: read on into a larger one, within the limit.
            if (buffer.Length >= WorkbookLimits.MaxRowBytes)
            {
                Pool.Return(buffer);
                throw WorkbookLimits.TooLong(file, part, $"a {element} element (with the space around it)", WorkbookLimits.MaxRowBytes, "bytes of XML");
            }

            var larger = Pool.Rent(Math.Min(buffer.Length * 2, WorkbookLimits.MaxRowBytes));
            buffer.AsSpan(0, filled).CopyTo(larger);
            Pool.Return(buffer);
            buffer = larger;
        }
    }

    public void Dispose() => stream.Dispose();

    /// <summary>Whether the text ends with the root's end tag (any prefix), or the root closing itself.</summary>
    private bool EndsWithRoot(ReadOnlySpan<byte> text)
    {
        text = text.TrimEnd(" \t\r\n"u8);
        var lt = text.LastIndexOf((byte)'<');
        if (text.Length == 0 || text[^1] != (byte)'>' || lt < 0)
        {
            return false;
        }

        var tag = text[(lt + 1)..^1];
        var closing = tag.Length > 0 && tag[0] == (byte)'/';
        if (!closing && (tag.Length == 0 || tag[^1] != (byte)'/'))
        {
            return false;
        }

        var name = closing ? tag[1..] : tag[..^1];
        var end = name.IndexOfAny(" \t\r\n/"u8);
        name = end < 0 ? name : name[..end];
        var colon = name.IndexOf((byte)':');
        return name[(colon + 1)..].SequenceEqual(root);
    }

    /// <summary>Where the last element that starts in <paramref name="xml"/> starts (after the first), or 0.</summary>
    private int Cut(ReadOnlySpan<byte> xml)
    {
        if (open is null)
        {
            // The elements' prefix is the container's start tag's: <sheetData> or <x:sheetData>.
            var at = FirstStartTag(xml, containerName);
            if (at < 0)
            {
                return 0;
            }

            var lt = xml[..at].LastIndexOf((byte)'<');
            var prefix = xml[(lt + 1)..at];
            open = [(byte)'<', .. prefix, .. System.Text.Encoding.ASCII.GetBytes(element)];
        }

        var last = SheetXml.LastStartTag(xml, open, 0);
        return Math.Max(last, 0);
    }

    /// <summary>Where the name of the first start tag named <paramref name="name"/> (any prefix) begins; -1 when none.</summary>
    private static int FirstStartTag(ReadOnlySpan<byte> xml, ReadOnlySpan<byte> name)
    {
        var from = 0;
        while (true)
        {
            var i = xml[from..].IndexOf(name);
            if (i < 0)
            {
                return -1;
            }

            i += from;
            var after = i + name.Length;
            var before = i > 0 ? xml[i - 1] : (byte)0;
            var lt = xml[..i].LastIndexOf((byte)'<');
            if (after < xml.Length && xml[after] is (byte)' ' or (byte)'>' or (byte)'/' or (byte)'\t' or (byte)'\r' or (byte)'\n'
                && (before == (byte)'<' || (before == (byte)':' && lt >= 0 && xml[(lt + 1)..i].IndexOfAny((byte)' ', (byte)'/', (byte)'>') < 0)))
            {
                return i;
            }

            from = i + 1;
        }
    }
}
