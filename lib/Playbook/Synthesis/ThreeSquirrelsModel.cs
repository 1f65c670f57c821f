using Playbook.Canonical;

namespace Playbook.Synthesis;

/// <summary>
/// The figures the Three Squirrels (三只松鼠) case is calibrated to: the article's, by default.
/// Shares are of GMV (销售额, refunds not netted), as the article reports sales.
/// </summary>
public sealed record ThreeSquirrelsTargets
{
    /// <summary>Store GMV from January to April 2021: 2.17亿.</summary>
    public decimal StoreGmvJanApr { get; init; } = 217_000_000m;

    /// <summary>Share of the two own accounts in the last 90 days: "近50%", just under half.</summary>
    public double OwnShareLast90Days { get; init; } = 0.49;

    /// <summary>Share of the three head anchors in the last 90 days: 20%.</summary>
    public double HeadShareLast90Days { get; init; } = 0.20;

    /// <summary>Share of shelf orders (no seller) in the last 90 days: small; the rest is the matrix.</summary>
    public double ShelfShareLast90Days { get; init; } = 0.03;

    /// <summary>Self-broadcast GMV in the 20-day New Year festival: 6500万.</summary>
    public decimal FestivalSelfGmv { get; init; } = 65_000_000m;

    /// <summary>Self-broadcast's share of all GMV in the festival (not in the article; chosen so the rest stays plausible).</summary>
    public double FestivalSelfShare { get; init; } = 0.62;
}

/// <summary>
/// A seeded model of Three Squirrels on Douyin, 2020-12-15 .. 2021-04-30: two own accounts, three
/// head anchors and 300 matrix talents selling through daily sales rows; live sessions, 千川
/// traffic, campaigns and a food leaderboard. Rows are simulated; only the calibrated aggregates
/// come from the article.
/// </summary>
public static class ThreeSquirrelsModel
{
    /// <summary>The first day of the case.</summary>
    public static readonly DateOnly First = new(2020, 12, 15);

    /// <summary>The last day of the case.</summary>
    public static readonly DateOnly Last = new(2021, 4, 30);

    /// <summary>The 20-day New Year festival (抖音好物年货节; the dates are invented, the length is the article's).</summary>
    public static readonly (DateOnly From, DateOnly To) Festival = (new(2021, 1, 4), new(2021, 1, 23));

    /// <summary>The last 90 days of the case, which the article's seller split describes.</summary>
    public static readonly (DateOnly From, DateOnly To) Last90Days = (new(2021, 1, 31), new(2021, 4, 30));

    /// <summary>The flagship store account @三只松鼠官方旗舰店.</summary>
    public const string Flagship = "1000000001";

    /// <summary>The brand account @三只松鼠.</summary>
    public const string BrandAccount = "1000000002";

    /// <summary>The head anchors @陈三废gg, @赵Boss, @七阿姨.</summary>
    public static readonly string[] HeadAnchors = ["2000000001", "2000000002", "2000000003"];

    private const int MatrixTalents = 300;

    private static readonly (string Name, DayOfWeek[] LiveDays, double Pull, long Followers)[] Heads =
    [
        ("陈三废gg", [DayOfWeek.Tuesday, DayOfWeek.Saturday], 1.0, 26_400_000),
        ("赵Boss", [DayOfWeek.Thursday], 0.7, 8_600_000),
        ("七阿姨", [DayOfWeek.Sunday], 0.6, 6_200_000),
    ];

    private static readonly Campaign[] CampaignWindows =
    [
        new() { CampaignId = "dy-2021-nianhuo", Platform = Platform.Douyin, Name = "抖音好物年货节", StartsOn = Festival.From, EndsOn = Festival.To, Kind = "platform_festival" },
        new() { CampaignId = "dy-2021-0308", Platform = Platform.Douyin, Name = "三八女王节", StartsOn = new(2021, 3, 1), EndsOn = new(2021, 3, 8), Kind = "platform_promotion" },
        new() { CampaignId = "dy-2021-spring-new", Platform = Platform.Douyin, Name = "春季上新季", StartsOn = new(2021, 4, 15), EndsOn = new(2021, 4, 21), Kind = "brand_promotion" },
    ];

    private enum Group
    {
        Self,
        Head,
        Matrix,
        Shelf,
    }

