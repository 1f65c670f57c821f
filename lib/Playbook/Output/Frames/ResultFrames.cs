using Microsoft.Data.Analysis;
using Playbook.Analysis;
using Playbook.Canonical;
using Playbook.Ledger;

namespace Playbook.Output;

/// <summary>Analysis results as <see cref="DataFrame"/>s for notebook display; columns as the JSON names them.</summary>
public static class ResultFrames
{
    /// <summary>The seller partition: pillar, names, GMV, refund, net GMV, orders, share.</summary>
    public static DataFrame ToDataFrame(this IEnumerable<PartitionLine> lines)
    {
        var list = lines.ToList();
        return new DataFrame(
            new StringDataFrameColumn("pillar", list.Select(l => l.Pillar)),
            new StringDataFrameColumn("name", list.Select(l => l.Name)),
            new StringDataFrameColumn("name_zh", list.Select(l => l.NameZh)),
            new DecimalDataFrameColumn("gmv", list.Select(l => (decimal?)l.Gmv)),
            new DecimalDataFrameColumn("refund", list.Select(l => (decimal?)l.Refund)),
            new DecimalDataFrameColumn("net_gmv", list.Select(l => (decimal?)l.NetGmv)),
            new Int64DataFrameColumn("orders", list.Select(l => (long?)l.Orders)),
            new DoubleDataFrameColumn("share", list.Select(l => (double?)l.Share)));
    }

    /// <summary>The pillar P&amp;L, a row per partition pillar and the shelf.</summary>
    public static DataFrame ToDataFrame(this IEnumerable<EconomicsLine> lines)
    {
        var list = lines.ToList();
        return new DataFrame(
            new StringDataFrameColumn("pillar", list.Select(l => l.Pillar)),
            new DecimalDataFrameColumn("net_gmv", list.Select(l => (decimal?)l.NetGmv)),
            new DecimalDataFrameColumn("cogs", list.Select(l => (decimal?)l.Cogs)),
            new DecimalDataFrameColumn("commission", list.Select(l => (decimal?)l.Commission)),
            new DecimalDataFrameColumn("platform_fees", list.Select(l => l.PlatformFees)),
            new DecimalDataFrameColumn("paid_traffic", list.Select(l => (decimal?)l.PaidTraffic)),
            new DecimalDataFrameColumn("slot_fees", list.Select(l => (decimal?)l.SlotFees)),
            new DecimalDataFrameColumn("other_costs", list.Select(l => (decimal?)l.OtherCosts)),
            new DecimalDataFrameColumn("contribution", list.Select(l => (decimal?)l.Contribution)),
            new DoubleDataFrameColumn("margin", list.Select(l => l.Margin)));
    }

    /// <summary>Sellers' economics, a row each: net GMV, commission and where it came from, the rate and its break-even, costs, contribution.</summary>
    public static DataFrame ToDataFrame(this IEnumerable<SellerEconomics> sellers)
    {
        var list = sellers.ToList();
        return new DataFrame(
            new StringDataFrameColumn("account_id", list.Select(s => s.AccountId)),
            new StringDataFrameColumn("nickname", list.Select(s => s.Nickname)),
            new StringDataFrameColumn("pillar", list.Select(s => s.Pillar)),
            new DecimalDataFrameColumn("net_gmv", list.Select(s => (decimal?)s.NetGmv)),
            new DecimalDataFrameColumn("commission", list.Select(s => (decimal?)s.Commission)),
            new StringDataFrameColumn("commission_source", list.Select(s => s.CommissionSource)),
            new DoubleDataFrameColumn("commission_rate", list.Select(s => s.CommissionRate)),
            new DoubleDataFrameColumn("break_even_commission_rate", list.Select(s => s.BreakEvenCommissionRate)),
            new DecimalDataFrameColumn("slot_fees", list.Select(s => (decimal?)s.SlotFees)),
            new DecimalDataFrameColumn("paid_traffic", list.Select(s => (decimal?)s.PaidTraffic)),
            new DecimalDataFrameColumn("other_costs", list.Select(s => (decimal?)s.OtherCosts)),
            new DecimalDataFrameColumn("contribution", list.Select(s => (decimal?)s.Contribution)),
            new DoubleDataFrameColumn("roi", list.Select(s => s.Roi)));
    }

