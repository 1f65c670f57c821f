using Playbook.Canonical;
using Playbook.Files;

namespace Playbook.Sources;

/// <summary>
/// Every source adapter, registered once. A file's layout is told from its header: an export by
/// its own column names (the one whose signature matches most), else the canonical table whose
/// required columns are all there (the one with most). Adding a layout is one adapter file and one
/// line here.
/// </summary>
public static class SourceRegistry
{
    /// <summary>The adapters, exports first: their own names tell them apart; a canonical table is what is left.</summary>
    public static IReadOnlyList<SourceAdapter> All { get; } =
    [
        DouyinOrderExport.Instance,
        new CanonicalSource<Account>(CanonicalTables.Accounts),
        new CanonicalSource<Order>(CanonicalTables.Orders, m => new CanonicalOrderRows(m)),
        new CanonicalSource<LiveSession>(CanonicalTables.Sessions),
        new CanonicalSource<Product>(CanonicalTables.Products),
        new CanonicalSource<Campaign>(CanonicalTables.Campaigns),
        new CanonicalSource<PaidTraffic>(CanonicalTables.Traffic),
        new CanonicalSource<DailySales>(CanonicalTables.Sales),
        new CanonicalSource<LeaderboardEntry>(CanonicalTables.Leaderboard),
    ];

    /// <summary>The layouts rows of <typeparamref name="T"/> can be written in, by adapter id.</summary>
    internal static IReadOnlyDictionary<string, ILayoutWriter<T>> Writers<T>() =>
        All.OfType<ILayoutWriter<T>>().ToDictionary(w => ((SourceAdapter)w).Id, StringComparer.Ordinal);

    /// <summary>The canonical adapter of a table.</summary>
    public static SourceAdapter Canonical(TableKind kind) => All.Single(a => a.Table == kind && a.Signature is null);

    /// <summary>
    /// The adapter for a header row: an export whose signature columns are all there (most of them
    /// wins), else the canonical table whose required columns are all there (most of them wins).
    /// With <paramref name="kind"/>, only adapters of that table count, and its canonical adapter is
    /// the last resort (it then fails naming the columns it lacks).
    /// </summary>
    /// <exception cref="InputException">No adapter fits; the message names the closest and what it lacks.</exception>
    internal static SourceAdapter Detect(HeaderRow header, string file, TableKind? kind = null)
    {
        ArgumentNullException.ThrowIfNull(header);
        var candidates = All.Where(a => kind is null || a.Table == kind).ToList();
        var export = candidates.Where(a => a.Signature is not null && a.Recognises(header)).MaxBy(a => a.Signature!.Count);
        if (export is not null)
        {
            return export;
        }

        var canonical = candidates.Where(a => a.Signature is null).ToList();
        var complete = canonical.Where(a => a.Recognises(header)).MaxBy(a => a.Columns.Count(c => c.Required));
        if (complete is not null)
        {
            return complete;
        }

        if (kind is { } only)
        {
            return Canonical(only);
        }

        var closest = canonical.MaxBy(a => 1.0 - ((double)a.Missing(header).Count / a.Columns.Count(c => c.Required)))!;
        var exports = string.Join("; ", All.Where(a => a.Signature is not null).Select(a => $"a {a.Title} needs {string.Join(" and ", a.Signature!)}"));
        throw new InputException(
            $"{file}: cannot tell which table this is: found columns {header}; " +
            $"closest is {Vocabulary.KindName(closest.Table)}, which lacks {string.Join(", ", closest.Missing(header))} " +
            $"(or pass --kind; {exports})");
    }
}
