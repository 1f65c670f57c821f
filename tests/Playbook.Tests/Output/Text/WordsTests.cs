using System.Text.RegularExpressions;
using Playbook.Output;
using YamlDotNet.RepresentationModel;

namespace Playbook.Tests.Output.Text;

/// <summary>The catalog of Chinese words: templates with figures, phrases translated inside sentences, money in 万 and 亿.</summary>
public sealed partial class WordsTests
{
    [Theory]
    [InlineData(84_800, "¥8.48万")]
    [InlineData(217_000_000, "¥2.17亿")]
    [InlineData(9_999.5, "¥9,999.50")]
    [InlineData(-12_345, "¥-1.23万")]
    [InlineData(100_000_000, "¥1.00亿")]
    public void Money_Chinese_WanAndYiFromTenThousand(double yuan, string expected)
    {
        Assert.Equal(expected, Words.Chinese.Money((decimal)yuan));
    }

    [Fact]
    public void Money_English_YuanWithThousands()
    {
        Assert.Equal("¥84,800.00", Words.English.Money(84_800m));
    }

    [Fact]
    public void Format_TemplateWithFigures_FiguresPutBackInTheirPlaces()
    {
        // The template writes the buyers before the repeat buyers: {1} before {0}.
        var text = Words.Chinese.Format("Repurchase: {0} of {1} buyers bought 2+ times; 30-day {2}", 12, 40, "30.0%");

        Assert.Equal("复购：40 位买家中有 12 位购买 2 次及以上；30 天复购率 30.0%", text);
    }

    [Fact]
    public void Of_SentenceWithAPhraseAndMoney_PhraseTranslatedAndMoneyInWan()
    {
        Assert.Equal("警告：没有营销活动表", Words.Chinese.Of("warning: no campaigns table"));
        Assert.Equal("投流：消耗 ¥12.35万，ROI 2.10，保本 ROI 1.80", Words.Chinese.Of("Paid traffic: spend ¥123,456.00, ROI 2.10, break-even 1.80"));
    }

    [Fact]
    public void Of_LineBreaksAroundASentence_AreKept()
    {
        Assert.Equal("\n健康检查\n", Words.Chinese.Of("\nHealth checks\n"));
    }

    [Theory]
    [InlineData("a sentence no catalog holds")]
    [InlineData("松鼠Boss")]
    [InlineData("")]
    public void Of_TextTheCatalogLacks_ReturnedAsItIs(string text)
    {
        Assert.Equal(text, Words.Chinese.Of(text));
        Assert.Equal(text, Words.English.Of(text));
    }

    [Fact]
    public void Of_English_EveryTextAsItIs()
    {
        Assert.Equal("warning: no campaigns table", Words.English.Of("warning: no campaigns table"));
        Assert.Equal("n/a", Words.English.NotKnown);
        Assert.Equal("暂无", Words.Chinese.NotKnown);
    }

    [Fact]
    public void Catalog_EveryEntry_OnceAndWithTheEnglishPlaceholders()
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(Repo.Root, "lib", "Playbook", "Output", "Text", "words-zh.yml")))
        {
            yaml.Load(reader);
        }

        var map = (YamlMappingNode)yaml.Documents[0].RootNode;
        var keys = map.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).ToList();
        Assert.Empty(keys.GroupBy(k => k, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.True(keys.Count > 300, $"{keys.Count} entries");
        foreach (var (key, value) in map.Children.Select(kv => (((YamlScalarNode)kv.Key).Value!, ((YamlScalarNode)kv.Value).Value!)))
        {
            // A value may leave a figure out (a case's English name beside its Chinese one), never invent one.
            Assert.True(Placeholders(value).All(Placeholders(key).Contains), $"{key}: {value} has a placeholder the English does not");
        }
    }

    private static List<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
