using System.Globalization;
using Playbook.Analysis;
using Playbook.Canonical;
using Playbook.Files;
using Playbook.Ledger;

namespace Playbook.Workspace;

/// <summary>
/// The named measurements a claim can ask for. Each runs the library's own analysis on a data
/// folder; GMV here is 销售额 as the article reports it: paid amount, refunds not netted.
/// </summary>
public static class ClaimQueries
{
    private sealed record Spec(string[] Required, string[] Optional, Func<IReadOnlyDictionary<string, string>, BrandData, double?> Number, Func<IReadOnlyDictionary<string, string>, BrandData, string>? Text = null);

    private static readonly Dictionary<string, Spec> Specs = new(StringComparer.Ordinal)
    {
        // GMV of every seller and the shelf in the window.
        ["store_gmv"] = new(["from", "to"], [], (p, d) => (double)Ledger(p, d).Total.Gmv),

        // GMV of the sellers with a role (self, top_kol, matrix; or shelf), and its share of all GMV.
        ["role_gmv"] = new(["from", "to", "role"], [], (p, d) => (double)RoleGmv(p, d)),
        ["role_share"] = new(["from", "to", "role"], [], (p, d) => Share(RoleGmv(p, d), Ledger(p, d).Total.Gmv)),

        // The rank (1 = first) of the case's own value among a leaderboard's peers, optionally of one category.
        ["leaderboard_rank"] = new(["board", "measure", "from", "to"], ["category", "role"], (p, d) => Rank(p, d)),

        // The month (yyyy-MM) of an account's first live session.
        ["first_session_month"] = new(["account"], [], (_, _) => null, (p, d) => FirstSession(p, d)),

        // How many seller accounts of the given roles sold in the window.
        ["sellers"] = new(["from", "to", "roles"], [], (p, d) => Sellers(p, d)),

        // How many products were launched in the window.
        ["products_launched"] = new(["from", "to"], [], (p, d) => d.Products.Count(x => x.LaunchedOn >= Date(p, "from") && x.LaunchedOn <= Date(p, "to"))),

        // The share of paid-traffic spend in the window that went to the given tools.
        ["tool_spend_share"] = new(["from", "to", "tools"], [], (p, d) => ToolShare(p, d)),

        // The 30-day repurchase rate after a change divided by the rate before it.
        ["repurchase_30d_lift"] = new(["before_from", "before_to", "after_from", "after_to"], [], (p, d) => Lift(p, d, RepurchaseRate)),

        // The share of good reviews among reviewed orders after a change divided by the share before it.
        ["good_review_lift"] = new(["before_from", "before_to", "after_from", "after_to"], [], (p, d) => Lift(p, d, GoodReviewRate)),

        // One account's GMV divided by another's in the window.
        ["account_gmv_ratio"] = new(["from", "to", "account", "other"], [], (p, d) => AccountRatio(p, d)),

        // The contribution margin (contribution / net GMV, the economics') of the sellers with the given roles in a window.
        ["contribution_margin"] = new(["from", "to", "roles", "gross_margin"], [], (p, d) => Margin(d, p["roles"], Date(p, "from"), Date(p, "to"), p)),

        // The contribution margin of some sellers in one window divided by that of others in another.
        ["contribution_margin_ratio"] = new(["from", "to", "roles", "other_roles", "other_from", "other_to", "gross_margin"], [], (p, d) =>
            Margin(d, p["roles"], Date(p, "from"), Date(p, "to"), p) / Margin(d, p["other_roles"], Date(p, "other_from"), Date(p, "other_to"), p)),
    };

    /// <summary>The query names a claims file may use.</summary>
    public static IReadOnlyCollection<string> Names => Specs.Keys;

    /// <summary>What is wrong with a query (unknown name, missing or unknown parameters); null when nothing is.</summary>
    public static string? Check(ClaimQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!Specs.TryGetValue(query.Name, out var spec))
        {
            return $"unknown query '{query.Name}': expected one of {string.Join(", ", Specs.Keys)}";
        }

