using System.Text.Json.Serialization;
using Playbook.Analysis;
using Playbook.Canonical;

namespace Playbook.Output;

/// <summary>A period: first and last day (China time, inclusive); null when not known.</summary>
public sealed record PeriodJson(DateOnly? From, DateOnly? To);

/// <summary>The headline figures (<see cref="SalesSummary"/>).</summary>
public sealed record TotalsJson(
    [property: JsonConverter(typeof(MoneyConverter))] decimal Gmv,
    [property: JsonConverter(typeof(MoneyConverter))] decimal Refund,
    [property: JsonConverter(typeof(MoneyConverter))] decimal NetGmv,
    long Orders,
    long? Buyers,
    long Units,
    [property: JsonConverter(typeof(MoneyConverter))] decimal? Aov,
    [property: JsonConverter(typeof(MoneyConverter))] decimal? UnitPrice,
    [property: JsonConverter(typeof(RatioConverter))] double? RefundRateByOrder,
    [property: JsonConverter(typeof(RatioConverter))] double? RefundRateByAmount);

/// <summary>A partition pillar or the shelf.</summary>
public sealed record PartitionJson(
    string Pillar,
    string Name,
    string NameZh,
    [property: JsonConverter(typeof(MoneyConverter))] decimal Gmv,
    [property: JsonConverter(typeof(MoneyConverter))] decimal Refund,
    [property: JsonConverter(typeof(MoneyConverter))] decimal NetGmv,
    long Orders,
    [property: JsonConverter(typeof(RatioConverter))] double Share);

/// <summary>A campaign window with its uplift over the days just before it.</summary>
public sealed record CampaignJson(
    string CampaignId,
    string Name,
    DateOnly StartsOn,
    DateOnly EndsOn,
    [property: JsonConverter(typeof(MoneyConverter))] decimal NetGmv,
    DateOnly BaselineFrom,
    DateOnly BaselineTo,
    [property: JsonConverter(typeof(MoneyConverter))] decimal? BaselineNetGmv,
    [property: JsonConverter(typeof(RatioConverter))] double? Uplift,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason);

/// <summary>An overlay pillar: shown apart, never added to the partition.</summary>
public sealed record OverlayJson(
    string Pillar,
    string Name,
    string NameZh,
    bool Available,
    [property: JsonConverter(typeof(MoneyConverter))] decimal? NetGmv,
    [property: JsonConverter(typeof(RatioConverter))] double? Share,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<CampaignJson>? Campaigns,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason);

/// <summary>One of the top sellers.</summary>
public sealed record TopSellerJson(
    string AccountId,
    string? Nickname,
    string? Role,
    [property: JsonConverter(typeof(MoneyConverter))] decimal NetGmv,
    [property: JsonConverter(typeof(RatioConverter))] double Share);

/// <summary>Seller concentration; <c>lorenz</c> is [seller share, GMV share] pairs, six decimals.</summary>
public sealed record ConcentrationJson(
    int Sellers,
    int TopN,
    [property: JsonConverter(typeof(RatioConverter))] double TopNShare,
    double Hhi,
    [property: JsonConverter(typeof(RatioConverter))] double Gini,
    IReadOnlyList<TopSellerJson> TopSellers,
    IReadOnlyList<double[]> Lorenz);

/// <summary>Repurchase in one calendar month.</summary>
public sealed record MonthlyRepurchaseJson(string Month, long Buyers, long RepeatBuyers, [property: JsonConverter(typeof(RatioConverter))] double Rate);

/// <summary>Repurchase over the period, by month and within 30 days.</summary>
public sealed record RepurchaseJson(
    bool Available,
    long Buyers,
    long RepeatBuyers,
    [property: JsonConverter(typeof(RatioConverter))] double? Rate,
    IReadOnlyList<MonthlyRepurchaseJson> Monthly,
    [property: JsonPropertyName("cohort_buyers_30d")] long CohortBuyers30,
    [property: JsonPropertyName("returned_30d")] long Returned30,
    [property: JsonPropertyName("rate_30d"), JsonConverter(typeof(RatioConverter))] double? Rate30,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason);

/// <summary>One paid-traffic tool's spend and return.</summary>
public sealed record ToolJson(
    string Tool,
    [property: JsonConverter(typeof(MoneyConverter))] decimal Spend,
    [property: JsonConverter(typeof(MoneyConverter))] decimal AttributedSpend,
    [property: JsonConverter(typeof(MoneyConverter))] decimal? AttributedGmv,
    [property: JsonConverter(typeof(RatioConverter))] double? Roi);

/// <summary>Paid traffic's return and the break-even ROI.</summary>
public sealed record AdsJson(
    [property: JsonConverter(typeof(MoneyConverter))] decimal Spend,
    [property: JsonConverter(typeof(MoneyConverter))] decimal AttributedSpend,
    [property: JsonConverter(typeof(MoneyConverter))] decimal? AttributedGmv,
    [property: JsonConverter(typeof(RatioConverter))] double? Roi,
    [property: JsonConverter(typeof(RatioConverter))] double? ReturnRate,
    [property: JsonConverter(typeof(RatioConverter))] double? BreakEvenRoi,
    IReadOnlyList<ToolJson> Tools,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason);

