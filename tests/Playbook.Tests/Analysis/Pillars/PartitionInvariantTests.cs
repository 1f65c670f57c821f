using Playbook.Analysis;
using Playbook.Canonical;
using Playbook.Ingest;

namespace Playbook.Tests.Analysis.Pillars;

/// <summary>A partition's pillars plus the shelf sum to the total to the cent, whatever the data.</summary>
public class PartitionInvariantTests
{
    public static TheoryData<string> FrameworkCodes() => ["fact", "steps"];

    [Theory]
    [MemberData(nameof(FrameworkCodes))]
    public void Partition_HandFixture_SumsToTotal(string framework)
    {
        foreach (var threshold in new long[] { 0, 5_000_000, 7_000_000, long.MaxValue })
        {
            var report = PillarAnalysis.Analyze(
                new AnalysisInput { Framework = Frameworks.Get(framework), Orders = PillarFixture.Orders(), Accounts = PillarFixture.Accounts },
                new AnalysisOptions { TopKolFollowers = threshold });
            AssertSums(report);
        }
    }

    [Theory]
    [MemberData(nameof(FrameworkCodes))]
    public void Partition_SampleFiles_SumsToTotal(string framework)
    {
        var samples = Path.Combine(Repo.Root, "data", "samples");
        foreach (var file in new[] { "orders.csv", "douyin-export.csv", "orders-with-errors.csv" })
        {
            var orders = Tables.ReadOrders(Path.Combine(samples, file));
            var report = PillarAnalysis.Analyze(new AnalysisInput
            {
                Framework = Frameworks.Get(framework),
                Orders = orders.Rows,
                Accounts = Tables.ReadAccounts(Path.Combine(samples, "accounts.csv")).Rows,
            });
            AssertSums(report);

            // An independent sum of the loaded rows.
            Assert.Equal(orders.Rows.Sum(o => o.Gmv) - orders.Rows.Sum(o => o.Refund), report.Totals.NetGmv);
        }
    }

    [Theory]
    [InlineData("fact", 1)]
    [InlineData("fact", 2)]
    [InlineData("fact", 3)]
    [InlineData("steps", 4)]
    [InlineData("steps", 5)]
    public void Partition_GeneratedOrders_SumsToTotal(string framework, int seed)
    {
        var random = new Random(seed);
        var accounts = Enumerable.Range(0, 40).Select(i => new Account
        {
            AccountId = $"a{i}",
            Platform = Platform.Douyin,
            Role = random.Next(4) == 0 ? (SellerRole)random.Next(3) : null,
            BrandOwned = random.Next(6) == 0 ? true : null,
            Followers = random.Next(3) == 0 ? null : random.NextInt64(0, 20_000_000),
        }).ToList();
        var orders = Enumerable.Range(0, 5_000).Select(i =>
        {
            var gmv = random.Next(1, 100_000) / 100m;
            return new Order
            {
                OrderId = $"o{i}",
                Platform = Platform.Douyin,
                PaidAt = new DateTime(2021, 1, 1).AddMinutes(random.Next(0, 60 * 24 * 120)),

                // Some orders have no seller, some a seller missing from the accounts table.
                AccountId = random.Next(10) == 0 ? null : $"a{random.Next(45)}",
                Channel = Channel.Live,
                ProductId = "p",
                Quantity = 1,
                Gmv = gmv,
                Refund = random.Next(5) == 0 ? decimal.Round(gmv * random.Next(0, 101) / 100m, 2) : 0m,
                BuyerId = $"b{random.Next(2_000)}",
            };
        }).ToList();

        var report = PillarAnalysis.Analyze(
            new AnalysisInput { Framework = Frameworks.Get(framework), Orders = orders, Accounts = accounts },
            new AnalysisOptions { TopKolFollowers = random.NextInt64(1, 20_000_000) });

        AssertSums(report);
        Assert.Equal(orders.Sum(o => o.Gmv - o.Refund), report.Totals.NetGmv);
    }

    private static void AssertSums(PillarReport report)
    {
        Assert.Equal(report.Totals.Gmv, report.Partition.Sum(p => p.Gmv));
        Assert.Equal(report.Totals.Refund, report.Partition.Sum(p => p.Refund));
        Assert.Equal(report.Totals.NetGmv, report.Partition.Sum(p => p.NetGmv));
        Assert.Equal(report.Totals.Orders, report.Partition.Sum(p => p.Orders));
        if (report.Totals.NetGmv > 0)
        {
            Assert.Equal(1.0, report.Partition.Sum(p => p.Share), 9);
        }
    }
}
