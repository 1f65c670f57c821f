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
/// over other elements. An element longer than a chunk makes the chunk grow.
/// </summary>
internal sealed class XmlChunks(Stream stream, string container, string element, int chunkBytes) : IDisposable
{
    private readonly byte[] containerName = System.Text.Encoding.ASCII.GetBytes(container);
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
                    return null;
                }

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

            // No element ends in the chunk yet: read on into a larger one.
            var larger = Pool.Rent(buffer.Length * 2);
            buffer.AsSpan(0, filled).CopyTo(larger);
            Pool.Return(buffer);
            buffer = larger;
        }
    }

    public void Dispose() => stream.Dispose();

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