    /// <summary>The overlays: pillar, names, availability, net GMV, share, reason.</summary>
    public static DataFrame ToDataFrame(this IEnumerable<OverlayLine> lines)
    {
        var list = lines.ToList();
        return new DataFrame(
            new StringDataFrameColumn("pillar", list.Select(l => l.Pillar)),
            new StringDataFrameColumn("name", list.Select(l => l.Name)),
            new StringDataFrameColumn("name_zh", list.Select(l => l.NameZh)),
            new BooleanDataFrameColumn("available", list.Select(l => (bool?)l.Available)),
            new DecimalDataFrameColumn("net_gmv", list.Select(l => l.NetGmv)),
            new DoubleDataFrameColumn("share", list.Select(l => l.Share)),
            new StringDataFrameColumn("reason", list.Select(l => l.Reason)));
    }

    /// <summary>A budget plan, a row per driver: today and the plan a day, ROAS and marginal ROAS with their 90% intervals, carryover, and why it moves.</summary>
    public static DataFrame ToDataFrame(this Allocation plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var list = plan.Drivers;
        return new DataFrame(
            new StringDataFrameColumn("driver", list.Select(d => d.Driver)),
            new StringDataFrameColumn("unit", list.Select(d => d.Unit)),
            new DoubleDataFrameColumn("cost_per_unit", list.Select(d => d.CostPerUnit)),
            new DoubleDataFrameColumn("current", list.Select(d => (double?)Math.Round(d.Current, 2))),
            new DoubleDataFrameColumn("recommended", list.Select(d => (double?)Math.Round(d.Recommended, 2))),
            new DoubleDataFrameColumn("roas", list.Select(d => Round(d.Roas?.Value))),
            new DoubleDataFrameColumn("roas_low", list.Select(d => Round(d.Roas?.Low))),
            new DoubleDataFrameColumn("roas_high", list.Select(d => Round(d.Roas?.High))),
            new DoubleDataFrameColumn("mroas", list.Select(d => Round(d.MarginalRoas?.Value))),
            new DoubleDataFrameColumn("mroas_after", list.Select(d => Round(d.MarginalRoasAfter?.Value))),
            new DoubleDataFrameColumn("half_life_days", list.Select(d => (double?)Math.Round(d.HalfLifeDays, 1))),
            new StringDataFrameColumn("why", list.Select(d => d.Why)));
    }

    /// <summary>Health checks of a fit: check, ok, what was found.</summary>
    public static DataFrame ToDataFrame(this IEnumerable<HealthCheck> checks)
    {
        var list = checks.ToList();
        return new DataFrame(
            new StringDataFrameColumn("check", list.Select(c => c.Check)),
            new BooleanDataFrameColumn("ok", list.Select(c => (bool?)c.Ok)),
            new StringDataFrameColumn("found", list.Select(c => c.Detail)));
    }

    /// <summary>A simulated brand's truth, a row per driver: cost, carryover and its half-life, half saturation, shape, ROAS.</summary>
    public static DataFrame ToDataFrame(this Synthesis.MediaMixTruth truth)
    {
        ArgumentNullException.ThrowIfNull(truth);
        var list = truth.Drivers;
        return new DataFrame(
            new StringDataFrameColumn("driver", list.Select(d => d.Name)),
            new StringDataFrameColumn("unit", list.Select(d => d.Unit)),
            new DoubleDataFrameColumn("cost_per_unit", list.Select(d => (double?)d.CostPerUnit)),
            new DoubleDataFrameColumn("carryover", list.Select(d => (double?)Math.Round(d.Theta, 3))),
            new DoubleDataFrameColumn("half_life_days", list.Select(d => (double?)Math.Round(Math.Log(0.5) / Math.Log(d.Theta), 1))),
            new DoubleDataFrameColumn("half_saturation", list.Select(d => (double?)Math.Round(d.Kappa, 2))),
            new DoubleDataFrameColumn("shape", list.Select(d => (double?)Math.Round(d.Shape, 2))),
            new DoubleDataFrameColumn("roas", list.Select(d => (double?)Math.Round(d.Roas, 3))));
    }

    /// <summary>Campaigns with their uplift.</summary>
    public static DataFrame ToDataFrame(this IEnumerable<CampaignUplift> campaigns)
    {
        var list = campaigns.ToList();
        return new DataFrame(
            new StringDataFrameColumn("campaign_id", list.Select(c => c.CampaignId)),
            new StringDataFrameColumn("name", list.Select(c => c.Name)),
            new StringDataFrameColumn("starts_on", list.Select(c => Day(c.StartsOn))),
            new StringDataFrameColumn("ends_on", list.Select(c => Day(c.EndsOn))),
            new DecimalDataFrameColumn("net_gmv", list.Select(c => (decimal?)c.NetGmv)),
            new DecimalDataFrameColumn("baseline_net_gmv", list.Select(c => c.BaselineNetGmv)),
            new DoubleDataFrameColumn("uplift", list.Select(c => c.Uplift)),
            new StringDataFrameColumn("reason", list.Select(c => c.Reason)));
    }

