using System.CommandLine;
using Playbook.Files;
using Playbook.Ingest;
using Playbook.Output;
using Playbook.Sources;
using Playbook.Workspace;

namespace Playbook.Cli;

/// <summary>
/// How every command that reads files reads them, in one place: strict or lenient, the encoding, an
/// encrypted workbook's password, the user's own mappings and the settings exports leave out.
/// </summary>
internal sealed class InputOptions
{
    private readonly Option<bool> strict = new("--strict") { Description = "Fail on the first row that does not load (exit 1)" };
    private readonly Option<string?> encoding = new Option<string?>("--encoding") { Description = "Text encoding of CSV files; detected when not given (BOM, then UTF-8, then GB18030, which reads GBK)" }.AcceptOnlyFromAmong([.. TextEncodings.Names]);
    private readonly Option<string?> password = new("--password") { Description = "Password of an encrypted workbook, tried after the one a 快手小店 file name carries (its last 6 characters); never written anywhere" };
    private readonly Option<string[]> mappings = new("--mapping") { Description = "A YAML mapping of an export no built-in source reads (or correcting one's words); may be given more than once" };
    private readonly Option<string?> shopAccount = new("--shop-account") { Description = $"The account a 快手小店 shop's own live room and videos sell as ({KuaishouShop} when not given)" };
    private readonly Option<string?> account = new("--account") { Description = "The account a 千川 report is for, when it has no 抖音号ID column" };
    private readonly Option<string> lang = new("--lang") { Description = "The language of the tables, notes and warnings (and of an HTML page): en or zh; JSON keys and ids stay English", DefaultValueFactory = _ => "en" };

    private const string KuaishouShop = "kuaishou-shop";

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in (Option[])[strict, encoding, password, mappings, shopAccount, account, lang])
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The folder a command reads: a bundled case's (<c>--case</c>) or the user's (<c>--data</c>); null when neither is given.</summary>
    /// <exception cref="InputException">The folder does not exist.</exception>
    public static string? Folder(string? caseName, string? folder)
    {
        var directory = caseName is not null ? Path.Combine(WorkspaceFolders.DataRoot(), CaseCatalog.Get(caseName).Id) : folder;
        return directory is null || Directory.Exists(directory) ? directory : throw new InputException($"{directory}: no such folder");
    }

    /// <summary>NAME=VALUE pairs split at the first '='; <paramref name="notAPair"/> words the error for one without a name.</summary>
    /// <exception cref="InputException">A value is not NAME=VALUE.</exception>
    public static Dictionary<string, string> Pairs(IEnumerable<string> pairs, Func<string, string> notAPair)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            values[equals > 0 ? pair[..equals] : throw new InputException(notAPair(pair))] = pair[(equals + 1)..];
        }

        return values;
    }

    /// <summary>The words of the language <c>--lang</c> asks for.</summary>
    /// <exception cref="InputException">Another code than en or zh.</exception>
    public Words Words(ParseResult parse) => Output.Words.For(Languages.Parse(parse.GetValue(lang)));

    /// <summary>The read options a parse gives, the mappings loaded.</summary>
    /// <exception cref="InputException">A mapping file cannot be read.</exception>
    public ReadOptions Read(ParseResult parse) => new()
    {
        Strict = parse.GetValue(strict),
        Encoding = parse.GetValue(encoding),
        Password = parse.GetValue(password),
        Sources = new SourceOptions
        {
            ShopAccount = parse.GetValue(shopAccount),
            Account = parse.GetValue(account),
            Mappings = [.. (parse.GetValue(mappings) ?? []).Select(MappedSource.Load)],
        },
    };
}
