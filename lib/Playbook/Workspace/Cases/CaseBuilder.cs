using System.Globalization;
using Playbook.Canonical;
using Playbook.Ingest;
using Playbook.Synthesis;

namespace Playbook.Workspace;

/// <summary>Builds a case's folder: the simulated tables and the data card that describes them.</summary>
public static class CaseBuilder
{
    /// <summary>
    /// Simulates <paramref name="info"/> with <paramref name="seed"/> (the case's own by default)
    /// and writes its tables and data card into <paramref name="directory"/>. Returns the files written.
    /// </summary>
    public static IReadOnlyList<string> Build(CaseInfo info, string directory, ulong? seed = null)
    {
        ArgumentNullException.ThrowIfNull(info);
        var usedSeed = seed ?? info.Seed;
        var files = info.Generate(usedSeed).Write(directory);
        Card(info, directory, files, usedSeed).Write(directory);
        return [.. files, DataCard.FileName];
    }

    /// <summary>
    /// Writes the example downloads of every layout (<see cref="ExportExamples"/>) into
    /// <paramref name="directory"/> with a data card naming each file's layout, sheet, rows and sha256.
    /// </summary>
    public static IReadOnlyList<string> BuildExports(string directory, ulong seed = 2026)
    {
        var files = ExportExamples.Write(directory, seed);
        var command = string.Create(CultureInfo.InvariantCulture, $"dotnet run --project lib/Playbook.Cli -- generate --exports --seed {seed}");
        var card = new DataCard();
        card.Line($"# Data card for data/exports, written by `{command}`: regenerate rather than edit.");
        card.Line($"title: {DataCard.Q("Example downloads of a fictional nut brand on Douyin (样例坚果) and of the Dora Doshang simulation on Kuaishou, in every layout the workspace reads")}");
        card.Line("class: synthetic (example exports)");
        card.Line($"statement: {DataCard.Q("Every row is simulated by a seeded model (lib/Playbook/Synthesis/ExportExamples.cs); the headers, value spellings and containers follow public parsers of the real downloads (DOMAIN.md, Real export formats). Nothing here is a fact about a brand. Real 快手小店 downloads are encrypted with the last 6 characters of their name; these are not (tests/Playbook.Tests/Fixtures/workbooks holds encrypted ones).")}");
        card.Line(string.Create(CultureInfo.InvariantCulture, $"seed: {seed}"));
        card.Line($"built_by: {DataCard.Q(command)}");
        card.Line("used_by: [notebooks/04-your-brand.ipynb (run with -p exportsFolder=…), tests/Playbook.Tests/Synthesis/ExportExamplesTests.cs]");
        card.Line("files:");
        foreach (var file in files)
        {
            var path = Path.Combine(directory, file);
            var report = Tables.Validate(path);
            card.Line($"  - file: {DataCard.Q(file)}");
            card.Line($"    source: {report.Source}");
            card.Line($"    table: {Vocabulary.KindName(report.Kind)}");
            if (report.Sheet is { } sheet)
            {
                card.Line($"    sheet: {DataCard.Q(sheet)}");
            }

            card.Line($"    encoding: {report.Encoding}");
            card.Line(string.Create(CultureInfo.InvariantCulture, $"    rows: {{read: {report.Rows}, loaded: {report.Loaded}, unpaid: {report.Unpaid}, rejected: {report.Rejected}, summary: {report.Summary}}}"));
            card.Line($"    sha256: {DataCard.Sha256(path)}");
        }

        card.Write(directory);
        return [.. files, DataCard.FileName];
    }

    private static DataCard Card(CaseInfo info, string directory, IReadOnlyList<string> files, ulong seed)
    {
        var command = string.Create(CultureInfo.InvariantCulture, $"dotnet run --project lib/Playbook.Cli -- generate --case {info.Id} --seed {seed}");
        var card = new DataCard();
        card.Line($"# Data card for data/{info.Id}, written by `{command}`: regenerate rather than edit.");
        card.Line($"title: {DataCard.Q(info.Title)}");
        card.Line($"title_zh: {DataCard.Q(info.TitleZh)}");
        card.Line("class: synthetic reconstruction");
        card.Line($"platform: {Vocabulary.Name(info.Framework.Platform)}");
        card.Line($"framework: {info.Framework.Code}");
        card.Line(string.Create(CultureInfo.InvariantCulture, $"period: {{from: {info.From:yyyy-MM-dd}, to: {info.To:yyyy-MM-dd}}}"));
        card.Line(string.Create(CultureInfo.InvariantCulture, $"gross_margin: {info.GrossMargin} # invented: what the economics (notebook 07, claims) take COGS from"));
        card.Line($"statement: {DataCard.Q("Every row is simulated by a seeded model in lib/Playbook/Synthesis. Only the calibrated aggregates below come from the source article; no row, name or figure outside them is a fact about the brand.")}");
        card.Line($"source: {DataCard.Q("The source article (卡思数据, 2021), shared/source/article-zh.txt; its claims are in data/claims/" + info.Id + ".yml")}");
        card.Line("calibrated_to:");
        foreach (var c in info.CalibratedTo)
        {
            card.Line($"  - {DataCard.Q(c)}");
        }

        card.Line("invented:");
        foreach (var i in info.Invented)
        {
            card.Line($"  - {DataCard.Q(i)}");
        }

        card.Line(string.Create(CultureInfo.InvariantCulture, $"seed: {seed}"));
        card.Line($"built_by: {DataCard.Q(command)}");
        card.Line("used_by:");
        card.Line($"  notebooks: [{string.Join(", ", info.Notebooks)}]");
        card.Line($"  claims: data/claims/{info.Id}.yml");
        card.Line("conventions: {encoding: UTF-8, money: CNY with two decimals, times: China Standard Time (UTC+8)}");
        card.Line("files:");
        foreach (var file in files)
        {
            card.CanonicalFile(directory, file);
        }

        return card;
    }
}
