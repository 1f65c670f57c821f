using Playbook.Analysis;
using Playbook.Canonical;
using Playbook.Synthesis;
using Playbook.Workspace;

namespace Playbook.Tests.Analysis.Allocation;

/// <summary>
/// The marketing-mix model and the allocator: exact recovery of curves that made noiseless data,
/// the simulator's truth (computed by its own code) recovered, the health checks on thin data, the
/// drivers read from tables by hand, and a plan that never breaks its budget or bounds.
/// </summary>
public class MediaMixModelTests
{
    [Fact]
    public void Fit_NoiselessDataFromKnownCurves_RecoversEveryCurve()
    {
        // 240 days; two drivers in monthly regimes with a daily wobble; baseline level + trend + weekends.
        var days = Enumerable.Range(0, 240).Select(i => new DateOnly(2025, 1, 1).AddDays(i)).ToList();
        var random = new Random(7);
        double[] Effort(double level) => [.. days.Select((_, t) => level * (0.5 + ((t / 30 * 37 % 10) / 6.0)) * (0.8 + (0.4 * random.NextDouble())))];
        var spend = Effort(20_000);
        var hours = Effort(8);
        var truth = new[]
        {
            new DriverCurve("paid_spend", 0.5, 25_000, 1.3, 120_000),
            new DriverCurve("live_hours", 0.2, 6, 0.9, 60_000),
        };
        var paid = truth[0].Contribution(spend);
        var live = truth[1].Contribution(hours);
        var kpi = days.Select((d, t) => 300_000 + (40_000.0 * t / 239) + (d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 30_000 : 0) + paid[t] + live[t]).ToArray();
        var data = new MediaData(days, kpi, [new("paid_spend", "yuan", spend), new("live_hours", "hours", hours)], [], []);

        var fit = MediaMixModel.Fit(data, new MediaMixOptions { Draws = 0, HoldOut = 0 }).Fit;

        for (var d = 0; d < truth.Length; d++)
        {
            var expected = (d == 0 ? paid : live).Sum();
            Assert.InRange(fit.Contributions[d].Sum() / expected, 0.99, 1.01);
            Assert.InRange(fit.Curves[d].Theta, truth[d].Theta - 0.02, truth[d].Theta + 0.02);
        }

        Assert.InRange(fit.Baseline.Average(), 300_000 + 20_000 + (30_000 * 2 / 7.0) - 2_000, 300_000 + 20_000 + (30_000 * 2 / 7.0) + 2_000);
    }

    [Fact]
    public void Fit_SimulatedBrandWithoutNoise_RoasOfEveryDriverWithinTenPercentOfTheTruth()
    {
        var (tables, truth) = MediaMixSimulator.Generate(3, 365, zeroEffect: false, noise: 0);
        using var folder = new TempFolder();
        tables.Write(folder.Path);

        var data = MediaInputs.From(new BrandData(folder.Path));
        var result = MediaMixModel.Fit(data, new MediaMixOptions { Draws = 0, HoldOut = 0 });

        Assert.Equal(["paid_spend", "live_hours", "talent_sessions", "head_sessions"], data.Drivers.Select(d => d.Name));
        for (var d = 0; d < data.Drivers.Count; d++)
        {
            var real = truth.Drivers.Single(t => t.Name == data.Drivers[d].Name);
            var roas = result.Fit.Contributions[d].Sum() / (real.CostPerUnit * data.Drivers[d].Daily.Sum());
            Assert.InRange(roas / real.Roas, 0.9, 1.1);
        }
    }

