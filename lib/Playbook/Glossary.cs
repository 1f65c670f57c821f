using Microsoft.Data.Analysis;

namespace Playbook;

/// <summary>The words of live commerce a brand team meets, in English and Chinese, defined once.</summary>
public static class Glossary
{
    /// <summary>Term, Chinese, meaning.</summary>
    public static IReadOnlyList<(string Term, string Chinese, string Meaning)> Terms { get; } =
    [
        ("GMV", "成交额 / 销售额", "Paid order amount. Say whether refunds are netted: net GMV = paid − refunded."),
        ("AOV", "客单价", "GMV / buyers (件均价 = GMV / units)."),
        ("UV", "观看人数", "Unique viewers of a live session; PV (观看人次) counts views."),
        ("UV value", "UV价值", "GMV / unique viewers: what a session earns from each person who watched."),
        ("GPM", "千次观看成交金额", "GMV × 1000 / views (PV); some vendors divide by UV."),
        ("Conversion", "转化率", "Buyers / unique viewers."),
        ("Self-broadcast", "自播 (商家自播 / 品牌自播)", "The brand's own accounts selling live: FACT's F, STEPS' first S."),
        ("Talent", "达人", "A creator who sells for brands for a commission; head talents are 头部大V / 头部主播."),
        ("Talent matrix", "达人矩阵", "Many mid- and long-tail talents selling the brand: FACT's A."),
        ("Paid traffic", "投流", "Buying traffic into a room or video: 千川 on Douyin; 小店通, 磁力金牛, 小火苗 on Kuaishou."),
        ("Public domain", "公域", "Traffic the platform distributes (recommendation, search): STEPS' T."),
        ("Private domain", "私域", "Fans and repeat buyers the brand can reach again: STEPS' P."),
        ("Repurchase", "复购 / 回购", "Buyers who buy again: user-based rate = buyers with 2+ purchases / buyers."),
        ("Shelf", "中心场 / 货架场", "Sales without a seller account: product cards, search, the mall (FACT+ 2022)."),
        ("Campaign", "营销活动 / 大促", "A platform festival or promotion window: FACT's C."),
        ("Channel-exclusive", "渠道特供", "Products made for one platform: STEPS' second S."),
        ("Compass", "抖音电商罗盘", "Douyin's official analytics; 快手生意通 is Kuaishou's."),
        ("老铁", "老铁", "Kuaishou slang for loyal followers, 'old iron' friends."),
    ];

    /// <summary>The glossary as a table.</summary>
    public static DataFrame ToDataFrame() => new(
        new StringDataFrameColumn("term", Terms.Select(t => t.Term)),
        new StringDataFrameColumn("term_zh", Terms.Select(t => t.Chinese)),
        new StringDataFrameColumn("meaning", Terms.Select(t => t.Meaning)));
}