    /// <summary>The headline figures as one row.</summary>
    public static DataFrame ToDataFrame(this SalesSummary t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return new DataFrame(
            new DecimalDataFrameColumn("gmv", [t.Gmv]),
            new DecimalDataFrameColumn("refund", [t.Refund]),
            new DecimalDataFrameColumn("net_gmv", [t.NetGmv]),
            new Int64DataFrameColumn("orders", [t.Orders]),
            new Int64DataFrameColumn("buyers", [t.Buyers]),
            new Int64DataFrameColumn("units", [t.Units]),
            new DecimalDataFrameColumn("aov", [t.Aov]),
            new DecimalDataFrameColumn("unit_price", [t.UnitPrice]),
            new DoubleDataFrameColumn("refund_rate_by_order", [t.RefundRateByOrder]),
            new DoubleDataFrameColumn("refund_rate_by_amount", [t.RefundRateByAmount]));
    }

    /// <summary>Repurchase per calendar month.</summary>
    public static DataFrame ToDataFrame(this IEnumerable<MonthlyRepurchase> months)
    {
        var list = months.ToList();
        return new DataFrame(
            new StringDataFrameColumn("month", list.Select(m => m.Month)),
            new Int64DataFrameColumn("buyers", list.Select(m => (long?)m.Buyers)),
            new Int64DataFrameColumn("repeat_buyers", list.Select(m => (long?)m.RepeatBuyers)),
            new DoubleDataFrameColumn("rate", list.Select(m => (double?)m.Rate)));
    }

    /// <summary>The largest sellers.</summary>
    public static DataFrame ToDataFrame(this IEnumerable<SellerShare> sellers)
    {
        var list = sellers.ToList();
        return new DataFrame(
            new StringDataFrameColumn("account_id", list.Select(s => s.AccountId)),
            new DecimalDataFrameColumn("net_gmv", list.Select(s => (decimal?)s.NetGmv)),
            new DoubleDataFrameColumn("share", list.Select(s => (double?)s.Share)));
    }

    /// <summary>Paid traffic by tool.</summary>
    public static DataFrame ToDataFrame(this IEnumerable<ToolReturn> tools)
    {
        var list = tools.ToList();
        return new DataFrame(
            new StringDataFrameColumn("tool", list.Select(t => Vocabulary.Name(t.Tool))),
            new DecimalDataFrameColumn("spend", list.Select(t => (decimal?)t.Spend)),
            new DecimalDataFrameColumn("attributed_spend", list.Select(t => (decimal?)t.AttributedSpend)),
            new DecimalDataFrameColumn("attributed_gmv", list.Select(t => (decimal?)t.AttributedGmv)),
            new DoubleDataFrameColumn("roi", list.Select(t => t.Roi)));
    }

    /// <summary>Live sessions with their metrics.</summary>
    public static DataFrame ToDataFrame(this IEnumerable<SessionPerformance> sessions)
    {
        var list = sessions.ToList();
        return new DataFrame(
            new StringDataFrameColumn("session_id", list.Select(s => s.SessionId)),
            new StringDataFrameColumn("account_id", list.Select(s => s.AccountId)),
            new PrimitiveDataFrameColumn<DateTime>("started_at", list.Select(s => (DateTime?)s.StartedAt)),
            new DoubleDataFrameColumn("hours", list.Select(s => (double?)s.Hours)),
            new Int64DataFrameColumn("views", list.Select(s => s.Views)),
            new Int64DataFrameColumn("viewers", list.Select(s => s.Viewers)),
            new DecimalDataFrameColumn("gmv", list.Select(s => s.Gmv)),
            new StringDataFrameColumn("gmv_source", list.Select(s => s.GmvSource)),
            new Int64DataFrameColumn("buyers", list.Select(s => s.Buyers)),
            new DecimalDataFrameColumn("uv_value", list.Select(s => s.UvValue)),
            new DecimalDataFrameColumn("gpm", list.Select(s => s.Gpm)),
            new DoubleDataFrameColumn("conversion", list.Select(s => s.Conversion)),
            new DecimalDataFrameColumn("avg_watch_seconds", list.Select(s => s.AvgWatchSeconds)),
            new DecimalDataFrameColumn("gmv_per_hour", list.Select(s => s.GmvPerHour)));
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 3) : null;
}
