using Microsoft.Data.Analysis;
using Playbook.Analysis;
using Playbook.Canonical;
using Playbook.Workspace;

namespace Playbook.Output;

/// <summary>Claims, checklists and frameworks as DataFrames for notebook display.</summary>
public static class CaseFrames
{
    /// <summary>Each claim next to the article's words, with expected and actual values.</summary>
    public static DataFrame ToDataFrame(this IEnumerable<ClaimResult> results)
    {
        var list = results.ToList();
        return new DataFrame(
            new StringDataFrameColumn("id", list.Select(r => r.Claim.Id)),
            new StringDataFrameColumn("article_zh", list.Select(r => r.Claim.ArticleZh)),
            new StringDataFrameColumn("statement", list.Select(r => r.Claim.Statement)),
            new StringDataFrameColumn("statement_zh", list.Select(r => r.Claim.StatementZh)),
            new StringDataFrameColumn("expected", list.Select(r => r.Claim.ExpectedText)),
            new StringDataFrameColumn("actual", list.Select(r => r.Actual)),
            new StringDataFrameColumn("result", list.Select(r => r.Verdict)));
    }

    /// <summary>Every item of a scorecard with its status and evidence.</summary>
    public static DataFrame ToDataFrame(this Scorecard scorecard)
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        return scorecard.Items.ToDataFrame();
    }

    /// <summary>Items of a scorecard (all, or the ones to fix first) with their status and evidence.</summary>
    public static DataFrame ToDataFrame(this IEnumerable<ItemResult> results)
    {
        var items = results.ToList();
        return new DataFrame(
            new StringDataFrameColumn("id", items.Select(i => i.Item.Id)),
            new StringDataFrameColumn("pillar", items.Select(i => i.Item.Pillar)),
            new StringDataFrameColumn("item", items.Select(i => i.Item.Text)),
            new StringDataFrameColumn("item_zh", items.Select(i => i.Item.TextZh)),
            new StringDataFrameColumn("status", items.Select(i => i.Status.Name())),
            new StringDataFrameColumn("evidence", items.Select(i => i.Evidence ?? i.Missing)));
    }

    /// <summary>Scores per checklist and pillar.</summary>
    public static DataFrame ScoresFrame(this Scorecard scorecard)
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        var scores = scorecard.Scores;
        return new DataFrame(
            new StringDataFrameColumn("checklist", scores.Select(s => s.Checklist)),
            new StringDataFrameColumn("pillar", scores.Select(s => s.Pillar)),
            new Int32DataFrameColumn("met", scores.Select(s => (int?)s.Met)),
            new Int32DataFrameColumn("not_met", scores.Select(s => (int?)s.NotMet)),
            new Int32DataFrameColumn("unknown", scores.Select(s => (int?)s.Unknown)),
            new DoubleDataFrameColumn("rate", scores.Select(s => s.Rate)));
    }

    /// <summary>A framework's pillars: code, names, role, kind and rule.</summary>
    public static DataFrame ToDataFrame(this Framework framework)
    {
        ArgumentNullException.ThrowIfNull(framework);
        var pillars = framework.Pillars;
        return new DataFrame(
            new StringDataFrameColumn("pillar", pillars.Select(p => p.Code)),
            new StringDataFrameColumn("name", pillars.Select(p => p.Name)),
            new StringDataFrameColumn("name_zh", pillars.Select(p => p.NameZh)),
            new StringDataFrameColumn("kind", pillars.Select(p => p.Kind.ToString().ToLowerInvariant())),
            new StringDataFrameColumn("rule", pillars.Select(p => p.RuleText)),
            new StringDataFrameColumn("role", pillars.Select(p => p.Role)));
    }

    /// <summary>Products launched per month, and how many of them were channel-exclusive (渠道特供).</summary>
    public static DataFrame LaunchesByMonth(IEnumerable<Product> products)
    {
        var months = LaunchMonths(products);
        return new DataFrame(
            new StringDataFrameColumn("month", months.Select(m => m.Month)),
            new Int32DataFrameColumn("launched", months.Select(m => (int?)m.Launched)),
            new Int32DataFrameColumn("exclusive", months.Select(m => (int?)m.Exclusive)));
    }

    /// <summary>Launches per month (yyyy-MM), oldest first.</summary>
    public static IReadOnlyList<(string Month, int Launched, int Exclusive)> LaunchMonths(IEnumerable<Product> products)
    {
        ArgumentNullException.ThrowIfNull(products);
        return [.. products.Where(p => p.LaunchedOn is not null)
            .GroupBy(p => p.LaunchedOn!.Value.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Count(), g.Count(p => p.ChannelExclusive == true)))];
    }

    /// <summary>Where FACT's pillars meet STEPS' and where they do not.</summary>
    public static DataFrame FrameworkMapping() => new(
        new StringDataFrameColumn("FACT (Douyin)", ["F 商家自播", "A 达人矩阵", "T 头部大V", "C 营销活动", "shelf 中心场", "—", "—", "—"]),
        new StringDataFrameColumn("STEPS (Kuaishou)", ["S 品牌自播", "E 达人分销", "E 达人分销", "—", "—", "T 公域流量", "P 私域运营", "S 渠道特供"]),
        new StringDataFrameColumn("how they relate", [
            "the same seller: the brand's own accounts",
            "matrix talents are part of STEPS' talent distribution",
            "head creators are talents too; FACT splits them out, STEPS does not",
            "FACT's overlay in time; STEPS has no campaign pillar",
            "orders with no seller; neither model's partition takes them",
            "an overlay by traffic source; FACT has none (paid traffic cuts across F, A, T)",
            "an overlay by buyer loyalty; FACT has none",
            "an overlay by product; FACT has none",
        ]));
}
