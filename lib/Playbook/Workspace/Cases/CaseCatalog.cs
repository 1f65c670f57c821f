using Playbook.Analysis;
using Playbook.Files;
using Playbook.Synthesis;

namespace Playbook.Workspace;

/// <summary>A bundled case: what it reconstructs, how its data was made and where it lives.</summary>
/// <param name="Id">Folder name under data/, such as three-squirrels.</param>
/// <param name="Title">English title.</param>
/// <param name="TitleZh">Chinese title.</param>
/// <param name="Framework">The platform's model the case is read through.</param>
/// <param name="From">First day of the data.</param>
/// <param name="To">Last day of the data.</param>
/// <param name="Seed">The seed the bundled data was made with.</param>
/// <param name="CalibratedTo">The article's figures the simulation is calibrated to, quoted.</param>
/// <param name="Invented">What the simulation made up.</param>
/// <param name="Notebooks">Notebooks that use the data.</param>
/// <param name="Generate">The simulation, by seed.</param>
/// <param name="GrossMargin">The gross margin the case's economics use (invented, as its data card says).</param>
public sealed record CaseInfo(
    string Id,
    string Title,
    string TitleZh,
    Framework Framework,
    DateOnly From,
    DateOnly To,
    ulong Seed,
    IReadOnlyList<string> CalibratedTo,
    IReadOnlyList<string> Invented,
    IReadOnlyList<string> Notebooks,
    Func<ulong, CaseTables> Generate,
    double GrossMargin);

/// <summary>The two cases of the source article, reconstructed as seeded simulations.</summary>
public static class CaseCatalog
{
    /// <summary>Three Squirrels (三只松鼠) on Douyin.</summary>
    public static CaseInfo ThreeSquirrels { get; } = new(
        "three-squirrels",
        "Three Squirrels on Douyin: FACT in practice",
        "三只松鼠 · 抖音 FACT",
        Frameworks.Fact,
        ThreeSquirrelsModel.First,
        ThreeSquirrelsModel.Last,
        2021,
        [
            "1-4月,三只松鼠官方旗舰店累计销售额达到2.17亿,位居食品第二 — store GMV Jan-Apr 2021 = ¥217M, 2nd in food",
            "近90天 @三只松鼠 和 @三只松鼠官方旗舰店 两个账号贡献了近50%的店铺销售额 — own accounts just under 50% of the last 90 days",
            "与头部主播 @陈三废gg、@赵Boss、@七阿姨 的合作带来了20%的销售额,剩下的销售额则给了矩阵达人 — head anchors 20%, the rest matrix talents",
            "元旦期间,仅自播业务,三只松鼠20天就实现了6500万的销量,位居食品板块第一,全赛道第二 — self-broadcast ¥65M in the 20-day festival, 1st in food, 2nd overall",
        ],
        [
            "every row: daily sales per seller, channel and traffic type; sessions; 千川 spend",
            "the 300 matrix talents, their nicknames, ids and followers; the head anchors' followers and live days",
            "the festival's dates (2021-01-04..2021-01-23; the article gives only its 20-day length) and the later promotions",
            "the split of festival sales between self-broadcast (62%) and the others",
            "the peer brands of the leaderboard and their GMV (anonymised; chosen so the article's ranks can be checked)",
            "the economics: a 35% gross margin, talents' commission rates (head anchors 25%, matrix 15%-30%), head anchors' slot fees (坑位费) per live day, the own rooms' staff and studio, samples and overhead by month (costs.csv)",
        ],
        ["02-three-squirrels-douyin", "07-pillar-economics"],
        seed => ThreeSquirrelsModel.Generate(seed),
        ThreeSquirrelsModel.GrossMargin);

    /// <summary>Dora Doshang (朵拉朵尚) on Kuaishou.</summary>
    public static CaseInfo DoraDoshang { get; } = new(
        "dora-doshang",
        "Dora Doshang on Kuaishou: STEPS in practice",
        "朵拉朵尚 · 快手 STEPS",
        Frameworks.Steps,
        DoraDoshangModel.First,
        DoraDoshangModel.Last,
        2020,
        [
            "在快手开始品牌自播之前,朵拉朵尚已经是几个快手主播的供应商 — a supplier to several Kuaishou anchors before self-broadcasting",
            "去年4月,朵拉朵尚创始人李海珍开始在快手上自播 — the founder began self-broadcasting in April 2020",
            "围绕老铁一年开发了200多个产品 — 200+ products developed in one year",
            "核心战略是上市推出小店通、小火苗等 — traffic through 小店通 and 小火苗",
            "做好客服和运营,提高直播间的回购和好评率 — service and operations that raise repurchase and good reviews",
        ],
        [
            "every order, buyer, product, session and spend; about 100,000 order rows",
            "the talent anchors (ids, nicknames, followers) and the brand store account",
            "the day self-broadcast began (2020-04-08) and the start of the service push (2020-10-01)",
            "sales volumes, prices, refund and review rates, fans, return on paid traffic",
            "the economics: a 65% gross margin, talents' commission (head anchors 35%-40%, others 25%-35%, on every talent order as 预估推广佣金), head anchors' monthly slot fees, the founder's and the store's staff and studio, samples and overhead by month (costs.csv)",
        ],
        ["03-dora-doshang-kuaishou", "07-pillar-economics"],
        seed => DoraDoshangModel.Generate(seed),
        DoraDoshangModel.GrossMargin);

    /// <summary>Both cases.</summary>
    public static IReadOnlyList<CaseInfo> All { get; } = [ThreeSquirrels, DoraDoshang];

    /// <summary>The case called <paramref name="id"/>.</summary>
    /// <exception cref="InputException">No case has that id.</exception>
    public static CaseInfo Get(string id) =>
        All.FirstOrDefault(c => string.Equals(c.Id, id, StringComparison.OrdinalIgnoreCase))
        ?? throw new InputException($"unknown case '{id}': expected {string.Join(" or ", All.Select(c => c.Id))}");
}
