using Playbook.Canonical;

namespace Playbook.Synthesis;

/// <summary>A simulated brand whose sales do not follow the marketing-mix model the workspace fits.</summary>
public enum MisspecifiedWorld
{
    /// <summary>
    /// Campaigns drive both the sales and the spend: on campaign days the baseline jumps 30-80% while paid
    /// spend rises 2.5×, one campaign is missing from the campaigns table, the calendar's festivals peak on
    /// their last days rather than lifting their windows evenly, and every curve bends from the start (Hill slope 1).
    /// </summary>
    CampaignConfounded,

    /// <summary>
    /// Talents' gross sales include 20-40% taken from the brand's own rooms; the rooms sell through short
    /// videos on days they are not live (an effort no table records); the platform's attributed GMV is
    /// 20-60% too high and noisy; noise has heavy tails (stock-outs, a viral day).
    /// </summary>
    Cannibalizing,

    /// <summary>
    /// Effects multiply the baseline instead of adding to it; budgets are set week by week (little daily
    /// variation), and next week's paid spend follows this week's sales (spend chases demand).
    /// </summary>
    FeedbackWeekly,
}

/// <summary>
/// Brands simulated by models that are not the workspace's own, to prove the allocator on data it did
/// not generate: each world breaks an assumption the fit makes (additive effects, a baseline the event
/// dummies can hold, efforts set independently of sales, one driver per recorded effort) the way real
/// brands' data does. A driver's truth is what removing it would take from the noise-free sales
/// (the counterfactual), and its steady response is written in the same Hill form so the oracle's plan
/// can be computed; the tables are canonical, read like any brand's.
/// </summary>
public static class MisspecifiedBrands
{
    /// <summary>Every world.</summary>
    public static IReadOnlyList<MisspecifiedWorld> All { get; } = Enum.GetValues<MisspecifiedWorld>();

    /// <summary>The world's name in reports: campaign-confounded, cannibalizing, feedback-weekly.</summary>
    public static string Name(MisspecifiedWorld world) => world switch
    {
        MisspecifiedWorld.CampaignConfounded => "campaign-confounded",
        MisspecifiedWorld.Cannibalizing => "cannibalizing",
        _ => "feedback-weekly",
    };

