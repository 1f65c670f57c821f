using System.Text.RegularExpressions;
using Playbook.Analysis;
using Playbook.Notebooks;
using Playbook.Output;
using Playbook.Synthesis;
using Playbook.Workspace;

using static Playbook.Tests.Shared.EnglishText;

namespace Playbook.Tests.Output.Text;

/// <summary>
/// Every command that reads files prints Chinese tables, notes and warnings with <c>--lang zh</c>: each command
/// is run on the bundled cases and exports (and on a file with bad rows), and every Latin word it prints must be
/// a name or a value from the data, an id, a unit, an option or one of a short list of words Chinese brand teams
/// write in Latin letters (GMV, ROI …).
/// </summary>
public sealed partial class ChineseOutputTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "playbook-zh-" + Guid.NewGuid().ToString("N"));

    public static TheoryData<string, string[]> Commands => new()
    {
        { "analyze fact", ["analyze", "--data", Data("three-squirrels"), "--framework", "fact", "--gross-margin", "0.35"] },
        { "analyze steps", ["analyze", "--data", Data("dora-doshang"), "--framework", "steps", "--gross-margin", "0.6"] },
        { "analyze exports", ["analyze", "--data", Data("exports/douyin"), "--framework", "fact"] },
        { "analyze bad rows", ["analyze", "--orders", Data("samples/orders-with-errors.csv"), "--accounts", Data("samples/accounts.csv"), "--framework", "steps"] },
        { "validate bad rows", ["validate", Data("samples/orders-with-errors.csv")] },
        { "validate exports", ["validate", .. Directory.GetFiles(Data("exports/douyin")).Where(f => !f.EndsWith(".yml", StringComparison.Ordinal)).Order(StringComparer.Ordinal)] },
        { "allocate three-squirrels", ["allocate", "--case", "three-squirrels", "--kpi", "contribution", "--cost", "head_sessions=data", "--cost", "live_hours=3000", "--draws", "4"] },
        { "allocate dora-doshang", ["allocate", "--case", "dora-doshang", "--cost", "live_hours=2000", "--draws", "4"] },
        { "checklist three-squirrels", ["checklist", "--case", "three-squirrels"] },
        { "checklist dora-doshang", ["checklist", "--case", "dora-doshang"] },
        { "claims", ["claims"] },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void Command_LangZh_PrintsNoEnglishWord(string name, string[] args)
    {
        var (exit, output, error) = CommandLine.Run([.. args, "--lang", "zh"]);

        Assert.True(exit is 0 or 1, $"{name}: exit {exit}\n{error}");
        Assert.Empty(EnglishLines(output + "\n" + error));
        Assert.True(Cjk(output) > 0, name);
    }

    [Fact]
    public void Import_LangZh_PrintsNoEnglishWord()
    {
        var (exit, output, error) = CommandLine.Run("import", Data("exports/douyin"), Data("exports/kuaishou"), "--out", folder, "--lang", "zh");

        Assert.Equal(0, exit);
        Assert.Empty(EnglishLines(output + "\n" + error));
        Assert.True(Cjk(output) > 0);
    }

    [Fact]
    public void Report_Chinese_IndexAndDataCardsReadChinese()
    {
        var claims = ClaimRegistry.EvaluateBundled();
        var cases = CaseCatalog.All.Select(ReportCase.Of).ToList();
        var index = Visible(ReportWriter.IndexPage([], claims, cases, Language.Chinese));

        Assert.Empty(EnglishLines(index));
        Assert.True(Cjk(index) > Latin(index), $"{Cjk(index)} CJK characters, {Latin(index)} Latin letters");
        foreach (var reportCase in cases)
        {
            // The data card's YAML is the file as it is, shown as such; the page around it is Chinese.
            var card = Visible(Regex.Replace(ReportWriter.DataCardPage(reportCase, Language.Chinese), "<pre>.*?</pre>", "", RegexOptions.Singleline));
            Assert.Empty(EnglishLines(card));
        }
    }

    [Theory]
    [InlineData("checklist", "--case", "dora-doshang")]
    [InlineData("allocate", "--case", "dora-doshang", "--cost", "live_hours=2000", "--draws", "4")]
    [InlineData("allocate", "--case", "three-squirrels", "--kpi", "contribution", "--cost", "head_sessions=data", "--cost", "live_hours=3000", "--draws", "4")]
    public void Page_LangZh_ReadsChinese(params string[] args)
    {
        var (exit, output, error) = CommandLine.Run([.. args, "--format", "html", "--lang", "zh"]);

        Assert.Equal(0, exit);
        var text = Visible(output);
        Assert.Empty(EnglishLines(text + "\n" + error));
        Assert.True(Cjk(text) > Latin(text), $"{Cjk(text)} CJK characters, {Latin(text)} Latin letters");
    }

    [Fact]
    public void Charts_InChinese_ShowNoEnglishWord()
    {
        var ts = Workbench.Case("three-squirrels");
        var dd = Workbench.Case("dora-doshang");
        var last90 = ts.Analyze(new DateOnly(2021, 1, 31), new DateOnly(2021, 4, 30));
        var economics = ts.Analyze(grossMargin: CaseCatalog.ThreeSquirrels.GrossMargin).Economics!;
        var demo = MediaInputs.Simulated(seed: 7, days: 120);
        var fit = MediaMixModel.Fit(MediaInputs.From(demo.Data), new MediaMixOptions { Draws = 3 });
        var plan = BudgetAllocator.Allocate(fit, new AllocationRequest { Costs = MediaMixSimulator.Costs });
        ChartFigure[] charts =
        [
            PillarCharts.Split(last90), PillarCharts.Daily(ts), PillarCharts.Daily(dd), PillarCharts.Lorenz(last90.Concentration),
            PillarCharts.Funnel(last90.Sessions, ts.Data.Sessions), PillarCharts.Launches(dd.Data.Products),
            PillarCharts.Cohorts(CohortRetention.Of(dd.BuyerHistories(new DateOnly(2020, 4, 1), new DateOnly(2021, 5, 31)))),
            PillarCharts.Radar(ts.Checklist("self-broadcast"), "self-broadcast"), PillarCharts.Radar(dd.Checklist("steps"), "steps"),
            EconomicsCharts.Waterfall(economics), EconomicsCharts.Sellers(economics),
            AllocationCharts.Waterfall(plan), AllocationCharts.Contributions(fit), .. plan.Drivers.Select(d => AllocationCharts.Response(fit, d)),
        ];

        foreach (var chart in charts)
        {
            var english = string.Join("\n", chart.VisibleTexts());
            var chinese = string.Join("\n", chart.In(Words.Chinese).VisibleTexts());

            Assert.True(EnglishLines(english).Count > 0, $"{chart.Title}: the English chart has English words");
            Assert.Empty(EnglishLines(chinese));
            Assert.Equal(english, string.Join("\n", chart.VisibleTexts()));
        }
    }

    [Fact]
    public void EnglishWords_AnEnglishSentence_IsFound()
    {
        // The scan itself: an English header among Chinese ones is found, an id, a value and an option are not.
        Assert.Equal(["share", "of", "the"], EnglishWords("支柱  share of the GMV  top_kol  需要（--gross-margin）  松鼠Boss  2026-09-01"));
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Data(string path) => Path.Combine(Repo.Root, "data", path);
}
