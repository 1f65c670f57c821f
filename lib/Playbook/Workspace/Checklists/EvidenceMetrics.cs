using System.Globalization;
using Playbook.Analysis;
using Playbook.Canonical;
using Playbook.Files;
using Playbook.Ledger;

namespace Playbook.Workspace;

/// <summary>The data and settings an evidence rule is measured on.</summary>
public sealed class EvidenceContext
{
    private SellerRoles? roles;
    private PillarEconomics? economics;

    /// <summary>Creates a context on a data folder (null: no data, every rule is unknown).</summary>
    public EvidenceContext(BrandData? data, IReadOnlyDictionary<string, double>? settings = null)
    {
        Data = data;
        Settings = settings ?? new Dictionary<string, double>();
    }

    /// <summary>The data folder, if any.</summary>
    public BrandData? Data { get; }

    /// <summary>Numbers the data cannot give, from the answers file (gross_margin …).</summary>
    public IReadOnlyDictionary<string, double> Settings { get; }

    internal BrandData Need => Data ?? throw new MissingDataException("no data given (--case or --data)");

    /// <summary>All orders or daily sales of the data.</summary>
    internal OrderLedger Ledger => Need.Ledger();

    /// <summary>The ledger of a period, of order rows only (buyers need them).</summary>
    internal OrderLedger LedgerOfOrders(DateOnly? from = null, DateOnly? to = null) =>
        Need.Has(TableKind.Orders) ? Need.Ledger(from, to) : throw NoOrders();

    internal SellerRoles Roles => roles ??= new SellerRoles(Need.Accounts);

    internal IReadOnlyList<Order> Orders => Need.Orders ?? throw NoOrders();

    /// <summary>The economics of the whole data, with the gross_margin setting (and commission_rate, when set).</summary>
    internal PillarEconomics Economics
    {
        get
        {
            if (economics is null)
            {
                if (!Settings.TryGetValue("gross_margin", out var margin))
                {
                    throw new MissingDataException("needs the gross_margin setting in the answers file");
                }

                var options = new AnalysisOptions { GrossMargin = margin, CommissionRate = Settings.TryGetValue("commission_rate", out var rate) ? rate : null };
                economics = Need.Analyze(Frameworks.Fact, options).Economics!;
            }

            return economics.Available ? economics : throw new MissingDataException("the economics are " + economics.Reason);
        }
    }

    private static MissingDataException NoOrders() => new("needs order rows (orders.csv); daily sales do not have buyers, products or reviews");
}

/// <summary>
/// The library metrics an evidence rule can name. Each says what data it needs; with the data
/// missing it throws <see cref="MissingDataException"/>, and the rule is <c>unknown</c>, not failed.
/// </summary>
public static class EvidenceMetrics
{
    private sealed record Metric(string Needs, string[] Parameters, Func<EvidenceContext, IReadOnlyDictionary<string, string>, double?> Measure);

