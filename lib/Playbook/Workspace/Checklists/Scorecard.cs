using System.Globalization;
using Playbook.Files;
using Playbook.Ingest;
using YamlDotNet.RepresentationModel;

namespace Playbook.Workspace;

/// <summary>Where an item stands.</summary>
public enum ItemStatus
{
    /// <summary>The data or the user's answer says it is done.</summary>
    Met,

    /// <summary>The data or the user's answer says it is not.</summary>
    NotMet,

    /// <summary>The user answered "partly".</summary>
    Partly,

    /// <summary>Neither data nor an answer can tell: never counted as a failure.</summary>
    Unknown,
}

/// <summary>The spelling of item statuses in JSON, tables and pages.</summary>
public static class ItemStatusNames
{
    /// <summary>met, not_met, partly or unknown.</summary>
    public static string Name(this ItemStatus status) => status switch
    {
        ItemStatus.Met => "met",
        ItemStatus.NotMet => "not_met",
        ItemStatus.Partly => "partly",
        _ => "unknown",
    };
}

/// <summary>The user's own answer to an item (yes / no / partly), from an answers file.</summary>
/// <param name="ItemId">The item.</param>
/// <param name="Status">Met (yes), not met (no) or partly.</param>
/// <param name="Note">The user's note.</param>
public sealed record Answer(string ItemId, ItemStatus Status, string? Note);

/// <summary>The answers file: answers by item id, and settings the data cannot give (gross_margin).</summary>
/// <param name="Answers">Answers by item id.</param>
/// <param name="Settings">Numeric settings.</param>
public sealed record AnswerSheet(IReadOnlyDictionary<string, Answer> Answers, IReadOnlyDictionary<string, double> Settings)
{
    /// <summary>No answers, no settings.</summary>
    public static AnswerSheet None { get; } = new(new Dictionary<string, Answer>(), new Dictionary<string, double>());

    /// <summary>The same sheet with <paramref name="name"/> set to <paramref name="value"/> unless it sets it already (a case's gross margin).</summary>
    public AnswerSheet WithDefault(string name, double value) =>
        Settings.ContainsKey(name) ? this : this with { Settings = new Dictionary<string, double>(Settings) { [name] = value } };

    /// <summary>
    /// Reads an answers file: <c>settings: {gross_margin: 0.45}</c> and <c>answers: {item-id: {answer: yes|no|partly, note: …}}</c>
    /// (or <c>item-id: yes</c>).
    /// </summary>
    public static AnswerSheet Load(string file)
    {
        if (!File.Exists(file))
        {
            throw new InputException($"{file}: no such file");
        }

        var root = Yaml.Root(file);
        var settings = new Dictionary<string, double>(StringComparer.Ordinal);
        if (root.Children.TryGetValue(new YamlScalarNode("settings"), out var s) && s is YamlMappingNode settingsMap)
        {
            foreach (var (key, value) in settingsMap.Children)
            {
                var text = (value as YamlScalarNode)?.Value;
                settings[((YamlScalarNode)key).Value!] = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                    ? number
                    : throw new InputException($"{file}:{value.Start.Line}: setting {((YamlScalarNode)key).Value} '{text}' is not a number");
            }
        }

        var answers = new Dictionary<string, Answer>(StringComparer.Ordinal);
        if (root.Children.TryGetValue(new YamlScalarNode("answers"), out var a) && a is YamlMappingNode answerMap)
        {
            foreach (var (key, value) in answerMap.Children)
            {
                var id = ((YamlScalarNode)key).Value!;
                var (text, note) = value switch
                {
                    YamlScalarNode scalar => (scalar.Value, null),
                    YamlMappingNode map => (Yaml.Text(map, "answer"), Yaml.Text(map, "note")),
                    _ => (null, null),
                };
                var status = text?.ToUpperInvariant() switch
                {
                    "YES" or "TRUE" or "是" => ItemStatus.Met,
                    "NO" or "FALSE" or "否" => ItemStatus.NotMet,
                    "PARTLY" or "部分" => ItemStatus.Partly,
                    _ => throw new InputException($"{file}:{value.Start.Line}: answer to {id} is '{text}': expected yes, no or partly"),
                };
                answers[id] = new Answer(id, status, note);
            }
        }

        return new AnswerSheet(answers, settings);
    }
}

/// <summary>An item checked.</summary>
/// <param name="Item">The item.</param>
/// <param name="Status">Met, not met, partly or unknown.</param>
/// <param name="Measured">The measured value, when the data gave one.</param>
/// <param name="Evidence">What the status rests on: the rule and value, or the user's answer.</param>
/// <param name="Missing">For unknown items: what data or answer is missing.</param>
/// <param name="Gap">How far from done: the relative distance to the threshold, 1 for "no", 0.5 for "partly".</param>
public sealed record ItemResult(ChecklistItem Item, ItemStatus Status, double? Measured, string? Evidence, string? Missing, double Gap);

