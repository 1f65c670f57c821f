using System.Globalization;
using Playbook.Analysis;
using Playbook.Canonical;
using Playbook.Synthesis;

namespace Playbook.Workspace;

/// <summary>
/// A brand's data as a marketing-mix model reads it: daily net GMV of every seller and the shelf,
/// and each driver the data has, a value per day with idle days as 0 — <c>paid_spend</c> (yuan of
/// paid traffic), <c>live_hours</c> (hours of the brand's own rooms, by start date),
/// <c>talent_sessions</c> (sessions started by matrix talents) and <c>head_sessions</c> (by head
/// creators, when there are any) — with the campaigns and the e-commerce calendar for the baseline.
/// </summary>
public static class MediaInputs
{
    /// <summary>
    /// A simulated brand whose marketing-mix truth is known (<see cref="MediaMixSimulator"/>), its tables
    /// written to a folder of the system's temp directory and read back like any brand's.
    /// </summary>
    public static (BrandData Data, MediaMixTruth Truth) Simulated(ulong seed, int days = 365, bool zeroEffect = false)
    {
        var (tables, truth) = MediaMixSimulator.Generate(seed, days, zeroEffect);
        var folder = Path.Combine(Path.GetTempPath(), string.Create(CultureInfo.InvariantCulture, $"playbook-simulated-brand-{seed}-{days}-{(zeroEffect ? "zero" : "all")}-{Environment.ProcessId}"));
        tables.Write(folder);
        return (new BrandData(folder), truth);
    }

    /// <summary>
    /// Reads the period (the data's first to last day with sales when not given) out of <paramref name="data"/>.
    /// With <paramref name="economics"/> (a gross margin at least) the period's pillar economics are worked
    /// out too: the contribution KPI is read from them, and so are the talent and head sessions' costs
    /// per session (<see cref="MediaData.CostsFromData"/>).
    /// </summary>
    /// <param name="data">The brand's tables.</param>
    /// <param name="from">First day; the first day with sales when null.</param>
    /// <param name="to">Last day; the last day with sales when null.</param>
    /// <param name="topKolFollowers">The follower threshold for head creators.</param>
    /// <param name="kpi">What the model plans on.</param>
    /// <param name="economics">Gross margin, platform fee and default commission rates for the economics.</param>
    /// <exception cref="MissingDataException">The data has no sales in the period, or the contribution KPI lacks an input.</exception>
    public static MediaData From(BrandData data, DateOnly? from = null, DateOnly? to = null, long topKolFollowers = SellerRoles.DefaultTopKolFollowers, MediaKpi kpi = MediaKpi.Gmv, AnalysisOptions? economics = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var ledger = data.Ledger(from, to);
        var daily = ledger.ByDay.ToDictionary(d => d.Key, d => (double)d.Value.NetGmv);
        if (daily.Count == 0)
        {
            throw new MissingDataException("the data has no sales in the period: a model needs daily GMV");
        }

        var first = from ?? daily.Keys.Min();
        var last = to ?? daily.Keys.Max();
        var days = Enumerable.Range(0, last.DayNumber - first.DayNumber + 1).Select(first.AddDays).ToList();
        var index = days.Select((d, i) => (d, i)).ToDictionary(x => x.d, x => x.i);
        var values = days.Select(d => daily.GetValueOrDefault(d)).ToArray();
        var drivers = new List<MediaDriver>();
        var excluded = new List<string>();
        var roles = new SellerRoles(data.Accounts, topKolFollowers);

        void Consider(string name, string unit, double[]? values, string missing)
        {
            if (values is null)
            {
                excluded.Add($"{name}: {missing}");
            }
            else if (values.All(v => v == 0))
            {
                excluded.Add($"{name}: none in the period");
            }
            else if (values.Distinct().Count() == 1)
            {
                excluded.Add(string.Create(CultureInfo.InvariantCulture, $"{name}: the same {values[0]:#,0.##} {unit} every day, so its effect cannot be told from the baseline"));
            }
            else
            {
                drivers.Add(new MediaDriver(name, unit, values));
            }
        }

        double[]? Series<T>(IEnumerable<T> rows, Func<T, DateOnly> day, Func<T, double> value)
        {
            var series = new double[days.Count];
            foreach (var row in rows)
            {
                if (index.TryGetValue(day(row), out var i))
                {
                    series[i] += value(row);
                }
            }

            return series;
        }

        Consider("paid_spend", "yuan", data.Has(TableKind.Traffic) ? Series(data.Traffic, t => t.Date, t => (double)t.Spend) : null, "no paid-traffic table");
        if (data.Has(TableKind.Sessions))
        {
            var sessions = data.Sessions;
            Consider("live_hours", "hours", Series(sessions.Where(s => roles[s.AccountId] == SellerRole.Self), s => DateOnly.FromDateTime(s.StartedAt), s => (s.EndedAt - s.StartedAt).TotalHours), "");
            Consider("talent_sessions", "sessions", Series(sessions.Where(s => roles[s.AccountId] == SellerRole.Matrix), s => DateOnly.FromDateTime(s.StartedAt), _ => 1), "");
            var heads = Series(sessions.Where(s => roles[s.AccountId] == SellerRole.TopKol), s => DateOnly.FromDateTime(s.StartedAt), _ => 1);
            if (heads!.Any(v => v > 0))
            {
                Consider("head_sessions", "sessions", heads, "");
            }
        }
        else
        {
            excluded.Add("live_hours, talent_sessions, head_sessions: no sessions table");
        }

        var events = new List<MediaEvent>();
        if (data.Has(TableKind.Campaigns))
        {
            events.AddRange(data.Campaigns.Select(c => new MediaEvent("campaign " + c.Name, [.. days.Select(d => d >= c.StartsOn && d <= c.EndsOn)])).Where(e => e.Active.Any(a => a)));
        }

        events.AddRange(EcommerceCalendar.Events(days));
        PillarEconomics? money = null;
        if (kpi == MediaKpi.Contribution || economics?.GrossMargin is not null)
        {
            // The pillar split does not matter here, only each seller's figures.
            money = data.Analyze(Frameworks.Fact, (economics ?? new AnalysisOptions()) with { From = first, To = last, TopKolFollowers = topKolFollowers }).Economics;
            if (money is not { Available: true } && kpi == MediaKpi.Contribution)
            {
                throw new MissingDataException("the contribution KPI needs the economics, " + (money?.Reason ?? "not available"));
            }
        }

        if (kpi == MediaKpi.Contribution)
        {
            values = ContributionByDay(ledger, money!, days);
        }

        var costs = money is { Available: true } && data.Has(TableKind.Sessions) ? SessionCosts(money, data.Sessions, roles, first, last, kpi) : [];
        return new MediaData(days, values, drivers, events, excluded)
        {
            Load = [.. data.Load],
            KpiKind = kpi,
            KpiLabel = kpi == MediaKpi.Contribution ? MediaData.ContributionKpiName : MediaData.KpiName,
            CostsFromData = costs.ToDictionary(c => c.Driver, StringComparer.Ordinal),
        };
    }