    private static readonly Dictionary<string, Metric> Metrics = new(StringComparer.Ordinal)
    {
        ["role_share"] = new("orders or sales, accounts", ["role"], RoleShare),
        ["live_days_per_week"] = new("sessions, accounts", ["role"], LiveDaysPerWeek),
        ["session_hours_per_live_day"] = new("sessions, accounts", ["role"], HoursPerLiveDay),
        ["avg_watch_seconds"] = new("sessions, accounts", ["role"], WatchSeconds),
        ["entry_rate"] = new("sessions with exposures and entries", [], EntryRate),
        ["uv_value"] = new("sessions, orders or sales, accounts", ["role"], UvValue),
        ["roi"] = new("traffic with attributed GMV", [], (c, _) => AdReturn.Of(c.Need.Traffic, null, null).Roi),
        ["roi_over_break_even"] = new("traffic with attributed GMV, orders or sales, the gross_margin setting", [], RoiOverBreakEven),
        ["paid_share_of_self"] = new("orders or sales with traffic_type, accounts", [], PaidShareOfSelf),
        ["refund_rate"] = new("orders or sales", [], (c, _) => SalesSummary.Of(c.Ledger).RefundRateByAmount),
        ["max_talent_share"] = new("orders or sales, accounts", [], MaxTalentShare),
        ["active_matrix_talents"] = new("orders or sales, accounts", [], (c, _) => c.Ledger.ByAccount.Count(a => a.Value.Gmv > 0 && c.Roles[a.Key] == SellerRole.Matrix)),
        ["best_campaign_uplift"] = new("campaigns, orders or sales", [], BestUplift),
        ["repurchase_rate"] = new("orders with buyer ids", [], (c, _) => Repurchase.Of(c.LedgerOfOrders()).Rate),
        ["repurchase_30d_trend"] = new("orders with buyer ids, 180 days or more", [], RepurchaseTrend),
        ["good_review_rate"] = new("orders with reviews", [], GoodReviewRate),
        ["fan_order_share"] = new("orders with buyer_is_fan", [], FanShare),
        ["exclusive_share"] = new("orders, products", [], ExclusiveShare),
        ["launches_per_quarter"] = new("products with launch dates", [], LaunchesPerQuarter),
        ["contribution_margin"] = new("orders or sales, accounts, commission (or commission_rate), the gross_margin setting", ["role"], ContributionMargin),
        ["talents_above_break_even"] = new("orders or sales, accounts, commission (or commission_rate), the gross_margin setting", [], (c, _) => c.Economics.Sellers.Count(s => c.Roles[s.AccountId] != SellerRole.Self && s.CommissionRate > s.BreakEvenCommissionRate)),
    };

    /// <summary>The metric names an evidence rule may use.</summary>
    public static IReadOnlyCollection<string> Names => Metrics.Keys;

    /// <summary>What the metric needs, in words.</summary>
    public static string Needs(string metric) => Metrics[metric].Needs;

    /// <summary>What is wrong with a rule's metric and parameters; null when nothing is.</summary>
    public static string? Check(string metric, IReadOnlyDictionary<string, string> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (!Metrics.TryGetValue(metric, out var m))
        {
            return $"unknown metric '{metric}': expected one of {string.Join(", ", Metrics.Keys)}";
        }

        var missing = m.Parameters.Where(p => !parameters.ContainsKey(p)).ToList();
        if (missing.Count > 0)
        {
            return $"metric {metric} needs {string.Join(", ", missing)}";
        }

        var unknown = parameters.Keys.Where(p => !m.Parameters.Contains(p)).ToList();
        return unknown.Count > 0 ? $"metric {metric} does not take {string.Join(", ", unknown)}" : null;
    }

    /// <summary>Measures <paramref name="metric"/>; null when the data has no value for it (nothing to divide by).</summary>
    /// <exception cref="MissingDataException">The data it needs is missing.</exception>
    public static double? Measure(string metric, IReadOnlyDictionary<string, string> parameters, EvidenceContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Metrics[metric].Measure(context, parameters);
    }

    private static bool IsRole(EvidenceContext c, string account, string role) =>
        role switch
        {
            "talent" => c.Roles[account] is SellerRole.Matrix or SellerRole.TopKol,
            _ => Vocabulary.TryParse<SellerRole>(role, out var r) ? c.Roles[account] == r : throw new InputException($"role '{role}' is not self, top_kol, matrix, talent or shelf"),
        };

    private static double? RoleShare(EvidenceContext c, IReadOnlyDictionary<string, string> p)
    {
        var ledger = c.Ledger;
        var total = ledger.Total.NetGmv;
        if (total == 0)
        {
            return null;
        }

        var part = p["role"] == PillarAnalysis.ShelfCode ? ledger.Shelf.NetGmv : ledger.ByAccount.Where(a => IsRole(c, a.Key, p["role"])).Sum(a => a.Value.NetGmv);
        return (double)(part / total);
    }

    private static List<LiveSession> SessionsOf(EvidenceContext c, string role)
    {
        var sessions = c.Need.Sessions.Where(s => IsRole(c, s.AccountId, role)).ToList();
        return sessions.Count > 0 ? sessions : throw new MissingDataException($"sessions.csv has no session of a {role} account");
    }

