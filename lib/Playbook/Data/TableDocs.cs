namespace Playbook.Data;

/// <summary>One column of a canonical table as a data card describes it.</summary>
/// <param name="Column">The column name.</param>
/// <param name="Type">Its type or vocabulary.</param>
/// <param name="Unit">Its unit; empty when it has none.</param>
/// <param name="Description">What it holds.</param>
public sealed record ColumnDoc(string Column, string Type, string Unit, string Description);

/// <summary>The schema of every canonical table with types and units, written once for every data card.</summary>
public static class TableDocs
{
    private static readonly Dictionary<TableKind, ColumnDoc[]> Docs = new()
    {
        [TableKind.Accounts] =
        [
            new("account_id", "string", "", "platform account id (达人ID); required, unique"),
            new("platform", "douyin|kuaishou", "", "platform of the account"),
            new("nickname", "string", "", "display name (昵称), user text"),
            new("role", "self|top_kol|matrix", "", "explicit role; empty = derived"),
            new("brand_owned", "bool", "", "the brand owns the account (自有账号)"),
            new("followers", "integer", "followers", "follower count (粉丝数)"),
        ],
        [TableKind.Orders] =
        [
            new("order_id", "string", "", "sub-order id (子订单编号); required, unique"),
            new("parent_order_id", "string", "", "parent order id (主订单编号): one purchase"),
            new("platform", "douyin|kuaishou", "", "platform of the order"),
            new("paid_at", "timestamp", "China time", "payment time (支付完成时间)"),
            new("account_id", "string", "", "seller account; empty = shelf order (中心场)"),
            new("channel", "live|short_video|product_card|search|mall|other", "", "content surface (流量体裁)"),
            new("traffic_type", "organic|paid", "", "流量类型"),
            new("product_id", "string", "", "商品ID"),
            new("quantity", "integer", "units", "商品数量, at least 1"),
            new("gmv", "decimal", "CNY", "paid amount (订单应付金额)"),
            new("refund", "decimal", "CNY", "refunded amount, 0 to gmv"),
            new("buyer_id", "string", "", "buyer"),
            new("buyer_is_fan", "bool", "", "the buyer follows the seller"),
            new("session_id", "string", "", "live session of the order"),
            new("review", "positive|neutral|negative", "", "评价; empty = no review"),
        ],
        [TableKind.Sessions] =
        [
            new("session_id", "string", "", "live session id; required, unique"),
            new("account_id", "string", "", "account that broadcast it"),
            new("started_at", "timestamp", "China time", "开播时间"),
            new("ended_at", "timestamp", "China time", "下播时间"),
            new("views", "integer", "views", "PV (观看人次)"),
            new("viewers", "integer", "people", "UV (观看人数), at most views"),
            new("peak_online", "integer", "people", "人气峰值, at most viewers"),
            new("avg_watch_seconds", "decimal", "seconds", "average watch time per viewer"),
            new("new_fans", "integer", "followers", "涨粉"),
            new("exposures", "integer", "exposures", "room exposures (曝光)"),
            new("entries", "integer", "entries", "room entries (进入), at most exposures"),
        ],
        [TableKind.Products] =
        [
            new("product_id", "string", "", "商品ID; required, unique"),
            new("name", "string", "", "商品名称, user text"),
            new("category", "string", "", "类目"),
            new("launched_on", "date", "China time", "上架日期"),
            new("list_price", "decimal", "CNY", "标价"),
            new("channel_exclusive", "bool", "", "渠道特供"),
        ],
        [TableKind.Campaigns] =
        [
            new("campaign_id", "string", "", "required, unique"),
            new("platform", "douyin|kuaishou", "", "platform that ran it"),
            new("name", "string", "", "campaign name"),
            new("starts_on", "date", "China time", "first day, inclusive"),
            new("ends_on", "date", "China time", "last day, inclusive"),
            new("kind", "string", "", "free text"),
        ],
        [TableKind.Traffic] =
        [
            new("date", "date", "China time", "day of the spend"),
            new("account_id", "string", "", "account the traffic was bought for"),
            new("session_id", "string", "", "session the traffic was bought for"),
            new("tool", "qianchuan|xiaodiantong|xiaohuomiao|cili_jinniu|doujia|other", "", "投流工具"),
            new("spend", "decimal", "CNY", "消耗"),
            new("attributed_gmv", "decimal", "CNY", "GMV the tool attributes"),
        ],
        [TableKind.Sales] =
        [
            new("date", "date", "China time", "day of payment"),
            new("account_id", "string", "", "seller account; empty = shelf (中心场)"),
            new("channel", "live|short_video|product_card|search|mall|other", "", "流量体裁"),
            new("traffic_type", "organic|paid", "", "流量类型"),
            new("orders", "integer", "orders", "paid orders"),
            new("units", "integer", "units", "units sold, at least orders"),
            new("gmv", "decimal", "CNY", "paid amount"),
            new("refund", "decimal", "CNY", "refunded amount, at most gmv"),
        ],
        [TableKind.Leaderboard] =
        [
            new("board", "string", "", "the ranking: measure and period"),
            new("brand", "string", "", "peer brand (anonymised)"),
            new("category", "string", "", "类目"),
            new("gmv", "decimal", "CNY", "the peer's value on the board"),
        ],
    };

    /// <summary>The columns of <paramref name="kind"/>, in file order.</summary>
    public static IReadOnlyList<ColumnDoc> Of(TableKind kind) => Docs[kind];
}