    /// <summary>Simulates the case.</summary>
    public static CaseTables Generate(ulong seed = 2021, ThreeSquirrelsTargets? targets = null)
    {
        targets ??= new ThreeSquirrelsTargets();
        var random = new SeededRandom(seed);
        var tables = new CaseTables { Sales = [], Leaderboard = [] };
        AddAccounts(tables, random.Fork("accounts"));
        tables.Campaigns.AddRange(CampaignWindows);

        var days = Draw.Days(First, Last).ToList();
        var amounts = GroupAmounts(days, targets, random.Fork("demand"));
        var sales = SalesRows(days, amounts, random.Fork("sellers"));
        tables.Sales.AddRange(sales);
        AddSessionsAndTraffic(tables, random.Fork("sessions"));
        tables.Leaderboard.AddRange(Leaderboard());
        AddEconomics(tables, days, random.Fork("economics"));
        return tables;
    }

    /// <summary>The gross margin the economics use (invented: snacks sold near their lowest price).</summary>
    public const double GrossMargin = 0.35;

    /// <summary>
    /// What selling costs the brand, all invented in plausible orders of size for food on Douyin:
    /// talents' commission rates (head anchors 25%, matrix talents 15% to 30%, 精选联盟's usual range),
    /// a slot fee (坑位费) for each head anchor's live day, the own rooms' staff and studio by month,
    /// samples for the matrix and the brand's overhead. Drawn from a stream of its own, so the sales
    /// are the same with or without it.
    /// </summary>
    private static void AddEconomics(CaseTables tables, List<DateOnly> days, SeededRandom random)
    {
        foreach (var account in tables.Accounts)
        {
            account.CommissionRate = account.AccountId switch
            {
                Flagship or BrandAccount => null,
                _ when HeadAnchors.Contains(account.AccountId) => 0.25m,
                _ => decimal.Round((decimal)random.Uniform(0.15, 0.30), 2),
            };
        }

        var n = 0;
        void Cost(CostKind kind, string? account, DateOnly from, DateOnly to, decimal amount, string note) =>
            tables.Costs.Add(new Cost { CostId = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"ts-c{++n:0000}"), Kind = kind, AccountId = account, StartsOn = from, EndsOn = to, Amount = amount, Note = note });

        for (var h = 0; h < Heads.Length; h++)
        {
            foreach (var d in days.Where(d => HeadLive(h, d)))
            {
                Cost(CostKind.SlotFee, HeadAnchors[h], d, d, Draw.Cents(random.Uniform(60_000, 120_000) * Heads[h].Pull), "坑位费, one live day");
            }
        }

