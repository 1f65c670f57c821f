using System.Globalization;
using Playbook.Canonical;

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
