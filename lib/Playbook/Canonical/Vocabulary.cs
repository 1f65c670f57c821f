namespace Playbook.Canonical;

/// <summary>The canonical tables a file can hold (DESIGN.md "Canonical tables").</summary>
public enum TableKind
{
    /// <summary>Seller accounts (账号).</summary>
    Accounts,

    /// <summary>Sub-orders (子订单).</summary>
    Orders,

    /// <summary>Live sessions (直播场次).</summary>
    Sessions,

    /// <summary>Products (商品).</summary>
    Products,

    /// <summary>Campaign windows (营销活动).</summary>
    Campaigns,

    /// <summary>Paid traffic by day and tool (投流).</summary>
    Traffic,

    /// <summary>Per-seller daily sales (罗盘 / 蝉妈妈), when order rows are not available.</summary>
    Sales,

    /// <summary>A ranking of peer brands (榜单), for ranking claims.</summary>
    Leaderboard,

    /// <summary>What the brand pays besides COGS, commission and paid traffic (费用).</summary>
    Costs,

    /// <summary>Orders' commissions as the talent-commission download states them (达人佣金).</summary>
    Commissions,
}

/// <summary>The platform a seller account or an order belongs to (平台).</summary>
public enum Platform
{
    /// <summary>Douyin 抖音 (ByteDance); its brand operating model is FACT.</summary>
    Douyin,

    /// <summary>Kuaishou 快手; its brand operating model is STEPS.</summary>
    Kuaishou,
}

/// <summary>What part a seller account plays for the brand (账号角色).</summary>
public enum SellerRole
{
    /// <summary>An account the brand owns and broadcasts from itself (自播 / 自有阵地).</summary>
    Self,

    /// <summary>A head creator or celebrity (头部大V / 头部达人).</summary>
    TopKol,

    /// <summary>A mid- or long-tail talent of the brand's talent matrix (达人矩阵).</summary>
    Matrix,
}

/// <summary>The content surface an order was placed from (流量体裁).</summary>
public enum Channel
{
    /// <summary>A live room (直播).</summary>
    Live,

    /// <summary>A short video (短视频).</summary>
    ShortVideo,

    /// <summary>A product card outside content (商品卡).</summary>
    ProductCard,

    /// <summary>Search (搜索).</summary>
    Search,

    /// <summary>The platform mall (商城).</summary>
    Mall,

    /// <summary>Anything else (其他).</summary>
    Other,
}

/// <summary>Whether an order came through organic or paid traffic (流量类型).</summary>
public enum TrafficType
{
    /// <summary>Organic traffic (自然流量).</summary>
    Organic,

    /// <summary>Paid traffic (付费流量, 投流).</summary>
    Paid,
}

/// <summary>The buyer's review of an order (评价).</summary>
public enum Review
{
    /// <summary>Good review (好评).</summary>
    Positive,

    /// <summary>Neutral review (中评).</summary>
    Neutral,

    /// <summary>Bad review (差评).</summary>
    Negative,
}

/// <summary>The paid-traffic tool that bought the traffic (投流工具).</summary>
public enum TrafficTool
{
    /// <summary>Douyin's 巨量千川 Qianchuan.</summary>
    Qianchuan,

    /// <summary>Kuaishou's 小店通 Xiaodiantong.</summary>
    Xiaodiantong,

    /// <summary>Kuaishou's 小火苗 Xiaohuomiao.</summary>
    Xiaohuomiao,

    /// <summary>Kuaishou's 磁力金牛 Cili Jinniu.</summary>
    CiliJinniu,

    /// <summary>Douyin's DOU+ 抖加.</summary>
    Doujia,

    /// <summary>Any other tool.</summary>
    Other,
}

/// <summary>What a cost pays for.</summary>
public enum CostKind
{
    /// <summary>A head anchor's fee per product slot (坑位费), on top of commission.</summary>
    SlotFee,

    /// <summary>Anchors, 场控, 运营, 投手: salaries.</summary>
    Staff,

    /// <summary>The studio, its equipment and set.</summary>
    Studio,

    /// <summary>Samples sent to talents.</summary>
    Samples,

    /// <summary>A platform fee not charged as a rate on GMV.</summary>
    PlatformFee,

    /// <summary>Anything else.</summary>
    Other,
}

/// <summary>Where an order's talent commission stands (达人佣金 订单状态).</summary>
public enum CommissionStatus
{
    /// <summary>订单付款: paid, commission estimated.</summary>
    Paid,

    /// <summary>订单收货: received, commission estimated.</summary>
    Received,

    /// <summary>订单结算: settled, commission paid as settled.</summary>
    Settled,

    /// <summary>订单退货退款: returned and refunded, no commission.</summary>
    Refunded,
}

/// <summary>
/// The canonical CSV spelling of every enum value (snake_case, as DESIGN.md writes them), in one
/// place so that readers, writers and JSON agree.
/// </summary>
public static partial class Vocabulary
{
    private static readonly Dictionary<Type, string[]> Names = new()
    {
        [typeof(Platform)] = ["douyin", "kuaishou"],
        [typeof(SellerRole)] = ["self", "top_kol", "matrix"],
        [typeof(Channel)] = ["live", "short_video", "product_card", "search", "mall", "other"],
        [typeof(TrafficType)] = ["organic", "paid"],
        [typeof(Review)] = ["positive", "neutral", "negative"],
        [typeof(TrafficTool)] = ["qianchuan", "xiaodiantong", "xiaohuomiao", "cili_jinniu", "doujia", "other"],
        [typeof(CostKind)] = ["slot_fee", "staff", "studio", "samples", "platform_fee", "other"],
        [typeof(CommissionStatus)] = ["paid", "received", "settled", "refunded"],
    };

    /// <summary>The canonical spelling of <paramref name="value"/>, such as <c>short_video</c>.</summary>
    public static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => Names[typeof(TEnum)][Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)];

    /// <summary>Every canonical spelling of <typeparamref name="TEnum"/>, in declaration order.</summary>
    public static IReadOnlyList<string> All<TEnum>()
        where TEnum : struct, Enum => Names[typeof(TEnum)];

    /// <summary>Reads a canonical spelling, ignoring case; false when it is none of them.</summary>
    public static bool TryParse<TEnum>(string text, out TEnum value)
        where TEnum : struct, Enum
    {
        var names = Names[typeof(TEnum)];
        for (var i = 0; i < names.Length; i++)
        {
            if (string.Equals(names[i], text, StringComparison.OrdinalIgnoreCase))
            {
                value = (TEnum)Enum.ToObject(typeof(TEnum), i);
                return true;
            }
        }

        value = default;
        return false;
    }
}

public static partial class Vocabulary
{
    private static readonly string[] KindNames = ["accounts", "orders", "sessions", "products", "campaigns", "traffic", "sales", "leaderboard", "costs", "commissions"];

    /// <summary>The table kinds as the command line spells them, in declaration order.</summary>
    public static IReadOnlyList<string> AllKindNames => KindNames;

    /// <summary>The name of a table kind, such as <c>orders</c>.</summary>
    public static string KindName(TableKind kind) => KindNames[(int)kind];

    /// <summary>Reads a table kind name, ignoring case.</summary>
    public static bool TryParseKind(string text, out TableKind kind)
    {
        var i = Array.FindIndex(KindNames, n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase));
        kind = i < 0 ? default : (TableKind)i;
        return i >= 0;
    }

}
