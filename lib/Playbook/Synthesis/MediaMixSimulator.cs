using Playbook.Canonical;

namespace Playbook.Synthesis;

/// <summary>A driver as the simulator makes it work: the truth a fitted model is measured against.</summary>
/// <param name="Name">paid_spend, live_hours, talent_sessions or head_sessions.</param>
/// <param name="Unit">yuan, hours or sessions.</param>
/// <param name="CostPerUnit">What a unit costs the brand, CNY.</param>
/// <param name="Theta">Carryover: the share of an effect left the next day.</param>
/// <param name="Kappa">The carried-over level at which half the ceiling is reached.</param>
/// <param name="Shape">Hill exponent.</param>
/// <param name="Beta">The ceiling, CNY a day (0: the driver does nothing).</param>
/// <param name="Daily">The effort on each day of the period, as the tables record it.</param>
/// <param name="Contribution">The GMV it added on each day.</param>
public sealed record TrueDriver(string Name, string Unit, double CostPerUnit, double Theta, double Kappa, double Shape, double Beta, double[] Daily, double[] Contribution)
{
    /// <summary>Contribution over the period divided by its cost.</summary>
    public double Roas => Daily.Sum() <= 0 ? 0 : Contribution.Sum() / (CostPerUnit * Daily.Sum());

    /// <summary>GMV per day from holding the driver at <paramref name="level"/> units a day, in steady state.</summary>
    public double Response(double level)
    {
        if (level <= 0 || Beta <= 0)
        {
            return 0;
        }

        var ratio = Math.Pow(level / Kappa, Shape);
        return Beta * ratio / (1 + ratio);
    }
}

/// <summary>The simulation's truth: the days, the baseline, and each driver.</summary>
/// <param name="Days">The period.</param>
/// <param name="Baseline">GMV a day without any driver.</param>
/// <param name="Drivers">The drivers.</param>
/// <param name="Kpi">The brand's daily GMV as recorded (noise included).</param>
public sealed record MediaMixTruth(IReadOnlyList<DateOnly> Days, double[] Baseline, IReadOnlyList<TrueDriver> Drivers, double[] Kpi);

/// <summary>
/// A brand whose sales follow a known marketing-mix truth, written as canonical tables like the cases
/// (accounts, daily sales, sessions, paid traffic, campaigns), to prove a fitted model against: every
/// driver has a known carryover, saturation and ceiling, the efforts move in monthly regimes and rise
/// on campaign days (as real budgets do, which is what makes naive fits wrong), and the recorded GMV
/// carries multiplicative noise. The carryover here runs from 60 days before the period, written
/// apart from the model's own code, so the truth is computed another way.
/// </summary>
public static class MediaMixSimulator
{
    /// <summary>The first day of every simulated period.</summary>
    public static readonly DateOnly First = new(2025, 3, 1);

    internal const int BurnIn = 60;

    /// <summary>Cost per unit of each driver, CNY: a yuan of 千川, an hour of the brand's own room (team and anchor), a talent's session fee (坑位费), a head creator's.</summary>
    public static IReadOnlyDictionary<string, double> Costs { get; } = new Dictionary<string, double>
    {
        ["paid_spend"] = 1,
        ["live_hours"] = 3000,
        ["talent_sessions"] = 1500,
        ["head_sessions"] = 30000,
    };

