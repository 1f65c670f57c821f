using System.Globalization;
using System.Text;
using static Playbook.Canonical.ColumnTypes;

namespace Playbook.Canonical;

/// <summary>
/// The canonical tables of DESIGN.md, each declared once: its columns (name, whether a file must
/// have it, parser, unit, description), its unique key and its checks across columns. The readers,
/// the writer (<see cref="CanonicalCsv"/>), data frames, data-card schemas and the README's table
/// section are made from these declarations.
/// </summary>
public static class CanonicalTables
{
    /// <summary>Seller accounts (账号).</summary>
    public static CanonicalTable<Account> Accounts { get; } = new(TableKind.Accounts,
    [
        Col<Account, string>("account_id", RequiredId, a => a.AccountId, (a, v) => a.AccountId = v, "platform account id (达人ID); required, unique"),
        Col<Account, Platform>("platform", Enum<Platform>(), a => a.Platform, (a, v) => a.Platform = v, "platform of the account"),
        Col<Account, string?>("nickname", Text, a => a.Nickname, (a, v) => a.Nickname = v, "display name (昵称), user text"),
        Col<Account, SellerRole?>("role", OptionalEnum<SellerRole>(), a => a.Role, (a, v) => a.Role = v, "explicit role; empty = derived", required: false),
        Col<Account, bool?>("brand_owned", OptionalBool, a => a.BrandOwned, (a, v) => a.BrandOwned = v, "the brand owns the account (自有账号)", required: false),
        Col<Account, long?>("followers", OptionalCount, a => a.Followers, (a, v) => a.Followers = v, "follower count (粉丝数)", unit: "followers", required: false),
        Col<Account, decimal?>("commission_rate", OptionalRate, a => a.CommissionRate, (a, v) => a.CommissionRate = v, "the talent's commission rate (佣金率), 0..1, for its orders without a commission figure", unit: "fraction", rule: "0..1", required: false),
    ])
    {
        IdColumn = "account_id",

        // The rule: an account's id is who it is; a commission rate outside 0..1 is a figure that says
        // nothing true, so the account loads with the rate unknown and the row is noted.
        Mend = (a, side) =>
        {
            if (a.CommissionRate is < 0 or > 1)
            {
                side.Unknown("commission_rate", a.CommissionRate.Value.ToString(CultureInfo.InvariantCulture), "a commission rate outside 0..1: loaded as unknown");
                a.CommissionRate = null;
            }
        },
    };