    [Fact]
    public void Fit_HundredDays_HealthSaysTooFewDaysPerParameter()
    {
        var (tables, _) = MediaMixSimulator.Generate(1, 100);
        using var folder = new TempFolder();
        tables.Write(folder.Path);

        var result = MediaMixModel.Fit(MediaInputs.From(new BrandData(folder.Path)), new MediaMixOptions { Draws = 20 });

        var check = Assert.Single(result.Health, h => h.Check == "days per parameter");
        Assert.False(check.Ok);
        Assert.StartsWith("100 days for ", check.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void DayWeights_ProportionalNoiseAndHuber_WeighsEachDayAsByHand()
    {
        // Relative residuals 0.1, -0.1, 0, 1.0; their median 0.05, absolute deviations 0.05, 0.15, 0.05, 0.95 with
        // median 0.1, so the robust sd is 0.14826 and Huber's limit 1.345 × 0.14826 = 0.199410; the last day
        // gets 0.199410 / 1.0. The mean fitted day is 112.5: variance weights (112.5 / fitted)².
        double[] y = [110, 90, 200, 100];
        double[] fitted = [100, 100, 200, 50];

        var both = MediaMixModel.DayWeights(y, fitted, robust: true, proportional: true);
        var proportionalOnly = MediaMixModel.DayWeights(y, fitted, robust: false, proportional: true);
        var huberOnly = MediaMixModel.DayWeights([110, 90, 200, 150], [100, 100, 200, 100], robust: true, proportional: false);

        Assert.Equal([1.265625, 1.265625, 0.31640625, 5.0625 * 0.19941], both, (a, b) => Math.Abs(a - b) < 1e-5);
        Assert.Equal([1.265625, 1.265625, 0.31640625, 5.0625], proportionalOnly, (a, b) => Math.Abs(a - b) < 1e-12);

        // Absolute residuals 10, -10, 0, 50: median 5, deviations 5, 15, 5, 45, their median 10: limit 1.345 × 14.826.
        Assert.Equal([1, 1, 1, 1.345 * 14.826 / 50], huberOnly, (a, b) => Math.Abs(a - b) < 1e-9);
    }

    [Fact]
    public void Fit_BootstrapSamplesThatMissAnEvent_EveryRefitsBaselineDefined()
    {
        // A three-day event: two-week blocks drawn over 240 days leave all three days out of about a third of
        // the samples, where the event's column has no weight and must leave the baseline, not make it undefined.
        var days = Enumerable.Range(0, 240).Select(i => new DateOnly(2025, 1, 1).AddDays(i)).ToList();
        var random = new Random(3);
        double[] spend = [.. days.Select((_, t) => 20_000 * (0.6 + ((t / 30 * 37 % 10) / 10.0)) * (0.8 + (0.4 * random.NextDouble())))];
        var curve = new DriverCurve("paid_spend", 0.3, 20_000, 1, 100_000);
        var paid = curve.Contribution(spend);
        var active = days.Select((_, t) => t is >= 100 and <= 102).ToArray();
        double[] kpi = [.. days.Select((_, t) => 300_000 + (active[t] ? 80_000 : 0) + paid[t] + (5_000 * random.NextDouble()))];
        var data = new MediaData(days, kpi, [new("paid_spend", "yuan", spend)], [new MediaEvent("campaign flash", active)], []);

        var result = MediaMixModel.Fit(data, new MediaMixOptions { Draws = 30, HoldOut = 0 });

        Assert.All(result.Draws, draw => Assert.All(draw.Baseline, b => Assert.True(double.IsFinite(b))));
        Assert.All(result.Draws, draw => Assert.All(draw.Fitted, f => Assert.True(double.IsFinite(f))));
    }

    [Fact]
    public void Allocate_DriverNotPinnedDown_MovesLessThanThePlanWouldMoveIt()
    {
        // Two drivers at 100 a day, a yuan each: a's curve is known (300·x/(x+100)), b's ceiling runs from 400 to
        // 790 over the refits, so b's next yuan returns about twice a's and the plan moves money from a to b.
        var days = Enumerable.Range(0, 60).Select(i => new DateOnly(2025, 1, 1).AddDays(i)).ToList();
        var data = new MediaData(days, [.. days.Select(_ => 1_000.0)], [new("a", "yuan", [.. days.Select(_ => 100.0)]), new("b", "yuan", [.. days.Select(_ => 100.0)])], [], []);
        MediaMixFit Fit(double ceiling) => new([new DriverCurve("a", 0, 100, 1, 300), new DriverCurve("b", 0, 100, 1, ceiling)], new double[60], [new double[60], new double[60]], [], 0);
        var draws = Enumerable.Range(0, 40).Select(i => Fit(400 + (10 * i))).ToList();
        MediaMixResult Result(bool pinned) => new(data, Fit(595), draws, null, [new HealthCheck(MediaMixHealth.PinnedDown("b"), pinned, "")]);
        DriverPlan PlanOfB(bool pinned, double unpinnedCaution) =>
            BudgetAllocator.Allocate(Result(pinned), new AllocationRequest { Costs = new Dictionary<string, double> { ["a"] = 1, ["b"] = 1 }, UnpinnedCaution = unpinnedCaution }).Drivers[1];

        var asPinned = PlanOfB(pinned: true, unpinnedCaution: 1);
        var unpinned = PlanOfB(pinned: false, unpinnedCaution: 1);

        Assert.True(asPinned.Recommended > 110, $"b goes to {asPinned.Recommended:0.#} when the data pins it down");
        Assert.Equal(asPinned.Recommended, PlanOfB(pinned: false, unpinnedCaution: 0).Recommended);
        Assert.InRange(unpinned.Recommended, 100.5, asPinned.Recommended - 5);
        Assert.False(asPinned.Unpinned);
        Assert.DoesNotContain("pin", asPinned.Why, StringComparison.Ordinal);
        Assert.EndsWith("; moved with more caution: the data cannot pin it down", unpinned.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void MediaInputs_TablesByHand_EachDriverPerDayWithIdleDaysZero()
    {
        using var folder = new TempFolder();
        var tables = new CaseTables();
        tables.Accounts.Add(new Account { AccountId = "own", Platform = Platform.Douyin, Role = SellerRole.Self });
        tables.Accounts.Add(new Account { AccountId = "t1", Platform = Platform.Douyin, Role = SellerRole.Matrix });
        tables.Sales = [.. Enumerable.Range(0, 3).Select(i => new DailySales { Date = new DateOnly(2025, 5, 1).AddDays(i), Channel = Channel.ProductCard, TrafficType = TrafficType.Organic, Orders = 1, Units = 1, Gmv = 100m * (i + 1) })];
        tables.Traffic.Add(new PaidTraffic { Date = new DateOnly(2025, 5, 1), AccountId = "own", Tool = TrafficTool.Qianchuan, Spend = 50 });
        tables.Traffic.Add(new PaidTraffic { Date = new DateOnly(2025, 5, 1), AccountId = "own", Tool = TrafficTool.Qianchuan, Spend = 25 });
        tables.Traffic.Add(new PaidTraffic { Date = new DateOnly(2025, 5, 3), AccountId = "own", Tool = TrafficTool.Qianchuan, Spend = 10 });
        tables.Sessions.Add(Session("s1", "own", new DateTime(2025, 5, 2, 20, 0, 0), 90));
        tables.Sessions.Add(Session("s2", "own", new DateTime(2025, 5, 2, 10, 0, 0), 30));
        tables.Sessions.Add(Session("s3", "t1", new DateTime(2025, 5, 3, 23, 0, 0), 120));
        tables.Write(folder.Path);

        var data = MediaInputs.From(new BrandData(folder.Path));

        // Spend 75, 0, 10 yuan; own hours 0, 2 (90 + 30 minutes), 0; one talent session on day 3 (it runs past midnight, counted on its start date).
        Assert.Equal([100.0, 200.0, 300.0], data.Kpi);
        Assert.Equal([75.0, 0, 10], data.Drivers.Single(d => d.Name == "paid_spend").Daily);
        Assert.Equal([0.0, 2, 0], data.Drivers.Single(d => d.Name == "live_hours").Daily);
        Assert.Equal([0.0, 0, 1], data.Drivers.Single(d => d.Name == "talent_sessions").Daily);
        Assert.DoesNotContain(data.Drivers, d => d.Name == "head_sessions");
    }

    [Fact]
    public void MediaInputs_ContributionKpi_EachDaySellersNetTimesTheirMarginAndSessionCostsByHand()
    {
        // Gross margin 50%. Day 1: own ¥100; t1 ¥200 with no commission figure, charged its accounts rate 20% (¥40).
        // Day 2: t2 ¥300 with ¥90 commission and ¥100 refunded (net ¥200, commission in proportion ¥60); a shelf order ¥50.
        // Margins after COGS and commission: own 50%, t1 (200 - 100 - 40) / 200 = 30%, t2 (200 - 100 - 60) / 200 = 20%, shelf 50%.
        using var folder = new TempFolder();
        var tables = new CaseTables();
        tables.Accounts.Add(new Account { AccountId = "own", Platform = Platform.Douyin, Role = SellerRole.Self });
        tables.Accounts.Add(new Account { AccountId = "t1", Platform = Platform.Douyin, Role = SellerRole.Matrix, CommissionRate = 0.2m });
        tables.Accounts.Add(new Account { AccountId = "t2", Platform = Platform.Douyin, Role = SellerRole.Matrix });
        Order Sale(string id, string? account, int day, decimal gmv, decimal refund = 0, decimal? commission = null) => new()
        {
            OrderId = id,
            Platform = Platform.Douyin,
            PaidAt = new DateTime(2025, 5, day, 12, 0, 0),
            AccountId = account,
            Channel = account is null ? Channel.ProductCard : Channel.Live,
            ProductId = "p",
            Quantity = 1,
            Gmv = gmv,
            Refund = refund,
            Commission = commission,
        };
        tables.Orders = [Sale("o1", "own", 1, 100), Sale("o2", "t1", 1, 200), Sale("o3", "t2", 2, 300, 100, 90), Sale("o4", null, 2, 50)];
        tables.Sessions.Add(Session("s1", "t1", new DateTime(2025, 5, 1, 20, 0, 0), 60));
        tables.Sessions.Add(Session("s2", "t2", new DateTime(2025, 5, 2, 10, 0, 0), 60));
        tables.Sessions.Add(Session("s3", "t2", new DateTime(2025, 5, 2, 20, 0, 0), 60));
        tables.Costs.Add(new Cost { CostId = "c1", Kind = CostKind.SlotFee, AccountId = "t2", StartsOn = new DateOnly(2025, 5, 1), EndsOn = new DateOnly(2025, 5, 2), Amount = 60 });
        tables.Write(folder.Path);
        var economics = new AnalysisOptions { GrossMargin = 0.5 };

        var contribution = MediaInputs.From(new BrandData(folder.Path), kpi: MediaKpi.Contribution, economics: economics);
        var gmv = MediaInputs.From(new BrandData(folder.Path), economics: economics);

        Assert.Equal(2, contribution.Kpi.Length);
        Assert.Equal((100 * 0.5) + (200 * 0.3), contribution.Kpi[0], 9);
        Assert.Equal((200 * 0.2) + (50 * 0.5), contribution.Kpi[1], 9);
        Assert.Equal(MediaData.ContributionKpiName, contribution.KpiLabel);
        Assert.Equal([300.0, 250.0], gmv.Kpi);

        // Three talent sessions: on the GMV KPI they cost their sellers' commission ¥40 + ¥60 and slot fees ¥60;
        // on the contribution KPI the commission is taken already, so only the slot fees.
        Assert.Equal(160.0 / 3, gmv.CostsFromData["talent_sessions"].PerUnit, 9);
        Assert.Equal(60.0 / 3, contribution.CostsFromData["talent_sessions"].PerUnit, 9);
        Assert.False(gmv.CostsFromData.ContainsKey("head_sessions"));
    }

    [Fact]
    public void MediaInputs_ContributionKpiWithoutMargin_SaysWhatIsMissing()
    {
        using var folder = new TempFolder();
        var tables = new CaseTables();
        tables.Sales = [new DailySales { Date = new DateOnly(2025, 5, 1), Channel = Channel.ProductCard, TrafficType = TrafficType.Organic, Orders = 1, Units = 1, Gmv = 100 }];
        tables.Write(folder.Path);

        var e = Assert.Throws<MissingDataException>(() => MediaInputs.From(new BrandData(folder.Path), kpi: MediaKpi.Contribution));

        Assert.Contains("gross margin", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_TwoSquareRootCurves_SplitWhereMarginalReturnsMeet()
    {
        // 2√a and √b with a + b = 100: 1/√a = 1/(2√b) gives a = 4b, so a = 80, b = 20.
        var spends = BudgetAllocator.Plan([a => 2 * Math.Sqrt(a), b => Math.Sqrt(b)], [(0, 100), (0, 100)], 100);

        Assert.Equal(80, spends[0], 3);
        Assert.Equal(20, spends[1], 3);
    }

    [Fact]
    public void Plan_RandomCurvesBoundsAndBudgets_NeverBreaksTheBudgetOrABound()
    {
        var random = new Random(11);
        for (var trial = 0; trial < 200; trial++)
        {
            var count = 1 + random.Next(4);
            var curves = Enumerable.Range(0, count).Select(_ =>
            {
                var curve = new DriverCurve("d", 0, random.NextDouble() * 1000 + 1, 0.5 + (random.NextDouble() * 2.5), random.NextDouble() * 10_000);
                return (Func<double, double>)curve.Response;
            }).ToList();
            var ranges = Enumerable.Range(0, count).Select(_ =>
            {
                var low = random.NextDouble() * 500;
                return (Low: low, High: low + (random.NextDouble() * 1500));
            }).ToList();
            var budget = ranges.Sum(r => r.Low) + (random.NextDouble() * ranges.Sum(r => r.High - r.Low));

            var spends = BudgetAllocator.Plan(curves, ranges, budget);

            Assert.Equal(budget, spends.Sum(), budget * 1e-9);
            for (var d = 0; d < count; d++)
            {
                Assert.InRange(spends[d], ranges[d].Low - 1e-9, ranges[d].High + 1e-9);
            }
        }
    }

    private static LiveSession Session(string id, string account, DateTime start, int minutes) =>
        new() { SessionId = id, AccountId = account, StartedAt = start, EndedAt = start.AddMinutes(minutes), Views = 10, Viewers = 5, PeakOnline = 1, AvgWatchSeconds = 30, NewFans = 0 };
}
