using CsvHelper;

namespace Playbook.Data;

// The canonical tables of DESIGN.md as CsvHelper 34 source-generated records. Their column names
// are the contract; the validating readers in this folder fill them, and CanonicalCsv writes them.

/// <summary>A seller account (账号): the brand's own rooms, head creators and matrix talents.</summary>
[CsvRecord]
public sealed partial class Account
{
    /// <summary>Platform account id (达人ID / 账号ID). Required and unique.</summary>
    [CsvColumn("account_id")]
    public string AccountId { get; set; } = "";

    /// <summary>Platform of the account.</summary>
    [CsvColumn("platform")]
    public Platform Platform { get; set; }

    /// <summary>Display name (昵称), user text: encode it before it reaches HTML.</summary>
    [CsvColumn("nickname")]
    public string? Nickname { get; set; }

    /// <summary>Explicit role; when absent the role is derived (brand_owned, then followers).</summary>
    [CsvColumn("role", Optional = true)]
    public SellerRole? Role { get; set; }

    /// <summary>Whether the brand owns the account (品牌自有账号).</summary>
    [CsvColumn("brand_owned", Optional = true)]
    public bool? BrandOwned { get; set; }

    /// <summary>Follower count (粉丝数).</summary>
    [CsvColumn("followers", Optional = true)]
    public long? Followers { get; set; }
}

/// <summary>One paid sub-order (子订单), the grain of GMV. Money in CNY; times in China time (UTC+8).</summary>
[CsvRecord]
public sealed partial class Order
{
    /// <summary>Sub-order id (子订单编号). Required and unique; a string, as 19 digits do not survive a double.</summary>
    [CsvColumn("order_id")]
    public string OrderId { get; set; } = "";

    /// <summary>Parent order id (主订单编号), when the order was split.</summary>
    [CsvColumn("parent_order_id")]
    public string? ParentOrderId { get; set; }

    /// <summary>Platform the order was paid on.</summary>
    [CsvColumn("platform")]
    public Platform Platform { get; set; }

    /// <summary>Payment time (支付完成时间), China Standard Time.</summary>
    [CsvColumn("paid_at")]
    [CsvFormat("yyyy-MM-dd HH:mm:ss")]
    public DateTime PaidAt { get; set; }

    /// <summary>Seller account (达人ID); null for shelf orders with no seller (中心场: product card, mall, search).</summary>
    [CsvColumn("account_id")]
    public string? AccountId { get; set; }

    /// <summary>Content surface of the order (流量体裁).</summary>
    [CsvColumn("channel")]
    public Channel Channel { get; set; }

    /// <summary>Organic or paid traffic (流量类型), when known.</summary>
    [CsvColumn("traffic_type", Optional = true)]
    public TrafficType? TrafficType { get; set; }

    /// <summary>Product id (商品ID).</summary>
    [CsvColumn("product_id")]
    public string ProductId { get; set; } = "";

    /// <summary>Units (商品数量), at least 1.</summary>
    [CsvColumn("quantity")]
    public int Quantity { get; set; }

    /// <summary>Paid amount (订单应付金额), CNY, at least 0.</summary>
    [CsvColumn("gmv")]
    public decimal Gmv { get; set; }

    /// <summary>Refunded amount (退款金额), CNY, between 0 and <see cref="Gmv"/>.</summary>
    [CsvColumn("refund")]
    public decimal Refund { get; set; }

    /// <summary>Buyer id (买家ID), when the export has one.</summary>
    [CsvColumn("buyer_id", Optional = true)]
    public string? BuyerId { get; set; }

    /// <summary>Whether the buyer follows the seller (粉丝).</summary>
    [CsvColumn("buyer_is_fan", Optional = true)]
    public bool? BuyerIsFan { get; set; }

    /// <summary>Live session the order was placed in (直播场次).</summary>
    [CsvColumn("session_id", Optional = true)]
    public string? SessionId { get; set; }

    /// <summary>The buyer's review (评价).</summary>
    [CsvColumn("review", Optional = true)]
    public Review? Review { get; set; }
}

/// <summary>One live session (直播场次) of a seller account.</summary>
[CsvRecord]
public sealed partial class LiveSession
{
    /// <summary>Session id. Required and unique.</summary>
    [CsvColumn("session_id")]
    public string SessionId { get; set; } = "";

    /// <summary>Account that broadcast the session.</summary>
    [CsvColumn("account_id")]
    public string AccountId { get; set; } = "";

    /// <summary>Start (开播时间), China time.</summary>
    [CsvColumn("started_at")]
    [CsvFormat("yyyy-MM-dd HH:mm:ss")]
    public DateTime StartedAt { get; set; }

    /// <summary>End (下播时间), China time; not before <see cref="StartedAt"/>.</summary>
    [CsvColumn("ended_at")]
    [CsvFormat("yyyy-MM-dd HH:mm:ss")]
    public DateTime EndedAt { get; set; }

    /// <summary>Views, PV (观看人次).</summary>
    [CsvColumn("views")]
    public long Views { get; set; }

    /// <summary>Unique viewers, UV (观看人数); at most <see cref="Views"/>.</summary>
    [CsvColumn("viewers")]
    public long Viewers { get; set; }

    /// <summary>Peak concurrent viewers (人气峰值); at most <see cref="Viewers"/>.</summary>
    [CsvColumn("peak_online")]
    public long PeakOnline { get; set; }

    /// <summary>Average watch time per viewer, seconds (平均观看时长).</summary>
    [CsvColumn("avg_watch_seconds")]
    public decimal AvgWatchSeconds { get; set; }

    /// <summary>Followers gained during the session (涨粉).</summary>
    [CsvColumn("new_fans")]
    public long NewFans { get; set; }

