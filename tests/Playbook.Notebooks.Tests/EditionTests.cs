using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Playbook.Output;
using Playbook.Workspace;

namespace Playbook.Notebooks.Tests;

/// <summary>
/// The Chinese edition kept in step with the English one: every English notebook has a Chinese
/// twin beside it (NN-name.zh.ipynb) with the same cells in the same order, code cells identical
/// byte for byte and only the prose different; the Chinese report and scorecard in Chinese.
/// </summary>
[Collection(Repo.RunnerCollection)]
public partial class EditionTests
{
    public static TheoryData<string> EnglishNotebooks()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(Repo.Root, "notebooks"), "*.ipynb").Where(f => Languages.Of(f) == Language.English).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EnglishNotebooks))]
    public void ChineseEdition_SameCellsAndIdenticalCode_OnlyTheProseDiffers(string name)
    {
        var english = Path.Combine(Repo.Root, "notebooks", name);
        var chinese = Languages.Edition(english, Language.Chinese);
        Assert.True(File.Exists(chinese), $"{Path.GetFileName(chinese)} is missing: every notebook has a Chinese edition beside it");

        var en = Cells(english);
        var zh = Cells(chinese);
        Assert.Equal(en.Select(c => (string)c["cell_type"]!), zh.Select(c => (string)c["cell_type"]!));
        for (var i = 0; i < en.Count; i++)
        {
            if ((string)en[i]["cell_type"]! == "code")
            {
                // The setup cell names the edition (Init("zh")), so that the displays are in its words; the rest is the same code.
                var expected = Source(en[i]) == SetupCells.Library ? SetupCells.ChineseLibrary : Source(en[i]);
                Assert.True(expected == Source(zh[i]), $"{name} cell {i + 1}: the code cell differs between the editions");
                Assert.True(JsonNode.DeepEquals(Without(en[i], "source"), Without(zh[i], "source")), $"{name} cell {i + 1}: the code cell's metadata differs between the editions");
            }
        }

        // The prose is Chinese, and its fenced code is the English edition's code: a shell line's comment is prose and
        // may be translated, and a command may name the Chinese edition's file (NN-name.zh.cs for NN-name.cs).
        var prose = string.Concat(zh.Where(c => (string)c["cell_type"]! == "markdown").Select(Source));
        Assert.True(Regex.Count(prose, @"\p{IsCJKUnifiedIdeographs}") > 200, $"{Path.GetFileName(chinese)}: too little Chinese prose");
        Assert.Equal(
            Fences().Matches(string.Concat(en.Where(c => (string)c["cell_type"]! == "markdown").Select(Source))).Select(m => Code(m.Value)),
            Fences().Matches(prose).Select(m => Code(m.Value).Replace(".zh.", ".", StringComparison.Ordinal)));

        // Links to notebooks stay inside the Chinese edition.
        foreach (Match link in NotebookLinks().Matches(prose))
        {
            Assert.EndsWith(".zh.ipynb", link.Groups[1].Value, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(Repo.Root, "notebooks", link.Groups[1].Value)), link.Value);
        }
    }

    [Fact]
    public void Index_Chinese_HeadingsAndTheArticlesSentenceFirstAndFiguresIn亿()
    {
        var claims = ClaimRegistry.EvaluateBundled("three-squirrels");
        var cases = new[] { ReportCase.Of(CaseCatalog.ThreeSquirrels) };
        var html = ReportWriter.IndexPage([], claims, cases, Language.Chinese);

        Assert.Contains("<html lang=\"zh-CN\">", html, StringComparison.Ordinal);
        Assert.Contains("<h1>直播电商阵地分析工作台：复现结果</h1>", html, StringComparison.Ordinal);
        Assert.Contains("模拟数据", html, StringComparison.Ordinal);

        // The store-GMV claim: the article's sentence, then the Chinese statement (no English), the figure as the article writes it.
        var claim = claims.Single(c => c.Claim.Id == "ts-store-gmv-jan-apr").Claim;
        var row = html[html.LastIndexOf("<tr>", html.IndexOf(claim.Id, StringComparison.Ordinal), StringComparison.Ordinal)..html.IndexOf("</tr>", html.IndexOf(claim.Id, StringComparison.Ordinal), StringComparison.Ordinal)];
        Assert.InRange(row.IndexOf(System.Net.WebUtility.HtmlEncode(claim.ArticleZh), StringComparison.Ordinal), 0, row.IndexOf(System.Net.WebUtility.HtmlEncode(claim.StatementZh), StringComparison.Ordinal));
        Assert.All(claims, c => Assert.DoesNotContain(System.Net.WebUtility.HtmlEncode(c.Claim.Statement), html, StringComparison.Ordinal));
        var text = System.Net.WebUtility.HtmlDecode(row);
        Assert.Contains(">约 ¥2.17亿（±¥217万）<", text, StringComparison.Ordinal);
        Assert.Contains(">¥2.17亿<", text, StringComparison.Ordinal);
        Assert.DoesNotContain("M)", text, StringComparison.Ordinal);
        Assert.Contains("已复现", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Index_English_StaysTheDefault()
    {
        var html = ReportWriter.IndexPage([], ClaimRegistry.EvaluateBundled("dora-doshang"), [ReportCase.Of(CaseCatalog.DoraDoshang)]);

        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("Live-commerce pillar workspace: results", html, StringComparison.Ordinal);
    }

    private static List<JsonObject> Cells(string path) =>
        [.. ((JsonArray)JsonNode.Parse(File.ReadAllText(path))!["cells"]!).Cast<JsonObject>()];

    private static string Source(JsonObject cell) => cell["source"] switch
    {
        JsonArray lines => string.Concat(lines.Select(l => (string?)l)),
        var text => (string?)text ?? "",
    };

    private static JsonObject Without(JsonObject cell, string property)
    {
        var copy = (JsonObject)cell.DeepClone();
        copy.Remove(property);
        return copy;
    }

    private static string Code(string fence) => fence.StartsWith("```bash", StringComparison.Ordinal) ? ShellComment().Replace(fence, "") : fence;

    [GeneratedRegex(@"```[\s\S]*?```")]
    private static partial Regex Fences();

    [GeneratedRegex(@"\s+# .*$", RegexOptions.Multiline)]
    private static partial Regex ShellComment();

    [GeneratedRegex(@"\]\(([^)#]+\.ipynb)(#[^)]*)?\)")]
    private static partial Regex NotebookLinks();
}