    private static double? LiveDaysPerWeek(EvidenceContext c, IReadOnlyDictionary<string, string> p)
    {
        var days = SessionsOf(c, p["role"]).Select(s => DateOnly.FromDateTime(s.StartedAt)).Distinct().ToList();
        var span = days.Max().DayNumber - days.Min().DayNumber + 1;
        return days.Count / (span / 7.0);
    }

    private static double? HoursPerLiveDay(EvidenceContext c, IReadOnlyDictionary<string, string> p)
    {
        var sessions = SessionsOf(c, p["role"]);
        return sessions.Sum(s => (s.EndedAt - s.StartedAt).TotalHours) / sessions.Select(s => DateOnly.FromDateTime(s.StartedAt)).Distinct().Count();
    }

    private static double? WatchSeconds(EvidenceContext c, IReadOnlyDictionary<string, string> p)
    {
        var sessions = SessionsOf(c, p["role"]);
        var known = sessions.Where(s => s.Viewers is not null && s.AvgWatchSeconds is not null).ToList();
        var viewers = known.Sum(s => s.Viewers!.Value);
        return viewers == 0 ? null : (double)known.Sum(s => s.AvgWatchSeconds!.Value * s.Viewers!.Value) / viewers;
    }

    private static double? EntryRate(EvidenceContext c, IReadOnlyDictionary<string, string> p)
    {
        var known = c.Need.Sessions.Where(s => s.Exposures > 0 && s.Entries is not null).ToList();
        return known.Count == 0 ? throw new MissingDataException("sessions.csv has no exposures and entries") : (double)known.Sum(s => s.Entries!.Value) / known.Sum(s => s.Exposures!.Value);
    }

    private static double? UvValue(EvidenceContext c, IReadOnlyDictionary<string, string> p)
    {
        // Live GMV of the role's accounts on their session days, over those sessions' viewers.
        var sessions = SessionsOf(c, p["role"]);
        var keys = sessions.Select(s => (DateOnly.FromDateTime(s.StartedAt), s.AccountId)).ToHashSet();
        var (orders, sales) = c.Need.SalesData();
        var gmv = orders.Where(o => o.Channel == Channel.Live && o.AccountId is not null && keys.Contains((DateOnly.FromDateTime(o.PaidAt), o.AccountId))).Sum(o => o.Gmv)
            + sales.Where(s => s.Channel == Channel.Live && s.AccountId is not null && keys.Contains((s.Date, s.AccountId))).Sum(s => s.Gmv);
        var viewers = sessions.Sum(s => s.Viewers ?? 0);
        return viewers == 0 ? null : (double)gmv / viewers;
    }

    private static double? RoiOverBreakEven(EvidenceContext c, IReadOnlyDictionary<string, string> p)
    {
        if (!c.Settings.TryGetValue("gross_margin", out var margin))
        {
            throw new MissingDataException("needs the gross_margin setting in the answers file");
        }

        var ads = AdReturn.Of(c.Need.Traffic, null, null, margin, SalesSummary.Of(c.Ledger).RefundRateByAmount);
        return ads.Roi is { } roi && ads.BreakEvenRoi is { } breakEven ? roi / breakEven : null;
    }

    private static double? ContributionMargin(EvidenceContext c, IReadOnlyDictionary<string, string> p)
    {
        var sellers = c.Economics.Sellers.Where(s => IsRole(c, s.AccountId, p["role"])).ToList();
        var net = sellers.Sum(s => s.NetGmv);
        return net == 0 ? null : (double)(sellers.Sum(s => s.Contribution) / net);
    }

    private static double? PaidShareOfSelf(EvidenceContext c, IReadOnlyDictionary<string, string> p)
    {
        var (orders, sales) = c.Need.SalesData();
        var self = orders.Where(o => o.AccountId is not null && c.Roles[o.AccountId] == SellerRole.Self).Select(o => (o.TrafficType, Net: o.Gmv - o.Refund))
            .Concat(sales.Where(s => s.AccountId is not null && c.Roles[s.AccountId] == SellerRole.Self).Select(s => (s.TrafficType, Net: s.Gmv - s.Refund)))
            .Where(x => x.TrafficType is not null)
            .ToList();
        var total = self.Sum(x => x.Net);
        return total == 0 ? throw new MissingDataException("no self-account sales with a traffic_type") : (double)(self.Where(x => x.TrafficType == TrafficType.Paid).Sum(x => x.Net) / total);
    }

