using System.Text.RegularExpressions;
using Playbook.Canonical;
using Playbook.Ingest;
using Playbook.Output;
using Playbook.Sources;
using YamlDotNet.RepresentationModel;

namespace Playbook.Tests.Canonical;

/// <summary>
/// Each canonical table is declared once; the README, the data cards, the writer and the data
/// frames agree with the declaration, or one of these fails.
/// </summary>
public sealed partial class CanonicalTablesTests
{
    private static readonly string Root = Repo.Root;

    public static TheoryData<string> DataFolders() => ["samples", "three-squirrels", "dora-doshang"];

    [Fact]
    public void Readme_TableSection_IsMadeFromTheDeclarations()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        Assert.Contains(CanonicalTables.ReadmeTable(), readme, StringComparison.Ordinal);
    }

    [Fact]
    public void Readme_FormatsSection_HasARowForEveryRegisteredAdapter()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        var rows = ReadmeFormatRow().Matches(readme).Select(m => (m.Groups["id"].Value, m.Groups["table"].Value)).ToHashSet();
        var registered = SourceRegistry.All.Select(a => (a.Id, Vocabulary.KindName(a.Table))).ToHashSet();
        Assert.Equal(registered.Order(), rows.Order());
    }

    [Theory]
    [MemberData(nameof(DataFolders))]
    public void DataCard_Schemas_AreTheDeclarations(string folder)
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(Root, "data", folder, "datacard.yml")))
        {
            yaml.Load(reader);
        }

        var files = ((YamlSequenceNode)((YamlMappingNode)yaml.Documents[0].RootNode)["files"]).Cast<YamlMappingNode>().ToList();
        Assert.NotEmpty(files);
        foreach (var file in files.Where(f => f.Children.ContainsKey(new YamlScalarNode("schema"))))
        {
            Assert.True(Vocabulary.TryParseKind(S(file, "table"), out var kind), S(file, "table"));
            var documented = ((YamlSequenceNode)file["schema"]).Cast<YamlMappingNode>()
                .Select(c => (S(c, "column"), S(c, "type"), S(c, "unit"), S(c, "description")))
                .ToList();

            // The card describes the file's columns (optional ones may be absent), each as declared.
            var header = File.ReadLines(Path.Combine(Root, "data", folder, S(file, "file"))).First().TrimStart('\uFEFF').Split(',');
            var declared = CanonicalTables.Of(kind).Columns.Where(c => header.Contains(c.Name)).Select(c => (c.Name, c.Type, c.Unit, c.Description));
            Assert.Equal(declared, documented);
            Assert.Equal(header, documented.Select(d => d.Item1));
        }
    }

    [Theory]
    [InlineData("three-squirrels")]
    [InlineData("dora-doshang")]
    public void Write_EveryBundledCaseTableReadBack_SameBytes(string folder)
    {
        // The case files were written by the declared writer: reading then writing gives them back byte for byte.
        foreach (var path in Directory.GetFiles(Path.Combine(Root, "data", folder), "*.csv"))
        {
            var kind = Tables.Validate(path).Kind;
            using var written = new MemoryStream();
            switch (kind)
            {
                case TableKind.Accounts: CanonicalCsv.Write(written, Tables.ReadAccounts(path).Rows); break;
                case TableKind.Orders: CanonicalCsv.Write(written, Tables.ReadOrders(path).Rows); break;
                case TableKind.Sessions: CanonicalCsv.Write(written, Tables.ReadSessions(path).Rows); break;
                case TableKind.Products: CanonicalCsv.Write(written, Tables.ReadProducts(path).Rows); break;
                case TableKind.Campaigns: CanonicalCsv.Write(written, Tables.ReadCampaigns(path).Rows); break;
                case TableKind.Traffic: CanonicalCsv.Write(written, Tables.ReadTraffic(path).Rows); break;
                case TableKind.Sales: CanonicalCsv.Write(written, Tables.ReadSales(path).Rows); break;
                case TableKind.Leaderboard: CanonicalCsv.Write(written, Tables.ReadLeaderboard(path).Rows); break;
                case TableKind.Costs: CanonicalCsv.Write(written, Tables.ReadCosts(path).Rows); break;
                case TableKind.Commissions: CanonicalCsv.Write(written, Tables.ReadCommissions(path).Rows); break;
                default: throw new InvalidOperationException(path);
            }

            Assert.True(File.ReadAllBytes(path).AsSpan().SequenceEqual(written.ToArray()), path);
        }
    }

    [Fact]
    public void ToDataFrame_EveryTable_OneColumnPerDeclaredColumnInOrder()
    {
        Assert.Equal(CanonicalTables.Accounts.Columns.Select(c => c.Name), new List<Account> { new() }.ToDataFrame().Columns.Select(c => c.Name));
        Assert.Equal(CanonicalTables.Sessions.Columns.Select(c => c.Name), new List<LiveSession> { new() }.ToDataFrame().Columns.Select(c => c.Name));
        Assert.Equal(CanonicalTables.Products.Columns.Select(c => c.Name), new List<Product> { new() }.ToDataFrame().Columns.Select(c => c.Name));
        Assert.Equal(CanonicalTables.Campaigns.Columns.Select(c => c.Name), new List<Campaign> { new() }.ToDataFrame().Columns.Select(c => c.Name));
        Assert.Equal(CanonicalTables.Traffic.Columns.Select(c => c.Name), new List<PaidTraffic> { new() }.ToDataFrame().Columns.Select(c => c.Name));
        Assert.Equal(CanonicalTables.Sales.Columns.Select(c => c.Name), new List<DailySales> { new() }.ToDataFrame().Columns.Select(c => c.Name));
        Assert.Equal(CanonicalTables.Leaderboard.Columns.Select(c => c.Name), new List<LeaderboardEntry> { new() }.ToDataFrame().Columns.Select(c => c.Name));
        Assert.Equal(CanonicalTables.Costs.Columns.Select(c => c.Name), new List<Cost> { new() }.ToDataFrame().Columns.Select(c => c.Name));
        Assert.Equal(CanonicalTables.Commissions.Columns.Select(c => c.Name), new List<CommissionRow> { new() }.ToDataFrame().Columns.Select(c => c.Name));
    }

    [Fact]
    public void All_InTableKindOrder_EachItsOwnKind()
    {
        Assert.Equal(Enum.GetValues<TableKind>(), CanonicalTables.All.Select(t => t.Kind));
        Assert.All(CanonicalTables.All, t => Assert.Equal(t.Name + ".csv", t.FileName));
    }

    private static string S(YamlMappingNode node, string key) => ((YamlScalarNode)node[key]).Value ?? "";

    [GeneratedRegex(@"^\| `(?<id>[a-z_]+)` \| (?<table>[a-z]+) \|", RegexOptions.Multiline)]
    private static partial Regex ReadmeFormatRow();
}