/// <summary>One live session's traffic and sales; <c>hours</c> to four decimals.</summary>
public sealed record SessionJson(
    string SessionId,
    string AccountId,
    string StartedAt,
    double Hours,
    long? Views,
    long? Viewers,
    long? PeakOnline,
    decimal? AvgWatchSeconds,
    long? NewFans,
    [property: JsonConverter(typeof(MoneyConverter))] decimal? Gmv,
    string? GmvSource,
    long? Orders,
    long? Buyers,
    [property: JsonConverter(typeof(MoneyConverter))] decimal? UvValue,
    [property: JsonConverter(typeof(MoneyConverter))] decimal? Gpm,
    [property: JsonConverter(typeof(RatioConverter))] double? Conversion,
    [property: JsonConverter(typeof(MoneyConverter))] decimal? GmvPerHour);

/// <summary>One line of the pillar P&amp;L.</summary>
public sealed record EconomicsLineJson(
    string Pillar,
    [property: JsonConverter(typeof(MoneyConverter))] decimal NetGmv,
    [property: JsonConverter(typeof(MoneyConverter))] decimal Cogs,
    [property: JsonConverter(typeof(MoneyConverter))] decimal Commission,
    [property: JsonConverter(typeof(MoneyConverter))] decimal? PlatformFees,
    [property: JsonConverter(typeof(MoneyConverter))] decimal PaidTraffic,
    [property: JsonConverter(typeof(MoneyConverter))] decimal SlotFees,
    [property: JsonConverter(typeof(MoneyConverter))] decimal OtherCosts,
    [property: JsonConverter(typeof(MoneyConverter))] decimal Contribution,
    [property: JsonConverter(typeof(RatioConverter))] double? Margin);

/// <summary>One seller's economics.</summary>
public sealed record SellerEconomicsJson(
    string AccountId,
    string? Nickname,
    string Pillar,
    [property: JsonConverter(typeof(MoneyConverter))] decimal NetGmv,
    [property: JsonConverter(typeof(MoneyConverter))] decimal Cogs,
    [property: JsonConverter(typeof(MoneyConverter))] decimal Commission,
    string CommissionSource,
    [property: JsonConverter(typeof(MoneyConverter))] decimal? PlatformFees,
    [property: JsonConverter(typeof(MoneyConverter))] decimal SlotFees,
    [property: JsonConverter(typeof(MoneyConverter))] decimal PaidTraffic,
    [property: JsonConverter(typeof(MoneyConverter))] decimal OtherCosts,
    [property: JsonConverter(typeof(MoneyConverter))] decimal Contribution,
    [property: JsonConverter(typeof(RatioConverter))] double? CommissionRate,
    [property: JsonConverter(typeof(RatioConverter))] double? BreakEvenCommissionRate,
    [property: JsonConverter(typeof(RatioConverter))] double? Roi);

/// <summary>A seller charged at a default commission rate.</summary>
public sealed record DefaultCommissionJson(
    string AccountId,
    [property: JsonConverter(typeof(RatioConverter))] double Rate,
    string Source,
    long Orders,
    [property: JsonConverter(typeof(MoneyConverter))] decimal NetGmv);

/// <summary>
/// The pillar P&amp;L: per pillar and the shelf, the brand's overhead apart, every seller; <c>available</c>
/// false with the <c>reason</c> (and the figures null) when an input it needs is missing.
/// </summary>
public sealed record EconomicsJson(
    bool Available,
    string? Reason,
    [property: JsonConverter(typeof(RatioConverter))] double? GrossMargin,
    [property: JsonConverter(typeof(RatioConverter))] double? PlatformFeeRate,
    IReadOnlyList<EconomicsLineJson> Lines,
    [property: JsonConverter(typeof(MoneyConverter))] decimal? Overhead,
    [property: JsonConverter(typeof(MoneyConverter))] decimal? Contribution,
    IReadOnlyList<SellerEconomicsJson> Sellers,
    IReadOnlyList<DefaultCommissionJson> DefaultsUsed,
    IReadOnlyDictionary<string, long> CommissionSources,
    IReadOnlyList<string> Notes)
{
    /// <summary>The document of the economics.</summary>
    public static EconomicsJson From(PillarEconomics e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(
            e.Available,
            e.Reason,
            e.GrossMargin,
            e.PlatformFeeRate,
            [.. e.Lines.Select(l => new EconomicsLineJson(l.Pillar, l.NetGmv, l.Cogs, l.Commission, l.PlatformFees, l.PaidTraffic, l.SlotFees, l.OtherCosts, l.Contribution, l.Margin))],
            e.Overhead,
            e.Contribution,
            [.. e.Sellers.Select(s => new SellerEconomicsJson(s.AccountId, s.Nickname, s.Pillar, s.NetGmv, s.Cogs, s.Commission, s.CommissionSource, s.PlatformFees, s.SlotFees, s.PaidTraffic, s.OtherCosts, s.Contribution, s.CommissionRate, s.BreakEvenCommissionRate, s.Roi))],
            [.. e.DefaultsUsed.Select(d => new DefaultCommissionJson(d.AccountId, d.Rate, d.Source, d.Orders, d.NetGmv))],
            e.CommissionSources,
            e.Notes);
    }
}

