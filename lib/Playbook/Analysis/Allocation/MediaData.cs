namespace Playbook.Analysis;

/// <summary>
/// An effort the brand controls, day by day, in its own unit: 投流 spend in yuan, hours of its own
/// live rooms (自播), sessions by matrix talents (达人矩阵) or by head creators (头部大V).
/// </summary>
/// <param name="Name">paid_spend, live_hours, talent_sessions or head_sessions.</param>
/// <param name="Unit">yuan, hours or sessions.</param>
/// <param name="Daily">The effort on each day of the period (idle days 0).</param>
public sealed record MediaDriver(string Name, string Unit, double[] Daily)
{
    /// <summary>The mean effort per day over the period, idle days counted: today's level.</summary>
    public double Current => Daily.Length == 0 ? 0 : Daily.Average();

    /// <summary>The range its busy days (effort above 0) ran in, 10th to 90th percentile; null when it never ran.</summary>
    public (double Low, double High)? BusyRange
    {
        get
        {
            var busy = Daily.Where(v => v > 0).Order().ToArray();
            return busy.Length == 0 ? null : (MediaMixHealth.Quantile(busy, 0.1), MediaMixHealth.Quantile(busy, 0.9));
        }
    }

    /// <summary>How many days it ran (effort above 0).</summary>
    public int BusyDays => Daily.Count(v => v > 0);
}

/// <summary>What a marketing-mix model plans on.</summary>
public enum MediaKpi
{
    /// <summary>Daily net GMV of every seller and the shelf.</summary>
    Gmv,

    /// <summary>
    /// Daily contribution before the drivers' own costs: each seller's net GMV less its COGS, commission
    /// and platform fees (its period's rates from the economics), so a driver's ROAS above 1 pays for itself.
    /// </summary>
    Contribution,
}

/// <summary>A driver's cost per unit read from the data rather than given.</summary>
/// <param name="Driver">talent_sessions or head_sessions.</param>
/// <param name="PerUnit">Yuan per unit.</param>
/// <param name="Basis">How it was worked out, in words.</param>
public sealed record DriverCost(string Driver, double PerUnit, string Basis);

/// <summary>A window of days on which sales are expected to differ (a campaign, 618, 双11 …).</summary>
/// <param name="Name">The event's name.</param>
/// <param name="Active">One flag per day of the period.</param>
public sealed record MediaEvent(string Name, bool[] Active);

/// <summary>
/// What a marketing-mix model reads: the brand's daily net GMV (the KPI, every seller and the shelf),
/// the drivers it controls, and the event windows its baseline accounts for. Drivers the data lacks
/// or that never vary are listed in <see cref="Excluded"/> with the reason.
/// </summary>
/// <param name="Days">Every day of the period, in order.</param>
/// <param name="Kpi">The KPI a day, CNY: net GMV, or contribution before the drivers' costs (<see cref="KpiLabel"/>).</param>
/// <param name="Drivers">The drivers, each a value per day.</param>
/// <param name="Events">Event windows for the baseline.</param>
/// <param name="Excluded">Drivers left out, with why.</param>
public sealed record MediaData(
    IReadOnlyList<DateOnly> Days,
    double[] Kpi,
    IReadOnlyList<MediaDriver> Drivers,
    IReadOnlyList<MediaEvent> Events,
    IReadOnlyList<string> Excluded)
{
    /// <summary>The GMV KPI's name in reports.</summary>
    public const string KpiName = "daily net GMV (CNY)";

    /// <summary>The contribution KPI's name in reports.</summary>
    public const string ContributionKpiName = "daily contribution before the drivers' costs (CNY): net GMV - COGS - commission - platform fees";

    /// <summary>What <see cref="Kpi"/> is, in reports.</summary>
    public string KpiLabel { get; init; } = KpiName;

    /// <summary>Which KPI <see cref="Kpi"/> holds.</summary>
    public MediaKpi KpiKind { get; init; } = MediaKpi.Gmv;

    /// <summary>
    /// Drivers' costs per unit the data gives (a talent session's commission and slot fees), for
    /// <c>--cost DRIVER=data</c>; empty when the economics were not worked out.
    /// </summary>
    public IReadOnlyDictionary<string, DriverCost> CostsFromData { get; init; } = new Dictionary<string, DriverCost>();

    /// <summary>
    /// What became of the rows of the files the series were read from (empty for series made in
    /// memory): a plan made on data that lost rows says so.
    /// </summary>
    public IReadOnlyList<Ingest.LoadReport> Load { get; init; } = [];

    /// <summary>
    /// The naive reading of a driver: the slope of daily GMV on its daily effort alone (least
    /// squares), in GMV per unit, with no baseline, carryover or saturation. Busy days get more
    /// effort because they are busy, so it credits the driver with what the season did.
    /// </summary>
    public double NaiveSlope(string driver)
    {
        var x = Drivers.Single(d => d.Name == driver).Daily;
        var mx = x.Average();
        var my = Kpi.Average();
        var sxy = 0.0;
        var sxx = 0.0;
        for (var t = 0; t < x.Length; t++)
        {
            sxy += (x[t] - mx) * (Kpi[t] - my);
            sxx += (x[t] - mx) * (x[t] - mx);
        }

        return sxx == 0 ? 0 : sxy / sxx;
    }

    /// <summary>Checks that every series has one value per day.</summary>
    /// <exception cref="ArgumentException">A series has the wrong length.</exception>
    public void Validate()
    {
        if (Kpi.Length != Days.Count || Drivers.Any(d => d.Daily.Length != Days.Count) || Events.Any(e => e.Active.Length != Days.Count))
        {
            throw new ArgumentException("every series needs one value per day of the period");
        }
    }
}

