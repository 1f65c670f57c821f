using Microsoft.Data.Analysis;
using Playbook.Canonical;
using Playbook.Ingest;

namespace Playbook.Output;

/// <summary>
/// Loaded tables as <see cref="DataFrame"/>s for display and exploration in notebooks. Columns
/// keep the canonical snake_case names; enums show their canonical spelling.
/// </summary>
public static class DataFrames
{
    /// <summary>Accounts as a data frame.</summary>
    public static DataFrame ToDataFrame(this IEnumerable<Account> rows) => CanonicalTables.Accounts.ToDataFrame(rows);

    /// <summary>Orders as a data frame.</summary>
    public static DataFrame ToDataFrame(this IEnumerable<Order> rows) => CanonicalTables.Orders.ToDataFrame(rows);

    /// <summary>Live sessions as a data frame.</summary>
    public static DataFrame ToDataFrame(this IEnumerable<LiveSession> rows) => CanonicalTables.Sessions.ToDataFrame(rows);

    /// <summary>Products as a data frame.</summary>
    public static DataFrame ToDataFrame(this IEnumerable<Product> rows) => CanonicalTables.Products.ToDataFrame(rows);

    /// <summary>Campaigns as a data frame.</summary>
    public static DataFrame ToDataFrame(this IEnumerable<Campaign> rows) => CanonicalTables.Campaigns.ToDataFrame(rows);

    /// <summary>Paid traffic as a data frame.</summary>
    public static DataFrame ToDataFrame(this IEnumerable<PaidTraffic> rows) => CanonicalTables.Traffic.ToDataFrame(rows);

    /// <summary>Per-seller daily sales as a data frame.</summary>
    public static DataFrame ToDataFrame(this IEnumerable<DailySales> rows) => CanonicalTables.Sales.ToDataFrame(rows);

    /// <summary>Peer rankings as a data frame.</summary>
    public static DataFrame ToDataFrame(this IEnumerable<LeaderboardEntry> rows) => CanonicalTables.Leaderboard.ToDataFrame(rows);

    /// <summary>Costs (slot fees, staff, studio …) as a data frame.</summary>
    public static DataFrame ToDataFrame(this IEnumerable<Cost> rows) => CanonicalTables.Costs.ToDataFrame(rows);

    /// <summary>Talents' commissions per order as a data frame.</summary>
    public static DataFrame ToDataFrame(this IEnumerable<CommissionRow> rows) => CanonicalTables.Commissions.ToDataFrame(rows);

    /// <summary>The loaded rows of a result as a data frame.</summary>
    public static DataFrame ToDataFrame<T>(this LoadResult<T> result)
        where T : class, new()
    {
        ArgumentNullException.ThrowIfNull(result);
        return CanonicalTables.Of<T>().ToDataFrame(result.Rows);
    }

    /// <summary>What happened to every file read: one row per file, with its layout, sheet and counts.</summary>
    public static DataFrame ToDataFrame(this IEnumerable<LoadReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var list = reports.ToList();
        return new DataFrame(
            Text("file", list, r => Path.GetFileName(r.File)),
            Text("table", list, r => Vocabulary.KindName(r.Kind)),
            Text("source", list, r => r.Source),
            Text("sheet", list, r => r.Sheet),
            new Int64DataFrameColumn("rows", list.Select(r => (long?)r.Rows)),
            new Int64DataFrameColumn("loaded", list.Select(r => (long?)r.Loaded)),
            new Int64DataFrameColumn("unpaid", list.Select(r => (long?)r.Unpaid)),
            new Int64DataFrameColumn("rejected", list.Select(r => (long?)r.Rejected)),
            new Int64DataFrameColumn("summary", list.Select(r => (long?)r.Summary)),
            new Int64DataFrameColumn("repeated", list.Select(r => (long?)r.Repeated)));
    }

    /// <summary>Every row that did not load, across the files: file, sheet, row (or line), column, value and reason.</summary>
    public static DataFrame RejectionsFrame(this IEnumerable<LoadReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var list = reports.SelectMany(r => r.Rejections).ToList();
        return new DataFrame(
            Text("file", list, r => Path.GetFileName(r.File)),
            Text("sheet", list, r => r.Sheet),
            new Int64DataFrameColumn("row", list.Select(r => (long?)r.Line)),
            Text("column", list, r => r.Column),
            Text("value", list, r => r.Value),
            Text("reason", list, r => r.Reason));
    }

    /// <summary>The rejected rows of a report, one per line: line, column, value, reason.</summary>
    public static DataFrame ToDataFrame(this LoadReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var list = report.Rejections;
        return new DataFrame(
            Text("file", list, r => r.File),
            new Int64DataFrameColumn("line", list.Select(r => (long?)r.Line)),
            Text("column", list, r => r.Column),
            Text("value", list, r => r.Value),
            Text("reason", list, r => r.Reason));
    }

    private static StringDataFrameColumn Text<T>(string name, IReadOnlyList<T> rows, Func<T, string?> value) =>
        new(name, rows.Select(value));
}
