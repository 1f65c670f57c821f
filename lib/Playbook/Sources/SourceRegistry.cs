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
        KuaishouOrderExport.Instance,
        MappedSource.Builtin("compass-live-list.yml"),
        MappedSource.Builtin("qianchuan-standard.yml"),
        MappedSource.Builtin("qianchuan-uni.yml"),
        MappedSource.Builtin("douyin-alliance-commission.yml"),
        new CanonicalSource<Account>(CanonicalTables.Accounts),
        new CanonicalSource<Order>(CanonicalTables.Orders, m => new CanonicalOrderRows(m)),
        new CanonicalSource<LiveSession>(CanonicalTables.Sessions),
        new CanonicalSource<Product>(CanonicalTables.Products),
        new CanonicalSource<Campaign>(CanonicalTables.Campaigns),
        new CanonicalSource<PaidTraffic>(CanonicalTables.Traffic),
        new CanonicalSource<DailySales>(CanonicalTables.Sales),
        new CanonicalSource<LeaderboardEntry>(CanonicalTables.Leaderboard),
        new CanonicalSource<Cost>(CanonicalTables.Costs),
        new CanonicalSource<CommissionRow>(CanonicalTables.Commissions),
    ];

    /// <summary>The layouts rows of <typeparamref name="T"/> can be written in, by adapter id.</summary>
    internal static IReadOnlyDictionary<string, ILayoutWriter<T>> Writers<T>() =>
        All.OfType<ILayoutWriter<T>>().ToDictionary(w => ((SourceAdapter)w).Id, StringComparer.Ordinal);

    /// <summary>The canonical adapter of a table.</summary>
    public static SourceAdapter Canonical(TableKind kind) => All.Single(a => a.Table == kind && a.Signature is null);

    /// <summary>
    /// The adapter for a header row: a mapped or export layout whose signature columns are all
    /// there (the user's mappings first, then the one with most signature columns), else the
    /// canonical table whose required columns are all there (the one with most); null when none is.
    /// With <paramref name="kind"/>, only adapters of that table count.
    /// </summary>
    internal static SourceAdapter? TryDetect(HeaderRow header, TableKind? kind = null, SourceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(header);
        var mapped = (options ?? SourceOptions.None).Mappings.FirstOrDefault(a => (kind is null || a.Table == kind) && a.Recognises(header));
        if (mapped is not null)
        {
            return mapped;
        }

        var candidates = All.Where(a => kind is null || a.Table == kind).ToList();
        return candidates.Where(a => a.Signature is not null && a.Recognises(header)).MaxBy(a => a.Signature!.Count)
            ?? candidates.Where(a => a.Signature is null && a.Recognises(header)).MaxBy(a => a.Columns.Count(c => c.Required));
    }

    /// <summary>
    /// As <see cref="TryDetect"/>, for a header no adapter recognises too: with <paramref name="kind"/>
    /// its canonical adapter (binding it then fails naming the columns it lacks), else an error.
    /// </summary>
    /// <exception cref="InputException">No adapter fits; the message names the closest and what it lacks.</exception>
    internal static SourceAdapter Detect(HeaderRow header, string file, TableKind? kind = null, SourceOptions? options = null)
    {
        if (TryDetect(header, kind, options) is { } found)
        {
            return found;
        }

        if (kind is { } only)
        {
            return Canonical(only);
        }

        var canonical = All.Where(a => a.Signature is null).ToList();
        var closest = canonical.MaxBy(a => 1.0 - ((double)a.Missing(header).Count / a.Columns.Count(c => c.Required)))!;
        var exports = string.Join("; ", All.Where(a => a.Signature is not null).Select(a => $"a {a.Title} needs {string.Join(" and ", a.Signature!)}"));
        throw new InputException(
            $"{file}: cannot tell which table this is: found columns {header}; " +
            $"closest is {Vocabulary.KindName(closest.Table)}, which lacks {string.Join(", ", closest.Missing(header))} " +
            $"(or pass --kind; {exports})");
    }
}
