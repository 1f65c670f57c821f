using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.VisualBasic.FileIO;
using Playbook.Canonical;
using Playbook.Workspace;

namespace Playbook.Tests.Shared;

/// <summary>
/// The English words a Chinese page, table or notebook output shows: every Latin word that is not a name or a
/// value from the bundled data, an id, a path, an option, a unit or one of a short list of words Chinese brand
/// teams write in Latin letters (GMV, ROI …). Shared by the tests of the commands and of the notebooks.
/// </summary>
internal static partial class EnglishText
{
    // Words a Chinese brand team writes as they are (DOMAIN.md's glossary), the frameworks' letters and names,
    // file formats, and the answers a user writes in the answers file.
    private static readonly HashSet<string> Allowed = new(StringComparer.OrdinalIgnoreCase)
    {
        "GMV", "ROI", "ROAS", "mROAS", "GPM", "UV", "PV", "KOL", "KOC", "CPS", "SKU", "SPU", "ID", "HHI", "CI",
        "FACT", "STEPS", "CSV", "JSON", "HTML", "YAML", "YML", "xlsx", "BOM", "UTF", "GB", "GBK", "MMM", "Huber",
        "KPI", "yyyy", "MM", "dd", "hh", "mm", "ss", "playbook", "analyze", "validate", "import", "allocate", "checklist", "claims", "yes", "no", "partly", "Hill", "vs", "IP",
    };

    public static int Cjk(string text) => text.Count(IsCjk);

    public static int Latin(string text) => text.Count(char.IsAsciiLetter);

    /// <summary>The text a reader sees on a page: no script, style or tag, entities decoded, one line per block.</summary>
    public static string Visible(string html)
    {
        // Code (a command, a claim's id) is the machine's, as are the cases' ids.
        var text = Regex.Replace(html, "<(script|style|code)\\b.*?</\\1>", "", RegexOptions.Singleline | RegexOptions.IgnoreCase);
        text = CaseCatalog.All.Aggregate(text, (t, c) => t.Replace(c.Id, " ", StringComparison.Ordinal));
        text = Regex.Replace(text, "<(br|/p|/tr|/h\\d|/li|/div|/table|/td|/th)\\b[^>]*>", "\n", RegexOptions.IgnoreCase);
        return WebUtility.HtmlDecode(Regex.Replace(text, "<[^>]+>", " "));
    }

    /// <summary>
    /// The English words of a table's header: stricter than <see cref="EnglishLines"/>, since a header is the
    /// library's word, never the data's; a column's code name (net_gmv) counts as the English words it is made of.
    /// </summary>
    public static List<string> HeaderWords(string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        return [.. LatinWord().Matches(header.Replace('_', ' '))
            .Where(w => !Allowed.Contains(w.Value)
                && !(w.Index > 0 && IsCjk(header[w.Index - 1]))
                && !(w.Index + w.Length < header.Length && IsCjk(header[w.Index + w.Length])))
            .Select(w => w.Value)];
    }

    /// <summary>Each line with an English word, the words first, so that a failure shows what to translate.</summary>
    public static List<string> EnglishLines(string text)
    {
        // An answers file's notes are the user's own words, shown as written.
        text = Notes.Value.Aggregate(text, (t, note) => t.Replace(note, " ", StringComparison.Ordinal));

        // A table wraps a long path or id across lines: a piece of one is the machine's, not English.
        var machine = Chunks(text).Where(c => Machine().IsMatch(c)).ToList();
        return [.. text.Split('\n')
            .Select(line => (Words: EnglishWords(line).Where(w => !machine.Any(m => m.Contains(w, StringComparison.Ordinal))).ToList(), Line: line.Trim()))
            .Where(l => l.Words.Count > 0)
            .Select(l => $"[{string.Join(" ", l.Words)}] {l.Line}")];
    }

    private static string[] Chunks(string text) => Option().Replace(text, " ").Split((char[])[' ', '\t', '\n', '\r', '|', '│', '┃'], StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The Latin words of <paramref name="text"/> that are none of the allowed kinds.</summary>
    public static List<string> EnglishWords(string text)
    {
        var values = DataWords.Value;
        var found = new List<string>();

        // An option (--lang) is the command line's; an id, a path, a number with its unit or a key (top_kol, a.csv,
        // 5d, DRIVER=data) is written as the machine reads it.
        foreach (var chunk in Chunks(text).Where(c => !Machine().IsMatch(c)))
        {
            foreach (Match word in LatinWord().Matches(chunk))
            {
                var before = word.Index > 0 ? chunk[word.Index - 1] : ' ';
                var after = word.Index + word.Length < chunk.Length ? chunk[word.Index + word.Length] : ' ';

                // A Latin word inside a Chinese one is a name (松鼠Boss) or a header's own (抖音号ID).
                if (IsCjk(before) || IsCjk(after) || Allowed.Contains(word.Value) || values.Contains(word.Value))
                {
                    continue;
                }

                found.Add(word.Value);
            }
        }

        return found;
    }

    private static bool IsCjk(char c) => c is >= '\u4e00' and <= '\u9fff';

    private static readonly Lazy<List<string>> Notes = new(() =>
        [.. Directory.EnumerateFiles(Path.Combine(WorkspaceFolders.DataRoot(), "checklists", "examples"), "*.yml")
            .SelectMany(f => Regex.Matches(File.ReadAllText(f), "note: \"([^\"]+)\"").Select(m => m.Groups[1].Value))]);

    /// <summary>Every Latin word of the bundled data (names, nicknames, campaign names, canonical values) and the canonical column names.</summary>
    private static readonly Lazy<HashSet<string>> DataWords = new(() =>
    {
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in Directory.EnumerateFiles(WorkspaceFolders.DataRoot(), "*.csv", System.IO.SearchOption.AllDirectories))
        {
            // The rows' names and values are the brand's; a free-text note is not a name.
            using var reader = new TextFieldParser(file, Encoding.UTF8) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
            reader.SetDelimiters(",");
            var header = reader.ReadFields() ?? [];
            while (!reader.EndOfData)
            {
                string[]? cells;
                try
                {
                    cells = reader.ReadFields();
                }
                catch (MalformedLineException)
                {
                    continue;
                }

                for (var i = 0; i < Math.Min(header.Length, cells?.Length ?? 0); i++)
                {
                    if (header[i] != "note")
                    {
                        words.UnionWith(LatinWord().Matches(cells![i]).Select(m => m.Value));
                    }
                }
            }
        }

        // The data's folders are named as the machine reads them (exports, samples).
        words.UnionWith(Directory.EnumerateDirectories(WorkspaceFolders.DataRoot(), "*", System.IO.SearchOption.AllDirectories).Select(Path.GetFileName).OfType<string>());

        foreach (var table in CanonicalTables.All)
        {
            words.Add(table.Name);
            foreach (var column in table.Columns)
            {
                words.Add(column.Name);
            }
        }

        return words;
    });

    [GeneratedRegex(@"[_\\=@]|\w[./]\w|\d[A-Za-z]|[A-Za-z]\d|[A-Za-z]-[A-Za-z0-9]+-")]
    private static partial Regex Machine();

    [GeneratedRegex(@"[A-Za-z]{2,}")]
    private static partial Regex LatinWord();

    [GeneratedRegex(@"(?<![A-Za-z])--?[a-z][a-z-]*")]
    private static partial Regex Option();
}
