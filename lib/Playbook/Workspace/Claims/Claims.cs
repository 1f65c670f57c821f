using System.Globalization;
using Playbook.Files;
using Playbook.Ingest;
using YamlDotNet.RepresentationModel;

namespace Playbook.Workspace;

/// <summary>Whether a claim can be checked against data.</summary>
public enum ClaimKind
{
    /// <summary>A figure about the case that the data must reproduce.</summary>
    Reproducible,

    /// <summary>A platform fact quoted for context (Kuaishou's 65% repurchase): shown, not checked.</summary>
    Context,
}

/// <summary>How a claim's actual value is compared with its expected value.</summary>
public enum ClaimComparison
{
    /// <summary>|actual − expected| ≤ tolerance.</summary>
    Within,

    /// <summary>actual ≥ expected.</summary>
    AtLeast,

    /// <summary>actual ≤ expected.</summary>
    AtMost,

    /// <summary>actual equals expected, as text.</summary>
    Equals,
}

/// <summary>A named library query with its parameters (window, accounts, roles …).</summary>
/// <param name="Name">One of <see cref="ClaimQueries.Names"/>.</param>
/// <param name="Parameters">Its parameters, as the claims file writes them.</param>
public sealed record ClaimQuery(string Name, IReadOnlyDictionary<string, string> Parameters)
{
    /// <summary>The query as one line: name(key=value, …).</summary>
    public override string ToString() => $"{Name}({string.Join(", ", Parameters.Select(p => $"{p.Key}={p.Value}"))})";
}

/// <summary>One quantitative statement of the source article, and how to check it.</summary>
/// <param name="Id">Unique id.</param>
/// <param name="Case">The case it is about (or the platform, for context).</param>
/// <param name="Kind">Reproducible or context.</param>
/// <param name="ArticleZh">The article's words, in Chinese.</param>
/// <param name="Statement">The claim in English.</param>
/// <param name="Query">The query that measures it; null for context claims.</param>
/// <param name="Expected">The expected value as the file writes it.</param>
/// <param name="Tolerance">How far the actual value may be from it (absolute, in the value's unit).</param>
/// <param name="Compare">How actual and expected are compared.</param>
/// <param name="Unit">The value's unit (CNY, share, rank …).</param>
/// <param name="File">The claims file.</param>
/// <param name="Line">The line where the claim starts.</param>
public sealed record Claim(string Id, string Case, ClaimKind Kind, string ArticleZh, string Statement, ClaimQuery? Query, string Expected, double? Tolerance, ClaimComparison Compare, string? Unit, string File, long Line)
{
    /// <summary>The claim in Chinese (<c>statement_zh</c>), for the Chinese report and tables; every claims file gives it.</summary>
    public string StatementZh { get; init; } = "";

    /// <summary>The expected value as people read it: "≥ 200", "217000000 ± 2170000", "2020-04".</summary>
    public string ExpectedText => Compare switch
    {
        ClaimComparison.AtLeast => "≥ " + Expected,
        ClaimComparison.AtMost => "≤ " + Expected,
        ClaimComparison.Within when Tolerance > 0 => string.Create(CultureInfo.InvariantCulture, $"{Expected} ± {Tolerance}"),
        _ => Expected,
    };

    /// <summary>The comparison as the claims file and JSON spell it.</summary>
    public string CompareName => Compare switch
    {
        ClaimComparison.AtLeast => "at_least",
        ClaimComparison.AtMost => "at_most",
        ClaimComparison.Equals => "equals",
        _ => "within",
    };
}

/// <summary>A claim checked against data.</summary>
/// <param name="Claim">The claim.</param>
/// <param name="Actual">The measured value; null when it could not be measured.</param>
/// <param name="Reproduced">Whether the data reproduces it; null for context claims.</param>
/// <param name="Note">Why it could not be measured, or what it rests on.</param>
public sealed record ClaimResult(Claim Claim, string? Actual, bool? Reproduced, string? Note)
{
    /// <summary>The result in words: reproduced, why not, or context.</summary>
    public string Verdict => Reproduced switch
    {
        true => "reproduced",
        false => Note ?? "NOT reproduced",
        null => "context",
    };
}

