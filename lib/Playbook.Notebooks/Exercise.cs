using System.Globalization;
using Playbook.Analysis;
using Playbook.Ingest;
using Playbook.Workspace;

namespace Playbook.Notebooks;

/// <summary>
/// Checks a learner's answer to a notebook exercise. The right answer is computed from the data
/// by the library when the check runs, never written down: change the data and the answer follows.
/// </summary>
public static class Exercise
{
    private sealed record Numeric(Func<double> Expected, double Tolerance, string Hint);

    private static readonly Dictionary<string, Numeric> Numbers = new(StringComparer.Ordinal)
    {
        ["00-dora-orders"] = new(() => Tables.Validate(Path.Combine(WorkspaceFolders.DataRoot(), "dora-doshang", "orders.csv")).Loaded, 0, "count the order rows: Tables.ReadOrders(…).Rows.Count, or read the data card"),
        ["00-sample-uv-value"] = new(SampleUvValue, 0.005, "UV value = GMV / unique viewers (UV) of the session"),
        ["01-campaign-share"] = new(SampleCampaignShare, 0.0005, "the C overlay's share: net GMV inside any campaign window / all net GMV"),
        ["02-head-share-90d"] = new(() => ThreeSquirrels90Days().Partition.Single(p => p.Pillar == "T").Share, 0.005, "the T line of the partition for 2021-01-31 .. 2021-04-30"),
        ["02-festival-uplift"] = new(() => Workbench.Case("three-squirrels").Analyze().Campaigns.Single(c => c.Name == "抖音好物年货节").Uplift ?? double.NaN, 0.01, "window net GMV / the 20 days before it"),
        ["03-products-first-year"] = new(() => Workbench.Case("dora-doshang").Data.Products.Count(p => p.LaunchedOn >= new DateOnly(2020, 4, 8) && p.LaunchedOn < new DateOnly(2021, 4, 8)), 0, "count products whose launched_on falls in the year from 2020-04-08"),
        ["03-repurchase-lift"] = new(DoraRepurchaseLift, 0.01, "30-day repurchase rate from 2020-10-01 divided by the rate for 2020-04-01 .. 2020-09-30"),
        ["05-known-items-ts"] = new(() => Workbench.Case("three-squirrels").Checklist("self-broadcast").Items.Count(i => i.Status is ItemStatus.Met or ItemStatus.NotMet), 0, "items whose status is met or not met, not unknown"),
        ["06-marginal-roas-paid"] = new(MarginalRoasOfPaidSpend, 0.01, "the fitted curve's Marginal at today's level (the driver's Current), divided by its cost (1 a yuan)"),
        ["07-matrix-margin-ts"] = new(() => ThreeSquirrelsEconomics().Lines.Single(l => l.Pillar == "A").Margin!.Value, 0.0005, "the A line's contribution / net GMV in the economics (gross margin 35%)"),
        ["07-heads-above-break-even-ts"] = new(() => ThreeSquirrelsEconomics().Sellers.Count(s => s.Pillar == "T" && s.CommissionRate > s.BreakEvenCommissionRate), 0, "count the T sellers whose commission_rate is above their break_even_commission_rate"),
        ["07-supplier-margin-dd"] = new(DoraSupplierMargin, 0.0005, "analyze 2020-01-01 .. 2020-03-31 with the case's gross margin: the E line's margin"),
    };

    private static readonly Dictionary<string, (string Answer, string Hint)> Words = new(StringComparer.Ordinal)
    {
        ["01-fact-t-in-steps"] = ("E", "head creators are talents: which STEPS pillar takes every talent?"),
    };

    /// <summary>Checks a number; the message says whether it is right, and if not, how to get there.</summary>
    public static string Check(string id, double answer)
    {
        if (!Numbers.TryGetValue(id, out var exercise))
        {
            return $"There is no exercise '{id}'.";
        }

        var expected = exercise.Expected();
        var tolerance = Math.Max(exercise.Tolerance, Math.Abs(expected) * 1e-9);
        return Math.Abs(answer - expected) <= tolerance
            ? string.Create(CultureInfo.InvariantCulture, $"✅ Right: {Format(expected)}.")
            : string.Create(CultureInfo.InvariantCulture, $"❌ Not yet ({Format(answer)}). Hint: {exercise.Hint}.");
    }

    /// <summary>Checks a word or code, ignoring case and surrounding space.</summary>
    public static string Check(string id, string answer)
    {
        if (!Words.TryGetValue(id, out var exercise))
        {
            return $"There is no exercise '{id}'.";
        }

        return string.Equals(answer?.Trim(), exercise.Answer, StringComparison.OrdinalIgnoreCase)
            ? $"✅ Right: {exercise.Answer}."
            : $"❌ Not yet ('{answer}'). Hint: {exercise.Hint}.";
    }

    /// <summary>Checks the code of the partition pillar with the largest net GMV in <paramref name="report"/>.</summary>
    public static string CheckLargestPillar(PillarReport report, string answer)
    {
        ArgumentNullException.ThrowIfNull(report);
        var largest = report.Partition.OrderByDescending(p => p.NetGmv).First();
        return string.Equals(answer?.Trim(), largest.Pillar, StringComparison.OrdinalIgnoreCase)
            ? $"✅ Right: {largest.Pillar} ({largest.NameZh}) makes {largest.Share:0.0%} of net GMV."
            : $"❌ Not yet ('{answer}'). Hint: sort the partition by net_gmv.";
    }

    private static string Format(double value) => Math.Round(value, 6).ToString("0.######", CultureInfo.InvariantCulture);

    private static PillarReport ThreeSquirrels90Days() =>
        Workbench.Case("three-squirrels").Analyze(new DateOnly(2021, 1, 31), new DateOnly(2021, 4, 30));

    private static Workbench Samples() => Workbench.Folder(Path.Combine(WorkspaceFolders.DataRoot(), "samples"), Frameworks.Fact);

    private static double SampleUvValue() =>
        (double)Samples().Analyze().Sessions.Single(s => s.SessionId == "S20210112A").UvValue!.Value;

    private static double SampleCampaignShare() => Samples().Analyze().Overlays.Single(o => o.Pillar == "C").Share!.Value;

    private static double DoraRepurchaseLift()
    {
        var dora = Workbench.Case("dora-doshang");
        var before = Repurchase.Of(dora.Ledger(new DateOnly(2020, 4, 1), new DateOnly(2020, 9, 30))).Rate30!.Value;
        var after = Repurchase.Of(dora.Ledger(new DateOnly(2020, 10, 1), new DateOnly(2021, 5, 31))).Rate30!.Value;
        return after / before;
    }

    private static PillarEconomics ThreeSquirrelsEconomics() =>
        Workbench.Case("three-squirrels").Analyze(grossMargin: CaseCatalog.ThreeSquirrels.GrossMargin).Economics!;

    private static double DoraSupplierMargin() =>
        Workbench.Case("dora-doshang").Analyze(new DateOnly(2020, 1, 1), new DateOnly(2020, 3, 31), CaseCatalog.DoraDoshang.GrossMargin).Economics!.Lines.Single(l => l.Pillar == "E").Margin!.Value;

    private static double MarginalRoasOfPaidSpend()
    {
        var data = MediaInputs.From(MediaInputs.Simulated(7).Data);
        var fit = MediaMixModel.Fit(data, new MediaMixOptions { Draws = 0, HoldOut = 0 }).Fit;
        var index = data.Drivers.ToList().FindIndex(d => d.Name == BudgetAllocator.PaidSpend);
        return fit.Curves[index].Marginal(data.Drivers[index].Current);
    }
}
