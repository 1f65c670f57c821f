using System.Buffers;
using System.Runtime.CompilerServices;

namespace Playbook.Files;

/// <summary>A run of whole CSV records: the text, where it starts in the file, and whether it holds a quote.</summary>
internal sealed class CsvChunk
{
    public required int Sequence { get; init; }

    /// <summary>Rented from <see cref="CsvChunks.Pool"/>; returned by whoever consumes the chunk last.</summary>
    public required char[] Buffer { get; init; }

    public required int Length { get; init; }

    /// <summary>Physical line of the first record (the header is line 1).</summary>
    public required long FirstLine { get; init; }

    public required bool HasQuotes { get; init; }

    public ReadOnlySpan<char> Text => Buffer.AsSpan(0, Length);
}

/// <summary>
/// Cuts a text file into chunks of whole records, so that workers can parse them apart. Only the
/// record ends are found here (a newline outside quotes); everything else is the workers' job.
/// </summary>
internal sealed class CsvChunks(TextReader reader, int chunkChars)
{
    private char[]? buffer;
    private int filled;
    private bool ended;
    private int sequence;

    /// <summary>
    /// The chunk buffers: a pool of this read's own, dropped with it, where the shared pool would
    /// keep a dozen 2 MB buffers for the rest of the process.
    /// </summary>
    public ArrayPool<char> Pool { get; } = ArrayPool<char>.Create(64 << 20, 16);

    /// <summary>Physical line of the next record.</summary>
    public long NextLine { get; private set; } = 1;

    /// <summary>Skips the header record and counts its lines.</summary>
    public void SkipHeader()
    {
        var chunk = Next(single: true);
        if (chunk is not null)
        {
            Pool.Return(chunk.Buffer);
            sequence = 0;
        }
    }

    /// <summary>The next chunk, or null at the end. Throws <see cref="FastReadAbandoned"/> when a quote is left open at the end of the file.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public CsvChunk? Next(bool single = false)
    {
        buffer ??= Pool.Rent(chunkChars);
        while (true)
        {
            while (!ended && filled < buffer.Length)
            {
                var read = reader.Read(buffer, filled, buffer.Length - filled);
                if (read == 0)
                {
                    ended = true;
                }

                filled += read;
            }

            if (filled == 0)
            {
                return null;
            }

            var text = buffer.AsSpan(0, filled);
            var hasQuotes = text.Contains('"');
            var cut = single ? FirstRecordEnd(text) : LastRecordEnd(text, hasQuotes);
            if (cut < 0 && ended)
            {
                if (hasQuotes && InsideQuotesAtEnd(text))
                {
                    throw new FastReadAbandoned("a quote is left open at the end of the file");
                }

                cut = filled;
            }

            if (cut < 0)
            {
                // One record longer than the buffer: read on with a bigger one, up to the longest record
                // the plain reader takes; past it, the plain reader stops at that record with its line.
                if (buffer.Length >= CsvRowSource.MaxRecordChars)
                {
                    throw new FastReadAbandoned("a record is longer than the plain reader's limit");
                }

                var bigger = Pool.Rent(Math.Min(buffer.Length * 2, CsvRowSource.MaxRecordChars));
                buffer.AsSpan(0, filled).CopyTo(bigger);
                Pool.Return(buffer);
                buffer = bigger;
                continue;
            }

            var chunk = new CsvChunk { Sequence = sequence++, Buffer = buffer, Length = cut, FirstLine = NextLine, HasQuotes = hasQuotes && text[..cut].Contains('"') };
            NextLine += text[..cut].Count('\n');
            var rest = filled - cut;
            var next = Pool.Rent(Math.Max(chunkChars, rest * 2));
            buffer.AsSpan(cut, rest).CopyTo(next);
            buffer = next;
            filled = rest;
            return chunk;
        }
    }

    /// <summary>Gives back the buffer being filled, when reading stops early.</summary>
    public void Release()
    {
        if (buffer is not null)
        {
            Pool.Return(buffer);
        }

        buffer = [];
        filled = 0;
    }

    /// <summary>One past the last newline outside quotes, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int LastRecordEnd(ReadOnlySpan<char> text, bool hasQuotes)
    {
        if (!hasQuotes)
        {
            var last = text.LastIndexOf('\n');
            return last < 0 ? -1 : last + 1;
        }

        var end = -1;
        var quoted = false;
        var i = 0;
        while (true)
        {
            var next = text[i..].IndexOfAny('"', '\n');
            if (next < 0)
            {
                return end;
            }

            i += next;
            if (text[i] == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted)
            {
                end = i + 1;
            }

            i++;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int FirstRecordEnd(ReadOnlySpan<char> text)
    {
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '"')
            {
                quoted = !quoted;
            }
            else if (text[i] == '\n' && !quoted)
            {
                return i + 1;
            }
        }

        return -1;
    }

    private static bool InsideQuotesAtEnd(ReadOnlySpan<char> text) => text.Count('"') % 2 == 1;
}

/// <summary>The fast reader met something only the plain reader handles exactly; the message says what.</summary>
internal sealed class FastReadAbandoned(string reason) : Exception(reason);