/// <summary>Reads the claims registry (data/claims/*.yml) and checks its claims against a data folder.</summary>
public static class ClaimRegistry
{
    /// <summary>Reads every claims file of <paramref name="directory"/>, in file-name order.</summary>
    /// <exception cref="InputException">A file is malformed; the message names the file, line and reason.</exception>
    public static IReadOnlyList<Claim> Load(string directory)
    {
        var claims = new List<Claim>();
        foreach (var file in System.IO.Directory.GetFiles(directory, "*.yml").Order(StringComparer.Ordinal))
        {
            claims.AddRange(LoadFile(file));
        }

        var duplicate = claims.GroupBy(c => c.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            var second = duplicate.Skip(1).First();
            throw new InputException($"{second.File}:{second.Line}: claim id '{duplicate.Key}' is used twice (first at {duplicate.First().File}:{duplicate.First().Line})");
        }

        return claims;
    }

    /// <summary>Reads one claims file: a mapping with a <c>claims</c> sequence.</summary>
    public static IReadOnlyList<Claim> LoadFile(string file)
    {
        var root = Yaml.Root(file);
        if (!root.Children.TryGetValue(new YamlScalarNode("claims"), out var list) || list is not YamlSequenceNode sequence)
        {
            throw new InputException($"{file}:1: expected a mapping with a 'claims' list");
        }

        return [.. sequence.Select(node => Parse(file, node))];
    }

    /// <summary>
    /// The claims of the workspace's registry (data/claims) about <paramref name="caseName"/> (all when
    /// null), each checked against its own case's data, or against <paramref name="folder"/> when given.
    /// </summary>
    /// <exception cref="InputException">No case has that name, or a claims file is malformed.</exception>
    public static IReadOnlyList<ClaimResult> EvaluateBundled(string? caseName = null, string? folder = null, ReadOptions? options = null) =>
        EvaluateBundled(caseName, folder, options, []);

    /// <summary>
    /// As <see cref="EvaluateBundled(string?, string?, ReadOptions?)"/>, adding to <paramref name="load"/> the
    /// load report of every file the claims read, so that what the files lost is said beside them.
    /// </summary>
    public static IReadOnlyList<ClaimResult> EvaluateBundled(string? caseName, string? folder, ReadOptions? options, List<LoadReport> load)
    {
        ArgumentNullException.ThrowIfNull(load);
        var root = WorkspaceFolders.DataRoot();
        var claims = Load(Path.Combine(root, "claims"));
        if (caseName is not null)
        {
            CaseCatalog.Get(caseName);
            claims = [.. claims.Where(c => string.Equals(c.Case, caseName, StringComparison.OrdinalIgnoreCase))];
        }

        var results = new List<ClaimResult>();
        foreach (var group in claims.GroupBy(c => c.Case))
        {
            var dataFolder = folder ?? Path.Combine(root, group.Key);
            var data = new BrandData(dataFolder) { ReadOptions = options ?? ReadOptions.Lenient };
            results.AddRange(Evaluate(group, data));
            load.AddRange(data.Load.Where(r => !load.Contains(r)));
        }

        return results;
    }