    /// <summary>Sub-orders (子订单), the grain of GMV.</summary>
    public static CanonicalTable<Order> Orders { get; } = new(TableKind.Orders,
    [
        Col<Order, string>("order_id", RequiredId, o => o.OrderId, (o, v) => o.OrderId = v, "sub-order id (子订单编号); required, unique"),
        Col<Order, string?>("parent_order_id", Id, o => o.ParentOrderId, (o, v) => o.ParentOrderId = v, "parent order id (主订单编号): one purchase"),
        Col<Order, Platform>("platform", Enum<Platform>(), o => o.Platform, (o, v) => o.Platform = v, "platform of the order"),
        Col<Order, DateTime>("paid_at", Time, o => o.PaidAt, (o, v) => o.PaidAt = v, "payment time (支付完成时间)", unit: "China time", rule: "empty = unpaid"),

        // No seller account: a shelf order (中心场), reported on its own line, never in a pillar.
        Col<Order, string?>("account_id", Id, o => o.AccountId, (o, v) => o.AccountId = v, "seller account; empty = shelf order (中心场)", rule: "empty = shelf order, no seller"),
        Col<Order, Channel>("channel", Enum<Channel>(), o => o.Channel, (o, v) => o.Channel = v, "content surface (流量体裁)"),
        Col<Order, TrafficType?>("traffic_type", OptionalEnum<TrafficType>(), o => o.TrafficType, (o, v) => o.TrafficType = v, "流量类型", required: false),
        Col<Order, string>("product_id", RequiredId, o => o.ProductId, (o, v) => o.ProductId = v, "商品ID"),
        Col<Order, int>("quantity", Quantity, o => o.Quantity, (o, v) => o.Quantity = v, "商品数量, at least 1", unit: "units", rule: "≥ 1"),
        Col<Order, decimal>("gmv", Money, o => o.Gmv, (o, v) => o.Gmv = v, "paid amount (订单应付金额)", unit: "CNY", rule: "≥ 0"),
        Col<Order, decimal>("refund", MoneyOrZero, o => o.Refund, (o, v) => o.Refund = v, "refunded amount, 0 to gmv", unit: "CNY", rule: "0..gmv"),
        Col<Order, string?>("buyer_id", Id, o => o.BuyerId, (o, v) => o.BuyerId = v, "buyer", required: false),
        Col<Order, bool?>("buyer_is_fan", OptionalBool, o => o.BuyerIsFan, (o, v) => o.BuyerIsFan = v, "the buyer follows the seller", required: false),
        Col<Order, string?>("session_id", Id, o => o.SessionId, (o, v) => o.SessionId = v, "live session of the order", required: false),
        Col<Order, Review?>("review", OptionalEnum<Review>(), o => o.Review, (o, v) => o.Review = v, "评价; empty = no review", required: false),
        Col<Order, decimal?>("commission", OptionalMoney, o => o.Commission, (o, v) => o.Commission = v, "commission owed to the seller before refunds (佣金, 预估推广佣金); empty = not known", unit: "CNY", rule: "≤ gmv", required: false),
    ])
    {
        Grain = "one row per sub-order",
        IdColumn = "order_id",

        // The rule: every column of an order is its identity or its money, so a faulty value rejects
        // the row (a refund above the GMV among them): a figure cannot be set unknown without leaving
        // the sums wrong.

        // An order without a payment time was never paid: it is counted apart, never in GMV.
        IsUnpaid = r => r.Text("paid_at") is null,
        Check = o =>
        {
            if (o.Refund > o.Gmv)
            {
                throw new FieldException("refund", "refund is larger than the order's gmv");
            }

            if (o.Commission > o.Gmv)
            {
                throw new FieldException("commission", "commission is larger than the order's gmv");
            }
        },
    };

