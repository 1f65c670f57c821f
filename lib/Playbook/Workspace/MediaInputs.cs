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

    /// <summary>Reads the period (the data's first to last day with sales when not given) out of <paramref name="data"/>.</summary>
    /// <exception cref="MissingDataException">The data has no sales in the period.</exception>
    public static MediaData From(BrandData data, DateOnly? from = null, DateOnly? to = null, long topKolFollowers = SellerRoles.DefaultTopKolFollowers)
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
        var kpi = days.Select(d => daily.GetValueOrDefault(d)).ToArray();
        var drivers = new List<MediaDriver>();
        var excluded = new List<string>();

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
            var roles = new SellerRoles(data.Accounts, topKolFollowers);
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
        return new MediaData(days, kpi, drivers, events, excluded) { Load = [.. data.Load] };
    }
}
