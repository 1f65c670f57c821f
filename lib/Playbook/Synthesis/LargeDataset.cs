using System.Globalization;
using Playbook.Canonical;
using Playbook.Sources;

namespace Playbook.Synthesis;

/// <summary>
/// A big brand's year on Douyin at any size, for benchmarks: canonical orders, accounts, campaigns
/// and products. Orders are made and written one at a time, so memory does not grow with the count.
/// </summary>
public static class LargeDataset
{
    private const int Talents = 2_000;
    private const int ProductCount = 400;

    /// <summary>The layouts orders can be written in: ids of the source adapters that write orders.</summary>
    public static IReadOnlyList<string> Layouts => [.. SourceRegistry.Writers<Order>().Keys];

    /// <summary>The first day of the year simulated.</summary>
    public static readonly DateOnly First = new(2021, 1, 1);

    /// <summary>
    /// Writes orders.csv (<paramref name="orders"/> rows), accounts.csv, campaigns.csv and products.csv to <paramref name="directory"/>;
    /// the orders in the layout of the source adapter <paramref name="layout"/> (<see cref="Layouts"/>), such as
    /// <c>douyin_export</c>: a 抖店 export with Chinese headers, refunds only in full.
    /// </summary>
    /// <exception cref="ArgumentException">No adapter of that id writes orders.</exception>
    public static IReadOnlyList<string> Write(string directory, long orders, ulong seed = 7, string layout = "canonical")
    {
        ArgumentOutOfRangeException.ThrowIfNegative(orders);
        var writer = SourceRegistry.Writers<Order>().GetValueOrDefault(layout)
            ?? throw new ArgumentException($"no order layout '{layout}': expected one of {string.Join(", ", Layouts)}", nameof(layout));
        Directory.CreateDirectory(directory);
        var random = new SeededRandom(seed);
        var accounts = Accounts(random.Fork("accounts")).ToList();
        CanonicalCsv.Write(Path.Combine(directory, "accounts.csv"), accounts);
        CanonicalCsv.Write(Path.Combine(directory, "campaigns.csv"), Campaigns());
        var products = Products(random.Fork("products")).ToList();
        CanonicalCsv.Write(Path.Combine(directory, "products.csv"), products);
        var rows = Orders(orders, accounts, products, random.Fork("orders"));
        writer.Write(Path.Combine(directory, "orders.csv"), rows, accounts.ToDictionary(a => a.AccountId, StringComparer.Ordinal));

        return ["orders.csv", "accounts.csv", "campaigns.csv", "products.csv"];
    }

    private static IEnumerable<Account> Accounts(SeededRandom random)
    {
        yield return new Account { AccountId = "9000000001", Platform = Platform.Douyin, Nickname = "品牌官方旗舰店", Role = SellerRole.Self, BrandOwned = true, Followers = 5_200_000 };
        yield return new Account { AccountId = "9000000002", Platform = Platform.Douyin, Nickname = "品牌号", BrandOwned = true, Followers = 1_900_000 };
        for (var i = 0; i < Talents; i++)
        {
            yield return new Account
            {
                AccountId = (9_100_000_000L + i).ToString(CultureInfo.InvariantCulture),
                Platform = Platform.Douyin,
                Nickname = string.Create(CultureInfo.InvariantCulture, $"达人{i:0000}"),
                BrandOwned = false,
                Followers = i < 8 ? 6_000_000 + (i * 2_000_000) : (long)Math.Round(Math.Exp(random.Uniform(Math.Log(5_000), Math.Log(4_000_000)))),
            };
        }
    }

    private static IEnumerable<Campaign> Campaigns() =>
    [
        new() { CampaignId = "y-nianhuo", Platform = Platform.Douyin, Name = "年货节", StartsOn = new(2021, 1, 4), EndsOn = new(2021, 1, 23), Kind = "platform_festival" },
        new() { CampaignId = "y-618", Platform = Platform.Douyin, Name = "618好物节", StartsOn = new(2021, 6, 1), EndsOn = new(2021, 6, 18), Kind = "platform_festival" },
        new() { CampaignId = "y-1111", Platform = Platform.Douyin, Name = "双11好物节", StartsOn = new(2021, 10, 20), EndsOn = new(2021, 11, 11), Kind = "platform_festival" },
        new() { CampaignId = "y-1212", Platform = Platform.Douyin, Name = "双12", StartsOn = new(2021, 12, 1), EndsOn = new(2021, 12, 12), Kind = "platform_promotion" },
    ];