    /// <summary>Live sessions (直播场次).</summary>
    public static CanonicalTable<LiveSession> Sessions { get; } = new(TableKind.Sessions,
    [
        Col<LiveSession, string>("session_id", RequiredId, s => s.SessionId, (s, v) => s.SessionId = v, "live session id; required, unique"),
        Col<LiveSession, string>("account_id", RequiredId, s => s.AccountId, (s, v) => s.AccountId = v, "account that broadcast it"),
        Col<LiveSession, DateTime>("started_at", Time, s => s.StartedAt, (s, v) => s.StartedAt = v, "开播时间", unit: "China time"),
        Col<LiveSession, DateTime>("ended_at", Time, s => s.EndedAt, (s, v) => s.EndedAt = v, "下播时间", unit: "China time", rule: "not before started_at"),
        Col<LiveSession, long?>("views", OptionalCount, s => s.Views, (s, v) => s.Views = v, "PV (观看人次); empty = not known", unit: "views", rule: "PV"),
        Col<LiveSession, long?>("viewers", OptionalCount, s => s.Viewers, (s, v) => s.Viewers = v, "UV (观看人数), at most views; empty = not known", unit: "people", rule: "UV ≤ PV"),
        Col<LiveSession, long?>("peak_online", OptionalCount, s => s.PeakOnline, (s, v) => s.PeakOnline = v, "人气峰值, at most viewers; empty = not known", unit: "people", rule: "≤ UV"),
        Col<LiveSession, decimal?>("avg_watch_seconds", OptionalSeconds, s => s.AvgWatchSeconds, (s, v) => s.AvgWatchSeconds = v, "average watch time per viewer; empty = not known", unit: "seconds"),
        Col<LiveSession, long?>("new_fans", OptionalCount, s => s.NewFans, (s, v) => s.NewFans = v, "涨粉; empty = not known", unit: "followers"),
        Col<LiveSession, long?>("exposures", OptionalCount, s => s.Exposures, (s, v) => s.Exposures = v, "room exposures (曝光)", unit: "exposures", required: false),
        Col<LiveSession, long?>("entries", OptionalCount, s => s.Entries, (s, v) => s.Entries = v, "room entries (进入), at most exposures", unit: "entries", rule: "≤ exposures", required: false),
        Col<LiveSession, decimal?>("gmv", OptionalMoney, s => s.Gmv, (s, v) => s.Gmv = v, "the platform's GMV of the session (直播间成交金额); the orders' sum wins when orders name the session", unit: "CNY", required: false),
        Col<LiveSession, long?>("buyers", OptionalCount, s => s.Buyers, (s, v) => s.Buyers = v, "the platform's buyers of the session (直播间成交人数)", unit: "people", required: false),
        Col<LiveSession, long?>("orders", OptionalCount, s => s.Orders, (s, v) => s.Orders = v, "the platform's paid orders of the session (直播间成交订单数)", unit: "orders", required: false),
        Col<LiveSession, decimal?>("refund", OptionalMoney, s => s.Refund, (s, v) => s.Refund = v, "the platform's refunds of the session (直播间退款金额)", unit: "CNY", required: false),
        Col<LiveSession, decimal?>("commission", OptionalMoney, s => s.Commission, (s, v) => s.Commission = v, "the platform's estimated commission on the session's sales (预估佣金支出)", unit: "CNY", required: false),
    ])
    {
        IdColumn = "session_id",

        // The rule: a session's id, account and times are who and when; a session that ends before it
        // starts has no length to count, so it is rejected. Its traffic and the platform's sales are
        // figures beside it: unique viewers cannot outnumber views, nor concurrent viewers the unique
        // ones, nor room entries the exposures, nor refunds the GMV, nor buyers the orders. A row that
        // says so has a column swapped or mislabelled, and which of the two is wrong cannot be told:
        // both are loaded as unknown and the load report lists the row as a note. The session still
        // counts in live hours and sessions.
        Check = s =>
        {
            if (s.EndedAt < s.StartedAt)
            {
                throw new FieldException("ended_at", "ends before started_at");
            }
        },
        Mend = (s, side) =>
        {
            static string Text(object? v) => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "";
            if (s.Viewers > s.Views)
            {
                side.Unknown("viewers", Text(s.Viewers), string.Create(CultureInfo.InvariantCulture, $"more unique viewers (UV) than views (PV {s.Views}): views and viewers loaded as unknown"));
                (s.Views, s.Viewers) = (null, null);
            }

            if (s.PeakOnline > s.Viewers)
            {
                side.Unknown("peak_online", Text(s.PeakOnline), string.Create(CultureInfo.InvariantCulture, $"peak online larger than unique viewers (UV {s.Viewers}): peak online and viewers loaded as unknown"));
                (s.PeakOnline, s.Viewers) = (null, null);
            }

            if (s.Entries > s.Exposures)
            {
                side.Unknown("entries", Text(s.Entries), string.Create(CultureInfo.InvariantCulture, $"more entries than exposures ({s.Exposures}): entries and exposures loaded as unknown"));
                (s.Entries, s.Exposures) = (null, null);
            }

            if (s.Refund > s.Gmv)
            {
                side.Unknown("refund", Text(s.Refund), string.Create(CultureInfo.InvariantCulture, $"the platform's refund larger than its GMV ({s.Gmv:0.00}): the session's GMV and refund loaded as unknown"));
                (s.Refund, s.Gmv) = (null, null);
            }

            if (s.Commission > s.Gmv)
            {
                side.Unknown("commission", Text(s.Commission), string.Create(CultureInfo.InvariantCulture, $"the platform's commission larger than its GMV ({s.Gmv:0.00}): the session's commission loaded as unknown"));
                s.Commission = null;
            }

            if (s.Buyers > s.Orders)
            {
                side.Unknown("buyers", Text(s.Buyers), string.Create(CultureInfo.InvariantCulture, $"more buyers than orders ({s.Orders}): the session's buyers and orders loaded as unknown"));
                (s.Buyers, s.Orders) = (null, null);
            }
        },
    };

