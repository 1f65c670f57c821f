using Playbook.Output;
using Playbook.Workspace;

namespace Playbook.Tests.Output;

/// <summary>Claims' figures as the article writes them; each expected text worked out by hand.</summary>
public class ClaimFiguresTests
{
    [Theory]
    [InlineData(216_999_742.88, "CNY", "¥2.17亿 (¥217.0M)")]
    [InlineData(65_000_000, "CNY", "¥6,500万 (¥65.0M)")]
    [InlineData(650_000, "CNY", "¥65万")]
    [InlineData(1_234.5, "CNY", "¥1,234.50")]
    [InlineData(0.490001, "share of GMV", "49.0%")]
    [InlineData(1, "share of spend", "100.0%")]
    [InlineData(20.423154, "ratio", "×20.4")]
    [InlineData(1.2, "ratio of rates", "×1.20")]
    [InlineData(2, "rank", "2nd")]
    [InlineData(11, "rank", "11th")]
    [InlineData(21, "rank", "21st")]
    [InlineData(300_000_000, "users", "3亿 (300M)")]
    [InlineData(208, "products", "208")]
    [InlineData(1500, null, "1,500")]
    public void Format_ValueInItsUnit_AsTheArticleWritesIt(double value, string? unit, string expected) =>
        Assert.Equal(expected, ClaimFigures.Format(value, unit));

    [Theory]
    [InlineData("217000000", 2_170_000.0, "within", "CNY", "≈ ¥2.17亿 (¥217.0M) ± ¥217万")]
    [InlineData("0.48", 0.02, "within", "share of GMV", "≈ 48.0% ± 2.0 pts")]
    [InlineData("2", 0.0, "within", "rank", "2nd")]
    [InlineData("200", null, "at_least", "products", "at least 200")]
    [InlineData("2", null, "at_least", "ratio", "at least ×2.00")]
    [InlineData("0.1", null, "at_most", "share of GMV", "at most 10.0%")]
    [InlineData("2020-04", null, "equals", "month", "2020-04")]
    public void Expected_ClaimWithItsComparison_InTheArticlesWords(string expected, double? tolerance, string compare, string unit, string text)
    {
        var comparison = compare switch
        {
            "at_least" => ClaimComparison.AtLeast,
            "at_most" => ClaimComparison.AtMost,
            "equals" => ClaimComparison.Equals,
            _ => ClaimComparison.Within,
        };
        var claim = new Claim("c", "case", ClaimKind.Reproducible, "文", "s", null, expected, tolerance, comparison, unit, "f", 1);

        Assert.Equal(text, ClaimFigures.Expected(claim));
    }

    [Fact]
    public void Actual_MonthAndNumberAndNothing_TextNumberInItsUnitOrEmpty()
    {
        var month = new Claim("m", "case", ClaimKind.Reproducible, "文", "s", null, "2020-04", null, ClaimComparison.Equals, "month", "f", 1);
        var share = month with { Expected = "0.48", Compare = ClaimComparison.Within, Unit = "share of GMV" };

        Assert.Equal("2020-04", ClaimFigures.Actual(new ClaimResult(month, "2020-04", true, null)));
        Assert.Equal("49.0%", ClaimFigures.Actual(new ClaimResult(share, "0.490001", true, null)));
        Assert.Equal("", ClaimFigures.Actual(new ClaimResult(share, null, false, "not evaluated")));
    }
}