    /// <summary>Checks <paramref name="claims"/> against the tables of <paramref name="data"/>.</summary>
    public static IReadOnlyList<ClaimResult> Evaluate(IEnumerable<Claim> claims, BrandData data)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(data);
        return [.. claims.Select(c => Evaluate(c, data))];
    }

    private static ClaimResult Evaluate(Claim claim, BrandData data)
    {
        if (claim.Kind == ClaimKind.Context)
        {
            return new ClaimResult(claim, null, null, "context: a platform fact the article quotes, not checked against the data");
        }

        double? number;
        string text;
        try
        {
            (number, text) = ClaimQueries.Run(claim.Query!, data);
        }
        catch (MissingDataException e)
        {
            return new ClaimResult(claim, null, false, "not evaluated: " + e.Message);
        }

        bool reproduced;
        if (claim.Compare == ClaimComparison.Equals || number is null)
        {
            reproduced = string.Equals(text, claim.Expected, StringComparison.Ordinal);
        }
        else
        {
            var expected = double.Parse(claim.Expected, CultureInfo.InvariantCulture);
            reproduced = claim.Compare switch
            {
                ClaimComparison.AtLeast => number >= expected,
                ClaimComparison.AtMost => number <= expected,
                _ => Math.Abs(number.Value - expected) <= (claim.Tolerance ?? 0) + 1e-9,
            };
        }

        return new ClaimResult(claim, text, reproduced, null);
    }

    private static Claim Parse(string file, YamlNode node)
    {
        var line = node.Start.Line;
        if (node is not YamlMappingNode map)
        {
            throw new InputException($"{file}:{line}: a claim must be a mapping of id, case, kind, article_zh, statement, query, expected …");
        }

        string? Text(string key) => map.Children.TryGetValue(new YamlScalarNode(key), out var v) ? (v as YamlScalarNode)?.Value : null;
        string Required(string key) => Text(key) is { Length: > 0 } v ? v : throw new InputException($"{file}:{line}: claim is missing '{key}'");

        var id = Required("id");
        var kind = Required("kind") switch
        {
            "reproducible" => ClaimKind.Reproducible,
            "context" => ClaimKind.Context,
            var other => throw new InputException($"{file}:{line}: claim {id}: kind '{other}' is neither reproducible nor context"),
        };
        var compare = (Text("compare") ?? "within") switch
        {
            "within" => ClaimComparison.Within,
            "at_least" => ClaimComparison.AtLeast,
            "at_most" => ClaimComparison.AtMost,
            "equals" => ClaimComparison.Equals,
            var other => throw new InputException($"{file}:{line}: claim {id}: compare '{other}' is not within, at_least, at_most or equals"),
        };

        double? tolerance = null;
        if (Text("tolerance") is { } t)
        {
            tolerance = double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0
                ? value
                : throw new InputException($"{file}:{line}: claim {id}: tolerance '{t}' is not a non-negative number");
        }

        var expected = Required("expected");
        ClaimQuery? query = null;
        if (kind == ClaimKind.Reproducible)
        {
            if (!map.Children.TryGetValue(new YamlScalarNode("query"), out var q) || q is not YamlMappingNode queryMap)
            {
                throw new InputException($"{file}:{line}: claim {id}: a reproducible claim needs a query (name and parameters)");
            }

            var parameters = queryMap.Children
                .Where(p => ((YamlScalarNode)p.Key).Value != "name")
                .ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => p.Value is YamlSequenceNode s ? string.Join(",", s.Select(x => ((YamlScalarNode)x).Value)) : ((YamlScalarNode)p.Value).Value ?? "", StringComparer.Ordinal);
            var name = queryMap.Children.TryGetValue(new YamlScalarNode("name"), out var n) ? ((YamlScalarNode)n).Value ?? "" : "";
            query = new ClaimQuery(name, parameters);
            var problem = ClaimQueries.Check(query);
            if (problem is not null)
            {
                throw new InputException($"{file}:{q.Start.Line}: claim {id}: {problem}");
            }

            if (compare != ClaimComparison.Equals && !double.TryParse(expected, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                throw new InputException($"{file}:{line}: claim {id}: expected '{expected}' is not a number (use compare: equals for text)");
            }
        }

        return new Claim(id, Required("case"), kind, Required("article_zh"), Required("statement"), query, expected, tolerance, compare, Text("unit"), file, line) { StatementZh = Required("statement_zh") };
    }
}
