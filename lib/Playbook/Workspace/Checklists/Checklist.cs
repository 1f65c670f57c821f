using System.Globalization;
using Playbook.Files;
using YamlDotNet.RepresentationModel;

namespace Playbook.Workspace;

/// <summary>How an evidence rule compares the measured value with its threshold.</summary>
public enum ThresholdKind
{
    /// <summary>Met when the value is at least the threshold.</summary>
    AtLeast,

    /// <summary>Met when the value is at most the threshold.</summary>
    AtMost,
}

/// <summary>A check the data can answer: a library metric, its parameters and a threshold.</summary>
/// <param name="Metric">One of <see cref="EvidenceMetrics.Names"/>.</param>
/// <param name="Parameters">The metric's parameters (role …).</param>
/// <param name="Compare">At least or at most.</param>
/// <param name="Threshold">The threshold.</param>
public sealed record EvidenceRule(string Metric, IReadOnlyDictionary<string, string> Parameters, ThresholdKind Compare, double Threshold)
{
    /// <summary>The rule in words: metric(parameters) ≥ threshold.</summary>
    public override string ToString()
    {
        var args = Parameters.Count == 0 ? "" : "(" + string.Join(", ", Parameters.Select(p => $"{p.Key}={p.Value}")) + ")";
        return string.Create(CultureInfo.InvariantCulture, $"{Metric}{args} {(Compare == ThresholdKind.AtLeast ? "≥" : "≤")} {Threshold}");
    }
}

/// <summary>One best practice to check.</summary>
/// <param name="Id">Unique id.</param>
/// <param name="Checklist">The checklist it belongs to.</param>
/// <param name="Pillar">Its pillar (F, A, C, T …) or stage (team, before, on_air …).</param>
/// <param name="Text">The practice, in English.</param>
/// <param name="TextZh">The practice, in Chinese.</param>
/// <param name="Why">Why it matters, with its source.</param>
/// <param name="Evidence">The rule that checks it against data; null for a self-assessment item.</param>
/// <param name="File">The checklist file.</param>
/// <param name="Line">The line where the item starts.</param>
public sealed record ChecklistItem(string Id, string Checklist, string Pillar, string Text, string TextZh, string Why, EvidenceRule? Evidence, string File, long Line)
{
    /// <summary>Why it matters, in Chinese (<c>why_zh</c>); every checklist file gives it.</summary>
    public string WhyZh { get; init; } = "";
}

/// <summary>A checklist: a titled list of items, one YAML file under data/checklists.</summary>
/// <param name="Id">The file's checklist id (fact, steps, self-broadcast, case-lessons).</param>
/// <param name="Title">English title.</param>
/// <param name="TitleZh">Chinese title.</param>
/// <param name="Items">The items, in file order.</param>
public sealed record Checklist(string Id, string Title, string TitleZh, IReadOnlyList<ChecklistItem> Items);

/// <summary>Reads checklist files; a malformed file fails with its file, line and the reason.</summary>
public static class ChecklistFiles
{
    /// <summary>Every checklist of <paramref name="directory"/>, in file-name order; item ids are unique across them.</summary>
    public static IReadOnlyList<Checklist> Load(string directory)
    {
        var lists = System.IO.Directory.GetFiles(directory, "*.yml").Order(StringComparer.Ordinal).Select(LoadFile).ToList();
        var seen = new Dictionary<string, ChecklistItem>(StringComparer.Ordinal);
        foreach (var item in lists.SelectMany(l => l.Items))
        {
            if (!seen.TryAdd(item.Id, item))
            {
                throw new InputException($"{item.File}:{item.Line}: item id '{item.Id}' is used twice (first at {seen[item.Id].File}:{seen[item.Id].Line})");
            }
        }

        return lists;
    }

    /// <summary>Reads one checklist file: checklist, title, title_zh and items.</summary>
    public static Checklist LoadFile(string file)
    {
        var root = Yaml.Root(file);
        var id = Yaml.Required(root, "checklist", file);
        if (!root.Children.TryGetValue(new YamlScalarNode("items"), out var node) || node is not YamlSequenceNode items)
        {
            throw new InputException($"{file}:{root.Start.Line}: expected an 'items' list");
        }

        var parsed = items.Select(i => Item(file, id, i)).ToList();
        var duplicate = parsed.GroupBy(i => i.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            var second = duplicate.Skip(1).First();
            throw new InputException($"{file}:{second.Line}: item id '{duplicate.Key}' is used twice");
        }

        return new Checklist(id, Yaml.Required(root, "title", file), Yaml.Required(root, "title_zh", file), parsed);
    }

    private static ChecklistItem Item(string file, string checklist, YamlNode node)
    {
        if (node is not YamlMappingNode map)
        {
            throw new InputException($"{file}:{node.Start.Line}: an item must be a mapping of id, pillar, text, text_zh, why, why_zh and optionally evidence");
        }

        var id = Yaml.Required(map, "id", file);
        EvidenceRule? rule = null;
        if (map.Children.TryGetValue(new YamlScalarNode("evidence"), out var evidence))
        {
            rule = Rule(file, id, evidence);
        }

        return new ChecklistItem(id, checklist, Yaml.Required(map, "pillar", file), Yaml.Required(map, "text", file), Yaml.Required(map, "text_zh", file), Yaml.Required(map, "why", file), rule, file, map.Start.Line)
        {
            WhyZh = Yaml.Required(map, "why_zh", file),
        };
    }

    private static EvidenceRule Rule(string file, string id, YamlNode node)
    {
        var line = node.Start.Line;
        if (node is not YamlMappingNode map)
        {
            throw new InputException($"{file}:{line}: item {id}: evidence must be a mapping of metric, compare, threshold and the metric's parameters");
        }

        var metric = Yaml.Required(map, "metric", file);
        var compare = Yaml.Required(map, "compare", file) switch
        {
            "at_least" => ThresholdKind.AtLeast,
            "at_most" => ThresholdKind.AtMost,
            var other => throw new InputException($"{file}:{line}: item {id}: compare '{other}' is not at_least or at_most"),
        };
        var thresholdText = Yaml.Required(map, "threshold", file);
        if (!double.TryParse(thresholdText, NumberStyles.Float, CultureInfo.InvariantCulture, out var threshold))
        {
            throw new InputException($"{file}:{line}: item {id}: threshold '{thresholdText}' is not a number");
        }

        var parameters = map.Children
            .Select(p => (Key: ((YamlScalarNode)p.Key).Value ?? "", Value: (p.Value as YamlScalarNode)?.Value ?? ""))
            .Where(p => p.Key is not ("metric" or "compare" or "threshold"))
            .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var problem = EvidenceMetrics.Check(metric, parameters);
        return problem is null ? new EvidenceRule(metric, parameters, compare, threshold) : throw new InputException($"{file}:{line}: item {id}: {problem}");
    }
}
