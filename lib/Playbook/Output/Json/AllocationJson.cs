using System.Text.Json;
using Playbook.Analysis;

namespace Playbook.Output;

/// <summary>
/// A budget plan as JSON: the KPI and period, the budget, each driver's current and recommended
/// units a day with ROAS and marginal ROAS and their 90% intervals, the media GMV today and in the
/// plan, the gain's interval, the probability the plan beats today's, the health checks and the warnings.
/// </summary>
public static class AllocationJson
{
    /// <summary>Writes the plan as one JSON object.</summary>
    public static void Write(Utf8JsonWriter json, MediaMixResult result, Allocation plan)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(plan);
        json.WriteStartObject();
        json.WriteString("kpi", MediaData.KpiName);
        json.WriteStartObject("period");
        JsonFields.Date(json, "from", result.Data.Days[0]);
        JsonFields.Date(json, "to", result.Data.Days[^1]);
        json.WriteNumber("days", result.Data.Days.Count);
        json.WriteEndObject();
        JsonFields.Number(json, "budget_per_day", Math.Round(plan.BudgetPerDay, 2));
        json.WriteStartArray("drivers");
        foreach (var d in plan.Drivers)
        {
            json.WriteStartObject();
            json.WriteString("driver", d.Driver);
            json.WriteString("unit", d.Unit);
            JsonFields.Number(json, "cost_per_unit", d.CostPerUnit);
            JsonFields.Number(json, "current", d.Current);
            JsonFields.Number(json, "recommended", d.Recommended);
            JsonFields.Number(json, "roas", d.Roas?.Value);
            JsonFields.Number(json, "roas_low", d.Roas?.Low);
            JsonFields.Number(json, "roas_high", d.Roas?.High);
            JsonFields.Number(json, "mroas", d.MarginalRoas?.Value);
            JsonFields.Number(json, "mroas_low", d.MarginalRoas?.Low);
            JsonFields.Number(json, "mroas_high", d.MarginalRoas?.High);
            JsonFields.Number(json, "mroas_after", d.MarginalRoasAfter?.Value);
            JsonFields.Number(json, "gmv_per_unit", d.GmvPerUnit.Value);
            JsonFields.Number(json, "carryover_half_life_days", d.HalfLifeDays);
            json.WriteStartObject("curve");
            JsonFields.Number(json, "carryover", d.Curve.Theta);
            JsonFields.Number(json, "half_saturation", d.Curve.Kappa);
            JsonFields.Number(json, "shape", d.Curve.Shape);
            JsonFields.Number(json, "ceiling_per_day", d.Curve.Beta);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        JsonFields.Number(json, "media_gmv_current", Math.Round(plan.MediaGmvCurrent, 2));
        JsonFields.Number(json, "media_gmv_recommended", Math.Round(plan.MediaGmvRecommended, 2));
        JsonFields.Number(json, "gain", Math.Round(plan.Gain.Value, 2));
        JsonFields.Number(json, "gain_low", Math.Round(plan.Gain.Low, 2));
        JsonFields.Number(json, "gain_high", Math.Round(plan.Gain.High, 2));
        JsonFields.Number(json, "p_better", plan.ProbabilityBetter);
        JsonFields.Number(json, "holdout_error", result.HoldOutError);
        json.WriteNumber("bootstrap_draws", result.Draws.Count);
        json.WriteStartArray("health");
        foreach (var h in plan.Health)
        {
            json.WriteStartObject();
            json.WriteString("check", h.Check);
            json.WriteBoolean("ok", h.Ok);
            json.WriteString("detail", h.Detail);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        JsonFields.Strings(json, "excluded", result.Data.Excluded);
        json.WriteStartArray("load");
        foreach (var report in result.Data.Load)
        {
            LoadReportJson.Write(json, report);
        }

        json.WriteEndArray();
        JsonFields.Strings(json, "warnings", plan.Warnings);
        json.WriteEndObject();
    }
}