    /// <summary>
    /// Simulates <paramref name="days"/> days. With <paramref name="zeroEffect"/> the head creators'
    /// sessions do nothing at all; <paramref name="noise"/> is the KPI's relative noise (0.08 = 8%).
    /// </summary>
    public static (CaseTables Tables, MediaMixTruth Truth) Generate(ulong seed, int days = 365, bool zeroEffect = false, double noise = 0.08)
    {
        var random = new SeededRandom(seed).Fork("media-mix");
        var total = BurnIn + days;
        var allDays = Enumerable.Range(-BurnIn, total).Select(i => First.AddDays(i)).ToArray();
        var tables = new CaseTables();
        AddAccounts(tables);
        var campaignDays = AddCampaigns(tables, allDays, days, random, listed: 4);

        // Efforts: a monthly regime (budgets are set month by month), a daily wobble, more on campaign days.
        double[] Effort(string part, double level, double spread, double wobble, double campaignLift, double idle)
        {
            var r = random.Fork(part);
            var effort = new double[total];
            var regime = 1.0;
            for (var t = 0; t < total; t++)
            {
                if (t % 30 == 0)
                {
                    regime = Math.Exp(r.Uniform(-spread, spread));
                }

                effort[t] = r.Chance(idle) ? 0 : level * regime * r.Noise(wobble) * (campaignDays[t] ? campaignLift : 1);
            }

            return effort;
        }

        var spend = Effort("paid", 20_000, 0.7, 0.25, 1.8, 0.02).Select(v => (double)Draw.Cents(v)).ToArray();
        var hours = Effort("live", 10, 0.6, 0.25, 1.4, 0.05);
        var talents = Effort("talent", 8, 0.7, 0.35, 1.6, 0.03);
        var heads = Effort("head", 0.5, 0.6, 0.5, 2.0, 0.55);

        // The tables record whole sessions and minutes: the efforts are what they say.
        var liveHours = Sessions(tables, allDays, hours, random.Fork("rooms"), own: true);
        var talentSessions = Sessions(tables, allDays, talents, random.Fork("talents"), own: false, prefix: "talent_", accounts: 40);
        var headSessions = Sessions(tables, allDays, heads, random.Fork("heads"), own: false, prefix: "head_", accounts: 3);
        for (var t = BurnIn; t < total; t++)
        {
            if (spend[t] > 0)
            {
                tables.Traffic.Add(new PaidTraffic { Date = allDays[t], AccountId = "brand_room_1", Tool = TrafficTool.Qianchuan, Spend = (decimal)spend[t] });
            }
        }

        // The baseline, additive: level with a trend, weekday swings, campaign uplift.
        var level = random.Uniform(250_000, 400_000);
        var trend = random.Uniform(-0.15, 0.3);
        var lift = random.Uniform(0.2, 0.6);
        var baseline = new double[days];
        for (var t = 0; t < days; t++)
        {
            var day = allDays[BurnIn + t];
            baseline[t] = level * (1 + (trend * (((double)t / (days - 1)) - 0.5)) + (Draw.Weekday(day) - 1) + (campaignDays[BurnIn + t] ? lift : 0));
        }

        // Each driver's truth: parameters drawn per seed, the ceiling set so its share of the baseline is plausible.
        var drivers = new List<TrueDriver>();
        void Driver(string name, string unit, double[] effort, double shareLow, double shareHigh, bool none)
        {
            var r = random.Fork("truth-" + name);
            var theta = r.Uniform(0.1, 0.7);
            var half = r.Uniform(0.5, 2.0);
            var shape = r.Uniform(0.8, 2.0);
            var carried = new double[total];
            var previous = 0.0;
            for (var t = 0; t < total; t++)
            {
                previous = (theta * previous) + ((1 - theta) * effort[t]);
                carried[t] = previous;
            }

            var period = carried[BurnIn..];
            var kappa = half * period.Average();
            var saturation = period.Select(a => a <= 0 ? 0 : Math.Pow(a / kappa, shape) / (1 + Math.Pow(a / kappa, shape))).ToArray();
            var beta = none ? 0 : r.Uniform(shareLow, shareHigh) * level / Math.Max(saturation.Average(), 1e-9);
            drivers.Add(new TrueDriver(name, unit, Costs[name], theta, kappa, shape, beta, effort[BurnIn..], [.. saturation.Select(h => beta * h)]));
        }

        Driver("paid_spend", "yuan", spend, 0.15, 0.3, false);
        Driver("live_hours", "hours", liveHours, 0.12, 0.25, false);
        Driver("talent_sessions", "sessions", talentSessions, 0.08, 0.18, false);
        Driver("head_sessions", "sessions", headSessions, 0.04, 0.1, zeroEffect);

        // What the brand records: baseline and drivers, with noise, split over the sellers that made it.
        var noiseDraw = random.Fork("noise");
        var kpi = new double[days];
        tables.Sales = [];
        for (var t = 0; t < days; t++)
        {
            var factor = Math.Max(0.2, 1 + (noise * noiseDraw.Gaussian()));
            var parts = new (string? Account, Channel Channel, TrafficType Type, double Gmv)[]
            {
                (null, Channel.ProductCard, TrafficType.Organic, baseline[t] * factor),
                ("brand_room_1", Channel.Live, TrafficType.Paid, drivers[0].Contribution[t] * factor),
                ("brand_room_1", Channel.Live, TrafficType.Organic, drivers[1].Contribution[t] * factor),
                ("talent_001", Channel.Live, TrafficType.Organic, drivers[2].Contribution[t] * factor),
                ("head_1", Channel.Live, TrafficType.Organic, drivers[3].Contribution[t] * factor),
            };
            foreach (var (account, channel, type, gmv) in parts)
            {
                var cents = Draw.Cents(gmv);
                if (cents <= 0)
                {
                    continue;
                }

                var orders = Math.Max(1, (long)Math.Round((double)cents / 120));
                tables.Sales.Add(new DailySales { Date = allDays[BurnIn + t], AccountId = account, Channel = channel, TrafficType = type, Orders = orders, Units = orders, Gmv = cents, Refund = 0 });
                kpi[t] += (double)cents;
            }
        }

        return (tables, new MediaMixTruth([.. allDays[BurnIn..]], baseline, drivers, kpi));
    }