    /// <summary>Products (商品).</summary>
    public static CanonicalTable<Product> Products { get; } = new(TableKind.Products,
    [
        Col<Product, string>("product_id", RequiredId, p => p.ProductId, (p, v) => p.ProductId = v, "商品ID; required, unique"),
        Col<Product, string>("name", RequiredText, p => p.Name, (p, v) => p.Name = v, "商品名称, user text"),
        Col<Product, string?>("category", Text, p => p.Category, (p, v) => p.Category = v, "类目"),
        Col<Product, DateOnly?>("launched_on", OptionalDate, p => p.LaunchedOn, (p, v) => p.LaunchedOn = v, "上架日期", unit: "China time"),
        Col<Product, decimal?>("list_price", OptionalMoney, p => p.ListPrice, (p, v) => p.ListPrice = v, "标价", unit: "CNY"),
        Col<Product, bool?>("channel_exclusive", OptionalBool, p => p.ChannelExclusive, (p, v) => p.ChannelExclusive = v, "渠道特供"),
        Col<Product, decimal?>("unit_cost", OptionalMoney, p => p.UnitCost, (p, v) => p.UnitCost = v, "what a unit costs the brand (COGS a unit); wins over the gross margin", unit: "CNY", required: false),
    ])
    {
        IdColumn = "product_id",
    };

    /// <summary>Campaign windows (营销活动).</summary>
    public static CanonicalTable<Campaign> Campaigns { get; } = new(TableKind.Campaigns,
    [
        Col<Campaign, string>("campaign_id", RequiredId, c => c.CampaignId, (c, v) => c.CampaignId = v, "required, unique"),
        Col<Campaign, Platform>("platform", Enum<Platform>(), c => c.Platform, (c, v) => c.Platform = v, "platform that ran it"),
        Col<Campaign, string>("name", RequiredText, c => c.Name, (c, v) => c.Name = v, "campaign name"),
        Col<Campaign, DateOnly>("starts_on", Date, c => c.StartsOn, (c, v) => c.StartsOn = v, "first day, inclusive", unit: "China time", rule: "inclusive"),
        Col<Campaign, DateOnly>("ends_on", Date, c => c.EndsOn, (c, v) => c.EndsOn = v, "last day, inclusive", unit: "China time", rule: "inclusive, not before starts_on"),
        Col<Campaign, string?>("kind", Text, c => c.Kind, (c, v) => c.Kind = v, "free text"),
    ])
    {
        IdColumn = "campaign_id",
        Check = c =>
        {
            if (c.EndsOn < c.StartsOn)
            {
                throw new FieldException("ends_on", "ends before starts_on");
            }
        },
    };