    private static double? MaxTalentShare(EvidenceContext c, IReadOnlyDictionary<string, string> p)
    {
        var talents = c.Ledger.ByAccount.Where(a => IsRole(c, a.Key, "talent")).Select(a => a.Value.NetGmv).ToList();
        var total = talents.Sum();
        return total == 0 ? null : (double)(talents.Max() / total);
    }

    private static double? BestUplift(EvidenceContext c, IReadOnlyDictionary<string, string> p)
    {
        var uplifts = CampaignUplift.Of(c.Ledger, c.Need.Campaigns).Where(u => u.Uplift is not null).Select(u => u.Uplift!.Value).ToList();
        return uplifts.Count == 0 ? throw new MissingDataException("no campaign has a measurable uplift (a baseline inside the data)") : uplifts.Max();
    }

    private static double? RepurchaseTrend(EvidenceContext c, IReadOnlyDictionary<string, string> p)
    {
        var all = c.LedgerOfOrders();
        if (all.From is not { } first || all.To is not { } last || last.DayNumber - first.DayNumber < 179)
        {
            throw new MissingDataException("needs at least 180 days of orders to compare two quarters");
        }

        var recent = Repurchase.Of(c.LedgerOfOrders(last.AddDays(-89), last)).Rate30;
        var earlier = Repurchase.Of(c.LedgerOfOrders(last.AddDays(-179), last.AddDays(-90))).Rate30;
        return earlier is > 0 && recent is not null ? recent / earlier : null;
    }

    private static double? GoodReviewRate(EvidenceContext c, IReadOnlyDictionary<string, string> p)
    {
        var reviewed = c.Orders.Where(o => o.Review is not null).ToList();
        return reviewed.Count == 0 ? throw new MissingDataException("orders.csv has no reviews") : (double)reviewed.Count(o => o.Review == Review.Positive) / reviewed.Count;
    }

    private static double? FanShare(EvidenceContext c, IReadOnlyDictionary<string, string> p)
    {
        var known = c.Orders.Where(o => o.BuyerIsFan is not null).ToList();
        return known.Count == 0 ? throw new MissingDataException("orders.csv has no buyer_is_fan") : (double)known.Count(o => o.BuyerIsFan == true) / known.Count;
    }

    private static double? ExclusiveShare(EvidenceContext c, IReadOnlyDictionary<string, string> p)
    {
        var exclusive = c.Need.Products.Where(x => x.ChannelExclusive == true).Select(x => x.ProductId).ToHashSet(StringComparer.Ordinal);
        var total = c.Orders.Sum(o => o.Gmv - o.Refund);
        return total == 0 ? null : (double)(c.Orders.Where(o => exclusive.Contains(o.ProductId)).Sum(o => o.Gmv - o.Refund) / total);
    }

    private static double? LaunchesPerQuarter(EvidenceContext c, IReadOnlyDictionary<string, string> p)
    {
        var launched = c.Need.Products.Where(x => x.LaunchedOn is not null).Select(x => x.LaunchedOn!.Value).ToList();
        if (launched.Count == 0)
        {
            throw new MissingDataException("products.csv has no launch dates");
        }

        // The last year of the data: to the last order when there are orders, else to the last launch.
        var end = c.Need.Has(TableKind.Orders) && c.Need.Ledger().To is { } last ? last : launched.Max();
        return launched.Count(d => d > end.AddYears(-1) && d <= end) / 4.0;
    }

    /// <summary>A measured value as text: shares and ratios with up to four decimals.</summary>
    public static string Format(double value) => Math.Round(value, 4).ToString("0.####", CultureInfo.InvariantCulture);
}
