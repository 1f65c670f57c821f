using System.Text.Json;

namespace Playbook.Tests.Cli;

public class AnalyzeCommandTests
{
    private static readonly string Samples = Path.Combine(Repo.Root, "data", "samples");

    private static (int Exit, string Out, string Err) Run(params string[] args) => Playbook.Tests.CommandLine.Run(args);

    private static string Sample(string file) => Path.Combine(Samples, file);

    [Fact]
    public void Analyze_DouyinExportWithCostsAndMargin_EconomicsByHandToTheCent()
    {
        var (exit, output, error) = Run("analyze", "--orders", Sample("douyin-export.csv"), "--accounts", Sample("accounts.csv"), "--costs", Sample("costs.csv"),
            "--gross-margin", "0.4", "--framework", "fact", "--format", "json");

        Assert.True(exit == 0, error);
        var economics = JsonDocument.Parse(output).RootElement.GetProperty("economics");
        Assert.True(economics.GetProperty("available").GetBoolean(), economics.GetProperty("reason").GetString());

        // Period 01-15..01-20, 6 days. COGS = 60% of net GMV.
        // F 174.80: COGS 104.88, staff 1500 x 6/31 = 290.32, contribution -220.40.
        // A 52.90 (2000000002, rate 20%): COGS 31.74, commission 10.58, contribution 10.58.
        // T 567 (2000000001, rate 25%): COGS 340.20, commission 141.75, slot fee 300 on 01-20, contribution -214.95.
        // shelf 129: COGS 77.40, contribution 51.60. Overhead: studio 900 x 6/90 = 60.00. Total -433.17.
        var lines = economics.GetProperty("lines").EnumerateArray().ToDictionary(l => l.GetProperty("pillar").GetString()!);
        string M(JsonElement e, string name) => e.GetProperty(name).GetRawText();
        Assert.Equal(("174.80", "104.88", "0.00", "290.32", "-220.40"), (M(lines["F"], "net_gmv"), M(lines["F"], "cogs"), M(lines["F"], "commission"), M(lines["F"], "other_costs"), M(lines["F"], "contribution")));
        Assert.Equal(("52.90", "31.74", "10.58", "10.58"), (M(lines["A"], "net_gmv"), M(lines["A"], "cogs"), M(lines["A"], "commission"), M(lines["A"], "contribution")));
        Assert.Equal(("567.00", "340.20", "141.75", "300.00", "-214.95"), (M(lines["T"], "net_gmv"), M(lines["T"], "cogs"), M(lines["T"], "commission"), M(lines["T"], "slot_fees"), M(lines["T"], "contribution")));
        Assert.Equal(("129.00", "51.60"), (M(lines["shelf"], "net_gmv"), M(lines["shelf"], "contribution")));
        Assert.Equal(("60.00", "-433.17"), (M(economics, "overhead"), M(economics, "contribution")));

        // The head creator's break-even rate: (567 - 340.20 - 300) / 567; both talents charged their accounts' rates.
        var head = economics.GetProperty("sellers").EnumerateArray().Single(s => s.GetProperty("account_id").GetString() == "2000000001");
        Assert.Equal((567 - 340.20 - 300) / 567, head.GetProperty("break_even_commission_rate").GetDouble(), 6);
        Assert.Equal(["2000000001", "2000000002"], economics.GetProperty("defaults_used").EnumerateArray().Select(d => d.GetProperty("account_id").GetString()!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Analyze_DouyinExportJson_ShapeAndFiguresByHand()
    {
        var (exit, output, error) = Run("analyze", "--orders", Sample("douyin-export.csv"), "--accounts", Sample("accounts.csv"), "--campaigns", Sample("campaigns.csv"), "--framework", "fact", "--format", "json");

        Assert.True(exit == 0, error);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal(("FACT", "CNY"), (json.GetProperty("framework").GetString(), json.GetProperty("currency").GetString()));
        Assert.Equal(("2021-01-15", "2021-01-20"), (json.GetProperty("period").GetProperty("from").GetString(), json.GetProperty("period").GetProperty("to").GetString()));

        // The export's six paid rows: 119 + 55.80 + 189 (refunded) + 52.90 + 129 (shelf) + 567.
        var totals = json.GetProperty("totals");
        Assert.Equal("1112.70", totals.GetProperty("gmv").GetRawText());
        Assert.Equal("189.00", totals.GetProperty("refund").GetRawText());
        Assert.Equal("923.70", totals.GetProperty("net_gmv").GetRawText());
        Assert.Equal(6, totals.GetProperty("orders").GetInt32());

        // F: 1000000001 (self) 119 + 55.80 + 189 − 189 = 174.80; A: 2000000002 (350k followers) 52.90;
        // T: 2000000001 (6.5M followers) 567; shelf 129.
        var partition = json.GetProperty("partition").EnumerateArray().Select(p => (p.GetProperty("pillar").GetString(), p.GetProperty("net_gmv").GetRawText())).ToList();
        Assert.Equal([("F", "174.80"), ("A", "52.90"), ("T", "567.00"), ("shelf", "129.00")], partition);

        // C: the New Year window 01-10..01-29 holds every paid row; its baseline 12-21..01-09 is before the period.
        var c = json.GetProperty("overlays")[0];
        Assert.Equal(("C", "923.70", true), (c.GetProperty("pillar").GetString(), c.GetProperty("net_gmv").GetRawText(), c.GetProperty("available").GetBoolean()));
        var ny = c.GetProperty("campaigns")[0];
        Assert.Equal(("C2021NY", JsonValueKind.Null), (ny.GetProperty("campaign_id").GetString(), ny.GetProperty("uplift").ValueKind));

        var load = json.GetProperty("load").EnumerateArray().Select(l => (l.GetProperty("kind").GetString(), l.GetProperty("source").GetString())).ToList();
        Assert.Equal([("orders", "douyin_export"), ("accounts", "canonical"), ("campaigns", "canonical")], load);
    }

    [Fact]
    public void Analyze_ExportWithoutAccountsTable_UsesExportNicknamesAndWarns()
    {
        var (exit, output, _) = Run("analyze", "--orders", Sample("douyin-export.csv"), "--framework", "fact", "--format", "json");

        Assert.Equal(0, exit);
        var json = JsonDocument.Parse(output).RootElement;
        var top = json.GetProperty("concentration").GetProperty("top_sellers")[0];
        Assert.Equal(("2000000001", "美食达人小王", "matrix"), (top.GetProperty("account_id").GetString(), top.GetProperty("nickname").GetString(), top.GetProperty("role").GetString()));
        // The cancelled order of 2000000004 is unpaid, so the export names only three sellers of paid orders.
        Assert.Equal(
            "3 account(s) have no role, brand_owned or followers and are counted as matrix (give an accounts table): 1000000001, 2000000001, 2000000002",
            json.GetProperty("warnings")[0].GetString());
    }

    [Fact]
    public void Analyze_Table_ShowsPillarsOverlaysAndWarnings()
    {
        var (exit, output, _) = Run("analyze", "--orders", Sample("orders-with-errors.csv"), "--accounts", Sample("accounts.csv"), "--framework", "steps");

        Assert.Equal(0, exit);
        Assert.Contains("品牌自播", output, StringComparison.Ordinal);
        Assert.Contains("达人分销", output, StringComparison.Ordinal);
        Assert.Contains("not available: no products table", output, StringComparison.Ordinal);
        Assert.Contains("orders-with-errors.csv: 8 rejected rows are not in the figures (see load)", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("analyze", "--framework", "fact")]
    [InlineData("analyze", "--orders", "x.csv")]
    [InlineData("analyze", "--orders", "x.csv", "--framework", "kpi")]
    public void Analyze_BadUsage_ExitsTwo(params string[] args) => Assert.Equal(2, Run(args).Exit);

    [Fact]
    public void Analyze_BadDate_ExitsTwoNamingIt()
    {
        var (exit, _, error) = Run("analyze", "--orders", Sample("orders.csv"), "--framework", "fact", "--from", "2021-02-30");

        Assert.Equal(2, exit);
        Assert.Equal("playbook analyze: --from '2021-02-30' is not a date (expected yyyy-MM-dd)", error.Trim());
    }

    [Fact]
    public void Analyze_StrictWithRejectedRow_ExitsOne()
    {
        var (exit, _, error) = Run("analyze", "--orders", Sample("orders-with-errors.csv"), "--framework", "fact", "--strict");

        Assert.Equal(1, exit);
        Assert.Contains("orders-with-errors.csv:3: column 'gmv' value '59.9.0'", error, StringComparison.Ordinal);
    }
}
