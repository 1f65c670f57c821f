using System.Globalization;
using System.Text.Json;
using Playbook.Analysis;
using Playbook.Canonical;

namespace Playbook.Output;

/// <summary>The machine-readable form of a <see cref="PillarReport"/>, as <c>analyze --format json</c> prints it.</summary>
public static class PillarReportJson
{
    /// <summary>Writes the report as one JSON object. Money has two decimals; shares are fractions (0..1).</summary>
    public static void Write(Utf8JsonWriter writer, PillarReport report)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(report);
        writer.WriteStartObject();
        writer.WriteString("framework", report.Framework.Code);
        writer.WriteString("platform", Vocabulary.Name(report.Framework.Platform));
        writer.WriteString("currency", "CNY");
        writer.WriteStartObject("period");
        JsonFields.Date(writer, "from", report.From);
        JsonFields.Date(writer, "to", report.To);
        writer.WriteEndObject();

        var t = report.Totals;
        writer.WriteStartObject("totals");
        JsonFields.Money(writer, "gmv", t.Gmv);
        JsonFields.Money(writer, "refund", t.Refund);
        JsonFields.Money(writer, "net_gmv", t.NetGmv);
        writer.WriteNumber("orders", t.Orders);
        JsonFields.Count(writer, "buyers", t.Buyers);
        writer.WriteNumber("units", t.Units);
        JsonFields.Money(writer, "aov", t.Aov);
        JsonFields.Money(writer, "unit_price", t.UnitPrice);
        JsonFields.Number(writer, "refund_rate_by_order", t.RefundRateByOrder);
        JsonFields.Number(writer, "refund_rate_by_amount", t.RefundRateByAmount);
        writer.WriteEndObject();

