using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.VisualBasic.FileIO;
using Playbook.Canonical;
using Playbook.Notebooks;
using Playbook.Output;
using Playbook.Workspace;

namespace Playbook.Tests.Output.Text;

/// <summary>
/// Every command that reads files prints Chinese tables, notes and warnings with <c>--lang zh</c>: each command
/// is run on the bundled cases and exports (and on a file with bad rows), and every Latin word it prints must be
/// a name or a value from the data, an id, a unit, an option or one of a short list of words Chinese brand teams
/// write in Latin letters (GMV, ROI …).
/// </summary>
public sealed partial class ChineseOutputTests : IDisposable
{
    // Words a Chinese brand team writes as they are (DOMAIN.md's glossary), the frameworks' letters and names,
    // file formats, and the answers a user writes in the answers file.
    private static readonly HashSet<string> Allowed = new(StringComparer.OrdinalIgnoreCase)
    {
        "GMV", "ROI", "ROAS", "mROAS", "GPM", "UV", "PV", "KOL", "KOC", "CPS", "SKU", "SPU", "ID", "HHI", "CI",
        "FACT", "STEPS", "CSV", "JSON", "HTML", "YAML", "YML", "xlsx", "BOM", "UTF", "GB", "GBK", "MMM", "Huber",
        "KPI", "yyyy", "MM", "dd", "hh", "mm", "ss", "playbook", "analyze", "validate", "import", "allocate", "checklist", "claims", "yes", "no", "partly", "Hill", "vs",
    };

    private readonly string folder = Path.Combine(Path.GetTempPath(), "playbook-zh-" + Guid.NewGuid().ToString("N"));

