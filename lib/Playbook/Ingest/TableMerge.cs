using System.Globalization;
using Playbook.Canonical;

namespace Playbook.Ingest;

/// <summary>
/// One table read from several files (monthly exports): a row whose id (or key) an earlier file
/// already gave is kept once when it is identical and rejected when it differs, naming both places.
/// Rows without an id are repeats only when identical to an earlier file's row; within one file every
/// row counts (the file's own reader rejects its duplicate ids). A table whose rows come in groups
/// (<see cref="CanonicalTable{T}.GroupOf"/>: a 千川 day) keeps each group from the first file that gives
/// it: a later file's rows of that group are repeats when identical, else rejected, saying whose
/// figures were kept.
/// </summary>
/// <typeparam name="T">The canonical record.</typeparam>
internal sealed class TableMerge<T>
    where T : class, new()
{
    private readonly CanonicalTable<T> table = CanonicalTables.Of<T>();
    private readonly Dictionary<string, (string File, string? Sheet, long Line, string Cells)> byKey = new(StringComparer.Ordinal);
    private readonly HashSet<string> earlierRows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string File, string? Sheet, long Line)> groups = new(StringComparer.Ordinal);
    private readonly List<string> thisFileRows = [];

    /// <summary>Ends a file: its rows count as earlier ones for the files after it.</summary>
    public void EndFile()
    {
        earlierRows.UnionWith(thisFileRows);
        thisFileRows.Clear();
    }

    /// <summary>Whether a loaded row stays: false when it repeats or conflicts with an earlier file's (the report says which).</summary>
    public bool Keep(T record, LoadReport report, long line, string? sheet)
    {
        var cells = string.Join("\u001F", table.Cells(record).Select(c => c ?? ""));
        var key = table.KeyOrIdOf(record);
        if (key is null)
        {
            thisFileRows.Add(cells);
            if (earlierRows.Contains(cells))
            {
                report.LoadedWasRepeated();
                return false;
            }

            if (table.GroupOf?.Invoke(record) is { } group)
            {
                if (groups.TryGetValue(group, out var owner) && owner.File != report.File)
                {
                    report.LoadedWasRejected(new Rejection(report.File, line, "", group, string.Create(CultureInfo.InvariantCulture,
                        $"the same {table.GroupName} as {Where(owner.File, owner.Sheet, owner.Line)} (another download of that day), with other figures: the figures of {owner.File} are kept"), sheet));
                    return false;
                }

                groups.TryAdd(group, (report.File, sheet, line));
            }

            return true;
        }

        if (!byKey.TryGetValue(key, out var first))
        {
            byKey[key] = (report.File, sheet, line, cells);
            return true;
        }

        if (first.File == report.File)
        {
            // The file's own reader has already rejected a duplicate within it.
            return true;
        }

        if (first.Cells == cells)
        {
            report.LoadedWasRepeated();
            return false;
        }

        report.LoadedWasRejected(new Rejection(report.File, line, table.IdColumn ?? "", key, string.Create(CultureInfo.InvariantCulture, $"the same {table.IdColumn ?? "row"} as {Where(first.File, first.Sheet, first.Line)}, with other values: which is right cannot be told"), sheet));
        return false;
    }

    private static string Where(string file, string? sheet, long line) =>
        sheet is null ? string.Create(CultureInfo.InvariantCulture, $"{file}:{line}") : string.Create(CultureInfo.InvariantCulture, $"{file} [{sheet}]:{line}");
}
