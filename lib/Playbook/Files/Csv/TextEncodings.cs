using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Playbook.Files;

/// <summary>The text encoding of an input file and the name reports give it.</summary>
/// <param name="Name"><c>utf-8</c>, <c>utf-8-bom</c>, <c>utf-16</c> or <c>gb18030</c>.</param>
/// <param name="Encoding">The decoder; null means UTF-8, which the CSV reader takes without transcoding.</param>
public sealed record TextEncoding(string Name, Encoding? Encoding);

/// <summary>
/// Finds the encoding of Chinese CSV files: platform exports are UTF-8 (often with a BOM), files
/// re-saved from Excel on a Chinese Windows are GB18030 (a superset of GBK and GB2312).
/// </summary>
public static class TextEncodings
{
    private static readonly Lazy<Encoding> Gb18030Lazy = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    });

    /// <summary>The GB18030 encoding (the code-pages provider is registered on first use).</summary>
    public static Encoding Gb18030 => Gb18030Lazy.Value;

    /// <summary>The encoding names the readers accept, as <c>--encoding</c> takes them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["utf-8", "gb18030"];

    /// <summary>
    /// The encoding called <paramref name="name"/>: utf-8 (also utf8, utf-8-sig) or gb18030 (also gbk,
    /// gb2312, which it contains).
    /// </summary>
    /// <exception cref="InputException">The name is none of those.</exception>
    public static TextEncoding FromName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Trim().ToUpperInvariant() switch
        {
            "UTF-8" or "UTF8" or "UTF-8-SIG" or "UTF-8-BOM" => new TextEncoding("utf-8", null),
            "GB18030" or "GBK" or "GB2312" or "CP936" => new TextEncoding("gb18030", Gb18030),
            _ => throw new InputException($"unknown encoding '{name}': expected one of {string.Join(", ", Names)}"),
        };
    }

    /// <summary>
    /// Detects the encoding of a file: a byte order mark first; else UTF-8 when every byte of the
    /// file is valid UTF-8; else GB18030. The whole file is checked, because a GB18030 file can start
    /// with pure ASCII headers and a long run of ASCII rows.
    /// </summary>
    public static TextEncoding Detect(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Detect(stream);
    }

    /// <summary>Detects the encoding of a stream, reading it to the end (see <see cref="Detect(string)"/>).</summary>
    public static TextEncoding Detect(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
        try
        {
            var filled = ReadAtLeast(stream, buffer, 0, 3);
            if (filled >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF)
            {
                return new TextEncoding("utf-8-bom", null);
            }

            if (filled >= 2 && ((buffer[0] == 0xFF && buffer[1] == 0xFE) || (buffer[0] == 0xFE && buffer[1] == 0xFF)))
            {
                return new TextEncoding("utf-16", buffer[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode);
            }

            // Validate chunk by chunk (without decoding: a whole big file is read here); a sequence
            // that may be cut at a chunk's end is carried into the next.
            var carried = filled;
            while (true)
            {
                var read = ReadAtLeast(stream, buffer, carried, buffer.Length - carried);
                var length = carried + read;
                var final = read == 0;
                var whole = final ? length : WholeSequencesEnd(buffer.AsSpan(0, length));
                if (!Utf8.IsValid(buffer.AsSpan(0, whole)))
                {
                    return new TextEncoding("gb18030", Gb18030);
                }

                if (final)
                {
                    return new TextEncoding("utf-8", null);
                }

                carried = length - whole;
                Buffer.BlockCopy(buffer, whole, buffer, 0, carried);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Where the last UTF-8 sequence that may be incomplete starts: back over up to three
    /// continuation bytes (10xxxxxx) and the lead byte before them.
    /// </summary>
    private static int WholeSequencesEnd(ReadOnlySpan<byte> bytes)
    {
        var end = bytes.Length;
        for (var back = 0; back < 3 && end > 0 && (bytes[end - 1] & 0xC0) == 0x80; back++)
        {
            end--;
        }

        return end > 0 && bytes[end - 1] >= 0xC0 ? end - 1 : end;
    }

    private static int ReadAtLeast(Stream stream, byte[] buffer, int offset, int count)
    {
        var total = 0;
        while (total < count)
        {
            var n = stream.Read(buffer, offset + total, count - total);
            if (n == 0)
            {
                break;
            }

            total += n;
        }

        return total;
    }
}