/// <summary>A checklist's or a pillar's score: met / (met + not met + partly), unknowns apart.</summary>
/// <param name="Checklist">The checklist.</param>
/// <param name="Pillar">The pillar or stage; "all" for the checklist as a whole.</param>
/// <param name="Met">Items met.</param>
/// <param name="NotMet">Items not met (partly included).</param>
/// <param name="Unknown">Items nobody can tell yet.</param>
public sealed record PillarScore(string Checklist, string Pillar, int Met, int NotMet, int Unknown)
{
    /// <summary>Items with a verdict.</summary>
    public int Known => Met + NotMet;

    /// <summary>Met / known, or null when nothing is known.</summary>
    public double? Rate => Known == 0 ? null : (double)Met / Known;
}

/// <summary>Every item checked, the scores and what to fix first.</summary>
/// <param name="Checklists">The checklists scored.</param>
/// <param name="Items">Every item's result.</param>
/// <param name="Scores">Per checklist (pillar "all") and per pillar.</param>
/// <param name="FixFirst">The three items with the largest gap.</param>
/// <param name="Warnings">Answers for unknown items, and the like.</param>
public sealed record Scorecard(IReadOnlyList<Checklist> Checklists, IReadOnlyList<ItemResult> Items, IReadOnlyList<PillarScore> Scores, IReadOnlyList<ItemResult> FixFirst, IReadOnlyList<string> Warnings)
{
    /// <summary>What became of the rows of the files the evidence was read from (empty without data).</summary>
    public IReadOnlyList<LoadReport> Load { get; init; } = [];

    /// <summary>Scores the checklists against data (null: none) and the user's answers.</summary>
    public static Scorecard Evaluate(IReadOnlyList<Checklist> checklists, BrandData? data, AnswerSheet? answers = null)
    {
        ArgumentNullException.ThrowIfNull(checklists);
        answers ??= AnswerSheet.None;
        var context = new EvidenceContext(data, answers.Settings);
        var items = checklists.SelectMany(c => c.Items).Select(i => Check(i, context, answers)).ToList();

        var known = items.Select(i => i.Item.Id).ToHashSet(StringComparer.Ordinal);
        var warnings = answers.Answers.Keys.Where(id => !known.Contains(id)).Order(StringComparer.Ordinal)
            .Select(id => $"the answers file answers '{id}', which no checklist has")
            .ToList();

        var scores = new List<PillarScore>();
        foreach (var list in checklists)
        {
            var results = items.Where(i => i.Item.Checklist == list.Id).ToList();
            scores.Add(Score(list.Id, "all", results));
            scores.AddRange(results.GroupBy(r => r.Item.Pillar).Select(g => Score(list.Id, g.Key, [.. g])));
        }

        var fixFirst = items.Where(i => i.Status is ItemStatus.NotMet or ItemStatus.Partly)
            .OrderByDescending(i => i.Gap)
            .ThenBy(i => i.Item.Id, StringComparer.Ordinal)
            .Take(3)
            .ToList();
        var load = data?.Load.ToList() ?? [];
        warnings.AddRange(LoadReport.LossesOf(load));
        return new Scorecard(checklists, items, scores, fixFirst, warnings) { Load = load };
    }

    private static PillarScore Score(string checklist, string pillar, List<ItemResult> results) =>
        new(checklist, pillar, results.Count(r => r.Status == ItemStatus.Met), results.Count(r => r.Status is ItemStatus.NotMet or ItemStatus.Partly), results.Count(r => r.Status == ItemStatus.Unknown));

    private static ItemResult Check(ChecklistItem item, EvidenceContext context, AnswerSheet answers)
    {
        string? missing = null;
        if (item.Evidence is { } rule)
        {
            try
            {
                var measured = EvidenceMetrics.Measure(rule.Metric, rule.Parameters, context);
                if (measured is { } value)
                {
                    var met = rule.Compare == ThresholdKind.AtLeast ? value >= rule.Threshold : value <= rule.Threshold;
                    var gap = met ? 0 : Math.Abs(value - rule.Threshold) / (rule.Threshold == 0 ? 1 : Math.Abs(rule.Threshold));
                    return new ItemResult(item, met ? ItemStatus.Met : ItemStatus.NotMet, value, $"measured {EvidenceMetrics.Format(value)}; rule {rule}", null, gap);
                }

                missing = $"{rule.Metric} has no value on this data";
            }
            catch (MissingDataException e)
            {
                missing = e.Message;
            }
        }

        // Without data that can tell, the user's own answer decides.
        if (answers.Answers.TryGetValue(item.Id, out var answer))
        {
            var gap = answer.Status switch { ItemStatus.NotMet => 1.0, ItemStatus.Partly => 0.5, _ => 0.0 };
            var said = answer.Status switch { ItemStatus.Met => "yes", ItemStatus.NotMet => "no", _ => "partly" };
            return new ItemResult(item, answer.Status, null, $"answered {said}{(answer.Note is null ? "" : ": " + answer.Note)}", null, gap);
        }

        return new ItemResult(item, ItemStatus.Unknown, null, null, missing ?? "a self-assessment: answer it in the answers file (yes, no or partly)", 0);
    }
}
