using System.Security.Cryptography;
using Playbook.Analysis;
using Playbook.Canonical;
using Playbook.Ingest;
using Playbook.Ledger;
using Playbook.Synthesis;
using Playbook.Workspace;

namespace Playbook.Tests.Synthesis;

public class CaseSimulationTests
{
    private static readonly string DataRoot = Path.Combine(Repo.Root, "data");

    public static TheoryData<string> CaseIds() => [.. CaseCatalog.All.Select(c => c.Id)];

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Build_SameSeed_SameBytesAsTheBundledFiles(string id)
    {
        var directory = Path.Combine(Path.GetTempPath(), "playbook-case-" + Guid.NewGuid().ToString("N"));
        try
        {
            var files = CaseBuilder.Build(CaseCatalog.Get(id), directory);
            var bundled = Directory.GetFiles(Path.Combine(DataRoot, id)).Select(Path.GetFileName).Order(StringComparer.Ordinal);

            Assert.Equal(bundled, files.Order(StringComparer.Ordinal));
            foreach (var file in files)
            {
                Assert.True(
                    Hash(Path.Combine(DataRoot, id, file)) == Hash(Path.Combine(directory, file)),
                    $"{id}/{file} differs from what the simulator makes with the case's seed: run `playbook generate --case {id}`");
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void BundledCase_EveryTableLoadsWithoutRejections(string id)
    {
        foreach (var file in Directory.GetFiles(Path.Combine(DataRoot, id), "*.csv"))
        {
            var report = Tables.Validate(file, options: ReadOptions.StrictMode);
            Assert.True(report.Rows > 0, file);
            Assert.Equal(report.Rows, report.Loaded + report.Unpaid);
        }
    }

    [Theory]
    [InlineData(2021UL, 217_000_000, 0.49, 0.20, 0.03, 65_000_000)]
    [InlineData(7UL, 217_000_000, 0.49, 0.20, 0.03, 65_000_000)]
    [InlineData(99UL, 300_000_000, 0.55, 0.15, 0.05, 80_000_000)]
    [InlineData(123UL, 150_000_000, 0.40, 0.25, 0.02, 45_000_000)]
    public void ThreeSquirrels_Targets_HitWithinTolerance(ulong seed, double store, double own, double head, double shelf, double festivalSelf)
    {
        var targets = new ThreeSquirrelsTargets
        {
            StoreGmvJanApr = (decimal)store,
            OwnShareLast90Days = own,
            HeadShareLast90Days = head,
            ShelfShareLast90Days = shelf,
            FestivalSelfGmv = (decimal)festivalSelf,
        };
        var tables = ThreeSquirrelsModel.Generate(seed, targets);
        var roles = new SellerRoles(tables.Accounts);

        // Measured with the library's own ledger, on gross GMV as the article reports sales.
        OrderLedger Window(DateOnly from, DateOnly to)
        {
            var ledger = new OrderLedger(from, to);
            tables.Sales!.ForEach(ledger.Add);
            return ledger;
        }

        decimal Role(OrderLedger l, SellerRole role) => l.ByAccount.Where(a => roles[a.Key] == role).Sum(a => a.Value.Gmv);

        // Stated tolerance: 0.1% on amounts (rows are rounded to cents; rows under ¥50 are dropped), 0.005 on shares.
        var janApr = Window(new DateOnly(2021, 1, 1), new DateOnly(2021, 4, 30));
        Assert.InRange((double)janApr.Total.Gmv, store * 0.999, store * 1.001);

        var last90 = Window(ThreeSquirrelsModel.Last90Days.From, ThreeSquirrelsModel.Last90Days.To);
        var total = (double)last90.Total.Gmv;
        Assert.InRange((double)Role(last90, SellerRole.Self) / total, own - 0.005, own + 0.005);
        Assert.InRange((double)Role(last90, SellerRole.TopKol) / total, head - 0.005, head + 0.005);
        Assert.InRange((double)last90.Shelf.Gmv / total, shelf - 0.005, shelf + 0.005);

        var festival = Window(ThreeSquirrelsModel.Festival.From, ThreeSquirrelsModel.Festival.To);
        Assert.InRange((double)Role(festival, SellerRole.Self), festivalSelf * 0.999, festivalSelf * 1.001);
    }

    [Fact]
    public void ThreeSquirrels_SessionsAndTraffic_Plausible()
    {
        var tables = ThreeSquirrelsModel.Generate();
        var liveByDay = tables.Sales!.Where(s => s.Channel == Channel.Live).GroupBy(s => (s.Date, s.AccountId)).ToDictionary(g => g.Key, g => g.Sum(s => s.Gmv));

        // UV value = the day's live GMV over the day's viewers: ¥1-¥8 for food rooms.
        foreach (var day in tables.Sessions.GroupBy(s => (DateOnly.FromDateTime(s.StartedAt), (string?)s.AccountId)))
        {
            var uvValue = (double)liveByDay[day.Key] / day.Sum(s => s.Viewers!.Value);
            Assert.InRange(uvValue, 1.0, 8.0);
        }

        // 千川 returns between 1.5 and 6 a day, and attributes exactly the paid live GMV.
        Assert.All(tables.Traffic, t => Assert.InRange((double)(t.AttributedGmv!.Value / t.Spend), 1.5, 6.0));
        var paid = tables.Sales!.Where(s => s.TrafficType == TrafficType.Paid && s.Channel == Channel.Live && s.AccountId is ThreeSquirrelsModel.Flagship or ThreeSquirrelsModel.BrandAccount).Sum(s => s.Gmv);
        Assert.Equal(paid, tables.Traffic.Sum(t => t.AttributedGmv!.Value));
    }

    [Theory]
    [InlineData(2020UL)]
    [InlineData(5UL)]
    public void DoraDoshang_Targets_Hit(ulong seed)
    {
        var targets = new DoraDoshangTargets();
        var tables = DoraDoshangModel.Generate(seed, targets);
        var orders = tables.Orders!;

        Assert.InRange(orders.Count, targets.OrderRows * 0.9, targets.OrderRows * 1.1);
        Assert.Equal(targets.FounderStart, DateOnly.FromDateTime(tables.Sessions.Min(s => s.StartedAt)));
        Assert.DoesNotContain(orders, o => o.AccountId == DoraDoshangModel.Founder && DateOnly.FromDateTime(o.PaidAt) < targets.FounderStart);
        var firstYear = tables.Products!.Count(p => p.LaunchedOn >= targets.FounderStart && p.LaunchedOn < targets.FounderStart.AddYears(1));
        Assert.Equal(targets.ProductsLaunchedInFirstYear, firstYear);

        // The service push lifts the 30-day repurchase rate and the share of good reviews.
        double Rate30(DateOnly from, DateOnly to) => Repurchase.Of(OrderLedger.Of(orders, from, to)).Rate30!.Value;
        double Good(DateOnly from, DateOnly to)
        {
            var reviewed = orders.Where(o => o.Review is not null && DateOnly.FromDateTime(o.PaidAt) >= from && DateOnly.FromDateTime(o.PaidAt) <= to).ToList();
            return (double)reviewed.Count(o => o.Review == Review.Positive) / reviewed.Count;
        }

        var before = (new DateOnly(2020, 4, 1), targets.ServicePush.AddDays(-1));
        var after = (targets.ServicePush, DoraDoshangModel.Last);
        Assert.True(Rate30(after.Item1, after.Item2) > 1.2 * Rate30(before.Item1, before.Item2));
        Assert.InRange(Good(before.Item1, before.Item2), targets.GoodReviews.Before - 0.02, targets.GoodReviews.Before + 0.02);
        Assert.InRange(Good(after.Item1, after.Item2), targets.GoodReviews.After - 0.02, targets.GoodReviews.After + 0.02);
    }

    [Fact]
    public void DoraDoshang_FounderOrdersBelongToHerSessions()
    {
        var tables = DoraDoshangModel.Generate();
        var sessions = tables.Sessions.ToDictionary(s => s.SessionId);

        foreach (var order in tables.Orders!.Where(o => o.SessionId is not null))
        {
            var session = sessions[order.SessionId!];
            Assert.Equal(DoraDoshangModel.Founder, order.AccountId);
            Assert.Equal(DateOnly.FromDateTime(session.StartedAt), DateOnly.FromDateTime(order.PaidAt));
        }

        // Mondays are her day off.
        Assert.DoesNotContain(tables.Sessions, s => s.StartedAt.DayOfWeek == DayOfWeek.Monday);
    }

    [Fact]
    public void LargeDataset_WritesTheRowsAskedFor()
    {
        var directory = Path.Combine(Path.GetTempPath(), "playbook-large-" + Guid.NewGuid().ToString("N"));
        try
        {
            LargeDataset.Write(directory, 20_000);
            var orders = Tables.ReadOrders(Path.Combine(directory, "orders.csv"), ReadOptions.StrictMode);

            Assert.Equal(20_000, orders.Rows.Count);
            Assert.True(orders.Rows.Zip(orders.Rows.Skip(1)).All(p => p.First.PaidAt <= p.Second.PaidAt), "orders are in time order");
            Assert.All(orders.Rows, o => Assert.Equal(2021, o.PaidAt.Year));
            Assert.Equal(2_002, Tables.ReadAccounts(Path.Combine(directory, "accounts.csv")).Rows.Count);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string Hash(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}