    /// <summary>Simulates <paramref name="days"/> days of a brand in <paramref name="world"/>.</summary>
    public static (CaseTables Tables, MediaMixTruth Truth) Generate(MisspecifiedWorld world, ulong seed, int days = 365)
    {
        var random = new SeededRandom(seed).Fork("misspecified-" + Name(world));
        var burnIn = MediaMixSimulator.BurnIn;
        var total = burnIn + days;
        var allDays = Enumerable.Range(-burnIn, total).Select(i => MediaMixSimulator.First.AddDays(i)).ToArray();
        var tables = new CaseTables();
        MediaMixSimulator.AddAccounts(tables);
        var campaignDays = MediaMixSimulator.AddCampaigns(tables, allDays, days, random, listed: world == MisspecifiedWorld.CampaignConfounded ? 3 : 4);
        var weekly = world == MisspecifiedWorld.FeedbackWeekly;
        var spendLift = world == MisspecifiedWorld.CampaignConfounded ? 2.5 : 1.8;

        // Efforts in monthly (or weekly) regimes, more on campaign days.
        double[] Effort(string part, double level, double spread, double wobble, double campaignLift, double idle)
        {
            var r = random.Fork(part);
            var effort = new double[total];
            var regime = 1.0;
            for (var t = 0; t < total; t++)
            {
                if (t % (weekly ? 7 : 30) == 0)
                {
                    regime = Math.Exp(r.Uniform(-spread, spread));
                }

                effort[t] = r.Chance(idle) ? 0 : level * regime * r.Noise(weekly ? 0.05 : wobble) * (campaignDays[t] ? campaignLift : 1);
            }

            return effort;
        }

        var hours = Effort("live", 10, 0.6, 0.25, 1.4, world == MisspecifiedWorld.Cannibalizing ? 0.15 : 0.05);
        var talents = Effort("talent", 8, 0.7, 0.35, 1.6, 0.03);
        var heads = Effort("head", 0.5, 0.6, 0.5, 2.0, 0.55);
        var liveHours = MediaMixSimulator.Sessions(tables, allDays, hours, random.Fork("rooms"), own: true);
        var talentSessions = MediaMixSimulator.Sessions(tables, allDays, talents, random.Fork("talents"), own: false, prefix: "talent_", accounts: 40);
        var headSessions = MediaMixSimulator.Sessions(tables, allDays, heads, random.Fork("heads"), own: false, prefix: "head_", accounts: 3);

        // The baseline: level, trend, weekday, campaigns, and festivals that peak on their last days.
        var level = random.Uniform(250_000, 400_000);
        var trend = random.Uniform(-0.15, 0.3);
        var campaignJump = world == MisspecifiedWorld.CampaignConfounded ? random.Uniform(0.3, 0.8) : random.Uniform(0.2, 0.6);
        var festivalLift = random.Uniform(0.1, 0.4);
        var windows = Enumerable.Range(allDays[0].Year, allDays[^1].Year - allDays[0].Year + 1).SelectMany(Festivals).ToList();
        var baseline = new double[total];
        for (var t = 0; t < total; t++)
        {
            var day = allDays[t];
            var festival = windows.FirstOrDefault(w => day >= w.From && day <= w.To);
            var festivalShape = festival.Name is null ? 0 : world == MisspecifiedWorld.CampaignConfounded
                ? festivalLift * 3 * Math.Pow((day.DayNumber - festival.From.DayNumber + 1.0) / (festival.To.DayNumber - festival.From.DayNumber + 1), 3)
                : festivalLift;
            var trendFactor = 1 + (trend * (((double)(t - burnIn) / (days - 1)) - 0.5));
            var weekday = Draw.Weekday(day);
            var campaign = campaignDays[t] ? campaignJump : 0;
            baseline[t] = weekly
                ? level * trendFactor * weekday * (1 + festivalShape) * (1 + campaign)
                : level * (trendFactor + (weekday - 1) + festivalShape + campaign);
        }

        // Each driver's curve (Hill slope 1 in the campaign world).
        var curves = new Dictionary<string, (double Theta, double Half, double Shape, double Share)>();
        (double Theta, double Half, double Shape, double Share) Curve(string name, double shareLow, double shareHigh)
        {
            var r = random.Fork("truth-" + name);
            var curve = (r.Uniform(0.1, 0.7), r.Uniform(0.5, 2.0), world == MisspecifiedWorld.CampaignConfounded ? 1.0 : r.Uniform(0.8, 2.0), r.Uniform(shareLow, shareHigh));
            curves[name] = curve;
            return curve;
        }

        Curve("paid_spend", 0.15, 0.3);
        Curve("live_hours", 0.12, 0.25);
        Curve("talent_sessions", 0.08, 0.18);
        Curve("head_sessions", 0.04, 0.1);
        var cannibal = world == MisspecifiedWorld.Cannibalizing ? random.Uniform(0.2, 0.4) : 0;
        var videoLift = world == MisspecifiedWorld.Cannibalizing ? random.Uniform(0.05, 0.1) : 0;

        // Paid spend: exogenous, or (feedback) set each week from last week's recorded sales.
        var spend = Effort("paid", 20_000, 0.7, 0.25, spendLift, 0.02);
        var names = new[] { "paid_spend", "live_hours", "talent_sessions", "head_sessions" };
        var efforts = new[] { spend, liveHours, talentSessions, headSessions };
        var carried = new double[4][];
        var kappa = new double[4];
        var beta = new double[4];
        var shares = new double[4][];
        for (var d = 0; d < 4; d++)
        {
            carried[d] = new double[total];
            shares[d] = new double[total];
        }

        // Kappa and the ceilings are set from the exogenous plans, so the truth is fixed before any feedback.
        for (var d = 0; d < 4; d++)
        {
            var (theta, half, shape, share) = curves[names[d]];
            var plan = Carry(efforts[d], theta);
            kappa[d] = half * plan[burnIn..].Average();
            var mean = plan[burnIn..].Select(a => Hill(a, kappa[d], shape)).Average();
            beta[d] = share * level / Math.Max(mean, 1e-9);
        }

        var noise = random.Fork("noise");
        var kpi = new double[total];
        var recorded = new double[total];
        var video = new double[total];
        var spendDraw = random.Fork("feedback");
        for (var t = 0; t < total; t++)
        {
            if (weekly && t >= 7 && t % 7 == 0)
            {
                // Next week's budget follows last week's sales: about 6% of them, give or take.
                var lastWeek = recorded[(t - 7)..t].Average();
                var weekBudget = 0.06 * lastWeek * spendDraw.Noise(0.2);
                for (var k = t; k < Math.Min(total, t + 7); k++)
                {
                    spend[k] = campaignDays[k] ? weekBudget * spendLift : weekBudget;
                }
            }

            spend[t] = (double)Draw.Cents(spend[t]);
            var effect = 0.0;
            for (var d = 0; d < 4; d++)
            {
                var theta = curves[names[d]].Theta;
                var previous = t == 0 ? efforts[d][..7].Average() : carried[d][t - 1];
                carried[d][t] = (theta * previous) + ((1 - theta) * efforts[d][t]);
                shares[d][t] = beta[d] * Hill(carried[d][t], kappa[d], curves[names[d]].Shape);
                effect += d == 2 ? shares[d][t] * (1 - cannibal) : shares[d][t];
            }

            video[t] = liveHours[t] <= 0 ? videoLift * level : 0;
            kpi[t] = weekly ? baseline[t] * (1 + (effect / level)) : baseline[t] + effect + video[t];

            // Heavy tails: a stock-out or a viral day now and then.
            var shock = world == MisspecifiedWorld.Cannibalizing && noise.Chance(0.03) ? (noise.Chance(0.6) ? 0.55 : 1.6) : 1;
            recorded[t] = kpi[t] * Math.Max(0.2, 1 + (0.08 * noise.Gaussian())) * shock;
        }

        // The truth: what each driver adds on each day of the period, noise-free (the counterfactual).
        var drivers = new List<TrueDriver>();
        for (var d = 0; d < 4; d++)
        {
            var contribution = new double[days];
            for (var t = 0; t < days; t++)
            {
                var own = shares[d][burnIn + t] * (d == 2 ? 1 - cannibal : 1);
                contribution[t] = weekly ? baseline[burnIn + t] * own / level : own;
            }

            // The steady response in Hill form: the ceiling scaled as the contribution is (the baseline's mean share, or net of what talents take).
            var scale = weekly ? baseline[burnIn..].Average() / level : d == 2 ? 1 - cannibal : 1;
            var (theta, _, shape, _) = curves[names[d]];
            drivers.Add(new TrueDriver(names[d], d == 0 ? "yuan" : d == 1 ? "hours" : "sessions", MediaMixSimulator.Costs[names[d]], theta, kappa[d], shape, beta[d] * scale, efforts[d][burnIn..], contribution));
        }

        // What the brand records, split over its sellers: the talents' gross (cannibalised sales taken from the own room's), the videos on the own room.
        tables.Sales = [];
        var attribution = random.Fork("attribution");
        var attributionBias = random.Uniform(1.2, 1.6);
        for (var t = burnIn; t < total; t++)
        {
            var factor = recorded[t] / kpi[t];
            var talentGross = shares[2][t];
            var mediaGmv = weekly ? baseline[t] / level : 1;
            var parts = new (string? Account, Channel Channel, TrafficType Type, double Gmv)[]
            {
                (null, Channel.ProductCard, TrafficType.Organic, baseline[t] * 0.6 * factor),
                ("brand_room_1", Channel.Live, TrafficType.Organic, ((baseline[t] * 0.4) + (shares[1][t] * mediaGmv) - (talentGross * cannibal * mediaGmv)) * factor),
                ("brand_room_1", Channel.Live, TrafficType.Paid, shares[0][t] * mediaGmv * factor),
                ("brand_room_1", Channel.ShortVideo, TrafficType.Organic, video[t] * factor),
                ("talent_001", Channel.Live, TrafficType.Organic, talentGross * mediaGmv * factor),
                ("head_1", Channel.Live, TrafficType.Organic, shares[3][t] * mediaGmv * factor),
            };
            foreach (var (account, channel, type, gmv) in parts)
            {
                var cents = Draw.Cents(gmv);
                if (cents <= 0)
                {
                    continue;
                }

                var orders = Math.Max(1, (long)Math.Round((double)cents / 120));
                tables.Sales.Add(new DailySales { Date = allDays[t], AccountId = account, Channel = channel, TrafficType = type, Orders = orders, Units = orders, Gmv = cents, Refund = 0 });
            }

            if (spend[t] > 0)
            {
                // The platform's attribution: too high, and noisy; no fit here reads it.
                var attributed = shares[0][t] * mediaGmv * attributionBias * attribution.Noise(0.3);
                tables.Traffic.Add(new PaidTraffic { Date = allDays[t], AccountId = "brand_room_1", Tool = TrafficTool.Qianchuan, Spend = (decimal)spend[t], AttributedGmv = Draw.Cents(attributed) });
            }
        }

        var period = allDays[burnIn..];
        var recordedKpi = tables.Sales.GroupBy(s => s.Date).ToDictionary(g => g.Key, g => (double)g.Sum(s => s.Gmv));
        return (tables, new MediaMixTruth(period, baseline[burnIn..], drivers, [.. period.Select(d => recordedKpi.GetValueOrDefault(d))]));
    }

