using System.Globalization;
using System.IO.Compression;

namespace Playbook.Files;

/// <summary>
/// What a workbook may cost to read, so that a small file built to expand (gigabytes of space
/// between rows, one cell of two gigabytes, a shared string of three) is refused with one line
/// instead of taking the machine down. The limits sit far above any real download: a million-row
/// 抖店 export is about 2.5 GB of sheet XML compressed some 7 to 16 times, and Excel's own cells
/// hold at most 32,767 characters. Each refusal names the file, the part and the limit.
/// </summary>
internal static class WorkbookLimits
{
    /// <summary>The most bytes any part may expand to.</summary>
    public const long MaxPartBytes = 8L << 30;

    /// <summary>How many times its compressed size a part may expand to, once past <see cref="RatioFreeBytes"/>.</summary>
    public const long MaxRatio = 100;

    /// <summary>A part this small may compress any amount (a sheet of empty cells compresses well).</summary>
    public const long RatioFreeBytes = 64L << 20;

    /// <summary>The most bytes of XML one row (and the space around it) may take.</summary>
    public const int MaxRowBytes = 64 << 20;

    /// <summary>The most characters one cell or one shared string may hold.</summary>
    public const int MaxCellChars = 1 << 20;

    /// <summary>The most characters the shared strings may hold together.</summary>
    public const int MaxSharedStringChars = 128 << 20;

    /// <summary>The most bytes a small part (the workbook, its relationships, styles) may expand to.</summary>
    public const long MaxSmallPartBytes = 64L << 20;

    /// <summary>The largest .xls read (its cells are not compressed, so this bounds what it costs).</summary>
    public const long MaxXlsBytes = 512L << 20;

    /// <summary>How many bytes <paramref name="entry"/> may expand to.</summary>
    public static long Allowed(ZipArchiveEntry entry, long cap = MaxPartBytes)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Math.Min(cap, Math.Max(RatioFreeBytes, entry.CompressedLength * MaxRatio));
    }

    /// <summary>
    /// Opens a part for reading within its limit: refused at once when it declares more, and stopped
    /// with the same message when it turns out to expand past it.
    /// </summary>
    /// <exception cref="InputException">The part declares more than it may expand to.</exception>
    public static Stream Open(ZipArchiveEntry entry, string file, long cap = MaxPartBytes)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var allowed = Allowed(entry, cap);
        if (entry.Length > allowed)
        {
            throw Refused(file, entry, string.Create(CultureInfo.InvariantCulture, $"declares it expands to {Size(entry.Length)}"), allowed);
        }

        return new LimitedStream(entry.Open(), allowed, () => Refused(file, entry, string.Create(CultureInfo.InvariantCulture, $"expands to more than {Size(allowed)} (its header said {Size(entry.Length)})"), allowed));
    }

    /// <summary>The refusal of a part that expands past its limit.</summary>
    private static InputException Refused(string file, ZipArchiveEntry entry, string what, long allowed) =>
        new(string.Create(
            CultureInfo.InvariantCulture,
            $"{file}: refused: part {entry.FullName} {what} from {Size(entry.CompressedLength)}; a part may expand to at most {Size(allowed)} here (the larger of {Size(RatioFreeBytes)} and {MaxRatio}× its compressed size, never more than {Size(MaxPartBytes)}): the file is built to exhaust memory, or broken"));

    /// <summary>The refusal of a row or a cell past its limit.</summary>
    public static InputException TooLong(string file, string part, string what, long limit, string unit) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{file}: refused: {part}: {what} is longer than the limit of {limit:N0} {unit}: the file is built to exhaust memory, or broken"));

    /// <summary>Bytes as people read them (KiB, MiB, GiB).</summary>
    public static string Size(long bytes) => bytes switch
    {
        >= 1L << 30 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):0.#} GiB"),
        >= 1L << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 20):0.#} MiB"),
        >= 1L << 10 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 10):0.#} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
    };

    /// <summary>A read-only stream that stops with an error past a number of bytes.</summary>
    private sealed class LimitedStream(Stream inner, long limit, Func<Exception> refused) : Stream
    {
        private long read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = inner.Read(buffer);
            read += n;
            if (read > limit)
            {
                throw refused();
            }

            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
