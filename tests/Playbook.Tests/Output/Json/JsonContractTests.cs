using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Playbook.Tests.Output.Json;

/// <summary>
/// The JSON each command prints, on every bundled input, held key for key and value for value to
/// the copy in Contracts/ (issue 23: written once by the hand-written writers before the serializer
/// replaced them, then kept as the output contract). Paths are written relative to the repository.
/// To change the contract on purpose: PLAYBOOK_WRITE_CONTRACTS=1 dotnet test --filter JsonContract,
/// then read the diff.
/// </summary>
public sealed class JsonContractTests
{
    private static readonly string Root = Repo.Root;

    public static TheoryData<string, string[]> Cases() => new()
    {
        { "validate-samples", ["validate", .. Files("data/samples", "*.csv"), "--format", "json"] },
        { "validate-exports", ["validate", .. Files("data/exports/douyin", "*"), .. Files("data/exports/kuaishou", "*"), "--format", "json"] },
        { "validate-one", ["validate", P("data/samples/orders.csv"), "--format", "json"] },
        { "import-douyin", ["import", P("data/exports/douyin"), "--out", "{out}", "--format", "json"] },
        { "import-kuaishou", ["import", P("data/exports/kuaishou"), "--out", "{out}", "--format", "json"] },
        { "analyze-samples-fact", Samples("fact") },
        { "analyze-samples-steps", Samples("steps") },
        { "analyze-douyin-export", ["analyze", "--orders", P("data/samples/douyin-export.csv"), "--accounts", P("data/samples/accounts.csv"), "--campaigns", P("data/samples/campaigns.csv"), "--framework", "fact", "--format", "json"] },
        { "analyze-orders-with-errors", ["analyze", "--orders", P("data/samples/orders-with-errors.csv"), "--accounts", P("data/samples/accounts.csv"), "--framework", "steps", "--format", "json"] },
        { "analyze-sales", ["analyze", "--sales", P("data/samples/sales.csv"), "--accounts", P("data/samples/accounts.csv"), "--framework", "fact", "--format", "json"] },
        { "analyze-three-squirrels", ["analyze", "--data", P("data/three-squirrels"), "--framework", "fact", "--gross-margin", "0.4", "--format", "json"] },
        { "analyze-dora-doshang", ["analyze", "--data", P("data/dora-doshang"), "--framework", "steps", "--gross-margin", "0.6", "--format", "json"] },
        { "analyze-exports-douyin", ["analyze", "--data", P("data/exports/douyin"), "--framework", "fact", "--format", "json"] },
        { "analyze-exports-kuaishou", ["analyze", "--data", P("data/exports/kuaishou"), "--framework", "steps", "--format", "json"] },
        { "allocate-dora-doshang", ["allocate", "--case", "dora-doshang", "--cost", "live_hours=3000", "--draws", "8", "--format", "json"] },
        { "allocate-three-squirrels", ["allocate", "--case", "three-squirrels", "--cost", "live_hours=5000", "--cost", "talent_sessions=2000", "--draws", "8", "--format", "json"] },
        { "allocate-contribution-three-squirrels", ["allocate", "--case", "three-squirrels", "--kpi", "contribution", "--cost", "head_sessions=data", "--draws", "8", "--format", "json"] },
        { "checklist-three-squirrels", ["checklist", "--case", "three-squirrels", "--format", "json"] },
        { "checklist-dora-doshang", ["checklist", "--case", "dora-doshang", "--format", "json"] },
        { "checklist-no-data", ["checklist", "--format", "json"] },
        { "claims", ["claims", "--format", "json"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Command_BundledInput_PrintsTheContractsJson(string name, string[] args)
    {
        var output = Path.Combine(Path.GetTempPath(), "playbook-contract-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (exit, stdout, error) = CommandLine.Run([.. args.Select(a => a.Replace("{out}", output, StringComparison.Ordinal))]);
            Assert.True(exit is 0 or 1, error);
            var actual = stdout.Replace(output, "{out}", StringComparison.Ordinal).Replace(Root + Path.DirectorySeparatorChar, "", StringComparison.Ordinal);
            var file = Path.Combine(Root, "tests", "Playbook.Tests", "Output", "Json", "Contracts", name + ".json");
            if (Environment.GetEnvironmentVariable("PLAYBOOK_WRITE_CONTRACTS") == "1")
            {
                File.WriteAllText(file, actual);
            }

            Assert.Equal(File.ReadAllText(file), actual);

            // And the output validates against the command's published schema.
            var schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(Root, "docs", "schemas", args[0] + ".schema.json")));
            using var json = JsonDocument.Parse(stdout);
            var result = schema.Evaluate(json.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
            Assert.True(result.IsValid, string.Join("\n", (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")).Take(10)));
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }

    [Fact]
    public void Schemas_MadeFromTheTypes_SameAsTheFilesInDocs()
    {
        // docs/schemas is the contract users read: rebuilt from the types, it must be what is committed (playbook schemas rewrites it).
        foreach (var (command, schema) in Playbook.Output.JsonOutput.Schemas())
        {
            var file = Path.Combine(Root, "docs", "schemas", command + ".schema.json");
            Assert.True(File.Exists(file), $"{file} is missing: run playbook schemas");
            Assert.True(File.ReadAllText(file) == schema.ToJsonString(Playbook.Output.JsonOutput.Options) + "\n", $"{file} is stale: run playbook schemas");
        }

        Assert.Equal(
            ["allocate", "analyze", "checklist", "claims", "import", "validate"],
            Directory.GetFiles(Path.Combine(Root, "docs", "schemas")).Select(f => Path.GetFileName(f).Replace(".schema.json", "", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Schema_AnalyzeJson_RefusesADocumentWithoutTotals()
    {
        // The schema says something: a document lacking a required key, or with text for money, fails it.
        var schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(Root, "docs", "schemas", "analyze.schema.json")));
        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "tests", "Playbook.Tests", "Output", "Json", "Contracts", "analyze-samples-fact.json")))!.AsObject();
        bool Valid() => schema.Evaluate(JsonDocument.Parse(document.ToJsonString()).RootElement).IsValid;
        Assert.True(Valid());

        document["totals"]!["gmv"] = "a lot";
        Assert.False(Valid());
        document.Remove("totals");
        Assert.False(Valid());
    }

    private static string P(string relative) => Path.Combine(Root, relative);

    private static IEnumerable<string> Files(string folder, string pattern) =>
        Directory.GetFiles(P(folder), pattern).Where(f => Path.GetFileName(f) != "datacard.yml").Order(StringComparer.Ordinal);

    private static string[] Samples(string framework) =>
    [
        "analyze", "--orders", P("data/samples/orders.csv"), "--accounts", P("data/samples/accounts.csv"), "--campaigns", P("data/samples/campaigns.csv"),
        "--traffic", P("data/samples/traffic.csv"), "--sessions", P("data/samples/sessions.csv"), "--products", P("data/samples/products.csv"), "--costs", P("data/samples/costs.csv"),
        "--gross-margin", "0.45", "--framework", framework, "--format", "json",
    ];
}