    public static TheoryData<string, string[]> Commands => new()
    {
        { "analyze fact", ["analyze", "--data", Data("three-squirrels"), "--framework", "fact", "--gross-margin", "0.35"] },
        { "analyze steps", ["analyze", "--data", Data("dora-doshang"), "--framework", "steps", "--gross-margin", "0.6"] },
        { "analyze exports", ["analyze", "--data", Data("exports/douyin"), "--framework", "fact"] },
        { "analyze bad rows", ["analyze", "--orders", Data("samples/orders-with-errors.csv"), "--accounts", Data("samples/accounts.csv"), "--framework", "steps"] },
        { "validate bad rows", ["validate", Data("samples/orders-with-errors.csv")] },
        { "validate exports", ["validate", .. Directory.GetFiles(Data("exports/douyin")).Where(f => !f.EndsWith(".yml", StringComparison.Ordinal)).Order(StringComparer.Ordinal)] },
        { "allocate three-squirrels", ["allocate", "--case", "three-squirrels", "--kpi", "contribution", "--cost", "head_sessions=data", "--cost", "live_hours=3000", "--draws", "4"] },
        { "allocate dora-doshang", ["allocate", "--case", "dora-doshang", "--cost", "live_hours=2000", "--draws", "4"] },
        { "checklist three-squirrels", ["checklist", "--case", "three-squirrels"] },
        { "checklist dora-doshang", ["checklist", "--case", "dora-doshang"] },
        { "claims", ["claims"] },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void Command_LangZh_PrintsNoEnglishWord(string name, string[] args)
    {
        var (exit, output, error) = CommandLine.Run([.. args, "--lang", "zh"]);

        Assert.True(exit is 0 or 1, $"{name}: exit {exit}\n{error}");
        Assert.Empty(EnglishLines(output + "\n" + error));
        Assert.True(Cjk(output) > 0, name);
    }

    [Fact]
    public void Import_LangZh_PrintsNoEnglishWord()
    {
        var (exit, output, error) = CommandLine.Run("import", Data("exports/douyin"), Data("exports/kuaishou"), "--out", folder, "--lang", "zh");

        Assert.Equal(0, exit);
        Assert.Empty(EnglishLines(output + "\n" + error));
        Assert.True(Cjk(output) > 0);
    }

    [Fact]
    public void Report_Chinese_IndexAndDataCardsReadChinese()
    {
        var claims = ClaimRegistry.EvaluateBundled();
        var cases = CaseCatalog.All.Select(ReportCase.Of).ToList();
        var index = Visible(ReportWriter.IndexPage([], claims, cases, Language.Chinese));

        Assert.Empty(EnglishLines(index));
        Assert.True(Cjk(index) > Latin(index), $"{Cjk(index)} CJK characters, {Latin(index)} Latin letters");
        foreach (var reportCase in cases)
        {
            // The data card's YAML is the file as it is, shown as such; the page around it is Chinese.
            var card = Visible(Regex.Replace(ReportWriter.DataCardPage(reportCase, Language.Chinese), "<pre>.*?</pre>", "", RegexOptions.Singleline));
            Assert.Empty(EnglishLines(card));
        }
    }

    [Theory]
    [InlineData("checklist", "--case", "dora-doshang")]
    public void Page_LangZh_ReadsChinese(params string[] args)
    {
        var (exit, output, error) = CommandLine.Run([.. args, "--format", "html", "--lang", "zh"]);

        Assert.Equal(0, exit);
        var text = Visible(output);
        Assert.Empty(EnglishLines(text + "\n" + error));
        Assert.True(Cjk(text) > Latin(text), $"{Cjk(text)} CJK characters, {Latin(text)} Latin letters");
    }

    [Fact]
    public void EnglishWords_AnEnglishSentence_IsFound()
    {
        // The scan itself: an English header among Chinese ones is found, an id, a value and an option are not.
        Assert.Equal(["share", "of", "the"], EnglishWords("支柱  share of the GMV  top_kol  需要（--gross-margin）  松鼠Boss  2026-09-01"));
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Data(string path) => Path.Combine(Repo.Root, "data", path);

    private static int Cjk(string text) => text.Count(IsCjk);

    private static int Latin(string text) => text.Count(char.IsAsciiLetter);

    /// <summary>The text a reader sees on a page: no script, style or tag, entities decoded, one line per block.</summary>
    private static string Visible(string html)
    {
        // Code (a command, a claim's id) is the machine's, as are the cases' ids.
        var text = Regex.Replace(html, "<(script|style|code)\\b.*?</\\1>", "", RegexOptions.Singleline | RegexOptions.IgnoreCase);
        text = CaseCatalog.All.Aggregate(text, (t, c) => t.Replace(c.Id, " ", StringComparison.Ordinal));
        text = Regex.Replace(text, "<(br|/p|/tr|/h\\d|/li|/div|/table|/td|/th)\\b[^>]*>", "\n", RegexOptions.IgnoreCase);
        return WebUtility.HtmlDecode(Regex.Replace(text, "<[^>]+>", " "));
    }

    /// <summary>Each line with an English word, the words first, so that a failure shows what to translate.</summary>
    private static List<string> EnglishLines(string text)
    {
        // A table wraps a long path or id across lines: a piece of one is the machine's, not English.
        var machine = Chunks(text).Where(c => Machine().IsMatch(c)).ToList();
        return [.. text.Split('\n')
            .Select(line => (Words: EnglishWords(line).Where(w => !machine.Any(m => m.Contains(w, StringComparison.Ordinal))).ToList(), Line: line.Trim()))
            .Where(l => l.Words.Count > 0)
            .Select(l => $"[{string.Join(" ", l.Words)}] {l.Line}")];
    }

    private static string[] Chunks(string text) => Option().Replace(text, " ").Split((char[])[' ', '\t', '\n', '\r', '|', '│', '┃'], StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The Latin words of <paramref name="text"/> that are none of the allowed kinds.</summary>
    private static List<string> EnglishWords(string text)
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

    /// <summary>Every Latin word of the bundled data (names, nicknames, campaign names, canonical values) and the canonical column names.</summary>
    private static readonly Lazy<HashSet<string>> DataWords = new(() =>
    {
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Repo.Root, "data"), "*.csv", System.IO.SearchOption.AllDirectories))
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
