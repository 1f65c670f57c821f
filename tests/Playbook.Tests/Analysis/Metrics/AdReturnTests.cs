using Playbook.Analysis;
using Playbook.Canonical;

namespace Playbook.Tests.Analysis.Metrics;

/// <summary>Paid traffic's return: what no row reports is unknown, not 0 (issue 22).</summary>
public sealed class AdReturnTests
{
    [Fact]
    public void AdReturn_NoRowReportsAttributedGmv_AttributedGmvUnknownNotZero()
    {
        static PaidTraffic Row(decimal spend, decimal? gmv, TrafficTool tool) => new() { Date = new DateOnly(2021, 1, 5), AccountId = "A1", Tool = tool, Spend = spend, AttributedGmv = gmv };
        var ads = AdReturn.Of([Row(100m, null, TrafficTool.Xiaodiantong), Row(50m, 150m, TrafficTool.Qianchuan)], null, null);

        var xiaodiantong = ads.Tools.Single(t => t.Tool == TrafficTool.Xiaodiantong);
        Assert.Equal((100m, 0m, (decimal?)null, (double?)null), (xiaodiantong.Spend, xiaodiantong.AttributedSpend, xiaodiantong.AttributedGmv, xiaodiantong.Roi));

        // Over both tools: 150 attributed to the 50 that report it, ROI 3.
        Assert.Equal(((decimal?)150m, (double?)3.0), (ads.AttributedGmv, ads.Roi));
        Assert.Null(AdReturn.Of([Row(100m, null, TrafficTool.Xiaodiantong)], null, null).AttributedGmv);
    }
}