        var missing = spec.Required.Where(r => !query.Parameters.ContainsKey(r)).ToList();
        if (missing.Count > 0)
        {
            return $"query {query.Name} needs {string.Join(", ", missing)}";
        }

        var unknown = query.Parameters.Keys.Where(k => !spec.Required.Contains(k) && !spec.Optional.Contains(k)).ToList();
        return unknown.Count > 0 ? $"query {query.Name} does not take {string.Join(", ", unknown)}" : null;
    }

    /// <summary>Runs a query on a data folder: its number (null for a text result) and its text.</summary>
    /// <exception cref="MissingDataException">The folder lacks a table the query needs.</exception>
    public static (double? Number, string Text) Run(ClaimQuery query, BrandData data)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(data);
        var spec = Specs[query.Name];
        if (spec.Text is not null)
        {
            return (null, spec.Text(query.Parameters, data));
        }

        var number = spec.Number(query.Parameters, data) ?? throw new MissingDataException($"{query.Name} has no value on this data");
        return (number, Format(number));
    }

    private static string Format(double value) => Math.Round(value, 6).ToString("0.######", CultureInfo.InvariantCulture);

    private static DateOnly Date(IReadOnlyDictionary<string, string> p, string key) =>
        FieldValues.TryParseDate(p[key], out var date) ? date : throw new InputException($"query parameter {key} '{p[key]}' is not a date (yyyy-MM-dd)");

    private static OrderLedger Ledger(IReadOnlyDictionary<string, string> p, BrandData data, string from = "from", string to = "to") =>
        data.Ledger(Date(p, from), Date(p, to));

    private static decimal RoleGmv(IReadOnlyDictionary<string, string> p, BrandData data)
    {
        var ledger = Ledger(p, data);
        if (p["role"] == PillarAnalysis.ShelfCode)
        {
            return ledger.Shelf.Gmv;
        }

        var role = Vocabulary.TryParse<SellerRole>(p["role"], out var r) ? r : throw new InputException($"query parameter role '{p["role"]}' is not self, top_kol, matrix or shelf");
        var roles = new SellerRoles(data.Accounts);
        return ledger.ByAccount.Where(a => roles[a.Key] == role).Sum(a => a.Value.Gmv);
    }

    private static double Share(decimal part, decimal whole) => whole == 0 ? 0 : (double)(part / whole);

    private static double? Margin(BrandData data, string roles, DateOnly from, DateOnly to, IReadOnlyDictionary<string, string> p)
    {
        var margin = double.TryParse(p["gross_margin"], NumberStyles.Float, CultureInfo.InvariantCulture, out var m) && m is > 0 and <= 1
            ? m
            : throw new InputException($"query parameter gross_margin '{p["gross_margin"]}' is not a share above 0 and at most 1");
        var wanted = roles.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(r => Vocabulary.TryParse<SellerRole>(r, out var role) ? role : throw new InputException($"query parameter roles '{roles}': '{r}' is not self, top_kol or matrix"))
            .ToHashSet();
        var economics = data.Analyze(Frameworks.Fact, new AnalysisOptions { From = from, To = to, GrossMargin = margin }).Economics!;
        if (!economics.Available)
        {
            throw new MissingDataException("the economics: " + economics.Reason);
        }

        var sellerRoles = new SellerRoles(data.Accounts);
        var sellers = economics.Sellers.Where(s => wanted.Contains(sellerRoles[s.AccountId])).ToList();
        var net = sellers.Sum(s => s.NetGmv);
        return net == 0 ? null : (double)(sellers.Sum(s => s.Contribution) / net);
    }

    private static double Rank(IReadOnlyDictionary<string, string> p, BrandData data)
    {
        var own = p["measure"] switch
        {
            "store_gmv" => Ledger(p, data).Total.Gmv,
            "role_gmv" => RoleGmv(p, data),
            var other => throw new InputException($"query parameter measure '{other}' is not store_gmv or role_gmv"),
        };
        var peers = data.Leaderboard.Where(e => e.Board == p["board"] && (!p.TryGetValue("category", out var c) || e.Category == c)).ToList();
        if (peers.Count == 0)
        {
            throw new MissingDataException($"leaderboard.csv has no peers on board '{p["board"]}'");
        }

        return 1 + peers.Count(e => e.Gmv > own);
    }

    private static string FirstSession(IReadOnlyDictionary<string, string> p, BrandData data)
    {
        var first = data.Sessions.Where(s => s.AccountId == p["account"]).Select(s => (DateTime?)s.StartedAt).Min()
            ?? throw new MissingDataException($"sessions.csv has no session of account {p["account"]}");
        return first.ToString("yyyy-MM", CultureInfo.InvariantCulture);
    }

    private static double Sellers(IReadOnlyDictionary<string, string> p, BrandData data)
    {
        var wanted = p["roles"].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(r => Vocabulary.TryParse<SellerRole>(r, out var role) ? role : throw new InputException($"query parameter roles: '{r}' is not self, top_kol or matrix"))
            .ToHashSet();
        var roles = new SellerRoles(data.Accounts);
        return Ledger(p, data).ByAccount.Count(a => a.Value.Gmv > 0 && wanted.Contains(roles[a.Key]));
    }

    private static double? ToolShare(IReadOnlyDictionary<string, string> p, BrandData data)
    {
        var tools = p["tools"].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(t => Vocabulary.TryParse<TrafficTool>(t, out var tool) ? tool : throw new InputException($"query parameter tools: '{t}' is not a traffic tool"))
            .ToHashSet();
        var rows = data.Traffic.Where(t => t.Date >= Date(p, "from") && t.Date <= Date(p, "to")).ToList();
        var spend = rows.Sum(t => t.Spend);
        return spend == 0 ? null : (double)(rows.Where(t => tools.Contains(t.Tool)).Sum(t => t.Spend) / spend);
    }

    private static double? Lift(IReadOnlyDictionary<string, string> p, BrandData data, Func<IReadOnlyDictionary<string, string>, BrandData, string, string, double?> rate)
    {
        var before = rate(p, data, "before_from", "before_to");
        var after = rate(p, data, "after_from", "after_to");
        return before is > 0 && after is not null ? after / before : null;
    }

    private static double? RepurchaseRate(IReadOnlyDictionary<string, string> p, BrandData data, string from, string to)
    {
        return data.Has(TableKind.Orders)
            ? Repurchase.Of(Ledger(p, data, from, to)).Rate30
            : throw new MissingDataException($"repurchase needs order rows with buyer ids: orders.csv in {data.Directory}");
    }

    private static double? GoodReviewRate(IReadOnlyDictionary<string, string> p, BrandData data, string from, string to)
    {
        var orders = data.Orders ?? throw new MissingDataException($"reviews need order rows: orders.csv in {data.Directory}");
        var reviewed = orders.Where(o => o.Review is not null && DateOnly.FromDateTime(o.PaidAt) >= Date(p, from) && DateOnly.FromDateTime(o.PaidAt) <= Date(p, to)).ToList();
        return reviewed.Count == 0 ? null : (double)reviewed.Count(o => o.Review == Review.Positive) / reviewed.Count;
    }

    private static double? AccountRatio(IReadOnlyDictionary<string, string> p, BrandData data)
    {
        var ledger = Ledger(p, data);
        var a = ledger.ByAccount.GetValueOrDefault(p["account"])?.Gmv ?? 0m;
        var b = ledger.ByAccount.GetValueOrDefault(p["other"])?.Gmv ?? 0m;
        return b == 0 ? null : (double)(a / b);
    }
}