    /// <summary>
    /// When sales rise around the festivals, as platforms have run them (presales from late May for 618,
    /// from 24 October for 双11): not the windows the model's calendar assumes, as a brand's real days are not.
    /// </summary>
    private static IEnumerable<(string Name, DateOnly From, DateOnly To)> Festivals(int year)
    {
        yield return ("38", new DateOnly(year, 3, 3), new DateOnly(year, 3, 8));
        yield return ("618", new DateOnly(year, 5, 31), new DateOnly(year, 6, 18));
        yield return ("99", new DateOnly(year, 9, 5), new DateOnly(year, 9, 9));
        yield return ("双11", new DateOnly(year, 10, 24), new DateOnly(year, 11, 11));
        yield return ("双12", new DateOnly(year, 12, 8), new DateOnly(year, 12, 12));
    }

    private static double Hill(double level, double kappa, double shape)
    {
        if (level <= 0)
        {
            return 0;
        }

        var ratio = Math.Pow(level / kappa, shape);
        return ratio / (1 + ratio);
    }

    private static double[] Carry(double[] effort, double theta)
    {
        var result = new double[effort.Length];
        var previous = effort[..Math.Min(7, effort.Length)].Average();
        for (var t = 0; t < effort.Length; t++)
        {
            previous = (theta * previous) + ((1 - theta) * effort[t]);
            result[t] = previous;
        }

        return result;
    }
}