        for (var month = new DateOnly(First.Year, First.Month, 1); month <= Last; month = month.AddMonths(1))
        {
            var from = month < First ? First : month;
            var to = month.AddMonths(1).AddDays(-1) > Last ? Last : month.AddMonths(1).AddDays(-1);
            Cost(CostKind.Staff, Flagship, from, to, 720_000m, "anchors, 场控, 运营, 投手 of the flagship room");
            Cost(CostKind.Staff, BrandAccount, from, to, 360_000m, "anchors and 场控 of the brand account's room");
            Cost(CostKind.Studio, Flagship, from, to, 150_000m, "studio, sets and equipment");
            Cost(CostKind.Samples, null, from, to, 80_000m, "samples sent to matrix talents");
            Cost(CostKind.Other, null, from, to, 500_000m, "the e-commerce team's overhead");
        }
    }

    private static void AddAccounts(CaseTables tables, SeededRandom random)
    {
        tables.Accounts.Add(new Account { AccountId = Flagship, Platform = Platform.Douyin, Nickname = "三只松鼠官方旗舰店", Role = SellerRole.Self, BrandOwned = true, Followers = 3_180_000 });
        tables.Accounts.Add(new Account { AccountId = BrandAccount, Platform = Platform.Douyin, Nickname = "三只松鼠", BrandOwned = true, Followers = 2_060_000 });
        for (var i = 0; i < Heads.Length; i++)
        {
            // No explicit role: the follower threshold (5,000,000) makes them head creators.
            tables.Accounts.Add(new Account { AccountId = HeadAnchors[i], Platform = Platform.Douyin, Nickname = Heads[i].Name, BrandOwned = false, Followers = Heads[i].Followers });
        }

        for (var i = 0; i < MatrixTalents; i++)
        {
            var followers = (long)Math.Round(Math.Exp(random.Uniform(Math.Log(8_000), Math.Log(3_500_000))));
            tables.Accounts.Add(new Account
            {
                AccountId = MatrixId(i),
                Platform = Platform.Douyin,
                Nickname = $"零食达人{i + 1:000}",
                Role = random.Chance(0.2) ? SellerRole.Matrix : null,
                BrandOwned = false,
                Followers = followers,
            });
        }
    }

    private static string MatrixId(int i) => (3_000_000_001L + i).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static bool InFestival(DateOnly d) => d >= Festival.From && d <= Festival.To;

    private static bool InLast90(DateOnly d) => d >= Last90Days.From && d <= Last90Days.To;

    private static bool InJanApr(DateOnly d) => d >= new DateOnly(2021, 1, 1) && d <= new DateOnly(2021, 4, 30);

    private static bool HeadLive(int head, DateOnly d) => Heads[head].LiveDays.Contains(d.DayOfWeek) || (InFestival(d) && d.DayOfWeek == DayOfWeek.Wednesday);

    /// <summary>GMV per day and seller group, calibrated to the targets.</summary>
    private static Dictionary<DateOnly, double[]> GroupAmounts(List<DateOnly> days, ThreeSquirrelsTargets targets, SeededRandom random)
    {
        var groups = Enum.GetValues<Group>().Length;
        var amounts = new Dictionary<DateOnly, double[]>();
        for (var i = 0; i < days.Count; i++)
        {
            var d = days[i];
            var level = (1 + (0.25 * i / days.Count)) * Draw.Weekday(d) * random.Noise(0.06);
            level *= d switch
            {
                _ when InFestival(d) => 3.5 + (2.0 * (d.DayNumber - Festival.From.DayNumber) / 19.0),
                _ when d >= new DateOnly(2021, 2, 10) && d <= new DateOnly(2021, 2, 17) => 0.55, // Spring Festival: couriers stop
                _ when d >= new DateOnly(2021, 3, 1) && d <= new DateOnly(2021, 3, 8) => 1.8,
                _ when d >= new DateOnly(2021, 4, 15) && d <= new DateOnly(2021, 4, 21) => 1.4,
                _ => 1.0,
            };

            var headsLive = Enumerable.Range(0, Heads.Length).Where(h => HeadLive(h, d)).Sum(h => Heads[h].Pull);
            var shares = new double[groups];
            shares[(int)Group.Self] = (InFestival(d) ? 0.62 : 0.46) * random.Noise(0.08);
            shares[(int)Group.Head] = (0.06 + (0.22 * headsLive)) * random.Noise(0.1);
            shares[(int)Group.Matrix] = 0.29 * random.Noise(0.08);
            shares[(int)Group.Shelf] = 0.03 * random.Noise(0.1);
            var sum = shares.Sum();
            amounts[d] = [.. shares.Select(s => level * s / sum)];
        }

        // 1. The festival: self-broadcast hits its target; the other groups fill the festival's share.
        var festival = days.Where(InFestival).ToList();
        var selfInFestival = festival.Sum(d => amounts[d][(int)Group.Self]);
        var othersInFestival = festival.Sum(d => amounts[d].Sum() - amounts[d][(int)Group.Self]);
        var festivalSelf = (double)targets.FestivalSelfGmv;
        var festivalOthers = (festivalSelf / targets.FestivalSelfShare) - festivalSelf;
        foreach (var d in festival)
        {
            for (var g = 0; g < groups; g++)
            {
                amounts[d][g] *= g == (int)Group.Self ? festivalSelf / selfInFestival : festivalOthers / othersInFestival;
            }
        }

        // 2. The last 90 days: iterative proportional fitting moves the group shares to their targets
        //    while every day keeps its total.
        var window = days.Where(InLast90).ToList();
        var shareTargets = new double[groups];
        shareTargets[(int)Group.Self] = targets.OwnShareLast90Days;
        shareTargets[(int)Group.Head] = targets.HeadShareLast90Days;
        shareTargets[(int)Group.Shelf] = targets.ShelfShareLast90Days;
        shareTargets[(int)Group.Matrix] = 1 - targets.OwnShareLast90Days - targets.HeadShareLast90Days - targets.ShelfShareLast90Days;
        var dayTotals = window.ToDictionary(d => d, d => amounts[d].Sum());
        var windowTotal = dayTotals.Values.Sum();
        for (var iteration = 0; iteration < 50; iteration++)
        {
            for (var g = 0; g < groups; g++)
            {
                var current = window.Sum(d => amounts[d][g]);
                foreach (var d in window)
                {
                    amounts[d][g] *= shareTargets[g] * windowTotal / current;
                }
            }

            foreach (var d in window)
            {
                var scale = dayTotals[d] / amounts[d].Sum();
                for (var g = 0; g < groups; g++)
                {
                    amounts[d][g] *= scale;
                }
            }
        }

        // 3. January to April: the days outside the festival scale together (shares unchanged) so
        //    that the four months hit the store total.
        var festivalTotal = festival.Sum(d => amounts[d].Sum());
        var otherJanApr = days.Where(d => InJanApr(d) && !InFestival(d)).Sum(d => amounts[d].Sum());
        var scaleOthers = ((double)targets.StoreGmvJanApr - festivalTotal) / otherJanApr;
        foreach (var d in days.Where(d => !InFestival(d)))
        {
            for (var g = 0; g < groups; g++)
            {
                amounts[d][g] *= scaleOthers;
            }
        }

        return amounts;
    }

    private static List<DailySales> SalesRows(List<DateOnly> days, Dictionary<DateOnly, double[]> amounts, SeededRandom random)
    {
        var rows = new List<DailySales>();
        var popularity = Draw.Zipf(MatrixTalents, 1.1);
        var prefersLive = Enumerable.Range(0, MatrixTalents).Select(_ => random.Chance(0.6)).ToArray();
        foreach (var d in days)
        {
            var a = amounts[d];
            void Add(string? account, Channel channel, TrafficType traffic, double gmv)
            {
                if (gmv < 50)
                {
                    return;
                }

                var aov = 62 * random.Noise(0.1);
                var orders = Math.Max(1, (long)Math.Round(gmv / aov));
                var units = Math.Max(orders, (long)Math.Round(orders * random.Uniform(1.3, 1.8)));
                var money = Draw.Cents(gmv);
                var refund = Math.Min(money, Draw.Cents(gmv * Math.Max(0, 0.045 + (0.01 * random.Gaussian()))));
                rows.Add(new DailySales { Date = d, AccountId = account, Channel = channel, TrafficType = traffic, Orders = orders, Units = units, Gmv = money, Refund = refund });
            }

            // Own accounts: the flagship carries about two thirds; live with 千川 on a part of it.
            var flagshipShare = 0.65 * random.Noise(0.05);
            foreach (var (account, share) in new[] { (Flagship, flagshipShare), (BrandAccount, 1 - flagshipShare) })
            {
                var own = a[(int)Group.Self] * share;
                var live = own * 0.88;
                var paid = live * random.Uniform(0.3, 0.4);
                Add(account, Channel.Live, TrafficType.Organic, live - paid);
                Add(account, Channel.Live, TrafficType.Paid, paid);
                Add(account, Channel.ShortVideo, TrafficType.Organic, own - live);
            }

            // Head anchors sell on their live days; on other days only a trickle from short videos.
            var weights = Enumerable.Range(0, Heads.Length).Select(h => Heads[h].Pull * (HeadLive(h, d) ? 10 : 0.3)).ToArray();
            for (var h = 0; h < Heads.Length; h++)
            {
                var gmv = a[(int)Group.Head] * weights[h] / weights.Sum();
                var channel = HeadLive(h, d) ? Channel.Live : Channel.ShortVideo;
                Add(HeadAnchors[h], channel, TrafficType.Organic, gmv * 0.9);
                Add(HeadAnchors[h], channel, TrafficType.Paid, gmv * 0.1);
            }

            // Matrix talents: a Zipf-popular few sell most days, the long tail now and then.
            var active = Enumerable.Range(0, MatrixTalents).Where(i => random.Chance(Math.Min(0.95, 0.03 + (25 * popularity[i])))).ToList();
            var draws = active.Select(i => popularity[i] * random.Noise(0.5)).ToList();
            for (var k = 0; k < active.Count; k++)
            {
                var i = active[k];
                Add(MatrixId(i), prefersLive[i] ? Channel.Live : Channel.ShortVideo, TrafficType.Organic, a[(int)Group.Matrix] * draws[k] / draws.Sum());
            }

            // Shelf: product cards, search and the mall, with no seller account.
            Add(null, Channel.ProductCard, TrafficType.Organic, a[(int)Group.Shelf] * 0.6);
            Add(null, Channel.Search, TrafficType.Organic, a[(int)Group.Shelf] * 0.3);
            Add(null, Channel.Mall, TrafficType.Organic, a[(int)Group.Shelf] * 0.1);
        }

        return rows;
    }

    private static void AddSessionsAndTraffic(CaseTables tables, SeededRandom random)
    {
        var live = tables.Sales!.Where(s => s.Channel == Channel.Live && s.AccountId is not null)
            .GroupBy(s => (s.Date, Account: s.AccountId!))
            .ToDictionary(g => g.Key, g => (Gmv: g.Sum(s => s.Gmv), Paid: g.Where(s => s.TrafficType == TrafficType.Paid).Sum(s => s.Gmv)));

        foreach (var ((date, account), sales) in live.OrderBy(k => k.Key.Date).ThenBy(k => k.Key.Account, StringComparer.Ordinal))
        {
            var isOwn = account is Flagship or BrandAccount;
            if (!isOwn && !HeadAnchors.Contains(account))
            {
                continue;
            }

            // The flagship broadcasts twice a day, the brand account in the evening, head anchors at night.
            (int StartHour, int Hours)[] slots = account switch
            {
                Flagship => [(9, 4), (18, 6)],
                BrandAccount => [(19, 4)],
                _ => [(20, 3)],
            };
            var totalHours = slots.Sum(s => s.Hours);
            string? evening = null;
            for (var k = 0; k < slots.Length; k++)
            {
                var (startHour, hours) = slots[k];
                var id = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"ts-{date:yyyyMMdd}-{account}-{k + 1}");
                evening = id;
                var gmv = (double)sales.Gmv * hours / totalHours;
                var uvValue = isOwn ? 2.2 * random.Noise(0.15) : 3.6 * random.Noise(0.15);
                var viewers = Math.Max(1, (long)Math.Round(gmv / uvValue));
                var views = (long)Math.Round(viewers * random.Uniform(1.5, 2.1));
                var start = date.ToDateTime(new TimeOnly(startHour, 0));
                tables.Sessions.Add(new LiveSession
                {
                    SessionId = id,
                    AccountId = account,
                    StartedAt = start,
                    EndedAt = start.AddHours(hours).AddSeconds(startHour + hours == 24 ? -1 : 0),
                    Views = views,
                    Viewers = viewers,
                    PeakOnline = Math.Max(1, (long)Math.Round(viewers * random.Uniform(0.015, 0.04))),
                    AvgWatchSeconds = Draw.Cents((isOwn ? 95 : 150) * random.Noise(0.15)),
                    NewFans = (long)Math.Round(viewers * random.Uniform(0.005, 0.015)),
                    Exposures = (long)Math.Round(views / random.Uniform(0.10, 0.22)),
                    Entries = views,
                });
            }

            // 千川 for the own rooms: spend follows the paid GMV at a return that is higher in the festival.
            if (isOwn && sales.Paid > 0)
            {
                var roi = (InFestival(date) ? 3.2 : 2.6) * random.Noise(0.15);
                tables.Traffic.Add(new PaidTraffic { Date = date, AccountId = account, SessionId = evening, Tool = TrafficTool.Qianchuan, Spend = Draw.Cents((double)sales.Paid / roi), AttributedGmv = sales.Paid });
            }
        }
    }

    /// <summary>
    /// Peer brands, anonymised and invented so that the article's ranks can be checked against the
    /// case's own computed figures: 2nd in food Jan–Apr; 1st in food and 2nd overall in the festival.
    /// </summary>
    private static IEnumerable<LeaderboardEntry> Leaderboard()
    {
        const string Store = "store-gmv-2021-01-01..2021-04-30";
        const string Festive = "self-broadcast-gmv-2021-01-04..2021-01-23";
        (string Board, string Brand, string Category, decimal Gmv)[] peers =
        [
            (Store, "食品品牌A", "食品", 268_400_000m),
            (Store, "食品品牌B", "食品", 176_300_000m),
            (Store, "食品品牌C", "食品", 142_900_000m),
            (Store, "食品品牌D", "食品", 98_700_000m),
            (Store, "美妆品牌E", "美妆", 391_000_000m),
            (Store, "服饰品牌F", "服饰", 205_600_000m),
            (Festive, "美妆品牌E", "美妆", 81_500_000m),
            (Festive, "食品品牌A", "食品", 52_300_000m),
            (Festive, "服饰品牌F", "服饰", 47_800_000m),
            (Festive, "食品品牌B", "食品", 33_100_000m),
            (Festive, "家电品牌G", "家电", 29_400_000m),
        ];
        return peers.Select(p => new LeaderboardEntry { Board = p.Board, Brand = p.Brand, Category = p.Category, Gmv = p.Gmv });
    }
}
