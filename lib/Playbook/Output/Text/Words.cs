using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Serialization;

namespace Playbook.Output;

/// <summary>
/// The words a person reads in a table, a note or a warning (用户可见文字), in the language asked for. In the style of
/// gettext, the English text is the key and the English edition: every other language is one catalog beside
/// this file (<c>words-zh.yml</c>, the English sentence mapped to its Chinese). A sentence with figures is
/// written once as a template (<c>{0}</c>, <c>{1}</c> for the figures), so that the same entry translates the
/// sentence whatever the figures, and a sentence the library wrote (a reason, a health check) is translated
/// whole, its parts in turn. What the catalog lacks stays English, and the test that reads every Chinese table
/// finds it.
/// </summary>
public sealed partial class Words
{
    private static readonly Lazy<Words> ChineseWords = new(() => new Words(Language.Chinese, Catalog("words-zh.yml")));

    private readonly FrozenDictionary<string, string> exact;
    private readonly (Regex Pattern, string Template)[] templates;

    private Words(Language language, IReadOnlyDictionary<string, string> catalog)
    {
        Language = language;
        exact = catalog.Where(kv => !kv.Key.Contains('{', StringComparison.Ordinal)).ToFrozenDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);

        // A template that starts with its own words is tried before one that starts with a figure, so that
        // "warning: {0}" takes a whole warning before "{0} of {1} days below zero" takes its tail; then the
        // more words the better: "not available: no {0} table" before "not available: {0}".
        templates = [.. catalog.Where(kv => kv.Key.Contains('{', StringComparison.Ordinal))
            .OrderBy(kv => kv.Key.StartsWith('{') ? 1 : 0)
            .ThenByDescending(kv => Placeholder().Replace(kv.Key, "").Length)
            .Select(kv => (Pattern(kv.Key), kv.Value))];
    }

    /// <summary>English: every text as it is.</summary>
    public static Words English { get; } = new(Language.English, new Dictionary<string, string>());

    /// <summary>Simplified Chinese (简体中文).</summary>
    public static Words Chinese => ChineseWords.Value;

    /// <summary>The language these words are in.</summary>
    public Language Language { get; }

    /// <summary>Whether the words are Chinese.</summary>
    public bool IsChinese => Language == Language.Chinese;

    /// <summary>"n/a" in English, 暂无 in Chinese: a figure that is not known (never 0).</summary>
    public string NotKnown => IsChinese ? "暂无" : "n/a";

    /// <summary>The English entries the Chinese catalog holds (for the tests).</summary>
    internal IEnumerable<string> Keys => exact.Keys.Concat(templates.Select(t => t.Pattern.ToString()));

    /// <summary>The words of a language.</summary>
    public static Words For(Language language) => language == Language.Chinese ? Chinese : English;

    /// <summary>
    /// A finished English text (a header, a note, a reason the library wrote) in this language: the catalog's
    /// entry for it, or the first template it fits with its figures and phrases put back (each translated in
    /// turn); in Chinese, money written in 万 and 亿. A text the catalog lacks is returned as it is.
    /// </summary>
    public string Of(string? text)
    {
        if (string.IsNullOrEmpty(text) || !IsChinese)
        {
            return text ?? "";
        }

        // A line's own breaks are kept around the sentence the catalog holds.
        var body = text.Trim('\n');
        var start = text[..text.IndexOf(body, StringComparison.Ordinal)];
        var end = text[(start.Length + body.Length)..];
        return start + Yuan().Replace(Translate(body), m => Money(decimal.Parse(m.Groups["n"].Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture) * (m.Groups["sign"].Success ? -1 : 1))) + end;
    }

    /// <summary>Several texts (a table's headers) in this language.</summary>
    public string[] All(params string[] texts) => [.. texts.Select(Of)];

    /// <summary>An English template with its figures (<c>{0}</c>, <c>{1}</c> …) filled in, in this language.</summary>
    public string Format(string template, params object?[] figures)
    {
        ArgumentNullException.ThrowIfNull(template);
        var english = string.Format(CultureInfo.InvariantCulture, template, figures);
        return Of(english);
    }

    /// <summary>An amount of money: ¥1,234.56 in English; in Chinese from 1万 up in 万 or 亿 with two decimals (¥8.48万, ¥2.17亿).</summary>
    public string Money(decimal yuan)
    {
        var sign = yuan < 0 ? "-" : "";
        var abs = Math.Abs(yuan);
        return !IsChinese || abs < 10_000m
            ? string.Create(CultureInfo.InvariantCulture, $"¥{sign}{abs:N2}")
            : abs >= 100_000_000m
                ? string.Create(CultureInfo.InvariantCulture, $"¥{sign}{abs / 100_000_000m:N2}亿")
                : string.Create(CultureInfo.InvariantCulture, $"¥{sign}{abs / 10_000m:N2}万");
    }

    /// <summary>A share (0..1) as a percentage with one decimal, or <see cref="NotKnown"/>.</summary>
    public string Percent(double? share) => share is { } s ? s.ToString("0.0%", CultureInfo.InvariantCulture) : NotKnown;

    private string Translate(string text)
    {
        if (exact.TryGetValue(text, out var whole))
        {
            return whole;
        }

        foreach (var (pattern, template) in templates)
        {
            var match = pattern.Match(text);
            if (match.Success)
            {
                return Placeholder().Replace(template, p =>
                {
                    var part = match.Groups["p" + p.Groups[1].Value].Value;
                    return LatinWord().IsMatch(part) && part.Length < text.Length ? Translate(part) : part;
                });
            }
        }

        return text;
    }

    private static Regex Pattern(string template)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pattern = string.Concat(Placeholder().Split(template).Select((piece, i) =>
            i % 2 == 0 ? Regex.Escape(piece) : seen.Add(piece) ? $"(?<p{piece}>.+?)" : $@"\k<p{piece}>"));
        return new Regex("^" + pattern + "$", RegexOptions.CultureInvariant | RegexOptions.Singleline);
    }

    private static Dictionary<string, string> Catalog(string name)
    {
        using var stream = typeof(Words).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"{name}: the catalog is not in the assembly");
        using var reader = new StreamReader(stream);
        return new DeserializerBuilder().Build().Deserialize<Dictionary<string, string>>(reader) ?? [];
    }

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"[A-Za-z]{2,}")]
    private static partial Regex LatinWord();

    [GeneratedRegex(@"¥(?<sign>-)?(?<n>\d{1,3}(?:,\d{3})*(?:\.\d+)?)(?![万亿\d.,])")]
    private static partial Regex Yuan();
}
