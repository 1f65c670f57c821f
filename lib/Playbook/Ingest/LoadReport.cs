using System.Globalization;
using Playbook.Canonical;
using Playbook.Files;
using Playbook.Sources;

namespace Playbook.Ingest;

/// <summary>One data row that was not loaded, and why: enough to find and fix it in the file.</summary>
/// <param name="File">The file as the user named it.</param>
/// <param name="Line">Physical line where the row starts; the header is line 1.</param>
/// <param name="Column">The column at fault, as the file names it; empty when the row as a whole is at fault.</param>
/// <param name="Value">The value as it stands in the file.</param>
/// <param name="Reason">What is wrong, in words a user can act on.</param>
/// <param name="Sheet">The sheet of a workbook the row is on (then <paramref name="Line"/> is its sheet row); null for a text file.</param>
public sealed record Rejection(string File, long Line, string Column, string Value, string Reason, string? Sheet = null)
{
    /// <summary>The one-line message strict mode fails with: <c>file:line: column 'c' value 'v': reason</c> (<c>file [sheet]:row: …</c> for a workbook).</summary>
    public override string ToString()
    {
        var where = Sheet is null ? File : $"{File} [{Sheet}]";
        return Column.Length == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{where}:{Line}: {Reason} (row: '{Value}')")
            : string.Create(CultureInfo.InvariantCulture, $"{where}:{Line}: column '{Column}' value '{Value}': {Reason}");
    }
}

/// <summary>
/// What happened to every data row of one file: read = loaded + unpaid + rejected + summary, always.
/// Nothing is dropped silently: each rejected row is listed with its line, column, value and reason.
/// </summary>
public sealed class LoadReport
{
    /// <summary>How many rejections a report keeps; <see cref="Rejected"/> still counts them all.</summary>
    public const int MaxListedRejections = 10_000;

    private readonly List<Rejection> rejections = [];
    private readonly List<Rejection> noted = [];
    private readonly SortedDictionary<string, long> notes = new(StringComparer.Ordinal);

    internal LoadReport(string file, TableKind kind, string source, string encoding, string? sheet = null)
    {
        File = file;
        Kind = kind;
        Source = source;
        Encoding = encoding;
        Sheet = sheet;
    }

    /// <summary>The file as the user named it.</summary>
    public string File { get; }

    /// <summary>The table the file holds.</summary>
    public TableKind Kind { get; }

    /// <summary>The source adapter that read the file: <c>canonical</c>, <c>douyin_export</c> … (see <see cref="Sources.SourceRegistry"/>).</summary>
    public string Source { get; }

    /// <summary>How the file was read: <c>utf-8</c>, <c>utf-8-bom</c> or <c>gb18030</c> for text, <c>xlsx</c> for a workbook.</summary>
    public string Encoding { get; }

    /// <summary>The sheet of a workbook the rows came from (the first with a header a source knows); null for a text file.</summary>
    public string? Sheet { get; }

    /// <summary>
    /// What the reader noticed without rejecting a row, by what it is, with how many rows: such as
    /// 抖店's 流量体裁 "数据将于第二天更新" (data not yet out) read as channel other.
    /// </summary>
    public IReadOnlyDictionary<string, long> Notes => notes;

    /// <summary>Data rows read (the header is not counted).</summary>
    public long Rows { get; private set; }

    /// <summary>Rows loaded.</summary>
    public long Loaded { get; private set; }

    /// <summary>Orders that were never paid (no payment time, or closed/cancelled): counted, never in GMV.</summary>
    public long Unpaid { get; private set; }

    /// <summary>Rows rejected.</summary>
    public long Rejected { get; private set; }

    /// <summary>Rows that total the others (a 全部 or 合计 line): neither loaded nor rejected.</summary>
    public long Summary { get; private set; }

    /// <summary>
    /// Rows identical to a row of a file read before it (monthly exports that overlap): kept once, so
    /// not loaded again. rows = loaded + unpaid + rejected + summary + repeated.
    /// </summary>
    public long Repeated { get; private set; }

    /// <summary>The rejected rows, in file order, up to <see cref="MaxListedRejections"/>.</summary>
    public IReadOnlyList<Rejection> Rejections => rejections;

    /// <summary>
    /// Figures of loaded rows set unknown because they contradicted another (UV above PV …): the row
    /// counts, the figure does not. Each is listed in <see cref="NotedRows"/> and counted in <see cref="Notes"/>.
    /// </summary>
    public long Noted { get; private set; }

    /// <summary>The rows loaded with figures unknown, with line, column, value and why, in file order, up to <see cref="MaxListedRejections"/>.</summary>
    public IReadOnlyList<Rejection> NotedRows => noted;