/// <summary>The settings the figures depend on.</summary>
public sealed record ThresholdsJson(long TopKolFollowers, int TopN, [property: JsonConverter(typeof(RatioConverter))] double? GrossMargin);

/// <summary>
/// <c>analyze --format json</c>: one object with <c>framework</c>, <c>currency</c>, <c>period</c>, <c>totals</c>,
/// <c>partition</c>, <c>overlays</c>, <c>concentration</c>, <c>repurchase</c>, <c>ads</c>, <c>sessions</c>,
/// <c>economics</c>, <c>thresholds</c>, <c>definitions</c>, <c>warnings</c> and <c>load</c>. Money has two decimals; shares
/// are fractions of total net GMV.
/// </summary>
public sealed record PillarReportJson(
    string Framework,
    string Platform,
    string Currency,
    PeriodJson Period,
    TotalsJson Totals,
    IReadOnlyList<PartitionJson> Partition,
    IReadOnlyList<OverlayJson> Overlays,
    ConcentrationJson Concentration,
    RepurchaseJson Repurchase,
    AdsJson? Ads,
    IReadOnlyList<SessionJson> Sessions,
    EconomicsJson? Economics,
    ThresholdsJson Thresholds,
    IReadOnlyDictionary<string, string> Definitions,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<LoadReportJson> Load)
{
    /// <summary>The document of a report.</summary>
    public static PillarReportJson From(PillarReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var t = report.Totals;
        var c = report.Concentration;
        var r = report.Repurchase;
        return new(
            report.Framework.Code,
            Vocabulary.Name(report.Framework.Platform),
            "CNY",
            new PeriodJson(report.From, report.To),
            new TotalsJson(t.Gmv, t.Refund, t.NetGmv, t.Orders, t.Buyers, t.Units, t.Aov, t.UnitPrice, t.RefundRateByOrder, t.RefundRateByAmount),
            [.. report.Partition.Select(p => new PartitionJson(p.Pillar, p.Name, p.NameZh, p.Gmv, p.Refund, p.NetGmv, p.Orders, p.Share))],
            [.. report.Overlays.Select(o => new OverlayJson(o.Pillar, o.Name, o.NameZh, o.Available, o.NetGmv, o.Share, o.Campaigns?.Select(Campaign).ToList(), o.Reason))],
            new ConcentrationJson(
                c.Sellers,
                c.TopN,
                c.TopNShare,
                Math.Round(c.Hhi, 2),
                c.Gini,
                [.. c.TopSellers.Select(s => new TopSellerJson(s.AccountId, report.Nicknames.GetValueOrDefault(s.AccountId), report.Roles.TryGetValue(s.AccountId, out var role) ? Vocabulary.Name(role) : null, s.NetGmv, s.Share))],
                [.. c.Lorenz.Select(p => new[] { Math.Round(p.SellerShare, 6), Math.Round(p.GmvShare, 6) })]),
            new RepurchaseJson(r.Available, r.Buyers, r.RepeatBuyers, r.Rate, [.. r.Monthly.Select(m => new MonthlyRepurchaseJson(m.Month, m.Buyers, m.RepeatBuyers, m.Rate))], r.CohortBuyers30, r.Returned30, r.Rate30, r.Reason),
            report.Ads is { } ads
                ? new AdsJson(ads.Spend, ads.AttributedSpend, ads.AttributedGmv, ads.Roi, ads.ReturnRate, ads.BreakEvenRoi, [.. ads.Tools.Select(x => new ToolJson(Vocabulary.Name(x.Tool), x.Spend, x.AttributedSpend, x.AttributedGmv, x.Roi))], ads.Reason)
                : null,
            [.. report.Sessions.Select(s => new SessionJson(
                s.SessionId, s.AccountId, JsonText.Time(s.StartedAt), Math.Round(s.Hours, 4), s.Views, s.Viewers, s.PeakOnline, s.AvgWatchSeconds, s.NewFans,
                s.Gmv, s.GmvSource, s.Orders, s.Buyers, s.UvValue, s.Gpm, s.Conversion, s.GmvPerHour))],
            report.Economics is { } economics ? EconomicsJson.From(economics) : null,
            new ThresholdsJson(report.Options.TopKolFollowers, report.Options.TopN, report.Options.GrossMargin),
            report.Definitions,
            report.Warnings,
            LoadReportJson.From(report.Load));
    }

    private static CampaignJson Campaign(CampaignUplift c) =>
        new(c.CampaignId, c.Name, c.StartsOn, c.EndsOn, c.NetGmv, c.BaselineFrom, c.BaselineTo, c.BaselineNetGmv, c.Uplift, c.Reason);
}
