namespace Playbook.Notebooks.Tests;

[Collection(Repo.RunnerCollection)]
public class ExerciseTests
{
    [Fact]
    public void Check_RightAnswerComputedAnotherWay_Accepted()
    {
        // An independent count: the data rows of the file, by lines.
        var rows = File.ReadLines(Path.Combine(Repo.Root, "data", "dora-doshang", "orders.csv")).Count() - 1;

        Assert.StartsWith("✅ Right", Exercise.Check("00-dora-orders", rows), StringComparison.Ordinal);
        Assert.StartsWith("❌ Not yet (1). Hint:", Exercise.Check("00-dora-orders", 1), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_UvValueOfTheSampleSession_ByHand()
    {
        // S20210112A: sample orders naming it sum to 119.00 + 55.80 + 189.00 = 363.80 over 96,000 viewers.
        Assert.StartsWith("✅ Right", Exercise.Check("00-sample-uv-value", 363.80 / 96_000), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_Words_IgnoreCaseAndSpace()
    {
        Assert.Equal("✅ Right: E.", Exercise.Check("01-fact-t-in-steps", " e "));
        Assert.StartsWith("❌ Not yet ('T')", Exercise.Check("01-fact-t-in-steps", "T"), StringComparison.Ordinal);
        Assert.Equal("There is no exercise 'nope'.", Exercise.Check("nope", 1.0));
    }
}