    /// <summary>Times the room was shown (直播间曝光次数), when known.</summary>
    [CsvColumn("exposures", Optional = true)]
    public long? Exposures { get; set; }

    /// <summary>Times the room was entered from an exposure (进入次数); at most <see cref="Exposures"/>.</summary>
    [CsvColumn("entries", Optional = true)]
    public long? Entries { get; set; }
}

/// <summary>A product (商品) of the brand.</summary>
[CsvRecord]
public sealed partial class Product
{
    /// <summary>Product id (商品ID). Required and unique.</summary>
    [CsvColumn("product_id")]
    public string ProductId { get; set; } = "";

    /// <summary>Product name (商品名称), user text.</summary>
    [CsvColumn("name")]
    public string Name { get; set; } = "";

    /// <summary>Category (类目), when known.</summary>
    [CsvColumn("category")]
    public string? Category { get; set; }

    /// <summary>Launch date (上架日期), when known.</summary>
    [CsvColumn("launched_on")]
    public DateOnly? LaunchedOn { get; set; }

    /// <summary>List price (标价), CNY, when known.</summary>
    [CsvColumn("list_price")]
    public decimal? ListPrice { get; set; }

    /// <summary>Made for this channel only (渠道特供), when known.</summary>
    [CsvColumn("channel_exclusive")]
    public bool? ChannelExclusive { get; set; }
}

/// <summary>A marketing campaign window (营销活动), such as a platform festival.</summary>
[CsvRecord]
public sealed partial class Campaign
{
    /// <summary>Campaign id. Required and unique.</summary>
    [CsvColumn("campaign_id")]
    public string CampaignId { get; set; } = "";

    /// <summary>Platform that ran the campaign.</summary>
    [CsvColumn("platform")]
    public Platform Platform { get; set; }

    /// <summary>Campaign name, user text.</summary>
    [CsvColumn("name")]
    public string Name { get; set; } = "";

    /// <summary>First day, inclusive, China time.</summary>
    [CsvColumn("starts_on")]
    public DateOnly StartsOn { get; set; }

    /// <summary>Last day, inclusive, China time; not before <see cref="StartsOn"/>.</summary>
    [CsvColumn("ends_on")]
    public DateOnly EndsOn { get; set; }

    /// <summary>Kind of campaign (platform promotion, marketing IP, industry event …), free text.</summary>
    [CsvColumn("kind")]
    public string? Kind { get; set; }
}

/// <summary>One day of paid traffic (投流) bought by a tool for an account or a session.</summary>
[CsvRecord]
public sealed partial class PaidTraffic
{
    /// <summary>Day of the spend, China time.</summary>
    [CsvColumn("date")]
    public DateOnly Date { get; set; }

    /// <summary>Account the traffic was bought for, when known.</summary>
    [CsvColumn("account_id")]
    public string? AccountId { get; set; }

    /// <summary>Live session the traffic was bought for, when known.</summary>
    [CsvColumn("session_id")]
    public string? SessionId { get; set; }

    /// <summary>Tool that bought the traffic.</summary>
    [CsvColumn("tool")]
    public TrafficTool Tool { get; set; }

    /// <summary>Spend (消耗), CNY, at least 0.</summary>
    [CsvColumn("spend")]
    public decimal Spend { get; set; }

    /// <summary>GMV the tool attributes to the spend (成交金额), CNY, when reported.</summary>
    [CsvColumn("attributed_gmv", Optional = true)]
    public decimal? AttributedGmv { get; set; }
}

/// <summary>
/// One seller's sales of one day through one channel and traffic type: what 罗盘 or 蝉妈妈 give when
/// order rows are not available. One row per date × account × channel × traffic type.
/// </summary>
[CsvRecord]
public sealed partial class DailySales
{
    /// <summary>Day of payment, China time.</summary>
    [CsvColumn("date")]
    public DateOnly Date { get; set; }

    /// <summary>Seller account; null for shelf sales with no seller (中心场).</summary>
    [CsvColumn("account_id")]
    public string? AccountId { get; set; }

    /// <summary>Content surface (流量体裁).</summary>
    [CsvColumn("channel")]
    public Channel Channel { get; set; }

    /// <summary>Organic or paid traffic, when known.</summary>
    [CsvColumn("traffic_type")]
    public TrafficType? TrafficType { get; set; }

    /// <summary>Paid orders.</summary>
    [CsvColumn("orders")]
    public long Orders { get; set; }

    /// <summary>Units sold.</summary>
    [CsvColumn("units")]
    public long Units { get; set; }

    /// <summary>Paid amount, CNY.</summary>
    [CsvColumn("gmv")]
    public decimal Gmv { get; set; }

    /// <summary>Refunded amount, CNY, at most <see cref="Gmv"/>.</summary>
    [CsvColumn("refund")]
    public decimal Refund { get; set; }
}

/// <summary>
/// One brand's line on a published ranking (榜单), such as a category's GMV board for a period:
/// the peers that ranking claims compare a brand with.
/// </summary>
[CsvRecord]
public sealed partial class LeaderboardEntry
{
    /// <summary>Which ranking: its measure and period, such as <c>store-gmv-2021-01..2021-04</c>.</summary>
    [CsvColumn("board")]
    public string Board { get; set; } = "";

    /// <summary>The brand, user text (peers may be anonymised).</summary>
    [CsvColumn("brand")]
    public string Brand { get; set; } = "";

    /// <summary>The brand's category (类目), such as 食品.</summary>
    [CsvColumn("category")]
    public string Category { get; set; } = "";

    /// <summary>The brand's value on the board, CNY.</summary>
    [CsvColumn("gmv")]
    public decimal Gmv { get; set; }
}
