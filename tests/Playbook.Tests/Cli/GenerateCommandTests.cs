using Playbook.Ingest;

namespace Playbook.Tests.Cli;

public class GenerateCommandTests
{
    private static (int Exit, string Out, string Err) Run(params string[] args) => Playbook.Tests.CommandLine.Run(args);

    [Fact]
    public void Generate_Orders_WritesAValidDataset()
    {
        var directory = Path.Combine(Path.GetTempPath(), "playbook-gen-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (exit, output, _) = Run("generate", "--orders", "1000", "--out", directory);

            Assert.Equal(0, exit);
            Assert.Equal($"wrote 1,000 orders: orders.csv, accounts.csv, campaigns.csv, products.csv to {directory}", output.Trim());
            Assert.Equal(1000, Tables.Validate(Path.Combine(directory, "orders.csv")).Loaded);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Theory]
    [InlineData("generate")]
    [InlineData("generate", "--case", "three-squirrels", "--orders", "5")]
    [InlineData("generate", "--orders", "5")]
    [InlineData("generate", "--case", "nike")]
    public void Generate_BadUsage_ExitsTwo(params string[] args) => Assert.Equal(2, Run(args).Exit);
}