    /// <summary>
    /// What the file lost, in a line a user reads beside the figures; none when it lost nothing.
    /// Unpaid, summary and repeated rows are no loss: they are not sales, or are counted once.
    /// </summary>
    public IEnumerable<string> Losses()
    {
        if (Rejected > 0)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"{File}: {Rejected} rejected rows are not in the figures (see load)");
        }

        if (Noted > 0)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"{File}: {Noted} figures of loaded rows are unknown, as each contradicted another (see load)");
        }
    }

    /// <summary>What the files lost, file by file (<see cref="Losses"/>).</summary>
    public static IReadOnlyList<string> LossesOf(IEnumerable<LoadReport> reports) => [.. (reports ?? []).SelectMany(r => r.Losses())];

    internal void CountLoaded()
    {
        Rows++;
        Loaded++;
    }

    /// <summary>Counts rows loaded and unpaid in bulk (the fast reader's chunks).</summary>
    internal void Count(long loaded, long unpaid)
    {
        Rows += loaded + unpaid;
        Loaded += loaded;
        Unpaid += unpaid;
    }

    /// <summary>Counts <paramref name="rows"/> more rows of a note.</summary>
    internal void Note(string note, long rows = 1) => notes[note] = notes.GetValueOrDefault(note) + rows;

    /// <summary>Lists rows loaded with figures unknown (their notes are counted apart).</summary>
    internal void NoteRows(IEnumerable<Rejection> rows)
    {
        foreach (var row in rows)
        {
            Noted++;
            if (noted.Count < MaxListedRejections)
            {
                noted.Add(row);
            }
        }
    }

    /// <summary>A loaded row turned out to repeat an earlier file's row: kept once.</summary>
    internal void LoadedWasRepeated()
    {
        Loaded--;
        Repeated++;
    }

    /// <summary>A loaded row turned out to conflict with an earlier file's row: rejected after all.</summary>
    internal void LoadedWasRejected(Rejection rejection)
    {
        Loaded--;
        Rows--;
        Reject(rejection);
    }

    internal void CountSummary()
    {
        Rows++;
        Summary++;
    }

    internal void CountUnpaid()
    {
        Rows++;
        Unpaid++;
    }

    internal void Reject(Rejection rejection)
    {
        Rows++;
        Rejected++;
        if (rejections.Count < MaxListedRejections)
        {
            rejections.Add(rejection);
        }
    }

    /// <summary>A one-line summary for people.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{File}{(Sheet is null ? "" : $" [{Sheet}]")}: {Vocabulary.KindName(Kind)} ({Source}, {Encoding}): {Rows} rows, {Loaded} loaded, {Unpaid} unpaid, {Rejected} rejected{(Summary > 0 ? $", {Summary} summary" : "")}{(Repeated > 0 ? $", {Repeated} repeated" : "")}");
}

/// <summary>The rows a reader loaded and its report on the file.</summary>
/// <typeparam name="T">The canonical record type.</typeparam>
/// <param name="Rows">The loaded rows, in file order.</param>
/// <param name="Report">What happened to every row.</param>
public record LoadResult<T>(IReadOnlyList<T> Rows, LoadReport Report);

/// <summary>Strict mode met a row it cannot load; the message is the rejection's.</summary>
public sealed class RejectedRowException : InputException
{
    /// <summary>Creates the exception for <paramref name="rejection"/>.</summary>
    public RejectedRowException(Rejection rejection)
        : base(rejection?.ToString() ?? "")
    {
        ArgumentNullException.ThrowIfNull(rejection);
        Rejection = rejection;
    }

    /// <summary>The first rejected row.</summary>
    public Rejection Rejection { get; }
}

/// <summary>How to read a file.</summary>
public sealed record ReadOptions
{
    /// <summary>Lenient reading (the default): load the good rows, report the rest.</summary>
    public static ReadOptions Lenient { get; } = new();

    /// <summary>Strict reading: fail on the first rejected row with its message.</summary>
    public static ReadOptions StrictMode { get; } = new() { Strict = true };

    /// <summary>Fail on the first rejected row instead of reporting it.</summary>
    public bool Strict { get; init; }

    /// <summary>
    /// The text encoding (<c>utf-8</c> or <c>gb18030</c>); null to detect it: a byte order mark,
    /// else valid UTF-8, else GB18030.
    /// </summary>
    public string? Encoding { get; init; }

    /// <summary>The name the file has in messages; null for the path as given.</summary>
    public string? DisplayName { get; init; }

    /// <summary>
    /// The password of an encrypted workbook (<c>--password</c>), tried after the one its file name
    /// carries. Never written anywhere: not in messages, reports or data cards.
    /// </summary>
    public string? Password { get; init; }

    /// <summary>Settings the sources need (the shop's own account …) and the user's own mappings.</summary>
    public SourceOptions Sources { get; init; } = SourceOptions.None;

    /// <inheritdoc/>
    public override string ToString() => $"ReadOptions {{ Strict = {Strict}, Encoding = {Encoding}, Password = {(Password is null ? "none" : "given")} }}";
}
