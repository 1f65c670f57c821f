using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Playbook.Canonical;
using Playbook.Ingest;

namespace Playbook.Workspace;

/// <summary>Builds a case's folder: the simulated tables and the data card that describes them.</summary>
public static class CaseBuilder
{
    /// <summary>The data card's file name.</summary>
    public const string DataCard = "datacard.yml";

    private static readonly JsonSerializerOptions Quoting = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Simulates <paramref name="info"/> with <paramref name="seed"/> (the case's own by default)
    /// and writes its tables and data card into <paramref name="directory"/>. Returns the files written.
    /// </summary>
    public static IReadOnlyList<string> Build(CaseInfo info, string directory, ulong? seed = null)
    {
        ArgumentNullException.ThrowIfNull(info);
        var usedSeed = seed ?? info.Seed;
        var files = info.Generate(usedSeed).Write(directory);
        File.WriteAllText(Path.Combine(directory, DataCard), Card(info, directory, files, usedSeed), new UTF8Encoding(false));
        return [.. files, DataCard];
    }

    private static string Card(CaseInfo info, string directory, IReadOnlyList<string> files, ulong seed)
    {
        var command = string.Create(CultureInfo.InvariantCulture, $"dotnet run --project lib/Playbook.Cli -- generate --case {info.Id} --seed {seed}");
        var text = new StringBuilder();
        void Line(string line) => text.Append(line).Append('\n');
        Line($"# Data card for data/{info.Id}, written by `{command}`: regenerate rather than edit.");
        Line($"title: {Q(info.Title)}");
        Line($"title_zh: {Q(info.TitleZh)}");
        Line("class: synthetic reconstruction");
        Line($"platform: {Vocabulary.Name(info.Framework.Platform)}");
        Line($"framework: {info.Framework.Code}");
        Line(string.Create(CultureInfo.InvariantCulture, $"period: {{from: {info.From:yyyy-MM-dd}, to: {info.To:yyyy-MM-dd}}}"));
        Line($"statement: {Q("Every row is simulated by a seeded model in lib/Playbook/Synthesis. Only the calibrated aggregates below come from the source article; no row, name or figure outside them is a fact about the brand.")}");
        Line($"source: {Q("The source article (卡思数据, 2021), shared/source/article-zh.txt; its claims are in data/claims/" + info.Id + ".yml")}");
        Line("calibrated_to:");
        foreach (var c in info.CalibratedTo)
        {
            Line($"  - {Q(c)}");
        }

        Line("invented:");
        foreach (var i in info.Invented)
        {
            Line($"  - {Q(i)}");
        }

        Line(string.Create(CultureInfo.InvariantCulture, $"seed: {seed}"));
        Line($"built_by: {Q(command)}");
        Line("used_by:");
        Line($"  notebooks: [{string.Join(", ", info.Notebooks)}]");
        Line($"  claims: data/claims/{info.Id}.yml");
        Line("conventions: {encoding: UTF-8, money: CNY with two decimals, times: China Standard Time (UTC+8)}");
        Line("files:");
        foreach (var file in files)
        {
            var path = Path.Combine(directory, file);
            var report = Tables.Validate(path);
            var kind = report.Kind;
            var rows = report.Rows;
            Line($"  - file: {file}");
            Line($"    table: {Vocabulary.KindName(kind)}");
            Line(string.Create(CultureInfo.InvariantCulture, $"    rows: {rows}"));
            Line($"    sha256: {Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)))}");
            Line("    schema:");
            foreach (var c in CanonicalTables.Of(kind).Columns)
            {
                Line($"      - {{column: {c.Name}, type: {Q(c.Type)}, unit: {Q(c.Unit)}, description: {Q(c.Description)}}}");
            }
        }

        return text.ToString();
    }

    private static string Q(string text) => JsonSerializer.Serialize(text, Quoting);
}