    /// <summary>Paid traffic by day and tool (投流).</summary>
    public static CanonicalTable<PaidTraffic> Traffic { get; } = new(TableKind.Traffic,
    [
        Col<PaidTraffic, DateOnly>("date", Date, t => t.Date, (t, v) => t.Date = v, "day of the spend", unit: "China time"),
        Col<PaidTraffic, string?>("account_id", Id, t => t.AccountId, (t, v) => t.AccountId = v, "account the traffic was bought for"),
        Col<PaidTraffic, string?>("session_id", Id, t => t.SessionId, (t, v) => t.SessionId = v, "session the traffic was bought for"),
        Col<PaidTraffic, TrafficTool>("tool", Enum<TrafficTool>(), t => t.Tool, (t, v) => t.Tool = v, "投流工具"),
        Col<PaidTraffic, decimal>("spend", Money, t => t.Spend, (t, v) => t.Spend = v, "消耗", unit: "CNY"),
        Col<PaidTraffic, decimal?>("attributed_gmv", OptionalMoney, t => t.AttributedGmv, (t, v) => t.AttributedGmv = v, "GMV the tool attributes", unit: "CNY", required: false),
    ])
    {
        Grain = "paid",

        // Downloads taken on different days report the same day with slightly different figures
        // (attribution settles over days): merged, a day's rows come from one download, the first read.
        // A part the row lacks is a dash, which reads the same in every language.
        GroupOf = t => string.Join(" × ", t.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), t.AccountId ?? "—", t.SessionId ?? "—", Vocabulary.Name(t.Tool)),
        GroupName = "date × account × session × tool",
    };

    /// <summary>Per-seller daily sales, when order rows are not available (罗盘, 蝉妈妈).</summary>
    public static CanonicalTable<DailySales> Sales { get; } = new(TableKind.Sales,
    [
        Col<DailySales, DateOnly>("date", Date, s => s.Date, (s, v) => s.Date = v, "day of payment", unit: "China time"),
        Col<DailySales, string?>("account_id", Id, s => s.AccountId, (s, v) => s.AccountId = v, "seller account; empty = shelf (中心场)", rule: "empty = shelf"),
        Col<DailySales, Channel>("channel", Enum<Channel>(), s => s.Channel, (s, v) => s.Channel = v, "流量体裁"),
        Col<DailySales, TrafficType?>("traffic_type", OptionalEnum<TrafficType>(), s => s.TrafficType, (s, v) => s.TrafficType = v, "流量类型"),
        Col<DailySales, long>("orders", Count, s => s.Orders, (s, v) => s.Orders = v, "paid orders", unit: "orders"),
        Col<DailySales, long>("units", Count, s => s.Units, (s, v) => s.Units = v, "units sold, at least orders", unit: "units", rule: "≥ orders"),
        Col<DailySales, decimal>("gmv", Money, s => s.Gmv, (s, v) => s.Gmv = v, "paid amount", unit: "CNY"),
        Col<DailySales, decimal>("refund", MoneyOrZero, s => s.Refund, (s, v) => s.Refund = v, "refunded amount, at most gmv", unit: "CNY", rule: "≤ gmv"),
        Col<DailySales, decimal?>("commission", OptionalMoney, s => s.Commission, (s, v) => s.Commission = v, "commission on the day's sales, net of refunds (佣金); empty = not known", unit: "CNY", rule: "≤ gmv", required: false),
    ])
    {
        Grain = "per-seller daily, when there are no order rows: 罗盘, 蝉妈妈; one row per date × account × channel × traffic type",

        // The rule: a row's orders, units, GMV and refund are what the ledger sums; a refund above the
        // GMV or fewer units than orders leaves none of them to trust, and an unknown one would leave
        // the totals wrong without a word: the row is rejected.
        IdColumn = "date",
        KeyOf = s => string.Join(" × ", s.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), s.AccountId ?? "(no seller)", Vocabulary.Name(s.Channel), s.TrafficType is { } t ? Vocabulary.Name(t) : "(unknown traffic)"),
        Check = s =>
        {
            if (s.Refund > s.Gmv)
            {
                throw new FieldException("refund", "refund is larger than gmv");
            }

            if (s.Units < s.Orders)
            {
                throw new FieldException("units", "fewer units than orders");
            }

            if (s.Commission > s.Gmv)
            {
                throw new FieldException("commission", "commission is larger than gmv");
            }
        },
    };

    /// <summary>A ranking of peer brands (榜单), for ranking claims.</summary>
    public static CanonicalTable<LeaderboardEntry> Leaderboard { get; } = new(TableKind.Leaderboard,
    [
        Col<LeaderboardEntry, string>("board", RequiredText, e => e.Board, (e, v) => e.Board = v, "the ranking: measure and period"),
        Col<LeaderboardEntry, string>("brand", RequiredText, e => e.Brand, (e, v) => e.Brand = v, "peer brand (anonymised)"),
        Col<LeaderboardEntry, string>("category", RequiredText, e => e.Category, (e, v) => e.Category = v, "类目"),
        Col<LeaderboardEntry, decimal>("gmv", Money, e => e.Gmv, (e, v) => e.Gmv = v, "the peer's value on the board", unit: "CNY"),
    ])
    {
        Grain = "peer brands on a published ranking, for ranking claims",
        IdColumn = "board",
        KeyOf = e => e.Board + " × " + e.Brand,
    };

    /// <summary>What the brand pays besides COGS, commission and paid traffic (费用): slot fees, staff, studio ….</summary>
    public static CanonicalTable<Cost> Costs { get; } = new(TableKind.Costs,
    [
        Col<Cost, string>("cost_id", RequiredId, c => c.CostId, (c, v) => c.CostId = v, "required, unique"),
        Col<Cost, CostKind>("kind", Enum<CostKind>(), c => c.Kind, (c, v) => c.Kind = v, "what it pays for (坑位费 slot_fee, staff, studio …)"),
        Col<Cost, string?>("account_id", Id, c => c.AccountId, (c, v) => c.AccountId = v, "the seller it is for; empty = the brand as a whole (overhead)", rule: "empty = overhead"),
        Col<Cost, DateOnly>("starts_on", Date, c => c.StartsOn, (c, v) => c.StartsOn = v, "first day it covers, inclusive", unit: "China time", rule: "inclusive"),
        Col<Cost, DateOnly>("ends_on", Date, c => c.EndsOn, (c, v) => c.EndsOn = v, "last day it covers, inclusive", unit: "China time", rule: "inclusive, not before starts_on"),
        Col<Cost, decimal>("amount", Money, c => c.Amount, (c, v) => c.Amount = v, "the amount over those days; a period counts its days' share", unit: "CNY", rule: "prorated by days"),
        Col<Cost, string?>("note", Text, c => c.Note, (c, v) => c.Note = v, "free text"),
    ])
    {
        IdColumn = "cost_id",

        // The rule: a cost's days and amount are what it is; a cost that ends before it starts has no
        // days to share its amount over: rejected.
        Check = c =>
        {
            if (c.EndsOn < c.StartsOn)
            {
                throw new FieldException("ends_on", "ends before starts_on");
            }
        },
    };

    /// <summary>Orders' talent commissions as the platform states them (抖店 达人佣金, 精选联盟).</summary>
    public static CanonicalTable<CommissionRow> Commissions { get; } = new(TableKind.Commissions,
    [
        Col<CommissionRow, string>("order_id", RequiredId, c => c.OrderId, (c, v) => c.OrderId = v, "the order (订单id); required, unique"),
        Col<CommissionRow, string?>("account_id", Id, c => c.AccountId, (c, v) => c.AccountId = v, "the talent (抖音/火山号)"),
        Col<CommissionRow, DateTime?>("paid_at", OptionalTime, c => c.PaidAt, (c, v) => c.PaidAt = v, "付款时间", unit: "China time", required: false),
        Col<CommissionRow, string?>("product_id", Id, c => c.ProductId, (c, v) => c.ProductId = v, "商品id", required: false),
        Col<CommissionRow, long?>("quantity", OptionalCount, c => c.Quantity, (c, v) => c.Quantity = v, "商品数量", unit: "units", required: false),
        Col<CommissionRow, decimal?>("gmv", OptionalMoney, c => c.Gmv, (c, v) => c.Gmv = v, "paid amount (支付金额)", unit: "CNY", required: false),
        Col<CommissionRow, decimal?>("rate", OptionalRate, c => c.Rate, (c, v) => c.Rate = v, "commission rate (佣金率)", unit: "fraction", rule: "0..1", required: false),
        Col<CommissionRow, decimal?>("estimated", OptionalMoney, c => c.Estimated, (c, v) => c.Estimated = v, "estimated commission (预估佣金支出)", unit: "CNY", required: false),
        Col<CommissionRow, decimal?>("settled", OptionalMoney, c => c.Settled, (c, v) => c.Settled = v, "settled commission (实际佣金支出), once settled", unit: "CNY", required: false),
        Col<CommissionRow, CommissionStatus>("status", Enum<CommissionStatus>(), c => c.Status, (c, v) => c.Status = v, "订单付款 paid, 订单收货 received, 订单结算 settled, 订单退货退款 refunded"),
    ])
    {
        IdColumn = "order_id",

        // The rule: the order id and status say whose commission and where it stands; a rate outside
        // 0..1, or a commission above the paid amount, is a figure that says nothing true: the row
        // loads with it unknown and is noted.
        Mend = (c, side) =>
        {
            if (c.Rate is < 0 or > 1)
            {
                side.Unknown("rate", c.Rate.Value.ToString(CultureInfo.InvariantCulture), "a commission rate outside 0..1: loaded as unknown");
                c.Rate = null;
            }

            if (c.Estimated > c.Gmv)
            {
                side.Unknown("estimated", c.Estimated.Value.ToString("0.00", CultureInfo.InvariantCulture), string.Create(CultureInfo.InvariantCulture, $"an estimated commission above the paid amount ({c.Gmv:0.00}): loaded as unknown"));
                c.Estimated = null;
            }

            if (c.Settled > c.Gmv)
            {
                side.Unknown("settled", c.Settled.Value.ToString("0.00", CultureInfo.InvariantCulture), string.Create(CultureInfo.InvariantCulture, $"a settled commission above the paid amount ({c.Gmv:0.00}): loaded as unknown"));
                c.Settled = null;
            }
        },
    };

    /// <summary>Every canonical table, in <see cref="TableKind"/> order.</summary>
    public static IReadOnlyList<ICanonicalTable> All { get; } = [Accounts, Orders, Sessions, Products, Campaigns, Traffic, Sales, Leaderboard, Costs, Commissions];

    /// <summary>The table of <paramref name="kind"/>.</summary>
    public static ICanonicalTable Of(TableKind kind) => All[(int)kind];

    /// <summary>The table whose rows are <typeparamref name="T"/>.</summary>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is no canonical record.</exception>
    public static CanonicalTable<T> Of<T>()
        where T : class, new() =>
        All.OfType<CanonicalTable<T>>().SingleOrDefault() ?? throw new NotSupportedException($"{typeof(T).Name} is not a canonical table's record");

    /// <summary>
    /// The README's table of the canonical tables, made from these declarations (a test keeps the
    /// README's copy the same): every column with its vocabulary, rule and whether it is optional;
    /// <c>*</c> marks the unique id.
    /// </summary>
    public static string ReadmeTable()
    {
        var text = new StringBuilder("| table | columns |\n|---|---|\n");
        foreach (var table in All.Where(t => t.Kind != TableKind.Leaderboard))
        {
            var label = table.Grain is null ? table.Name : $"{table.Name} ({table.Grain})";
            text.Append(CultureInfo.InvariantCulture, $"| {label} | {string.Join(", ", table.Columns.Select(c => ReadmeColumn(table, c)))} |\n");
        }

        return text.ToString();
    }

    private static string ReadmeColumn(ICanonicalTable table, ITableColumn column)
    {
        List<string> notes = [];
        if (column.Type.Contains('|', StringComparison.Ordinal))
        {
            notes.Add(column.Type.Replace("|", "\\|", StringComparison.Ordinal));
        }

        if (column.Rule is not null)
        {
            notes.Add(column.Rule);
        }

        if (!column.Required)
        {
            notes.Add("optional");
        }

        var star = column.Name == table.IdColumn && table.IdIsUnique ? "*" : "";
        return notes.Count == 0 ? column.Name + star : $"{column.Name}{star} ({string.Join(", ", notes)})";
    }

    private static TableColumn<T, TValue> Col<T, TValue>(string name, ColumnType<TValue> type, Func<T, TValue> get, Action<T, TValue> set, string description, string unit = "", string? rule = null, bool required = true) =>
        new(name, type, get, set) { Description = description, Unit = unit, Rule = rule, Required = required };
}
