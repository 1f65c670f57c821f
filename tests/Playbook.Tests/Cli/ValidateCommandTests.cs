using System.Text.Json;

namespace Playbook.Tests.Cli;

public class ValidateCommandTests
{
    private static readonly string[] Orders =
    [
        "order_id,parent_order_id,platform,paid_at,account_id,channel,product_id,quantity,gmv,refund",
        "O1,,douyin,2021-01-05 20:15:00,a1,live,p1,2,119.80,0",  // 2 loaded
        "O2,,douyin,,a1,live,p1,1,9.90,0",                       // 3 unpaid
        "O3,,douyin,2021-01-05 20:15:00,a1,live,p1,1,9.999,0",   // 4 three decimals
    ];

    private static (int Exit, string Out, string Err) Run(params string[] args) => Playbook.Tests.CommandLine.Run(args);

    [Fact]
    public void Validate_Json_PrintsTheReportObject()
    {
        using var csv = TempFile.Csv("orders.csv", Orders);
        var (exit, output, _) = Run("validate", csv.Path, "--format", "json");

        Assert.Equal(0, exit);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal(csv.Path, json.GetProperty("file").GetString());
        Assert.Equal("orders", json.GetProperty("kind").GetString());
        Assert.Equal("canonical", json.GetProperty("source").GetString());
        Assert.Equal("utf-8", json.GetProperty("encoding").GetString());
        Assert.Equal((3, 1, 1, 1), (json.GetProperty("rows").GetInt32(), json.GetProperty("loaded").GetInt32(), json.GetProperty("unpaid").GetInt32(), json.GetProperty("rejected").GetInt32()));
        var rejection = Assert.Single(json.GetProperty("rejections").EnumerateArray().ToList());
        Assert.Equal(4, rejection.GetProperty("line").GetInt32());
        Assert.Equal("gmv", rejection.GetProperty("column").GetString());
        Assert.Equal("9.999", rejection.GetProperty("value").GetString());
        Assert.Equal("has more than two decimals (amounts are in CNY with cents)", rejection.GetProperty("reason").GetString());
    }

    [Fact]
    public void Validate_Table_SummarisesAndListsRejections()
    {
        using var csv = TempFile.Csv("orders.csv", Orders);
        var (exit, output, _) = Run("validate", csv.Path);

        Assert.Equal(0, exit);
        Assert.Contains("has more than two decimals", output, StringComparison.Ordinal);
        Assert.Contains("1 of 1 rejected rows shown", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_StrictWithRejection_ExitsOneWithTheReason()
    {
        using var csv = TempFile.Csv("orders.csv", Orders);
        var (exit, _, error) = Run("validate", csv.Path, "--strict");

        Assert.Equal(1, exit);
        Assert.Equal($"playbook validate: {csv.Path}:4: column 'gmv' value '9.999': has more than two decimals (amounts are in CNY with cents)", error.Trim());
    }

    [Fact]
    public void Validate_MissingColumn_ExitsTwoNamingIt()
    {
        using var csv = TempFile.Csv("orders.csv", ["order_id,parent_order_id,platform,paid_at,account_id,channel,product_id,quantity,refund", "O1,,douyin,2021-01-05 20:15:00,a1,live,p1,2,0"]);
        var (exit, _, error) = Run("validate", csv.Path, "--kind", "orders");

        Assert.Equal(2, exit);
        Assert.Contains("missing required column 'gmv'", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("validate", "x.csv", "--kind", "invoices")]
    [InlineData("validate", "x.csv", "--format", "xml")]
    [InlineData("validate", "x.csv", "--encoding", "latin-1")]
    [InlineData("frobnicate")]
    public void Run_BadUsage_ExitsTwoWithReason(params string[] args)
    {
        var (exit, _, error) = Run(args);

        Assert.Equal(2, exit);
        Assert.StartsWith("playbook: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnreadableFile_ExitsTwo()
    {
        var (exit, _, error) = Run("validate", "/no/such/file.csv");

        Assert.Equal(2, exit);
        Assert.Equal("playbook validate: /no/such/file.csv: no such file", error.Trim());
    }

    [Fact]
    public void Validate_GivenEncoding_IsUsed()
    {
        using var csv = TempFile.Csv("accounts.csv", ["account_id,platform,nickname", "a1,douyin,达人"], "gb18030");
        var (exit, output, _) = Run("validate", csv.Path, "--encoding", "gb18030", "--format", "json");

        Assert.Equal(0, exit);
        Assert.Equal("gb18030", JsonDocument.Parse(output).RootElement.GetProperty("encoding").GetString());
    }

    [Fact]
    public void Validate_SeveralFiles_JsonArray()
    {
        using var orders = TempFile.Csv("orders.csv", Orders);
        using var accounts = TempFile.Csv("accounts.csv", ["account_id,platform,nickname", "a1,douyin,x"]);
        var (exit, output, _) = Run("validate", orders.Path, accounts.Path, "--format", "json");

        Assert.Equal(0, exit);
        Assert.Equal(["orders", "accounts"], JsonDocument.Parse(output).RootElement.EnumerateArray().Select(e => e.GetProperty("kind").GetString()));
    }

    [Fact]
    public void Help_ExitsZero()
    {
        var (exit, output, _) = Run("validate", "--help");

        Assert.Equal(0, exit);
        Assert.Contains("playbook validate <FILE>... [options]", output, StringComparison.Ordinal);
    }
}
