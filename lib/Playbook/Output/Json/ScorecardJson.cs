using System.Text.Json.Serialization;
using Playbook.Workspace;

namespace Playbook.Output;

/// <summary>One checklist item's result: met, not met (with the measured value), unknown (with what is missing), or the answer.</summary>
public sealed record ItemJson(
    string Id,
    string Checklist,
    string Pillar,
    string Text,
    string TextZh,
    string Status,
    [property: JsonConverter(typeof(RatioConverter))] double? Measured,
    [property: JsonConverter(typeof(RatioConverter))] double? Threshold,
    string? Evidence,
    string? Missing);

/// <summary>A checklist's or a pillar's score, unknowns apart.</summary>
public sealed record ScoreJson(string Checklist, string Pillar, int Met, int NotMet, int Unknown);

/// <summary><c>checklist --format json</c>: every item, the scores, what to fix first, the files read and the warnings.</summary>
public sealed record ScorecardJson(IReadOnlyList<ItemJson> Items, IReadOnlyList<ScoreJson> Scores, IReadOnlyList<string> FixFirst, IReadOnlyList<LoadReportJson> Load, IReadOnlyList<string> Warnings)
{
    /// <summary>The document of a scorecard.</summary>
    public static ScorecardJson From(Scorecard scorecard)
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        return new(
            [.. scorecard.Items.Select(r => new ItemJson(r.Item.Id, r.Item.Checklist, r.Item.Pillar, r.Item.Text, r.Item.TextZh, r.Status.Name(), r.Measured, r.Item.Evidence?.Threshold, r.Evidence, r.Missing))],
            [.. scorecard.Scores.Select(s => new ScoreJson(s.Checklist, s.Pillar, s.Met, s.NotMet, s.Unknown))],
            [.. scorecard.FixFirst.Select(r => r.Item.Id)],
            LoadReportJson.From(scorecard.Load),
            scorecard.Warnings);
    }
}

/// <summary>One claim of the article and what the data says of it.</summary>
public sealed record ClaimJson(
    string Id,
    string Case,
    string Kind,
    string Statement,
    string StatementZh,
    string ArticleZh,
    string? Query,
    string Compare,
    string Expected,
    string? Actual,
    [property: JsonConverter(typeof(RatioConverter))] double? Tolerance,
    string? Unit,
    bool? Reproduced,
    string? Note);

/// <summary><c>claims --format json</c>: every claim checked, what became of the files read, and the warnings.</summary>
public sealed record ClaimsJson(IReadOnlyList<ClaimJson> Claims, IReadOnlyList<LoadReportJson> Load, IReadOnlyList<string> Warnings)
{
    /// <summary>The document of a run of the claims.</summary>
    public static ClaimsJson From(IEnumerable<ClaimResult> results, IEnumerable<Ingest.LoadReport> load, IReadOnlyList<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(results);
        return new(
            [.. results.Select(r => new ClaimJson(
                r.Claim.Id, r.Claim.Case, r.Claim.Kind == ClaimKind.Reproducible ? "reproducible" : "context", r.Claim.Statement, r.Claim.StatementZh, r.Claim.ArticleZh,
                r.Claim.Query?.ToString(), r.Claim.CompareName, r.Claim.Expected, r.Actual, r.Claim.Tolerance, r.Claim.Unit, r.Reproduced, r.Note))],
            LoadReportJson.From(load),
            warnings);
    }
}
