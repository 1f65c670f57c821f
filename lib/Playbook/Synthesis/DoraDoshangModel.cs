using System.Globalization;
using Playbook.Canonical;

namespace Playbook.Synthesis;

/// <summary>The figures and trends the Dora Doshang (朵拉朵尚) case is calibrated to.</summary>
public sealed record DoraDoshangTargets
{
    /// <summary>The founder's first self-broadcast: April of the year before the article (2020).</summary>
    public DateOnly FounderStart { get; init; } = new(2020, 4, 8);

    /// <summary>Products developed in the founder's first year: "一年开发了200多个产品".</summary>
    public int ProductsLaunchedInFirstYear { get; init; } = 212;

    /// <summary>When the customer-service push began (invented; the article gives no date).</summary>
    public DateOnly ServicePush { get; init; } = new(2020, 10, 1);

    /// <summary>About how many order rows (sub-orders) to make; the repository stays light.</summary>
    public int OrderRows { get; init; } = 100_000;

    /// <summary>Chance that an order comes from a returning buyer, before and after the service push.</summary>
    public (double Before, double After) ReturningBuyer { get; init; } = (0.22, 0.40);

    /// <summary>Share of good reviews among reviewed orders, before and after the service push.</summary>
    public (double Before, double After) GoodReviews { get; init; } = (0.84, 0.93);
}

/// <summary>
/// A seeded model of Dora Doshang on Kuaishou, 2020-01-01 .. 2021-05-31: a supplier to talent
/// anchors until the founder 李海珍 starts self-broadcasting, then a founder-led room with a fast
/// product line, 小店通 and 小火苗 traffic, fans and a service push that lifts repurchase and
/// good reviews. Rows are simulated; only the article's facts and trends are calibrated.
/// </summary>
public static class DoraDoshangModel
{
    /// <summary>The first day of the case.</summary>
    public static readonly DateOnly First = new(2020, 1, 1);

    /// <summary>The last day of the case.</summary>
    public static readonly DateOnly Last = new(2021, 5, 31);

    /// <summary>The founder's account, 朵拉朵尚李海珍.</summary>
    public const string Founder = "ks-founder-lihaizhen";

    /// <summary>The brand's store account, which opens later and broadcasts with a store anchor.</summary>
    public const string Store = "ks-doradoshang-store";

    private const int Talents = 40;

    private static readonly string[] Categories = ["身体护理", "面部护理", "彩妆", "洗护", "香氛"];

    /// <summary>Simulates the case.</summary>
    public static CaseTables Generate(ulong seed = 2020, DoraDoshangTargets? targets = null)
    {
        targets ??= new DoraDoshangTargets();
        var random = new SeededRandom(seed);
        var tables = new CaseTables { Orders = [], Products = [] };
        AddAccounts(tables, random.Fork("accounts"));
        AddProducts(tables, targets, random.Fork("products"));
        tables.Campaigns.AddRange(
        [
            new() { CampaignId = "ks-2020-616", Platform = Platform.Kuaishou, Name = "616品质购物节", StartsOn = new(2020, 6, 1), EndsOn = new(2020, 6, 18), Kind = "platform_festival" },
            new() { CampaignId = "ks-2020-1111", Platform = Platform.Kuaishou, Name = "快手116品质购物节", StartsOn = new(2020, 11, 1), EndsOn = new(2020, 11, 11), Kind = "platform_festival" },
            new() { CampaignId = "ks-2021-nianhuo", Platform = Platform.Kuaishou, Name = "快手年货节", StartsOn = new(2021, 1, 10), EndsOn = new(2021, 1, 31), Kind = "platform_festival" },
        ]);
        AddOrders(tables, targets, random.Fork("orders"));
        AddSessionsAndTraffic(tables, targets, random.Fork("sessions"));
        AddEconomics(tables, targets, random.Fork("economics"));
        return tables;
    }

    /// <summary>The gross margin the economics use (invented: skincare).</summary>
    public const double GrossMargin = 0.65;

