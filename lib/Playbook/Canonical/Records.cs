namespace Playbook.Canonical;

// The canonical tables of DESIGN.md as plain records. Their columns, parsers, units and docs are
// declared once, in CanonicalTables; readers, the writer, docs and frames all come from there.

/// <summary>A seller account (账号): the brand's own rooms, head creators and matrix talents.</summary>
public sealed class Account
{
    /// <summary>Platform account id (达人ID / 账号ID). Required and unique.</summary>
    public string AccountId { get; set; } = "";

    /// <summary>Platform of the account.</summary>
    public Platform Platform { get; set; }

    /// <summary>Display name (昵称), user text: encode it before it reaches HTML.</summary>
    public string? Nickname { get; set; }

    /// <summary>Explicit role; when absent the role is derived (brand_owned, then followers).</summary>
    public SellerRole? Role { get; set; }

    /// <summary>Whether the brand owns the account (品牌自有账号).</summary>
    public bool? BrandOwned { get; set; }

    /// <summary>Follower count (粉丝数).</summary>
    public long? Followers { get; set; }

    /// <summary>
    /// The commission rate (佣金率) the account's talent is paid, 0..1, for its orders that carry no
    /// commission figure of their own; null when not known.
    /// </summary>
    public decimal? CommissionRate { get; set; }
}

/// <summary>One paid sub-order (子订单), the grain of GMV. Money in CNY; times in China time (UTC+8).</summary>
public sealed class Order
{
    /// <summary>Sub-order id (子订单编号). Required and unique; a string, as 19 digits do not survive a double.</summary>
    public string OrderId { get; set; } = "";

    /// <summary>Parent order id (主订单编号), when the order was split.</summary>
    public string? ParentOrderId { get; set; }

    /// <summary>Platform the order was paid on.</summary>
    public Platform Platform { get; set; }

    /// <summary>Payment time (支付完成时间), China Standard Time.</summary>
    public DateTime PaidAt { get; set; }

    /// <summary>Seller account (达人ID); null for shelf orders with no seller (中心场: product card, mall, search).</summary>
    public string? AccountId { get; set; }

    /// <summary>Content surface of the order (流量体裁).</summary>
    public Channel Channel { get; set; }

    /// <summary>Organic or paid traffic (流量类型), when known.</summary>
    public TrafficType? TrafficType { get; set; }

    /// <summary>Product id (商品ID).</summary>
    public string ProductId { get; set; } = "";

    /// <summary>Units (商品数量), at least 1.</summary>
    public int Quantity { get; set; }

    /// <summary>Paid amount (订单应付金额), CNY, at least 0.</summary>
    public decimal Gmv { get; set; }

    /// <summary>Refunded amount (退款金额), CNY, between 0 and <see cref="Gmv"/>.</summary>
    public decimal Refund { get; set; }

    /// <summary>Buyer id (买家ID), when the export has one.</summary>
    public string? BuyerId { get; set; }

    /// <summary>Whether the buyer follows the seller (粉丝).</summary>
    public bool? BuyerIsFan { get; set; }

    /// <summary>Live session the order was placed in (直播场次).</summary>
    public string? SessionId { get; set; }

    /// <summary>The buyer's review (评价).</summary>
    public Review? Review { get; set; }

    /// <summary>
    /// Commission (佣金) owed to the seller on the order before any refund, CNY (快手小店's 预估推广佣金);
    /// counted in proportion to what was not refunded. Null when the export does not say.
    /// </summary>
    public decimal? Commission { get; set; }
}

/// <summary>One live session (直播场次) of a seller account.</summary>
public sealed class LiveSession
{
    /// <summary>Session id. Required and unique.</summary>
    public string SessionId { get; set; } = "";

    /// <summary>Account that broadcast the session.</summary>
    public string AccountId { get; set; } = "";

    /// <summary>Start (开播时间), China time.</summary>
    public DateTime StartedAt { get; set; }

    /// <summary>End (下播时间), China time; not before <see cref="StartedAt"/>.</summary>
    public DateTime EndedAt { get; set; }

    /// <summary>Views, PV (观看人次); null when the export says it is not known.</summary>
    public long? Views { get; set; }

    /// <summary>Unique viewers, UV (观看人数); at most <see cref="Views"/>.</summary>
    public long? Viewers { get; set; }