    private static IEnumerable<Product> Products(SeededRandom random)
    {
        for (var i = 0; i < ProductCount; i++)
        {
            yield return new Product
            {
                ProductId = (3_600_000_000_000_000_000L + i).ToString(CultureInfo.InvariantCulture),
                Name = string.Create(CultureInfo.InvariantCulture, $"商品{i:000}"),
                Category = "休闲食品",
                LaunchedOn = First.AddDays(-random.Next(400)),
                ListPrice = Draw.Cents(Math.Round(random.Uniform(15, 200)) - 0.1),
                ChannelExclusive = random.Chance(0.1),
            };
        }
    }

    private static IEnumerable<Order> Orders(long count, List<Account> accounts, List<Product> products, SeededRandom random)
    {
        var talentPull = Draw.Zipf(Talents, 1.05);
        var cumulative = new double[Talents];
        var sum = 0.0;
        for (var i = 0; i < Talents; i++)
        {
            sum += talentPull[i];
            cumulative[i] = sum;
        }

        var buyers = Math.Max(1, count / 3);
        var secondsInYear = 365 * 24 * 3600;
        Order? previous = null;
        for (long n = 0; n < count; n++)
        {
            var product = products[random.Next(products.Count)];
            var quantity = random.Chance(0.2) ? 2 : 1;
            var gmv = Draw.Cents((double)product.ListPrice!.Value * quantity * random.Uniform(0.7, 0.95));
            var orderId = (5_000_000_000_000_000_000L + n).ToString(CultureInfo.InvariantCulture);
            var refund = random.Chance(0.05) ? gmv : 0m;

            // One in five rows is a second product of the order before: the same parent, buyer, seller and payment.
            if (previous is not null && random.Chance(0.2))
            {
                previous = new Order
                {
                    OrderId = orderId,
                    ParentOrderId = previous.ParentOrderId,
                    Platform = Platform.Douyin,
                    PaidAt = previous.PaidAt,
                    AccountId = previous.AccountId,
                    Channel = previous.Channel,
                    TrafficType = previous.TrafficType,
                    ProductId = product.ProductId,
                    Quantity = quantity,
                    Gmv = gmv,
                    Refund = refund,
                    BuyerId = previous.BuyerId,
                    BuyerIsFan = previous.BuyerIsFan,
                };
                yield return previous;
                continue;
            }

            // Orders are spread over the year in order, with random seconds, so the file is time-sorted.
            var paidAt = First.ToDateTime(TimeOnly.MinValue).AddSeconds((long)((n + random.NextDouble()) * secondsInYear / Math.Max(1, count)));
            var pick = random.NextDouble();
            string? account = pick switch
            {
                < 0.45 => accounts[pick < 0.30 ? 0 : 1].AccountId,
                < 0.97 => accounts[2 + Math.Min(Talents - 1, LowerBound(cumulative, random.NextDouble()))].AccountId,
                _ => null,
            };
            previous = new Order
            {
                OrderId = orderId,
                ParentOrderId = orderId,
                Platform = Platform.Douyin,
                PaidAt = paidAt,
                AccountId = account,
                Channel = account is null ? Channel.ProductCard : random.Chance(0.85) ? Channel.Live : Channel.ShortVideo,
                TrafficType = random.Chance(0.3) ? TrafficType.Paid : TrafficType.Organic,
                ProductId = product.ProductId,
                Quantity = quantity,
                Gmv = gmv,
                Refund = refund,
                BuyerId = string.Create(CultureInfo.InvariantCulture, $"U{(long)(random.NextDouble() * random.NextDouble() * buyers):0000000000}"),
                BuyerIsFan = random.Chance(0.4),
            };
            yield return previous;
        }
    }

    private static int LowerBound(double[] cumulative, double x)
    {
        var index = Array.BinarySearch(cumulative, x);
        return index >= 0 ? index : ~index;
    }
}