    /// <summary>
    /// What selling costs the brand, all invented in plausible orders of size for beauty on Kuaishou:
    /// each talent's commission rate (head anchors 35% to 40%, the others 25% to 35%; 快手分销's usual
    /// range for skincare), written on its orders as 快手小店 exports give 预估推广佣金, a slot fee for
    /// each head anchor's month of sales, the founder's and the store's rooms' staff and studio from
    /// the month they start, samples, and the brand's overhead. Drawn from a stream of its own, so the
    /// sales are the same with or without it.
    /// </summary>
    private static void AddEconomics(CaseTables tables, DoraDoshangTargets targets, SeededRandom random)
    {
        var rates = new Dictionary<string, decimal>(StringComparer.Ordinal);
        for (var i = 0; i < Talents; i++)
        {
            rates[TalentId(i)] = decimal.Round((decimal)(i < 3 ? random.Uniform(0.35, 0.40) : random.Uniform(0.25, 0.35)), 2);
        }

        foreach (var account in tables.Accounts.Where(a => rates.ContainsKey(a.AccountId)))
        {
            account.CommissionRate = rates[account.AccountId];
        }

        foreach (var order in tables.Orders!.Where(o => o.AccountId is { } a && rates.ContainsKey(a)))
        {
            order.Commission = decimal.Round(order.Gmv * rates[order.AccountId!], 2, MidpointRounding.AwayFromZero);
        }

        var n = 0;
        void Cost(CostKind kind, string? account, DateOnly from, DateOnly to, decimal amount, string note) =>
            tables.Costs.Add(new Cost { CostId = string.Create(CultureInfo.InvariantCulture, $"dd-c{++n:0000}"), Kind = kind, AccountId = account, StartsOn = from, EndsOn = to, Amount = amount, Note = note });

        var sold = tables.Orders!.Where(o => o.AccountId is not null).Select(o => (o.AccountId!, new DateOnly(o.PaidAt.Year, o.PaidAt.Month, 1))).ToHashSet();
        var storeStart = tables.Orders!.Where(o => o.AccountId == Store).Select(o => DateOnly.FromDateTime(o.PaidAt)).DefaultIfEmpty(Last).Min();
        for (var month = new DateOnly(First.Year, First.Month, 1); month <= Last; month = month.AddMonths(1))
        {
            var end = month.AddMonths(1).AddDays(-1) > Last ? Last : month.AddMonths(1).AddDays(-1);
            for (var i = 0; i < 3; i++)
            {
                if (sold.Contains((TalentId(i), month)))
                {
                    Cost(CostKind.SlotFee, TalentId(i), month, end, Draw.Cents(random.Uniform(8_000, 15_000)), "坑位费 for the month's slots");
                }
            }

            if (end >= targets.FounderStart)
            {
                var from = month < targets.FounderStart ? targets.FounderStart : month;
                Cost(CostKind.Staff, Founder, from, end, 38_000m, "场控, 运营, 投手 and an assistant of the founder's room");
                Cost(CostKind.Studio, Founder, from, end, 9_000m, "studio and equipment");
            }

            if (end >= storeStart)
            {
                Cost(CostKind.Staff, Store, month < storeStart ? storeStart : month, end, 22_000m, "the store anchor and 场控");
            }

            Cost(CostKind.Samples, null, month, end, 6_000m, "samples sent to anchors");
            Cost(CostKind.Other, null, month, end, 25_000m, "the e-commerce team's overhead");
        }
    }

    private static string TalentId(int i) => string.Create(CultureInfo.InvariantCulture, $"ks-talent-{i + 1:00}");

    private static void AddAccounts(CaseTables tables, SeededRandom random)
    {
        tables.Accounts.Add(new Account { AccountId = Founder, Platform = Platform.Kuaishou, Nickname = "朵拉朵尚李海珍", Role = SellerRole.Self, BrandOwned = true, Followers = 2_340_000 });
        tables.Accounts.Add(new Account { AccountId = Store, Platform = Platform.Kuaishou, Nickname = "朵拉朵尚官方旗舰店", BrandOwned = true, Followers = 186_000 });
        for (var i = 0; i < Talents; i++)
        {
            // Three head anchors above the 5,000,000-follower threshold; the rest are matrix talents.
            var followers = i < 3 ? 12_000_000 - (i * 3_000_000) : (long)Math.Round(Math.Exp(random.Uniform(Math.Log(20_000), Math.Log(3_000_000))));
            tables.Accounts.Add(new Account { AccountId = TalentId(i), Platform = Platform.Kuaishou, Nickname = string.Create(CultureInfo.InvariantCulture, $"快手主播{i + 1:00}"), BrandOwned = false, Followers = followers });
        }
    }

