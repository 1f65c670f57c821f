using System.Text.Json;
using Playbook.Canonical;
using Playbook.Ingest;
using Playbook.Synthesis;

namespace Playbook.Tests.Cli;

/// <summary><c>playbook allocate</c> on a simulated brand: the JSON the issue names, a plan within budget and bounds, the page, and bad options.</summary>
public sealed class AllocateCommandTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "playbook-allocate-" + Guid.NewGuid().ToString("N"));

    public AllocateCommandTests() => MediaMixSimulator.Generate(5, 240).Tables.Write(folder);

    [Fact]
    public void Allocate_Json_EveryFieldAndAPlanWithinBudgetAndBounds()
    {
        var (exit, output, _) = CommandLine.Run("allocate", "--data", folder, "--cost", "live_hours=3000", "--cost", "talent_sessions=1500", "--cost", "head_sessions=30000",
            "--budget", "120000", "--bounds", "0.5:2", "--bound", "live_hours=0.8:1.2", "--draws", "20", "--format", "json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        foreach (var field in new[] { "kpi", "period", "budget_per_day", "drivers", "media_gmv_current", "media_gmv_recommended", "gain_low", "gain_high", "p_better", "health", "warnings" })
        {
            Assert.True(root.TryGetProperty(field, out _), field);
        }

        var costs = new Dictionary<string, double> { ["paid_spend"] = 1, ["live_hours"] = 3000, ["talent_sessions"] = 1500, ["head_sessions"] = 30000 };
        var spent = 0.0;
        foreach (var d in root.GetProperty("drivers").EnumerateArray())
        {
            foreach (var field in new[] { "driver", "unit", "cost_per_unit", "current", "recommended", "roas", "roas_low", "roas_high", "mroas", "mroas_low", "mroas_high", "carryover_half_life_days" })
            {
                Assert.True(d.TryGetProperty(field, out _), field);
            }

            var name = d.GetProperty("driver").GetString()!;
            var current = d.GetProperty("current").GetDouble();
            var recommended = d.GetProperty("recommended").GetDouble();
            var (low, high) = name == "live_hours" ? (0.8, 1.2) : (0.5, 2.0);
            Assert.InRange(recommended, (low * current) - 1e-4, (high * current) + 1e-4);
            Assert.True(d.GetProperty("roas_low").GetDouble() <= d.GetProperty("roas").GetDouble() + 1e-9 || d.GetProperty("roas").GetDouble() < 0, name);
            spent += costs[name] * recommended;
        }

        Assert.Equal(120_000, spent, 0.5);
        Assert.Equal(120_000, root.GetProperty("budget_per_day").GetDouble());
        Assert.InRange(root.GetProperty("p_better").GetDouble(), 0, 1);
        Assert.NotEmpty(root.GetProperty("health").EnumerateArray());
    }

    [Fact]
    public void Allocate_SessionsWithUvAbovePvAndARejectedRow_TalentSessionsKeptAndTheLossesSaid()
    {
        // A fifth of the talent sessions get more unique viewers than views (a figure fault: the session
        // stays), and one session ends before it starts (its time is wrong: rejected, and said so).
        var path = Path.Combine(folder, "sessions.csv");
        var lines = File.ReadAllLines(path).ToList();
        var header = lines[0].Split(',');
        int Col(string name) => Array.IndexOf(header, name);
        var talents = Playbook.Ingest.Tables.ReadAccounts(Path.Combine(folder, "accounts.csv")).Rows
            .Where(a => Playbook.Analysis.SellerRoles.RoleOf(a) == Playbook.Canonical.SellerRole.Matrix).Select(a => a.AccountId).ToHashSet();
        var faulted = 0;
        var talentRows = 0;
        for (var i = 1; i < lines.Count; i++)
        {
            var cells = lines[i].Split(',');
            if (!talents.Contains(cells[Col("account_id")]))
            {
                continue;
            }

            if (talentRows++ % 5 == 0)
            {
                cells[Col("viewers")] = (long.Parse(cells[Col("views")], System.Globalization.CultureInfo.InvariantCulture) + 7).ToString(System.Globalization.CultureInfo.InvariantCulture);
                lines[i] = string.Join(',', cells);
                faulted++;
            }
        }

        var broken = lines[1].Split(',');
        broken[Col("session_id")] = "broken-1";
        broken[Col("ended_at")] = "2000-01-01 00:00:00";
        lines.Add(string.Join(',', broken));
        File.WriteAllLines(path, lines);

        var (exit, output, error) = CommandLine.Run("allocate", "--data", folder, "--cost", "talent_sessions=1500", "--draws", "5", "--format", "json");

        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;

        // Talent sessions a day, counted from the file by hand: every talent row, the faulted ones too.
        var days = root.GetProperty("period").GetProperty("days").GetInt32();
        var talent = root.GetProperty("drivers").EnumerateArray().Single(d => d.GetProperty("driver").GetString() == "talent_sessions");
        Assert.Equal((double)talentRows / days, talent.GetProperty("current").GetDouble(), 3);

        var load = root.GetProperty("load").EnumerateArray().Single(l => l.GetProperty("kind").GetString() == "sessions");
        Assert.Equal((1L, (long)faulted), (load.GetProperty("rejected").GetInt64(), load.GetProperty("noted").GetArrayLength()));
        var warnings = root.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()).ToList();
        Assert.Contains($"{path}: 1 rejected rows are not in the figures (see load)", warnings);
        Assert.Contains($"{path}: {faulted} figures of loaded rows are unknown, as each contradicted another (see load)", warnings);

        // The table says it too, with the files read.
        var (_, table, _) = CommandLine.Run("allocate", "--data", folder, "--cost", "talent_sessions=1500", "--draws", "5");
        Assert.Contains("Files read", table, StringComparison.Ordinal);
        Assert.Contains("1 rejected rows are not in the figures", table, StringComparison.Ordinal);
    }

    [Fact]
    public void Allocate_Html_OnePageWithItsChartsAndPlotlyOnce()
    {
        var (exit, output, _) = CommandLine.Run("allocate", "--data", folder, "--cost", "live_hours=3000", "--draws", "10", "--format", "html");

        Assert.Equal(0, exit);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(output, Playbook.Output.OfflineChart.PlotlyScriptMarker));
        Assert.Contains("\"type\":\"waterfall\"", output, StringComparison.Ordinal);
        Assert.Contains("Health checks", output, StringComparison.Ordinal);
        Assert.DoesNotMatch("src=\"https?://", output);
    }

    [Fact]
    public void Allocate_ContributionKpiWithTheSessionsCostFromTheData_SaysBothAndPlansOnContribution()
    {
        // The case's head creators (5M followers or more): their commission is in the contribution already, so a session costs its slot fees.
        var sessions = Tables.ReadSessions(Path.Combine(Repo.Root, "data", "three-squirrels", "sessions.csv")).Rows;
        var heads = Tables.ReadAccounts(Path.Combine(Repo.Root, "data", "three-squirrels", "accounts.csv")).Rows.Where(a => a.BrandOwned != true && a.Followers >= 5_000_000).Select(a => a.AccountId).ToHashSet();
        var fees = Tables.ReadCosts(Path.Combine(Repo.Root, "data", "three-squirrels", "costs.csv")).Rows.Where(c => c.Kind == CostKind.SlotFee && c.AccountId is { } a && heads.Contains(a)).Sum(c => c.Amount);
        var perSession = (double)fees / sessions.Count(s => heads.Contains(s.AccountId));

        var (exit, output, error) = CommandLine.Run("allocate", "--case", "three-squirrels", "--kpi", "contribution", "--cost", "head_sessions=data", "--draws", "4", "--format", "json");

        Assert.True(exit == 0, error);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.StartsWith("daily contribution before the drivers' costs", json.GetProperty("kpi").GetString(), StringComparison.Ordinal);
        var head = json.GetProperty("drivers").EnumerateArray().Single(d => d.GetProperty("driver").GetString() == "head_sessions");
        Assert.Equal(perSession, head.GetProperty("cost_per_unit").GetDouble(), 0.01);
        Assert.Contains("head_sessions costs ¥", error, StringComparison.Ordinal);
        Assert.Contains("commission is in the contribution KPI already", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--bounds", "2:1", "is not LOW:HIGH")]
    [InlineData("--cost", "live_hours", "expected DRIVER=VALUE")]
    [InlineData("--cost", "live_hours=-5", "is not a positive amount")]
    [InlineData("--kpi", "contribution", "--kpi contribution needs the economics: give --gross-margin")]
    [InlineData("--cost", "talent_sessions=data", "--cost DRIVER=data needs the economics: give --gross-margin")]
    public void Allocate_BadOption_ExitTwoWithTheReason(string option, string value, string reason)
    {
        var (exit, _, error) = CommandLine.Run("allocate", "--data", folder, option, value, "--draws", "0");

        Assert.Equal(2, exit);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Allocate_NoSalesInThePeriodOrNoTables_ExitTwoWithOneLine()
    {
        var (late, _, lateError) = CommandLine.Run("allocate", "--data", folder, "--from", "2040-01-01", "--draws", "0");
        var empty = Directory.CreateDirectory(Path.Combine(folder, "empty")).FullName;
        var (none, _, noneError) = CommandLine.Run("allocate", "--data", empty, "--draws", "0");

        Assert.Equal(2, late);
        Assert.Equal("playbook allocate: the data has no sales in the period: a model needs daily GMV", lateError.Trim());
        Assert.Equal(2, none);
        Assert.Equal($"playbook allocate: needs orders.csv or sales.csv in {empty}", noneError.Trim());
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
