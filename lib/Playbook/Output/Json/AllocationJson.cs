using System.Text.Json.Serialization;
using Playbook.Analysis;

namespace Playbook.Output;

/// <summary>A period of days.</summary>
public sealed record DaysJson(DateOnly From, DateOnly To, int Days);

/// <summary>A driver's fitted response: carryover, half saturation, Hill shape and ceiling a day.</summary>
public sealed record CurveJson(
    [property: JsonConverter(typeof(RatioConverter))] double Carryover,
    [property: JsonConverter(typeof(RatioConverter))] double HalfSaturation,
    [property: JsonConverter(typeof(RatioConverter))] double Shape,
    [property: JsonConverter(typeof(RatioConverter))] double CeilingPerDay);

/// <summary>One driver of the plan: today and the plan a day, ROAS and marginal ROAS with 90% intervals.</summary>
public sealed record DriverJson(
    string Driver,
    string Unit,
    [property: JsonConverter(typeof(RatioConverter))] double? CostPerUnit,
    [property: JsonConverter(typeof(RatioConverter))] double Current,
    [property: JsonConverter(typeof(RatioConverter))] double Recommended,
    [property: JsonConverter(typeof(RatioConverter))] double? Roas,
    [property: JsonConverter(typeof(RatioConverter))] double? RoasLow,
    [property: JsonConverter(typeof(RatioConverter))] double? RoasHigh,
    [property: JsonConverter(typeof(RatioConverter))] double? Mroas,
    [property: JsonConverter(typeof(RatioConverter))] double? MroasLow,
    [property: JsonConverter(typeof(RatioConverter))] double? MroasHigh,
    [property: JsonConverter(typeof(RatioConverter))] double? MroasAfter,
    [property: JsonConverter(typeof(RatioConverter))] double GmvPerUnit,
    [property: JsonConverter(typeof(RatioConverter))] double CarryoverHalfLifeDays,
    CurveJson Curve);

/// <summary>A health check of the fit.</summary>
public sealed record HealthJson(string Check, bool Ok, string Detail);

/// <summary>
/// <c>allocate --format json</c>: the KPI and period, the budget, each driver's current and recommended
/// units a day with ROAS and marginal ROAS and their 90% intervals, the media GMV today and in the plan
/// (yuan, two decimals), the gain's interval, the probability the plan beats today's, the health checks,
/// the drivers left out, what became of the files read, and the warnings.
/// </summary>
public sealed record AllocationJson(
    string Kpi,
    DaysJson Period,
    [property: JsonConverter(typeof(RatioConverter))] double BudgetPerDay,
    IReadOnlyList<DriverJson> Drivers,
    [property: JsonConverter(typeof(RatioConverter))] double MediaGmvCurrent,
    [property: JsonConverter(typeof(RatioConverter))] double MediaGmvRecommended,
    [property: JsonConverter(typeof(RatioConverter))] double Gain,
    [property: JsonConverter(typeof(RatioConverter))] double GainLow,
    [property: JsonConverter(typeof(RatioConverter))] double GainHigh,
    [property: JsonConverter(typeof(RatioConverter))] double PBetter,
    [property: JsonConverter(typeof(RatioConverter))] double? HoldoutError,
    int BootstrapDraws,
    IReadOnlyList<HealthJson> Health,
    IReadOnlyList<string> Excluded,
    IReadOnlyList<LoadReportJson> Load,
    IReadOnlyList<string> Warnings)
{
    /// <summary>The document of a fit and its plan.</summary>
    public static AllocationJson From(MediaMixResult result, Allocation plan)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(plan);
        var days = result.Data.Days;
        return new(
            result.Data.KpiLabel,
            new DaysJson(days[0], days[^1], days.Count),
            Math.Round(plan.BudgetPerDay, 2),
            [.. plan.Drivers.Select(d => new DriverJson(
                d.Driver, d.Unit, d.CostPerUnit, d.Current, d.Recommended,
                d.Roas?.Value, d.Roas?.Low, d.Roas?.High,
                d.MarginalRoas?.Value, d.MarginalRoas?.Low, d.MarginalRoas?.High, d.MarginalRoasAfter?.Value,
                d.GmvPerUnit.Value, d.HalfLifeDays,
                new CurveJson(d.Curve.Theta, d.Curve.Kappa, d.Curve.Shape, d.Curve.Beta)))],
            Math.Round(plan.MediaGmvCurrent, 2),
            Math.Round(plan.MediaGmvRecommended, 2),
            Math.Round(plan.Gain.Value, 2),
            Math.Round(plan.Gain.Low, 2),
            Math.Round(plan.Gain.High, 2),
            plan.ProbabilityBetter,
            result.HoldOutError,
            result.Draws.Count,
            [.. plan.Health.Select(h => new HealthJson(h.Check, h.Ok, h.Detail))],
            result.Data.Excluded,
            LoadReportJson.From(result.Data.Load),
            plan.Warnings);
    }
}
