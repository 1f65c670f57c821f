using System.Security.Cryptography;
using Playbook.Canonical;
using Playbook.Ingest;
using YamlDotNet.RepresentationModel;

namespace Playbook.Tests;

/// <summary>The data card beside every data folder tells the truth about every file in it.</summary>
public class DataCardTests
{
    private static readonly string Samples = Path.Combine(Repo.Root, "data", "samples");

    public static TheoryData<string> DataFolders() => ["samples", "three-squirrels", "dora-doshang"];

    [Theory]
    [MemberData(nameof(DataFolders))]
    public void EveryDataFolder_CardListsEveryCsvWithItsChecksumAndRows(string folder)
    {
        var directory = Path.Combine(Repo.Root, "data", folder);
        var entries = Card(directory).ToList();

        Assert.Equal(
            Directory.GetFiles(directory, "*.csv").Select(Path.GetFileName).Order(StringComparer.Ordinal),
            entries.Select(e => Scalar(e, "file")).Order(StringComparer.Ordinal));
        foreach (var entry in entries)
        {
            var path = Path.Combine(directory, Scalar(entry, "file"));
            Assert.Equal(Scalar(entry, "sha256"), Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))));
            Assert.Equal(long.Parse(Scalar(entry, "rows"), System.Globalization.CultureInfo.InvariantCulture), File.ReadLines(path).LongCount() - 1);
        }
    }

    public static TheoryData<string> CardFiles()
    {
        var data = new TheoryData<string>();
        foreach (var entry in Card())
        {
            data.Add(Scalar(entry, "file"));
        }

        return data;
    }

    public static TheoryData<string> FilesWithSchema()
    {
        var data = new TheoryData<string>();
        foreach (var entry in Card().Where(e => e.Children.ContainsKey(new YamlScalarNode("schema"))))
        {
            data.Add(Scalar(entry, "file"));
        }

        return data;
    }

    [Fact]
    public void DataCard_ListsEveryCsvInTheFolder()
    {
        var listed = Card().Select(e => Scalar(e, "file")).Order(StringComparer.Ordinal);
        var present = Directory.GetFiles(Samples, "*.csv").Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(present, listed);
    }

    [Theory]
    [MemberData(nameof(CardFiles))]
    public void DataCard_Sha256AndRowCountMatchTheFile(string file)
    {
        var entry = Entry(file);
        var path = Path.Combine(Samples, file);

        Assert.Equal(Scalar(entry, "sha256"), Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))));

        // An independent count: physical lines after the header (the samples have no line breaks inside fields).
        Assert.Equal(long.Parse(Scalar(entry, "rows"), System.Globalization.CultureInfo.InvariantCulture), File.ReadAllLines(path).Length - 1);
    }

    [Theory]
    [MemberData(nameof(CardFiles))]
    public void DataCard_LoadCountsMatchTheReader(string file)
    {
        var entry = Entry(file);
        var report = Tables.Validate(Path.Combine(Samples, file));

        Assert.Equal(Scalar(entry, "table"), Vocabulary.KindName(report.Kind));
        Assert.Equal(
            (Scalar(entry, "rows"), Scalar(entry, "loaded"), Scalar(entry, "unpaid"), Scalar(entry, "rejected")),
            (report.Rows.ToString(System.Globalization.CultureInfo.InvariantCulture), report.Loaded.ToString(System.Globalization.CultureInfo.InvariantCulture), report.Unpaid.ToString(System.Globalization.CultureInfo.InvariantCulture), report.Rejected.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [MemberData(nameof(FilesWithSchema))]
    public void DataCard_SchemaNamesTheFileColumns(string file)
    {
        var entry = Entry(file);
        var documented = ((YamlSequenceNode)entry["schema"]).Select(c => Scalar((YamlMappingNode)c, "column"));
        var header = File.ReadLines(Path.Combine(Samples, file)).First().Split(',');
        Assert.Equal(header, documented);
    }

    private static YamlMappingNode Entry(string file) => Card().Single(e => Scalar(e, "file") == file);

    private static IEnumerable<YamlMappingNode> Card(string? directory = null)
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(Path.Combine(directory ?? Samples, "datacard.yml"));
        yaml.Load(reader);
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        return ((YamlSequenceNode)root["files"]).Cast<YamlMappingNode>();
    }

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node[key]).Value ?? "";
}