    /// <summary>Peak concurrent viewers (人气峰值); at most <see cref="Viewers"/>.</summary>
    public long? PeakOnline { get; set; }

    /// <summary>Average watch time per viewer, seconds (平均观看时长).</summary>
    public decimal? AvgWatchSeconds { get; set; }

    /// <summary>Followers gained during the session (涨粉).</summary>
    public long? NewFans { get; set; }

    /// <summary>Times the room was shown (直播间曝光次数), when known.</summary>
    public long? Exposures { get; set; }

    /// <summary>Times the room was entered from an exposure (进入次数); at most <see cref="Exposures"/>.</summary>
    public long? Entries { get; set; }

    /// <summary>The platform's own GMV of the session (直播间成交金额), CNY, when the export gives it.</summary>
    public decimal? Gmv { get; set; }

    /// <summary>The platform's own count of buyers (直播间成交人数), when the export gives it.</summary>
    public long? Buyers { get; set; }

    /// <summary>The platform's own count of paid orders (直播间成交订单数), when the export gives it.</summary>
    public long? Orders { get; set; }

    /// <summary>The platform's own refunded amount (直播间退款金额), CNY, when the export gives it.</summary>
    public decimal? Refund { get; set; }

    /// <summary>The platform's estimate of the commission paid on the session's sales (罗盘 预估佣金支出), CNY.</summary>
    public decimal? Commission { get; set; }
}

/// <summary>A product (商品) of the brand.</summary>
public sealed class Product
{
    /// <summary>Product id (商品ID). Required and unique.</summary>
    public string ProductId { get; set; } = "";

    /// <summary>Product name (商品名称), user text.</summary>
    public string Name { get; set; } = "";

    /// <summary>Category (类目), when known.</summary>
    public string? Category { get; set; }

    /// <summary>Launch date (上架日期), when known.</summary>
    public DateOnly? LaunchedOn { get; set; }

    /// <summary>List price (标价), CNY, when known.</summary>
    public decimal? ListPrice { get; set; }

    /// <summary>Made for this channel only (渠道特供), when known.</summary>
    public bool? ChannelExclusive { get; set; }

    /// <summary>What one unit costs the brand (COGS a unit), CNY; where given it wins over the gross margin.</summary>
    public decimal? UnitCost { get; set; }
}

/// <summary>A marketing campaign window (营销活动), such as a platform festival.</summary>
public sealed class Campaign
{
    /// <summary>Campaign id. Required and unique.</summary>
    public string CampaignId { get; set; } = "";

    /// <summary>Platform that ran the campaign.</summary>
    public Platform Platform { get; set; }

    /// <summary>Campaign name, user text.</summary>
    public string Name { get; set; } = "";

    /// <summary>First day, inclusive, China time.</summary>
    public DateOnly StartsOn { get; set; }

    /// <summary>Last day, inclusive, China time; not before <see cref="StartsOn"/>.</summary>
    public DateOnly EndsOn { get; set; }

    /// <summary>Kind of campaign (platform promotion, marketing IP, industry event …), free text.</summary>
    public string? Kind { get; set; }
}

/// <summary>One day of paid traffic (投流) bought by a tool for an account or a session.</summary>
public sealed class PaidTraffic
{
    /// <summary>Day of the spend, China time.</summary>
    public DateOnly Date { get; set; }

    /// <summary>Account the traffic was bought for, when known.</summary>
    public string? AccountId { get; set; }

    /// <summary>Live session the traffic was bought for, when known.</summary>
    public string? SessionId { get; set; }

    /// <summary>Tool that bought the traffic.</summary>
    public TrafficTool Tool { get; set; }

    /// <summary>Spend (消耗), CNY, at least 0.</summary>
    public decimal Spend { get; set; }

    /// <summary>GMV the tool attributes to the spend (成交金额), CNY, when reported.</summary>
    public decimal? AttributedGmv { get; set; }
}

/// <summary>
/// One seller's sales of one day through one channel and traffic type: what 罗盘 or 蝉妈妈 give when
/// order rows are not available. One row per date × account × channel × traffic type.
/// </summary>
public sealed class DailySales
{
    /// <summary>Day of payment, China time.</summary>
    public DateOnly Date { get; set; }

    /// <summary>Seller account; null for shelf sales with no seller (中心场).</summary>
    public string? AccountId { get; set; }

    /// <summary>Content surface (流量体裁).</summary>
    public Channel Channel { get; set; }