    private static void AddProducts(CaseTables tables, DoraDoshangTargets targets, SeededRandom random)
    {
        var products = tables.Products!;
        void Add(DateOnly launched, string category, bool exclusive)
        {
            var n = products.Count + 1;
            products.Add(new Product
            {
                ProductId = string.Create(CultureInfo.InvariantCulture, $"dd-p{n:000}"),
                Name = string.Create(CultureInfo.InvariantCulture, $"朵拉朵尚{category}{n:000}"),
                Category = category,
                LaunchedOn = launched,
                ListPrice = Draw.Cents(Math.Round(random.Uniform(29, 199)) - 0.1),
                ChannelExclusive = exclusive,
            });
        }

        // The line before self-broadcast leans on body care (身体护理), which sold poorly on Kuaishou.
        for (var i = 0; i < 24; i++)
        {
            Add(new DateOnly(2019, 3, 1).AddDays(random.Next(300)), i < 14 ? "身体护理" : Categories[1 + random.Next(4)], false);
        }

        // The founder's first year: products developed around 老铁's needs, some made for Kuaishou only.
        var yearDays = targets.FounderStart.AddYears(1).DayNumber - targets.FounderStart.DayNumber;
        var launches = Enumerable.Range(0, targets.ProductsLaunchedInFirstYear)
            .Select(_ => targets.FounderStart.AddDays(random.Next(yearDays)))
            .Order()
            .ToList();
        foreach (var day in launches)
        {
            Add(day, Categories[1 + random.Next(4)], random.Chance(0.18));
        }
    }

    private static void AddOrders(CaseTables tables, DoraDoshangTargets targets, SeededRandom random)
    {
        var days = Draw.Days(First, Last).ToList();
        var talentPull = Draw.Zipf(Talents, 0.9);
        var buyers = new List<string>();
        var products = tables.Products!;
        var orders = tables.Orders!;

        // Relative order volume per day, then scaled so that the case has about the target rows.
        double Volume(DateOnly d, string seller)
        {
            var t = (d.DayNumber - First.DayNumber) / (double)days.Count;
            var festive = tables.Campaigns.Any(c => d >= c.StartsOn && d <= c.EndsOn) ? 1.6 : 1.0;
            var springFestival = d >= new DateOnly(2021, 2, 9) && d <= new DateOnly(2021, 2, 17) ? 0.5 : 1.0;
            var months = (d.DayNumber - targets.FounderStart.DayNumber) / 30.0;
            var volume = seller switch
            {
                Founder when d < targets.FounderStart => 0,
                Founder => Math.Min(1.0, 0.15 + (months * 0.09)) * 2.6 * (d.DayOfWeek == DayOfWeek.Monday ? 0.25 : 1.0),
                Store when d < new DateOnly(2020, 9, 1) => 0,
                Store => 0.12,
                _ => 0.8 + (0.3 * t),
            };
            return volume * festive * springFestival * Draw.Weekday(d);
        }

        var sellers = new[] { Founder, Store, "talents", "shelf" };
        var relative = days.Sum(d => sellers.Sum(s => s == "shelf" ? 0.08 : Volume(d, s)));
        var perUnit = targets.OrderRows / 1.15 / relative;
        long parents = 0;
        foreach (var d in days)
        {
            var afterPush = d >= targets.ServicePush;
            foreach (var seller in sellers)
            {
                var expected = (seller == "shelf" ? 0.08 : Volume(d, seller)) * perUnit * random.Noise(0.12);
                var count = (int)Math.Floor(expected + random.NextDouble());
                for (var k = 0; k < count; k++)
                {
                    parents++;
                    var account = seller switch
                    {
                        "talents" => TalentId(random.Pick(talentPull)),
                        "shelf" => null,
                        _ => seller,
                    };
                    var isSelf = account is Founder or Store;
                    var returning = buyers.Count > 0 && random.Chance(afterPush ? targets.ReturningBuyer.After : targets.ReturningBuyer.Before);
                    string buyer;
                    if (returning)
                    {
                        // Returning buyers are mostly recent ones.
                        var window = Math.Min(buyers.Count, 6_000);
                        buyer = buyers[buyers.Count - 1 - (int)(window * random.NextDouble() * random.NextDouble())];
                    }
                    else
                    {
                        buyer = string.Create(CultureInfo.InvariantCulture, $"KS{buyers.Count + 1:0000000}");
                        buyers.Add(buyer);
                    }

                    var paidAt = d.ToDateTime(new TimeOnly(isSelf ? 19 + random.Next(5) : 10 + random.Next(13), random.Next(60), random.Next(60)));
                    // The founder rests on Mondays: her orders that day come from short videos.
                    var channel = account is null ? Channel.ProductCard
                        : account == Founder && d.DayOfWeek == DayOfWeek.Monday ? Channel.ShortVideo
                        : random.Chance(isSelf ? 0.94 : 0.85) ? Channel.Live : Channel.ShortVideo;
                    var fan = account is null ? (bool?)null : random.Chance(isSelf ? (afterPush ? 0.66 : 0.55) : 0.25);
                    var paid = isSelf && channel == Channel.Live && d >= targets.FounderStart && random.Chance(0.3);
                    var items = random.Chance(0.12) ? 2 : 1;
                    var parent = string.Create(CultureInfo.InvariantCulture, $"{d:yyyyMMdd}{parents:0000000}");
                    for (var item = 0; item < items; item++)
                    {
                        var product = PickProduct(products, d, random);
                        var quantity = random.Chance(0.2) ? 2 : 1;
                        var gmv = Draw.Cents((double)product.ListPrice!.Value * quantity * random.Uniform(0.7, 0.95));
                        var refunded = random.Chance(afterPush ? 0.045 : 0.07);
                        orders.Add(new Order
                        {
                            OrderId = string.Create(CultureInfo.InvariantCulture, $"{parent}{item + 1}"),
                            ParentOrderId = parent,
                            Platform = Platform.Kuaishou,
                            PaidAt = paidAt,
                            AccountId = account,
                            Channel = channel,
                            TrafficType = paid ? TrafficType.Paid : TrafficType.Organic,
                            ProductId = product.ProductId,
                            Quantity = quantity,
                            Gmv = gmv,
                            Refund = refunded ? gmv : 0m,
                            BuyerId = buyer,
                            BuyerIsFan = fan,
                            Review = Review(random, afterPush ? targets.GoodReviews.After : targets.GoodReviews.Before),
                        });
                    }
                }
            }
        }
    }

