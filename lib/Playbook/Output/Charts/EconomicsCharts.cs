using System.Text.Json.Nodes;
using Playbook.Analysis;

namespace Playbook.Output;

/// <summary>
/// The pillar P&amp;L as charts: for each pillar a waterfall from its net GMV down to its contribution,
/// and every seller's contribution against its net GMV, so that the talents that sell a lot and earn
/// little stand apart.
/// </summary>
public static class EconomicsCharts
{
    /// <summary>One waterfall per partition pillar and the shelf: net GMV, less each cost, to the contribution.</summary>
    /// <exception cref="ArgumentException">The economics are not available.</exception>
    public static ChartFigure Waterfall(PillarEconomics economics)
    {
        ArgumentNullException.ThrowIfNull(economics);
        if (!economics.Available)
        {
            throw new ArgumentException("the economics are " + economics.Reason, nameof(economics));
        }

        var traces = economics.Lines.Where(l => l.NetGmv != 0).Select(l =>
        {
            (string Label, decimal Value, string Measure)[] steps =
            [
                ("net GMV", l.NetGmv, "absolute"),
                ("COGS", -l.Cogs, "relative"),
                ("commission", -l.Commission, "relative"),
                ("platform fees", -(l.PlatformFees ?? 0), "relative"),
                ("paid traffic", -l.PaidTraffic, "relative"),
                ("slot fees", -l.SlotFees, "relative"),
                ("other costs", -l.OtherCosts, "relative"),
                ("contribution", l.Contribution, "total"),
            ];
            return new JsonObject
            {
                ["type"] = "waterfall",
                ["name"] = l.Pillar,
                ["x"] = new JsonArray([.. steps.Select(s => (JsonNode?)$"{l.Pillar} {s.Label}")]),
                ["y"] = new JsonArray([.. steps.Select(s => (JsonNode?)(double)s.Value)]),
                ["measure"] = new JsonArray([.. steps.Select(s => (JsonNode?)s.Measure)]),
                ["connector"] = new JsonObject { ["line"] = new JsonObject { ["color"] = "#999" } },
            };
        }).ToArray();
        return ChartFigure.FromTraces(traces).Titled("What each pillar earns: net GMV less COGS, commission, fees, traffic and costs (¥)", null, "¥");
    }

    /// <summary>Every seller's contribution against its net GMV, coloured by pillar; the line of zero contribution drawn.</summary>
    /// <exception cref="ArgumentException">The economics are not available.</exception>
    public static ChartFigure Sellers(PillarEconomics economics)
    {
        ArgumentNullException.ThrowIfNull(economics);
        if (!economics.Available)
        {
            throw new ArgumentException("the economics are " + economics.Reason, nameof(economics));
        }

        var traces = economics.Sellers.GroupBy(s => s.Pillar).Select(g => new JsonObject
        {
            ["type"] = "scatter",
            ["mode"] = "markers",
            ["name"] = g.Key,
            ["x"] = new JsonArray([.. g.Select(s => (JsonNode?)(double)s.NetGmv)]),
            ["y"] = new JsonArray([.. g.Select(s => (JsonNode?)(double)s.Contribution)]),
            ["text"] = new JsonArray([.. g.Select(s => (JsonNode?)(s.Nickname ?? s.AccountId))]),
            ["hovertemplate"] = "%{text}<br>net GMV ¥%{x:,.0f}<br>contribution ¥%{y:,.0f}<extra></extra>",
        }).ToArray();
        return ChartFigure.FromTraces(traces).Titled("Sellers: contribution against net GMV (¥); below zero they cost more than they earn", "net GMV (¥)", "contribution (¥)");
    }
}