    /// <summary>Organic or paid traffic, when known.</summary>
    public TrafficType? TrafficType { get; set; }

    /// <summary>Paid orders.</summary>
    public long Orders { get; set; }

    /// <summary>Units sold.</summary>
    public long Units { get; set; }

    /// <summary>Paid amount, CNY.</summary>
    public decimal Gmv { get; set; }

    /// <summary>Refunded amount, CNY, at most <see cref="Gmv"/>.</summary>
    public decimal Refund { get; set; }

    /// <summary>Commission paid on the day's sales, net of refunds, CNY; null when not known.</summary>
    public decimal? Commission { get; set; }
}

/// <summary>
/// One brand's line on a published ranking (榜单), such as a category's GMV board for a period:
/// the peers that ranking claims compare a brand with.
/// </summary>
public sealed class LeaderboardEntry
{
    /// <summary>Which ranking: its measure and period, such as <c>store-gmv-2021-01..2021-04</c>.</summary>
    public string Board { get; set; } = "";

    /// <summary>The brand, user text (peers may be anonymised).</summary>
    public string Brand { get; set; } = "";

    /// <summary>The brand's category (类目), such as 食品.</summary>
    public string Category { get; set; } = "";

    /// <summary>The brand's value on the board, CNY.</summary>
    public decimal Gmv { get; set; }
}

/// <summary>What the brand pays besides COGS, commission and paid traffic (费用): a slot fee, staff, a studio …</summary>
public sealed class Cost
{
    /// <summary>Cost id. Required and unique.</summary>
    public string CostId { get; set; } = "";

    /// <summary>What it pays for.</summary>
    public CostKind Kind { get; set; }

    /// <summary>The seller it is for; null for the brand as a whole (overhead, 总部分摊).</summary>
    public string? AccountId { get; set; }

    /// <summary>First day it covers, China time, inclusive.</summary>
    public DateOnly StartsOn { get; set; }

    /// <summary>Last day it covers, inclusive.</summary>
    public DateOnly EndsOn { get; set; }

    /// <summary>The amount over those days, CNY; a period counts its days' share.</summary>
    public decimal Amount { get; set; }

    /// <summary>Free text.</summary>
    public string? Note { get; set; }
}

/// <summary>
/// One order's commission as the platform's talent-commission download states it (抖店 达人佣金, 精选联盟):
/// the estimate, the settled amount once the order is settled, and none when it was refunded.
/// </summary>
public sealed class CommissionRow
{
    /// <summary>The order (订单id), as the order export names it. Required and unique.</summary>
    public string OrderId { get; set; } = "";

    /// <summary>The talent (抖音/火山号).</summary>
    public string? AccountId { get; set; }

    /// <summary>Payment time (付款时间).</summary>
    public DateTime? PaidAt { get; set; }

    /// <summary>Product (商品id).</summary>
    public string? ProductId { get; set; }

    /// <summary>Units (商品数量).</summary>
    public long? Quantity { get; set; }

    /// <summary>Paid amount (支付金额), CNY.</summary>
    public decimal? Gmv { get; set; }

    /// <summary>Commission rate (佣金率), 0..1.</summary>
    public decimal? Rate { get; set; }

    /// <summary>Estimated commission (预估佣金支出), CNY.</summary>
    public decimal? Estimated { get; set; }

    /// <summary>Settled commission (实际佣金支出), CNY, once settled.</summary>
    public decimal? Settled { get; set; }

    /// <summary>Where the order stands (订单付款 / 订单收货 / 订单结算 / 订单退货退款).</summary>
    public CommissionStatus Status { get; set; }

    /// <summary>
    /// The talent's order the row stands for, when the download is read without the order export:
    /// paid as 支付金额 says, refunded in full when 订单退货退款; null without a payment time or amount.
    /// </summary>
    public Order? ToOrder() => PaidAt is { } paid && Gmv is { } gmv
        ? new Order
        {
            OrderId = OrderId,
            ParentOrderId = OrderId,
            Platform = Platform.Douyin,
            PaidAt = paid,
            AccountId = AccountId,
            Channel = Channel.Other,
            ProductId = ProductId ?? "",
            Quantity = (int)Math.Clamp(Quantity ?? 1, 1, int.MaxValue),
            Gmv = gmv,
            Refund = Status == CommissionStatus.Refunded ? gmv : 0m,
        }
        : null;
}
