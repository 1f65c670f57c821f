using System.Text.Json;
using Playbook.Canonical;
using Playbook.Files;
using Playbook.Ingest;
using Playbook.Workspace;

namespace Playbook.Tests.Workspace.Claims;

public class ClaimRegistryTests
{
    private static readonly string DataRoot = Path.Combine(Repo.Root, "data");

    private static (int Exit, string Out, string Err) Run(params string[] args) => Playbook.Tests.CommandLine.Run(args);

    [Fact]
    public void Registry_EveryClaimOfTheArticle_IsThereWithItsQuery()
    {
        var claims = ClaimRegistry.Load(Path.Combine(DataRoot, "claims"));

        Assert.Equal(9, claims.Count(c => c.Case == "three-squirrels"));
        Assert.Equal(9, claims.Count(c => c.Case == "dora-doshang"));
        Assert.All(claims.Where(c => c.Kind == ClaimKind.Reproducible), c => Assert.Null(ClaimQueries.Check(c.Query!)));
        Assert.All(claims, c => Assert.False(string.IsNullOrWhiteSpace(c.ArticleZh)));

        // Every claim in Chinese too, written in Chinese: more CJK characters than Latin letters (ids and units aside).
        Assert.All(claims, c => Assert.True(
            c.StatementZh.Count(ch => ch is >= '\u4e00' and <= '\u9fff') > c.StatementZh.Count(char.IsAsciiLetter),
            $"{c.Id}: statement_zh '{c.StatementZh}'"));
        Assert.Contains(claims, c => c.Id == "ks-monthly-repurchase-65" && c.Kind == ClaimKind.Context);

        // The article's economic points: the supplier's small income is in the data; the talents' high commission demands are its context.
        Assert.Contains(claims, c => c.Id == "dd-supplier-small-income" && c.Kind == ClaimKind.Reproducible);
        Assert.Contains(claims, c => c.Id == "ts-talents-high-commission" && c.Kind == ClaimKind.Context);
    }

    [Fact]
    public void Claims_BundledData_AllReproducedAsJson()
    {
        var (exit, output, error) = Run("claims", "--format", "json");

        Assert.True(exit == 0, error + output);
        var json = JsonDocument.Parse(output).RootElement;
        var results = json.GetProperty("claims").EnumerateArray().ToList();
        Assert.Equal(21, results.Count);

        // The files the claims read, each with what became of its rows: the bundled cases lose none.
        Assert.Contains(json.GetProperty("load").EnumerateArray(), l => l.GetProperty("file").GetString()!.EndsWith("sales.csv", StringComparison.Ordinal));
        Assert.All(json.GetProperty("load").EnumerateArray(), l => Assert.Equal(0, l.GetProperty("rejected").GetInt64()));
        Assert.Equal(0, json.GetProperty("warnings").GetArrayLength());
        Assert.All(results.Where(r => r.GetProperty("kind").GetString() == "reproducible"), r => Assert.True(r.GetProperty("reproduced").GetBoolean(), r.GetProperty("id").GetString()));
        var store = results.Single(r => r.GetProperty("id").GetString() == "ts-store-gmv-jan-apr");
        Assert.Equal("217000000", store.GetProperty("expected").GetString());
        Assert.Equal(2_170_000, store.GetProperty("tolerance").GetDouble());
        var context = results.Single(r => r.GetProperty("id").GetString() == "ks-dau-300m");
        Assert.Equal(JsonValueKind.Null, context.GetProperty("reproduced").ValueKind);
    }