/// <summary>
/// The Chinese e-commerce calendar the baseline knows: 年货节 (the New Year goods festival before
/// the Spring Festival), 38 (女王节), 520, 618, 99, 双11 and 双12, each as the window platforms and
/// brands usually run it.
/// </summary>
public static class EcommerceCalendar
{
    // 春节 (the first day of the lunar year): 年货节 runs about four weeks before it, until couriers stop.
    private static readonly Dictionary<int, DateOnly> SpringFestival = new()
    {
        [2018] = new(2018, 2, 16),
        [2019] = new(2019, 2, 5),
        [2020] = new(2020, 1, 25),
        [2021] = new(2021, 2, 12),
        [2022] = new(2022, 2, 1),
        [2023] = new(2023, 1, 22),
        [2024] = new(2024, 2, 10),
        [2025] = new(2025, 1, 29),
        [2026] = new(2026, 2, 17),
        [2027] = new(2027, 2, 6),
        [2028] = new(2028, 1, 26),
    };

    /// <summary>The windows (name, first day, last day) of every calendar event in a year.</summary>
    public static IEnumerable<(string Name, DateOnly From, DateOnly To)> Windows(int year)
    {
        if (SpringFestival.TryGetValue(year, out var festival))
        {
            yield return ("年货节", festival.AddDays(-28), festival.AddDays(-8));
        }

        yield return ("38", new DateOnly(year, 3, 1), new DateOnly(year, 3, 8));
        yield return ("520", new DateOnly(year, 5, 15), new DateOnly(year, 5, 20));
        yield return ("618", new DateOnly(year, 6, 1), new DateOnly(year, 6, 18));
        yield return ("99", new DateOnly(year, 9, 1), new DateOnly(year, 9, 9));
        yield return ("双11", new DateOnly(year, 10, 20), new DateOnly(year, 11, 11));
        yield return ("双12", new DateOnly(year, 12, 1), new DateOnly(year, 12, 12));
    }

    /// <summary>The calendar's events over the given days, one per name (the same name in several years is one event).</summary>
    public static IReadOnlyList<MediaEvent> Events(IReadOnlyList<DateOnly> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        if (days.Count == 0)
        {
            return [];
        }

        var windows = Enumerable.Range(days[0].Year, days[^1].Year - days[0].Year + 1).SelectMany(Windows).ToList();
        return [.. windows.GroupBy(w => w.Name).Select(g => new MediaEvent(g.Key, [.. days.Select(d => g.Any(w => d >= w.From && d <= w.To))]))
            .Where(e => e.Active.Any(a => a))];
    }
}
