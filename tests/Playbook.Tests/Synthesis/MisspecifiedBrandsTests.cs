using Playbook.Analysis;
using Playbook.Canonical;
using Playbook.Synthesis;
using Playbook.Workspace;

namespace Playbook.Tests.Synthesis;

/// <summary>
/// The brands that are not our model break its assumptions as they say they do, and the allocator's
/// intervals still cover their truth: a small run of what <c>bench mmm-misspecified</c> runs in full.
/// </summary>
public class MisspecifiedBrandsTests
{
    [Fact]
    public void CampaignConfounded_Generate_ACampaignMissingFromTheTableAndSpendLiftedOnCampaignDays()
    {
        var (tables, truth) = MisspecifiedBrands.Generate(MisspecifiedWorld.CampaignConfounded, 3, 240);

        Assert.Equal(3, tables.Campaigns.Count);
        Assert.All(truth.Drivers, d => Assert.Equal(1.0, d.Shape));
        var campaign = tables.Campaigns[0];
        var spend = tables.Traffic.ToDictionary(t => t.Date, t => (double)t.Spend);
        var inside = spend.Where(s => s.Key >= campaign.StartsOn && s.Key <= campaign.EndsOn).Average(s => s.Value);
        var outside = spend.Where(s => s.Key < campaign.StartsOn.AddDays(-3) && s.Key >= campaign.StartsOn.AddDays(-30)).Average(s => s.Value);
        Assert.True(inside > 1.8 * outside, $"campaign spend {inside:0} against {outside:0} before it");
    }

    [Fact]
    public void Cannibalizing_Generate_TalentsRecordMoreThanTheyAdd()
    {
        var (tables, truth) = MisspecifiedBrands.Generate(MisspecifiedWorld.Cannibalizing, 3, 240);

        // The talents' recorded sales are gross: part of them the brand's own room would have made anyway.
        var recorded = tables.Sales!.Where(s => s.AccountId == "talent_001").Sum(s => (double)s.Gmv);
        var added = truth.Drivers.Single(d => d.Name == "talent_sessions").Contribution.Sum();
        Assert.InRange(recorded / added, 1.15, 1.8);
        Assert.Contains(tables.Sales!, s => s.Channel == Channel.ShortVideo && s.AccountId == "brand_room_1");
    }

    [Fact]
    public void FeedbackWeekly_Generate_SpendFollowsLastWeeksSales()
    {
        var (tables, _) = MisspecifiedBrands.Generate(MisspecifiedWorld.FeedbackWeekly, 3, 240);

        var sales = tables.Sales!.GroupBy(s => s.Date).ToDictionary(g => g.Key, g => (double)g.Sum(s => s.Gmv));
        var weeks = tables.Traffic.Where(t => t.Date.DayNumber % 7 == tables.Traffic[0].Date.DayNumber % 7).Skip(1).ToList();
        var spend = weeks.Select(t => (double)t.Spend).ToArray();
        var lastWeek = weeks.Select(t => Enumerable.Range(1, 7).Average(k => sales.GetValueOrDefault(t.Date.AddDays(-k)))).ToArray();
        Assert.True(Correlation(spend, lastWeek) > 0.3, $"spend and last week's sales correlate {Correlation(spend, lastWeek):0.00}");
    }

    [Fact]
    public void MediaMixModel_EveryMisspecifiedWorld_NinetyPercentIntervalsCoverMostTrueRoas()
    {
        // Three seeds of each world: one seed's twelve intervals are too few to tell 80% from chance (seed 1 alone
        // covered 10, 9 and 8 of its 12 as the fit changed in issue 25, seeds 2 and 3 11 or 12).
        var covered = 0;
        var intervals = 0;
        foreach (var world in MisspecifiedBrands.All)
        {
            for (var seed = 1UL; seed <= 3; seed++)
            {
                var (tables, truth) = MisspecifiedBrands.Generate(world, seed, 300);
                using var folder = new TempFolder();
                tables.Write(folder.Path);
                var result = MediaMixModel.Fit(MediaInputs.From(new BrandData(folder.Path)), new MediaMixOptions { Draws = 40, Seed = (int)seed });
                var plan = BudgetAllocator.Allocate(result, new AllocationRequest { Costs = MediaMixSimulator.Costs });
                foreach (var driver in plan.Drivers)
                {
                    var real = truth.Drivers.Single(d => d.Name == driver.Driver).Roas;
                    intervals++;
                    covered += real >= driver.Roas!.Low && real <= driver.Roas.High ? 1 : 0;
                }
            }
        }

        Assert.Equal(36, intervals);
        Assert.True(covered >= 29, $"{covered} of {intervals} intervals cover the true ROAS (want 80% or more)");
    }

    private static double Correlation(double[] a, double[] b)
    {
        var ma = a.Average();
        var mb = b.Average();
        var ab = a.Zip(b).Sum(p => (p.First - ma) * (p.Second - mb));
        return ab / Math.Sqrt(a.Sum(x => (x - ma) * (x - ma)) * b.Sum(y => (y - mb) * (y - mb)));
    }
}