        writer.WriteStartArray("partition");
        foreach (var line in report.Partition)
        {
            writer.WriteStartObject();
            writer.WriteString("pillar", line.Pillar);
            writer.WriteString("name", line.Name);
            writer.WriteString("name_zh", line.NameZh);
            JsonFields.Money(writer, "gmv", line.Gmv);
            JsonFields.Money(writer, "refund", line.Refund);
            JsonFields.Money(writer, "net_gmv", line.NetGmv);
            writer.WriteNumber("orders", line.Orders);
            JsonFields.Number(writer, "share", line.Share);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartArray("overlays");
        foreach (var overlay in report.Overlays)
        {
            writer.WriteStartObject();
            writer.WriteString("pillar", overlay.Pillar);
            writer.WriteString("name", overlay.Name);
            writer.WriteString("name_zh", overlay.NameZh);
            writer.WriteBoolean("available", overlay.Available);
            JsonFields.Money(writer, "net_gmv", overlay.NetGmv);
            JsonFields.Number(writer, "share", overlay.Share);
            if (overlay.Campaigns is not null)
            {
                writer.WriteStartArray("campaigns");
                foreach (var c in overlay.Campaigns)
                {
                    WriteCampaign(writer, c);
                }

                writer.WriteEndArray();
            }

            if (overlay.Reason is not null)
            {
                writer.WriteString("reason", overlay.Reason);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        WriteConcentration(writer, report);
        WriteRepurchase(writer, report.Repurchase);
        WriteAds(writer, report.Ads);
        WriteSessions(writer, report.Sessions);

        writer.WriteStartObject("thresholds");
        writer.WriteNumber("top_kol_followers", report.Options.TopKolFollowers);
        writer.WriteNumber("top_n", report.Options.TopN);
        JsonFields.Number(writer, "gross_margin", report.Options.GrossMargin);
        writer.WriteEndObject();

        writer.WriteStartObject("definitions");
        foreach (var (name, definition) in report.Definitions)
        {
            writer.WriteString(name, definition);
        }

        writer.WriteEndObject();

        JsonFields.Strings(writer, "warnings", report.Warnings);

        writer.WriteStartArray("load");
        foreach (var load in report.Load)
        {
            LoadReportJson.Write(writer, load);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteCampaign(Utf8JsonWriter writer, CampaignUplift c)
    {
        writer.WriteStartObject();
        writer.WriteString("campaign_id", c.CampaignId);
        writer.WriteString("name", c.Name);
        JsonFields.Date(writer, "starts_on", c.StartsOn);
        JsonFields.Date(writer, "ends_on", c.EndsOn);
        JsonFields.Money(writer, "net_gmv", c.NetGmv);
        JsonFields.Date(writer, "baseline_from", c.BaselineFrom);
        JsonFields.Date(writer, "baseline_to", c.BaselineTo);
        JsonFields.Money(writer, "baseline_net_gmv", c.BaselineNetGmv);
        JsonFields.Number(writer, "uplift", c.Uplift);
        if (c.Reason is not null)
        {
            writer.WriteString("reason", c.Reason);
        }

        writer.WriteEndObject();
    }

    private static void WriteConcentration(Utf8JsonWriter writer, PillarReport report)
    {
        var c = report.Concentration;
        writer.WriteStartObject("concentration");
        writer.WriteNumber("sellers", c.Sellers);
        writer.WriteNumber("top_n", c.TopN);
        JsonFields.Number(writer, "top_n_share", c.TopNShare);
        writer.WriteNumber("hhi", Math.Round(c.Hhi, 2));
        JsonFields.Number(writer, "gini", c.Gini);
        writer.WriteStartArray("top_sellers");
        foreach (var s in c.TopSellers)
        {
            writer.WriteStartObject();
            writer.WriteString("account_id", s.AccountId);
            writer.WriteString("nickname", report.Nicknames.GetValueOrDefault(s.AccountId));
            writer.WriteString("role", report.Roles.TryGetValue(s.AccountId, out var role) ? Vocabulary.Name(role) : null);
            JsonFields.Money(writer, "net_gmv", s.NetGmv);
            JsonFields.Number(writer, "share", s.Share);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("lorenz");
        foreach (var p in c.Lorenz)
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(Math.Round(p.SellerShare, 6));
            writer.WriteNumberValue(Math.Round(p.GmvShare, 6));
            writer.WriteEndArray();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteRepurchase(Utf8JsonWriter writer, Repurchase r)
    {
        writer.WriteStartObject("repurchase");
        writer.WriteBoolean("available", r.Available);
        writer.WriteNumber("buyers", r.Buyers);
        writer.WriteNumber("repeat_buyers", r.RepeatBuyers);
        JsonFields.Number(writer, "rate", r.Rate);
        writer.WriteStartArray("monthly");
        foreach (var m in r.Monthly)
        {
            writer.WriteStartObject();
            writer.WriteString("month", m.Month);
            writer.WriteNumber("buyers", m.Buyers);
            writer.WriteNumber("repeat_buyers", m.RepeatBuyers);
            JsonFields.Number(writer, "rate", m.Rate);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteNumber("cohort_buyers_30d", r.CohortBuyers30);
        writer.WriteNumber("returned_30d", r.Returned30);
        JsonFields.Number(writer, "rate_30d", r.Rate30);
        if (r.Reason is not null)
        {
            writer.WriteString("reason", r.Reason);
        }

        writer.WriteEndObject();
    }

    private static void WriteAds(Utf8JsonWriter writer, AdReturn? ads)
    {
        if (ads is null)
        {
            writer.WriteNull("ads");
            return;
        }

        writer.WriteStartObject("ads");
        JsonFields.Money(writer, "spend", ads.Spend);
        JsonFields.Money(writer, "attributed_spend", ads.AttributedSpend);
        JsonFields.Money(writer, "attributed_gmv", ads.AttributedGmv);
        JsonFields.Number(writer, "roi", ads.Roi);
        JsonFields.Number(writer, "return_rate", ads.ReturnRate);
        JsonFields.Number(writer, "break_even_roi", ads.BreakEvenRoi);
        writer.WriteStartArray("tools");
        foreach (var tool in ads.Tools)
        {
            writer.WriteStartObject();
            writer.WriteString("tool", Vocabulary.Name(tool.Tool));
            JsonFields.Money(writer, "spend", tool.Spend);
            JsonFields.Money(writer, "attributed_spend", tool.AttributedSpend);
            JsonFields.Money(writer, "attributed_gmv", tool.AttributedGmv);
            JsonFields.Number(writer, "roi", tool.Roi);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (ads.Reason is not null)
        {
            writer.WriteString("reason", ads.Reason);
        }

        writer.WriteEndObject();
    }

    private static void WriteSessions(Utf8JsonWriter writer, IReadOnlyList<SessionPerformance> sessions)
    {
        writer.WriteStartArray("sessions");
        foreach (var s in sessions)
        {
            writer.WriteStartObject();
            writer.WriteString("session_id", s.SessionId);
            writer.WriteString("account_id", s.AccountId);
            writer.WriteString("started_at", s.StartedAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
            writer.WriteNumber("hours", Math.Round(s.Hours, 4));
            JsonFields.Count(writer, "views", s.Views);
            JsonFields.Count(writer, "viewers", s.Viewers);
            JsonFields.Count(writer, "peak_online", s.PeakOnline);
            if (s.AvgWatchSeconds is { } watch)
            {
                writer.WriteNumber("avg_watch_seconds", watch);
            }
            else
            {
                writer.WriteNull("avg_watch_seconds");
            }

            JsonFields.Count(writer, "new_fans", s.NewFans);
            JsonFields.Money(writer, "gmv", s.Gmv);
            JsonFields.Text(writer, "gmv_source", s.GmvSource);
            JsonFields.Count(writer, "orders", s.Orders);
            JsonFields.Count(writer, "buyers", s.Buyers);
            JsonFields.Money(writer, "uv_value", s.UvValue);
            JsonFields.Money(writer, "gpm", s.Gpm);
            JsonFields.Number(writer, "conversion", s.Conversion);
            JsonFields.Money(writer, "gmv_per_hour", s.GmvPerHour);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