    /// <summary>
    /// Each day's contribution before the drivers' costs: every seller's (and the shelf's) net GMV that day
    /// × its period's (net GMV − COGS − commission − platform fees) / net GMV.
    /// </summary>
    private static double[] ContributionByDay(Ledger.OrderLedger ledger, PillarEconomics economics, List<DateOnly> days)
    {
        static double Rate(decimal net, decimal cogs, decimal commission, decimal? fees) => net > 0 ? (double)((net - cogs - commission - (fees ?? 0)) / net) : 0;
        var rates = economics.Sellers.ToDictionary(s => s.AccountId, s => Rate(s.NetGmv, s.Cogs, s.Commission, s.PlatformFees), StringComparer.Ordinal);
        var shelf = economics.Lines.Single(l => l.Pillar == PillarAnalysis.ShelfCode);
        rates[""] = Rate(shelf.NetGmv, shelf.Cogs, shelf.Commission, shelf.PlatformFees);
        var index = days.Select((d, i) => (d, i)).ToDictionary(x => x.d, x => x.i);
        var series = new double[days.Count];
        // In a fixed order: the fast engine numbers sellers as its workers meet them, and a sum of doubles
        // in another order differs in its last bits, which a fit's search can carry into its figures.
        foreach (var ((day, account), tally) in ledger.ByDayAndAccount.OrderBy(e => e.Key.Day).ThenBy(e => e.Key.Account, StringComparer.Ordinal))
        {
            if (index.TryGetValue(day, out var i))
            {
                series[i] += (double)tally.NetGmv * rates.GetValueOrDefault(account);
            }
        }

        return series;
    }

    /// <summary>
    /// What a talent or head session costs, from the data: the commission (on the GMV KPI; the contribution
    /// KPI has taken it already) and slot fees of the sellers of that role who went live in the period,
    /// divided by their sessions.
    /// </summary>
    private static List<DriverCost> SessionCosts(PillarEconomics economics, IReadOnlyList<LiveSession> sessions, SellerRoles roles, DateOnly first, DateOnly last, MediaKpi kpi)
    {
        var costs = new List<DriverCost>();
        foreach (var (driver, role) in new[] { ("talent_sessions", SellerRole.Matrix), ("head_sessions", SellerRole.TopKol) })
        {
            var live = sessions.Where(s => roles[s.AccountId] == role && DateOnly.FromDateTime(s.StartedAt) is var d && d >= first && d <= last).ToList();
            if (live.Count == 0)
            {
                continue;
            }

            var accounts = live.Select(s => s.AccountId).ToHashSet(StringComparer.Ordinal);
            var sellers = economics.Sellers.Where(s => accounts.Contains(s.AccountId)).ToList();
            var commission = kpi == MediaKpi.Gmv ? sellers.Sum(s => s.Commission) : 0;
            var fees = sellers.Sum(s => s.SlotFees);
            var perUnit = (double)(commission + fees) / live.Count;
            var basis = kpi == MediaKpi.Gmv
                ? string.Create(CultureInfo.InvariantCulture, $"(commission ¥{commission:N2} + slot fees ¥{fees:N2}) of the {accounts.Count} sellers who went live / {live.Count} sessions")
                : string.Create(CultureInfo.InvariantCulture, $"slot fees ¥{fees:N2} of the {accounts.Count} sellers who went live / {live.Count} sessions (commission is in the contribution KPI already)");
            costs.Add(new DriverCost(driver, perUnit, basis));
        }

        return costs;
    }
}
