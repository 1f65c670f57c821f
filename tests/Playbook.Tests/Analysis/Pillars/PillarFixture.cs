using Playbook.Canonical;

namespace Playbook.Tests.Analysis.Pillars;

/// <summary>
/// A brand small enough to work out by hand. Every figure the tests expect is derived in the
/// comments of <see cref="PillarAnalysisTests"/> from the rows below.
/// </summary>
internal static class PillarFixture
{
    public static Account[] Accounts { get; } =
    [
        new() { AccountId = "self1", Platform = Platform.Douyin, Nickname = "官方旗舰店", Role = SellerRole.Self },
        new() { AccountId = "own2", Platform = Platform.Douyin, Nickname = "品牌号", BrandOwned = true },
        new() { AccountId = "kol", Platform = Platform.Douyin, Nickname = "头部主播", Followers = 6_000_000 },
        new() { AccountId = "mat", Platform = Platform.Douyin, Nickname = "小达人", Followers = 100_000 },
        new() { AccountId = "bigmat", Platform = Platform.Douyin, Nickname = "大号但矩阵", Role = SellerRole.Matrix, Followers = 9_000_000 },
    ];

    public static Campaign[] Campaigns { get; } =
    [
        new() { CampaignId = "C1", Platform = Platform.Douyin, Name = "年货节", StartsOn = new(2021, 1, 10), EndsOn = new(2021, 1, 12) },
        new() { CampaignId = "C2", Platform = Platform.Douyin, Name = "小促", StartsOn = new(2021, 1, 20), EndsOn = new(2021, 1, 21) },
    ];

    public static Product[] Products { get; } =
    [
        new() { ProductId = "px", Name = "特供礼盒", ChannelExclusive = true },
        new() { ProductId = "pn", Name = "普通款", ChannelExclusive = false },
    ];

    public static PaidTraffic[] Traffic { get; } =
    [
        new() { Date = new(2021, 1, 10), AccountId = "self1", Tool = TrafficTool.Qianchuan, Spend = 100m, AttributedGmv = 250m },
        new() { Date = new(2021, 1, 11), AccountId = "self1", Tool = TrafficTool.Qianchuan, Spend = 50m },
        new() { Date = new(2021, 1, 12), AccountId = "own2", Tool = TrafficTool.Doujia, Spend = 20m, AttributedGmv = 10m },
        new() { Date = new(2021, 2, 15), AccountId = "self1", Tool = TrafficTool.Qianchuan, Spend = 999m, AttributedGmv = 999m },
    ];

    public static LiveSession[] Sessions { get; } =
    [
        new() { SessionId = "S1", AccountId = "bigmat", StartedAt = new(2021, 1, 20, 19, 0, 0), EndedAt = new(2021, 1, 20, 21, 0, 0), Views = 1000, Viewers = 400, PeakOnline = 50, AvgWatchSeconds = 60m, NewFans = 5 },
    ];

    public static Order[] Orders(Platform platform = Platform.Douyin) =>
    [
        Make("O1", "P1", platform, new(2021, 1, 7, 10, 0, 0), "self1", 100.00m, 0m, "B1", TrafficType.Organic, "pn"),
        Make("O2", "P2", platform, new(2021, 1, 8, 11, 0, 0), "kol", 200.00m, 0m, "B2", TrafficType.Paid, "px"),
        Make("O3", "P3", platform, new(2021, 1, 10, 0, 0, 0), "mat", 50.00m, 0m, "B1", TrafficType.Organic, "pn", quantity: 2),   // campaign's first day
        Make("O4", "P4", platform, new(2021, 1, 12, 23, 59, 59), "own2", 80.00m, 80.00m, "B3", TrafficType.Paid, "pn"),          // campaign's last day, refunded
        Make("O5", "P5", platform, new(2021, 1, 13, 9, 0, 0), null, 30.00m, 0m, "B4", TrafficType.Organic, "px", fan: true),      // shelf
        Make("O6", "P6", platform, new(2021, 1, 15, 12, 0, 0), "ghost", 40.00m, 0m, "B5", null, "pn"),                           // unknown account
        Make("O7", "P7", platform, new(2021, 1, 20, 20, 0, 0), "bigmat", 60.00m, 10.00m, "B2", TrafficType.Paid, "pn", session: "S1"),
        Make("O8", "P7", platform, new(2021, 1, 20, 20, 0, 0), "bigmat", 20.00m, 0m, "B2", TrafficType.Paid, "pn", session: "S1"), // same purchase as O7
    ];

    private static Order Make(
        string id, string parent, Platform platform, DateTime paidAt, string? account, decimal gmv, decimal refund, string? buyer,
        TrafficType? traffic, string product, int quantity = 1, bool? fan = null, string? session = null) => new()
        {
            OrderId = id,
            ParentOrderId = parent,
            Platform = platform,
            PaidAt = paidAt,
            AccountId = account,
            Channel = account is null ? Channel.ProductCard : Channel.Live,
            TrafficType = traffic,
            ProductId = product,
            Quantity = quantity,
            Gmv = gmv,
            Refund = refund,
            BuyerId = buyer,
            BuyerIsFan = fan,
            SessionId = session,
        };
}
