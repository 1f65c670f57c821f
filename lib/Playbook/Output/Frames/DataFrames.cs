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
    public static DataFrame ToDataFrame(this IEnumerable<Account> rows)
    {
        var list = Materialize(rows);
        return new DataFrame(
            Text("account_id", list, a => a.AccountId),
            Text("platform", list, a => Vocabulary.Name(a.Platform)),
            Text("nickname", list, a => a.Nickname),
            Text("role", list, a => a.Role is { } r ? Vocabulary.Name(r) : null),
            new BooleanDataFrameColumn("brand_owned", list.Select(a => a.BrandOwned)),
            new Int64DataFrameColumn("followers", list.Select(a => a.Followers)));
    }

    /// <summary>Orders as a data frame.</summary>
    public static DataFrame ToDataFrame(this IEnumerable<Order> rows)
    {
        var list = Materialize(rows);
        return new DataFrame(
            Text("order_id", list, o => o.OrderId),
            Text("parent_order_id", list, o => o.ParentOrderId),
            Text("platform", list, o => Vocabulary.Name(o.Platform)),
            new PrimitiveDataFrameColumn<DateTime>("paid_at", list.Select(o => (DateTime?)o.PaidAt)),
            Text("account_id", list, o => o.AccountId),
            Text("channel", list, o => Vocabulary.Name(o.Channel)),
            Text("traffic_type", list, o => o.TrafficType is { } t ? Vocabulary.Name(t) : null),
            Text("product_id", list, o => o.ProductId),
            new Int32DataFrameColumn("quantity", list.Select(o => (int?)o.Quantity)),
            new DecimalDataFrameColumn("gmv", list.Select(o => (decimal?)o.Gmv)),
            new DecimalDataFrameColumn("refund", list.Select(o => (decimal?)o.Refund)),
            Text("buyer_id", list, o => o.BuyerId),
            new BooleanDataFrameColumn("buyer_is_fan", list.Select(o => o.BuyerIsFan)),
            Text("session_id", list, o => o.SessionId),
            Text("review", list, o => o.Review is { } r ? Vocabulary.Name(r) : null));
    }

    /// <summary>Live sessions as a data frame.</summary>
    public static DataFrame ToDataFrame(this IEnumerable<LiveSession> rows)
    {
        var list = Materialize(rows);
        return new DataFrame(
            Text("session_id", list, s => s.SessionId),
            Text("account_id", list, s => s.AccountId),
            new PrimitiveDataFrameColumn<DateTime>("started_at", list.Select(s => (DateTime?)s.StartedAt)),
            new PrimitiveDataFrameColumn<DateTime>("ended_at", list.Select(s => (DateTime?)s.EndedAt)),
            new Int64DataFrameColumn("views", list.Select(s => (long?)s.Views)),
            new Int64DataFrameColumn("viewers", list.Select(s => (long?)s.Viewers)),
            new Int64DataFrameColumn("peak_online", list.Select(s => (long?)s.PeakOnline)),
            new DecimalDataFrameColumn("avg_watch_seconds", list.Select(s => (decimal?)s.AvgWatchSeconds)),
            new Int64DataFrameColumn("new_fans", list.Select(s => (long?)s.NewFans)),
            new Int64DataFrameColumn("exposures", list.Select(s => s.Exposures)),
            new Int64DataFrameColumn("entries", list.Select(s => s.Entries)));
    }

    /// <summary>Products as a data frame.</summary>
    public static DataFrame ToDataFrame(this IEnumerable<Product> rows)
    {
        var list = Materialize(rows);
        return new DataFrame(
            Text("product_id", list, p => p.ProductId),
            Text("name", list, p => p.Name),
            Text("category", list, p => p.Category),
            Text("launched_on", list, p => p.LaunchedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            new DecimalDataFrameColumn("list_price", list.Select(p => p.ListPrice)),
            new BooleanDataFrameColumn("channel_exclusive", list.Select(p => p.ChannelExclusive)));
    }

    /// <summary>Campaigns as a data frame.</summary>
    public static DataFrame ToDataFrame(this IEnumerable<Campaign> rows)
    {
        var list = Materialize(rows);
        return new DataFrame(
            Text("campaign_id", list, c => c.CampaignId),
            Text("platform", list, c => Vocabulary.Name(c.Platform)),
            Text("name", list, c => c.Name),
            Text("starts_on", list, c => c.StartsOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            Text("ends_on", list, c => c.EndsOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            Text("kind", list, c => c.Kind));
    }

    /// <summary>Paid traffic as a data frame.</summary>
    public static DataFrame ToDataFrame(this IEnumerable<PaidTraffic> rows)
    {
        var list = Materialize(rows);
        return new DataFrame(
            Text("date", list, t => t.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            Text("account_id", list, t => t.AccountId),
            Text("session_id", list, t => t.SessionId),
            Text("tool", list, t => Vocabulary.Name(t.Tool)),
            new DecimalDataFrameColumn("spend", list.Select(t => (decimal?)t.Spend)),
            new DecimalDataFrameColumn("attributed_gmv", list.Select(t => t.AttributedGmv)));
    }

    /// <summary>Per-seller daily sales as a data frame.</summary>
    public static DataFrame ToDataFrame(this IEnumerable<DailySales> rows)
    {
        var list = Materialize(rows);
        return new DataFrame(
            Text("date", list, s => s.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            Text("account_id", list, s => s.AccountId),
            Text("channel", list, s => Vocabulary.Name(s.Channel)),
            Text("traffic_type", list, s => s.TrafficType is { } t ? Vocabulary.Name(t) : null),
            new Int64DataFrameColumn("orders", list.Select(s => (long?)s.Orders)),
            new Int64DataFrameColumn("units", list.Select(s => (long?)s.Units)),
            new DecimalDataFrameColumn("gmv", list.Select(s => (decimal?)s.Gmv)),
            new DecimalDataFrameColumn("refund", list.Select(s => (decimal?)s.Refund)));
    }

    /// <summary>The loaded rows of a result as a data frame.</summary>
    public static DataFrame ToDataFrame<T>(this LoadResult<T> result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Rows switch
        {
            IReadOnlyList<Account> a => a.ToDataFrame(),
            IReadOnlyList<Order> o => o.ToDataFrame(),
            IReadOnlyList<LiveSession> s => s.ToDataFrame(),
            IReadOnlyList<Product> p => p.ToDataFrame(),
            IReadOnlyList<Campaign> c => c.ToDataFrame(),
            IReadOnlyList<PaidTraffic> t => t.ToDataFrame(),
            IReadOnlyList<DailySales> d => d.ToDataFrame(),
            _ => throw new NotSupportedException($"no data frame for {typeof(T).Name}"),
        };
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

    private static IReadOnlyList<T> Materialize<T>(IEnumerable<T> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return rows as IReadOnlyList<T> ?? [.. rows];
    }

    private static StringDataFrameColumn Text<T>(string name, IReadOnlyList<T> rows, Func<T, string?> value) =>
        new(name, rows.Select(value));
}