    [Fact]
    public void ClaimsAndChecklist_OwnDataWithRejectedRows_TheLossSaidInTableAndJson()
    {
        // The bundled case with two broken rows appended to its daily sales: a refund above the GMV, and no date.
        var folder = Path.Combine(Path.GetTempPath(), "playbook-claims-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            foreach (var file in Directory.GetFiles(Path.Combine(DataRoot, "three-squirrels"), "*.csv"))
            {
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            }

            var sales = Path.Combine(folder, "sales.csv");
            File.AppendAllLines(sales, ["2021-01-05,1000000001,live,organic,3,3,30.00,45.00", ",1000000001,live,organic,3,3,30.00,0"]);
            var expected = $"{sales}: 2 rejected rows are not in the figures (see load)";

            var (_, json, claimsError) = Run("claims", "--case", "three-squirrels", "--data", folder, "--format", "json");
            var root = JsonDocument.Parse(json).RootElement;
            Assert.Contains(expected, root.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()));
            Assert.Equal(2, root.GetProperty("load").EnumerateArray().Single(l => l.GetProperty("file").GetString() == sales).GetProperty("rejected").GetInt64());
            Assert.Contains(expected, claimsError, StringComparison.Ordinal);
            var (_, table, _) = Run("claims", "--case", "three-squirrels", "--data", folder);
            Assert.Contains("Files read", table, StringComparison.Ordinal);

            var (_, scorecard, checklistError) = Run("checklist", "--data", folder, "--format", "json");
            var card = JsonDocument.Parse(scorecard).RootElement;
            Assert.Contains(expected, card.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()));
            Assert.Equal(2, card.GetProperty("load").EnumerateArray().Single(l => l.GetProperty("file").GetString() == sales).GetProperty("rejected").GetInt64());
            Assert.Contains(expected, checklistError, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Claims_OwnDataThatDiffers_ExitsOneNamingTheFailures()
    {
        // A reviewer's folder: the bundled case with its last 60 days of own-account sales removed.
        var folder = Path.Combine(Path.GetTempPath(), "playbook-claims-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            foreach (var file in Directory.GetFiles(Path.Combine(DataRoot, "three-squirrels"), "*.csv"))
            {
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            }

            var sales = Tables.ReadSales(Path.Combine(folder, "sales.csv")).Rows
                .Where(s => !(s.AccountId is "1000000001" or "1000000002" && s.Date >= new DateOnly(2021, 3, 1)));
            CanonicalCsv.Write(Path.Combine(folder, "sales.csv"), sales);

            var (exit, output, _) = Run("claims", "--case", "three-squirrels", "--data", folder, "--format", "json");
            var failed = JsonDocument.Parse(output).RootElement.GetProperty("claims").EnumerateArray().Where(r => r.GetProperty("reproduced").ValueKind == JsonValueKind.False).Select(r => r.GetProperty("id").GetString()).ToList();

            Assert.Equal(1, exit);
            Assert.Contains("ts-store-gmv-jan-apr", failed);
            Assert.Contains("ts-own-share-90d", failed);
            Assert.DoesNotContain("ts-festival-self-gmv", failed);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Claims_FolderWithoutTheTables_NotEvaluatedWithTheReason()
    {
        var folder = Path.Combine(Path.GetTempPath(), "playbook-claims-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var claim = ClaimRegistry.Load(Path.Combine(DataRoot, "claims")).Single(c => c.Id == "ts-store-gmv-jan-apr");
            var result = Assert.Single(ClaimRegistry.Evaluate([claim], new BrandData(folder)));

            Assert.False(result.Reproduced);
            Assert.Equal($"not evaluated: needs orders.csv or sales.csv in {folder}", result.Note);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("claims:\n  - id: x\n    case: three-squirrels\n    kind: maybe\n    article_zh: 字\n    statement: s\n    expected: 1\n", "claims.yml:2: claim x: kind 'maybe' is neither reproducible nor context")]
    [InlineData("claims:\n  - id: x\n    case: three-squirrels\n    kind: reproducible\n    statement: s\n    expected: 1\n    query: {name: store_gmv, from: 2021-01-01, to: 2021-04-30}\n", "claims.yml:2: claim is missing 'article_zh'")]
    [InlineData("claims:\n  - id: x\n    case: three-squirrels\n    kind: reproducible\n    article_zh: 字\n    statement: s\n    expected: 1\n    query: {name: store_gmv, from: 2021-01-01, to: 2021-04-30}\n", "claims.yml:2: claim is missing 'statement_zh'")]
    [InlineData("claims:\n  - id: x\n    case: three-squirrels\n    kind: reproducible\n    article_zh: 字\n    statement: s\n    expected: 1\n    query: {name: store_total, from: 2021-01-01}\n", "claims.yml:8: claim x: unknown query 'store_total'")]
    [InlineData("claims:\n  - id: x\n    case: three-squirrels\n    kind: reproducible\n    article_zh: 字\n    statement: s\n    expected: 1\n    query: {name: store_gmv, from: 2021-01-01}\n", "claims.yml:8: claim x: query store_gmv needs to")]
    [InlineData("claims:\n  - id: x\n    case: three-squirrels\n    kind: reproducible\n    article_zh: 字\n    statement: s\n    expected: 1\n    tolerance: -1\n    query: {name: store_gmv, from: 2021-01-01, to: 2021-04-30}\n", "claims.yml:2: claim x: tolerance '-1' is not a non-negative number")]
    [InlineData("claims:\n  - id: x\n   case: bad indent\n", "claims.yml:3: not valid YAML")]
    [InlineData("items: []\n", "claims.yml:1: expected a mapping with a 'claims' list")]
    public void LoadFile_Malformed_FailsWithFileLineAndReason(string yaml, string message)
    {
        var folder = Path.Combine(Path.GetTempPath(), "playbook-claims-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var file = Path.Combine(folder, "claims.yml");
            File.WriteAllText(file, yaml);
            var e = Assert.Throws<InputException>(() => ClaimRegistry.LoadFile(file));

            Assert.StartsWith(Path.Combine(folder, message), e.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Claims_DataWithoutCase_ExitsTwo()
    {
        var (exit, _, error) = Run("claims", "--data", "/tmp");

        Assert.Equal(2, exit);
        Assert.Equal("playbook claims: --data needs --case: say which case's claims to check against it", error.Trim());
    }
}
