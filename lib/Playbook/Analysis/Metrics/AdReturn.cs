using Playbook.Canonical;

namespace Playbook.Analysis;

/// <summary>Spend and return of one paid-traffic tool.</summary>
/// <param name="Tool">The tool (qianchuan, xiaodiantong, …).</param>
/// <param name="Spend">All spend of the tool in the period, CNY.</param>
/// <param name="AttributedSpend">Spend of the rows that report an attributed GMV, CNY.</param>
/// <param name="AttributedGmv">GMV the tool attributes to that spend, CNY; null when no row of the tool reports one (not known, not 0).</param>
/// <param name="Roi">支付ROI = AttributedGmv / AttributedSpend; null without attributed spend.</param>
public sealed record ToolReturn(TrafficTool Tool, decimal Spend, decimal AttributedSpend, decimal? AttributedGmv, double? Roi);

/// <summary>
/// Return on paid traffic (投流) from the traffic table, and the break-even ROI it must beat:
/// 1 / (gross margin × (1 − return rate)).
/// </summary>
/// <param name="Tools">Per tool.</param>
/// <param name="Spend">All spend in the period, CNY.</param>
/// <param name="AttributedSpend">Spend of rows that report attributed GMV, CNY.</param>
/// <param name="AttributedGmv">Attributed GMV, CNY; null when no traffic row reports one.</param>
/// <param name="Roi">AttributedGmv / AttributedSpend.</param>
/// <param name="GrossMargin">Gross margin used for break-even, 0..1, when given.</param>
/// <param name="ReturnRate">Return rate used for break-even (refunded / paid amount of the period's orders).</param>
/// <param name="BreakEvenRoi">1 / (GrossMargin × (1 − ReturnRate)); null when not available.</param>
/// <param name="Reason">Why ROI or break-even is not available.</param>
public sealed record AdReturn(
    IReadOnlyList<ToolReturn> Tools,
    decimal Spend,
    decimal AttributedSpend,
    decimal? AttributedGmv,
    double? Roi,
    double? GrossMargin,
    double? ReturnRate,
    double? BreakEvenRoi,
    string? Reason)
{
    /// <summary>How the figures are defined.</summary>
    public const string Definition =
        "roi = attributed GMV / spend, over the traffic rows that report attributed GMV; break_even_roi = 1 / (gross margin x (1 - return rate)), " +
        "return rate = refunded / paid amount of the period's orders";

    /// <summary>Break-even ROI: the ROI at which paid traffic neither makes nor loses money.</summary>
    /// <param name="grossMargin">Gross margin, 0..1 (exclusive of 0).</param>
    /// <param name="returnRate">Share of sales returned, 0..1 (exclusive of 1).</param>
    public static double BreakEven(double grossMargin, double returnRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(grossMargin);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(grossMargin, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(returnRate);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(returnRate, 1);
        return 1 / (grossMargin * (1 - returnRate));
    }

    /// <summary>The return of the traffic rows dated from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static AdReturn Of(IEnumerable<PaidTraffic> traffic, DateOnly? from, DateOnly? to, double? grossMargin = null, double? returnRate = null)
    {
        ArgumentNullException.ThrowIfNull(traffic);
        var rows = traffic.Where(t => !(t.Date < from) && !(t.Date > to)).ToList();
        var tools = rows
            .GroupBy(t => t.Tool)
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                var attributed = g.Where(t => t.AttributedGmv is not null).ToList();
                var attributedSpend = attributed.Sum(t => t.Spend);
                decimal? gmv = attributed.Count == 0 ? null : attributed.Sum(t => t.AttributedGmv!.Value);
                return new ToolReturn(g.Key, g.Sum(t => t.Spend), attributedSpend, gmv, attributedSpend > 0 ? (double)(gmv!.Value / attributedSpend) : null);
            })
            .ToList();
        var spend = tools.Sum(t => t.Spend);
        var attributedSpendAll = tools.Sum(t => t.AttributedSpend);
        decimal? attributedGmv = tools.Any(t => t.AttributedGmv is not null) ? tools.Sum(t => t.AttributedGmv ?? 0) : null;

        string? reason = null;
        double? breakEven = null;
        if (rows.Count == 0)
        {
            reason = "not available: no paid traffic rows in the period";
        }
        else if (grossMargin is null)
        {
            reason = "break-even ROI not available: needs the gross margin (--gross-margin)";
        }
        else if (returnRate is null)
        {
            reason = "break-even ROI not available: needs a return rate (orders with GMV)";
        }
        else
        {
            breakEven = BreakEven(grossMargin.Value, returnRate.Value);
        }

        return new AdReturn(tools, spend, attributedSpendAll, attributedGmv, attributedSpendAll > 0 ? (double)(attributedGmv!.Value / attributedSpendAll) : null, grossMargin, returnRate, breakEven, reason);
    }
}
