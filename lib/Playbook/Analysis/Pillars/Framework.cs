using Playbook.Canonical;

namespace Playbook.Analysis;

/// <summary>Whether a pillar splits the orders by seller or cuts across that split.</summary>
public enum PillarKind
{
    /// <summary>
    /// The pillars of a partition divide every order with a seller account among them by the
    /// seller's role; with the shelf line they sum to the total.
    /// </summary>
    Partition,

    /// <summary>
    /// An overlay selects orders across the partition (a campaign window, paid traffic, repeat
    /// buyers, exclusive products). It is shown on its own and never added to the partition.
    /// </summary>
    Overlay,
}

/// <summary>Which orders a pillar takes: the rule the attribution applies.</summary>
public enum PillarRule
{
    /// <summary>Orders sold by the brand's own accounts (role self).</summary>
    SelfAccounts,

    /// <summary>Orders sold by matrix talents (role matrix).</summary>
    MatrixTalents,

    /// <summary>Orders sold by head creators (role top_kol).</summary>
    TopKols,

    /// <summary>Orders sold by any talent, matrix or head (STEPS' 达人分销).</summary>
    AllTalents,

    /// <summary>Orders paid inside a campaign window (inclusive dates, China time).</summary>
    CampaignWindows,

    /// <summary>Orders that came through paid traffic (traffic_type paid).</summary>
    PaidTraffic,

    /// <summary>Orders of buyers with two or more paid orders in the period, or who follow the seller.</summary>
    RepeatOrFanBuyers,

    /// <summary>Orders of channel-exclusive products.</summary>
    ChannelExclusiveProducts,
}

/// <summary>One pillar of a platform's operating model.</summary>
/// <param name="Code">The letter of the acronym: F, A, C, T or S, T, E, P, S.</param>
/// <param name="Name">English name.</param>
/// <param name="NameZh">The platform's Chinese name.</param>
/// <param name="Role">The pillar's part in the business, in the platform's words.</param>
/// <param name="Kind">Partition or overlay.</param>
/// <param name="Rule">Which orders it takes.</param>
/// <param name="RuleText">The rule in words, for tables and reports.</param>
public sealed record Pillar(string Code, string Name, string NameZh, string Role, PillarKind Kind, PillarRule Rule, string RuleText);

/// <summary>A platform's operating model for brands: its pillars, in the acronym's order.</summary>
/// <param name="Code">FACT or STEPS.</param>
/// <param name="Name">English name.</param>
/// <param name="NameZh">Chinese name.</param>
/// <param name="Platform">The platform that published it.</param>
/// <param name="Pillars">The pillars, in the acronym's order.</param>
/// <param name="Source">Where it is described.</param>
public sealed record Framework(string Code, string Name, string NameZh, Platform Platform, IReadOnlyList<Pillar> Pillars, string Source)
{
    /// <summary>The pillars that partition orders by seller.</summary>
    public IEnumerable<Pillar> PartitionPillars => Pillars.Where(p => p.Kind == PillarKind.Partition);

    /// <summary>The pillars that overlay the partition.</summary>
    public IEnumerable<Pillar> OverlayPillars => Pillars.Where(p => p.Kind == PillarKind.Overlay);
}

/// <summary>
/// Douyin's FACT and Kuaishou's STEPS, defined once. (The source article's translation sometimes
/// says "Kuaishou and Kuaishou"; FACT is Douyin's model and STEPS is Kuaishou's.)
/// </summary>
public static class Frameworks
{
    /// <summary>Douyin e-commerce's FACT 经营矩阵 (2021, with Bain).</summary>
    public static Framework Fact { get; } = new(
        "FACT",
        "FACT operating matrix",
        "FACT 经营矩阵",
        Platform.Douyin,
        [
            new("F", "Field self-broadcast", "商家自播", "日销经营的基本盘 — the baseline of daily sales, where the brand controls image, lineup, price and script",
                PillarKind.Partition, PillarRule.SelfAccounts, "orders sold by the brand's own accounts (role self)"),
            new("A", "Alliance talent matrix", "达人矩阵", "生意增长的放大器 — the growth amplifier, a matrix of mid- and long-tail talents",
                PillarKind.Partition, PillarRule.MatrixTalents, "orders sold by matrix talents (role matrix)"),
            new("C", "Campaign", "营销活动", "规模销量的爆发场 — bursts of scale: platform promotions, marketing IPs, industry events",
                PillarKind.Overlay, PillarRule.CampaignWindows, "orders paid inside any campaign window (inclusive dates, China time)"),
            new("T", "Top KOL", "头部大V", "品销双赢的宣发地 — launches and bursts through head creators and celebrities",
                PillarKind.Partition, PillarRule.TopKols, "orders sold by head creators (role top_kol)"),
        ],
        "Douyin e-commerce with Bain, 2021; FACT+ (2022) added the shelf 中心场");

    /// <summary>Kuaishou e-commerce's STEPS (快手电商服务商大会, 2021-07-22).</summary>
    public static Framework Steps { get; } = new(
        "STEPS",
        "STEPS brand operating model",
        "STEPS 品牌经营方法论",
        Platform.Kuaishou,
        [
            new("S", "Self-operation", "品牌自播", "the brand's own broadcasting, the base it controls",
                PillarKind.Partition, PillarRule.SelfAccounts, "orders sold by the brand's own accounts (role self)"),
            new("T", "Traffic", "公域流量运营", "public-domain traffic bought with 小店通, 磁力金牛, 小火苗",
                PillarKind.Overlay, PillarRule.PaidTraffic, "orders that came through paid traffic (traffic_type paid)"),
            new("E", "Elite distribution", "达人分销", "distribution through talents, the recommended first step",
                PillarKind.Partition, PillarRule.AllTalents, "orders sold by talents (roles matrix and top_kol)"),
            new("P", "Private domain", "私域运营", "fans and repeat buyers (老铁), Kuaishou's high repurchase",
                PillarKind.Overlay, PillarRule.RepeatOrFanBuyers, "orders of buyers with 2+ paid orders in the period, or who are fans"),
            new("S", "Specific supply", "渠道特供", "products made for the channel",
                PillarKind.Overlay, PillarRule.ChannelExclusiveProducts, "orders of channel-exclusive products"),
        ],
        "张一鹏, 快手电商服务商大会, 2021-07-22");

    /// <summary>
    /// The order of adoption Kuaishou recommends, which is not the acronym's:
    /// 达人分销 → 公域流量 → 品牌自播 → 私域复购 → 渠道特供.
    /// </summary>
    public static IReadOnlyList<string> StepsAdoptionOrder { get; } = ["E", "T", "S (self-operation)", "P", "S (specific supply)"];

    /// <summary>Both frameworks.</summary>
    public static IReadOnlyList<Framework> All { get; } = [Fact, Steps];

    /// <summary>The framework called <paramref name="code"/> (fact or steps, case ignored).</summary>
    /// <exception cref="ArgumentException">No framework has that code.</exception>
    public static Framework Get(string code) =>
        All.FirstOrDefault(f => string.Equals(f.Code, code, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"unknown framework '{code}': expected fact or steps", nameof(code));
}