    /// <summary>The simulated brand's sellers: two own rooms, 40 matrix talents, three head creators.</summary>
    internal static void AddAccounts(CaseTables tables)
    {
        tables.Accounts.Add(new Account { AccountId = "brand_room_1", Platform = Platform.Douyin, Nickname = "品牌旗舰店", Role = SellerRole.Self, BrandOwned = true, Followers = 1_200_000 });
        tables.Accounts.Add(new Account { AccountId = "brand_room_2", Platform = Platform.Douyin, Nickname = "品牌官方号", Role = SellerRole.Self, BrandOwned = true, Followers = 400_000 });
        for (var i = 1; i <= 40; i++)
        {
            tables.Accounts.Add(new Account { AccountId = $"talent_{i:000}", Platform = Platform.Douyin, Nickname = $"达人{i}", Role = SellerRole.Matrix, BrandOwned = false, Followers = 50_000 + (i * 9_000) });
        }

        for (var i = 1; i <= 3; i++)
        {
            tables.Accounts.Add(new Account { AccountId = $"head_{i}", Platform = Platform.Douyin, Nickname = $"头部主播{i}", Role = SellerRole.TopKol, BrandOwned = false, Followers = 20_000_000 + (i * 5_000_000) });
        }
    }

    /// <summary>
    /// Four campaign windows of 5-14 days, where sales rise and the brand spends more; the first
    /// <paramref name="listed"/> go in the campaigns table (a brand's table may miss one). The days they cover, burn-in included.
    /// </summary>
    internal static bool[] AddCampaigns(CaseTables tables, DateOnly[] allDays, int days, SeededRandom random, int listed)
    {
        var total = allDays.Length;
        var campaignDays = new bool[total];
        for (var c = 0; c < 4; c++)
        {
            var length = 5 + random.Next(10);
            var start = BurnIn + 20 + (c * (days - 40) / 4) + random.Next(20);
            if (c < listed)
            {
                tables.Campaigns.Add(new Campaign { CampaignId = $"mm-{c + 1}", Platform = Platform.Douyin, Name = $"大促{c + 1}", StartsOn = allDays[start], EndsOn = allDays[Math.Min(total - 1, start + length - 1)], Kind = "promotion" });
            }

            for (var t = start; t < Math.Min(total, start + length); t++)
            {
                campaignDays[t] = true;
            }
        }

        return campaignDays;
    }

    /// <summary>Writes sessions for each day's effort (hours of the brand's rooms, or a count of sessions) and returns the effort the sessions record.</summary>
    internal static double[] Sessions(CaseTables tables, DateOnly[] days, double[] effort, SeededRandom random, bool own, string prefix = "", int accounts = 0)
    {
        var recorded = new double[days.Length];
        for (var t = 0; t < days.Length; t++)
        {
            if (own)
            {
                // Hours split over one or two rooms, in whole minutes.
                var minutes = (int)Math.Round(effort[t] * 60);
                var rooms = minutes > 360 ? 2 : minutes > 0 ? 1 : 0;
                for (var room = 0; room < rooms; room++)
                {
                    var share = rooms == 1 ? minutes : room == 0 ? minutes / 2 : minutes - (minutes / 2);
                    Add(tables, days[t], $"brand_room_{room + 1}", share, t >= BurnIn, random);
                    recorded[t] += share / 60.0;
                }
            }
            else
            {
                var count = (int)Math.Floor(effort[t] + random.NextDouble());
                for (var s = 0; s < count; s++)
                {
                    var account = accounts == 3 ? $"{prefix}{1 + random.Next(3)}" : $"{prefix}{1 + random.Next(accounts):000}";
                    Add(tables, days[t], account, 90 + random.Next(120), t >= BurnIn, random);
                }

                recorded[t] = count;
            }
        }

        return recorded;
    }

    private static void Add(CaseTables tables, DateOnly day, string account, int minutes, bool inPeriod, SeededRandom random)
    {
        if (!inPeriod || minutes <= 0)
        {
            return;
        }

        var start = day.ToDateTime(new TimeOnly(10 + random.Next(10), 0));
        var viewers = 2_000 + random.Next(20_000);
        tables.Sessions.Add(new LiveSession
        {
            SessionId = $"{account}-{day:yyyyMMdd}-{tables.Sessions.Count + 1}",
            AccountId = account,
            StartedAt = start,
            EndedAt = start.AddMinutes(minutes),
            Views = viewers * 2,
            Viewers = viewers,
            PeakOnline = viewers / 10,
            AvgWatchSeconds = 60 + random.Next(120),
            NewFans = viewers / 50,
        });
    }
}