    private static Product PickProduct(List<Product> products, DateOnly day, SeededRandom random)
    {
        // Launched products only; new launches sell best for their first two months, body care least.
        var weights = products.Select(p =>
        {
            if (p.LaunchedOn > day)
            {
                return 0.0;
            }

            var age = day.DayNumber - p.LaunchedOn!.Value.DayNumber;
            var fresh = age < 60 ? 3.0 : 1.0;
            return fresh * (p.Category == "身体护理" ? 0.3 : 1.0);
        }).ToList();
        return products[random.Pick(weights)];
    }

    private static Review? Review(SeededRandom random, double good)
    {
        if (random.Chance(0.45))
        {
            return null;
        }

        var x = random.NextDouble();
        var bad = (1 - good) * 0.5;
        return x < good ? Canonical.Review.Positive : x < good + bad ? Canonical.Review.Negative : Canonical.Review.Neutral;
    }

    private static void AddSessionsAndTraffic(CaseTables tables, DoraDoshangTargets targets, SeededRandom random)
    {
        // The founder broadcasts six evenings a week; her live orders that evening belong to the session.
        var byDay = tables.Orders!.Where(o => o.AccountId == Founder && o.Channel == Channel.Live).GroupBy(o => DateOnly.FromDateTime(o.PaidAt)).OrderBy(g => g.Key);
        foreach (var day in byDay)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"dd-{day.Key:yyyyMMdd}");
            var gmv = (double)day.Sum(o => o.Gmv);
            var viewers = Math.Max(1, (long)Math.Round(gmv / (5.0 * random.Noise(0.15))));
            var views = (long)Math.Round(viewers * random.Uniform(1.6, 2.4));
            var start = day.Key.ToDateTime(new TimeOnly(19, 0));
            tables.Sessions.Add(new LiveSession
            {
                SessionId = id,
                AccountId = Founder,
                StartedAt = start,
                EndedAt = start.AddHours(4).AddSeconds(59 * 60 + 59),
                Views = views,
                Viewers = viewers,
                PeakOnline = Math.Max(1, (long)Math.Round(viewers * random.Uniform(0.03, 0.07))),
                AvgWatchSeconds = Draw.Cents(130 * random.Noise(0.15)),
                NewFans = (long)Math.Round(viewers * random.Uniform(0.01, 0.03)),
                Exposures = (long)Math.Round(views / random.Uniform(0.08, 0.18)),
                Entries = views,
            });
            foreach (var order in day)
            {
                order.SessionId = id;
            }

            // 小店通 buys most of the room's paid traffic, 小火苗 the rest.
            var paid = day.Where(o => o.TrafficType == TrafficType.Paid).Sum(o => o.Gmv);
            if (paid > 0)
            {
                var roi = 2.3 * random.Noise(0.2);
                var share = random.Uniform(0.6, 0.8);
                var xdt = Draw.Cents((double)paid * share);
                tables.Traffic.Add(new PaidTraffic { Date = day.Key, AccountId = Founder, SessionId = id, Tool = TrafficTool.Xiaodiantong, Spend = Draw.Cents((double)xdt / roi), AttributedGmv = xdt });
                tables.Traffic.Add(new PaidTraffic { Date = day.Key, AccountId = Founder, SessionId = id, Tool = TrafficTool.Xiaohuomiao, Spend = Draw.Cents((double)(paid - xdt) / roi), AttributedGmv = paid - xdt });
            }
        }

        if (tables.Sessions.Count > 0 && DateOnly.FromDateTime(tables.Sessions[0].StartedAt) != targets.FounderStart)
        {
            throw new InvalidOperationException("the founder's first session must fall on the founder start day");
        }
    }
}
