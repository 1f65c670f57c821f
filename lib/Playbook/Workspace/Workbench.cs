using Microsoft.Data.Analysis;
using Playbook.Analysis;
using Playbook.Canonical;
using Playbook.Ingest;
using Playbook.Ledger;
using Playbook.Sources;
using YamlDotNet.RepresentationModel;

namespace Playbook.Workspace;

/// <summary>The effort-response fits the data allows, and why the others could not be fitted.</summary>
/// <param name="Fits">Each fit with the days it was fitted to.</param>
/// <param name="NotFitted">The pillars left out, each with its reason.</param>
public sealed record EffortFits(IReadOnlyList<(EffortResponse Fit, IReadOnlyList<(double Effort, double Gmv)> Days)> Fits, IReadOnlyList<string> NotFitted)
{
    /// <summary>The fit of one pillar.</summary>
    public EffortResponse this[string pillar] => Fits.Single(f => f.Fit.Pillar == pillar).Fit;
}

/// <summary>
/// A case or a brand's folder of tables with everything a notebook asks of it: the pillar
/// analysis for a period, series by pillar, claims, checklists, effort responses. Notebooks hold
/// a call or two on this and a display.
/// </summary>
public sealed class Workbench
{
    private Workbench(BrandData data, Framework framework, string name)
    {
        Data = data;
        Framework = framework;
        Name = name;

        // A file that lost rows says so where the analyst looks, under the cell that read it.
        data.FileRead += report =>
        {
            foreach (var loss in report.Losses())
            {
                Warn(loss);
            }
        };
    }

    /// <summary>
    /// Where a file's losses are told as it is read (rejected rows, figures set unknown): standard error
    /// by default, which a notebook shows under the cell and <c>playbook run</c> repeats.
    /// </summary>
    public Action<string> Warn { get; set; } = message => Console.Error.WriteLine("warning: " + message);

    /// <summary>What the files read so far lost, a line a file (see <see cref="BrandData.Losses"/>).</summary>
    public IReadOnlyList<string> Losses => Data.Losses;

    /// <summary>The tables.</summary>
    public BrandData Data { get; }

    /// <summary>The framework the data is read through.</summary>
    public Framework Framework { get; }

    /// <summary>The case id or folder.</summary>
    public string Name { get; }

    /// <summary>The follower threshold for head creators.</summary>
    public long TopKolFollowers { get; init; } = SellerRoles.DefaultTopKolFollowers;

    /// <summary>A bundled case, from data/&lt;id&gt;.</summary>
    public static Workbench Case(string id)
    {
        var info = CaseCatalog.Get(id);
        return new Workbench(new BrandData(Path.Combine(WorkspaceFolders.DataRoot(), info.Id)), info.Framework, info.Id);
    }

    /// <summary>A brand's own folder of canonical tables (orders.csv may be a 抖店 export).</summary>
    public static Workbench Folder(string directory, Framework framework, long topKolFollowers = SellerRoles.DefaultTopKolFollowers) =>
        new(new BrandData(directory), framework, directory) { TopKolFollowers = topKolFollowers };

    /// <summary>A brand's tables given file by file (see <see cref="BrandData"/>).</summary>
    public static Workbench Of(BrandData data, Framework framework, long topKolFollowers = SellerRoles.DefaultTopKolFollowers)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new(data, framework, data.Directory) { TopKolFollowers = topKolFollowers };
    }

    /// <summary>
    /// A brand's data as notebook 04's parameters give it: a folder of downloads in any layout
    /// (<paramref name="exportsFolder"/>, canonical files by name and other exports by their headers), or
    /// else the files one by one (empty = not given). <paramref name="password"/> opens an encrypted
    /// workbook whose name does not carry its password; <paramref name="shopAccount"/> names a 快手小店
    /// shop's own account; <paramref name="mapping"/> is a YAML mapping of an export no built-in source
    /// reads (as <c>--mapping</c>); <paramref name="account"/> is the account of a 千川 report without 抖音号ID.
    /// </summary>
    /// <exception cref="Files.InputException">The mapping cannot be read.</exception>
    public static Workbench Files(
        Framework framework, string orders, string accounts = "", string campaigns = "", string traffic = "", string sessions = "", string products = "",
        long topKolFollowers = SellerRoles.DefaultTopKolFollowers, string exportsFolder = "", string password = "", string shopAccount = "", string mapping = "", string account = "")
    {
        var options = new ReadOptions
        {
            Password = string.IsNullOrEmpty(password) ? null : password,
            Sources = new SourceOptions
            {
                ShopAccount = string.IsNullOrEmpty(shopAccount) ? null : shopAccount,
                Account = string.IsNullOrEmpty(account) ? null : account,
                Mappings = string.IsNullOrEmpty(mapping) ? [] : [MappedSource.Load(mapping)],
            },
        };
        var data = string.IsNullOrEmpty(exportsFolder)
            ? BrandData.FromFiles(
                new Dictionary<TableKind, string?>
                {
                    [TableKind.Orders] = orders,
                    [TableKind.Accounts] = accounts,
                    [TableKind.Campaigns] = campaigns,
                    [TableKind.Traffic] = traffic,
                    [TableKind.Sessions] = sessions,
                    [TableKind.Products] = products,
                },
                options)
            : new BrandData(exportsFolder) { ReadOptions = options };
        return Of(data, framework, topKolFollowers);
    }

    /// <summary>The pillar analysis of a period (the whole data when not given).</summary>
    public PillarReport Analyze(DateOnly? from = null, DateOnly? to = null, double? grossMargin = null) =>
        Data.Analyze(Framework, new AnalysisOptions { From = from, To = to, TopKolFollowers = TopKolFollowers, GrossMargin = grossMargin });

    /// <summary>The ledger of a period (the whole data when not given).</summary>
    public OrderLedger Ledger(DateOnly? from = null, DateOnly? to = null) => Data.Ledger(from, to);

    /// <summary>Every buyer's purchases in a period, for cohorts (<see cref="CohortRetention"/>).</summary>
    public BuyerHistories BuyerHistories(DateOnly? from = null, DateOnly? to = null) => Data.BuyerHistories(from, to);

    /// <summary>Roles of the sellers.</summary>
    public SellerRoles Roles => new(Data.Accounts, TopKolFollowers);

    /// <summary>Net GMV per day and partition pillar (shelf included), for stacked charts.</summary>
    public IReadOnlyList<(DateOnly Day, string Pillar, decimal NetGmv)> DailyByPillar(DateOnly? from = null, DateOnly? to = null)
    {
        var roles = Roles;
        return [.. Ledger(from, to).ByDayAndAccount
            .GroupBy(e => (e.Key.Day, Pillar: e.Key.Account.Length == 0 ? PillarAnalysis.ShelfCode : PillarAnalysis.PartitionCode(Framework, roles[e.Key.Account])))
            .Select(g => (g.Key.Day, g.Key.Pillar, g.Sum(e => e.Value.NetGmv)))
            .OrderBy(x => x.Day)];
    }

    /// <summary>The claims of the source article about this case, checked on this data.</summary>
    public IReadOnlyList<ClaimResult> Claims() =>
        ClaimRegistry.Evaluate(ClaimRegistry.Load(Path.Combine(WorkspaceFolders.DataRoot(), "claims")).Where(c => c.Case == Name), Data);

    /// <summary>The checklists scored on this data (one checklist, or all), with optional answers.</summary>
    public Scorecard Checklist(string? checklist = null, AnswerSheet? answers = null)
    {
        var lists = ChecklistFiles.Load(Path.Combine(WorkspaceFolders.DataRoot(), "checklists")).Where(l => checklist is null || l.Id == checklist).ToList();
        answers ??= AnswerSheet.None;
        if (CaseCatalog.All.FirstOrDefault(c => c.Id == Name) is { } bundled)
        {
            // A bundled case brings the gross margin its economics are simulated with.
            answers = answers.WithDefault("gross_margin", bundled.GrossMargin);
        }

        return Scorecard.Evaluate(lists, Data, answers);
    }

    /// <summary>
    /// Daily effort against daily GMV for the pillars this data can show: paid-traffic spend against
    /// own-room GMV, live hours of own rooms against their GMV, and active matrix talents against
    /// matrix GMV. Days without effort are left out of each fit.
    /// </summary>
    public EffortFits EffortResponses()
    {
        var roles = Roles;
        var ledger = Ledger();
        var byDay = ledger.ByDayAndAccount.GroupBy(e => e.Key.Day).ToDictionary(
            g => g.Key,
            g => (Self: (double)g.Where(e => e.Key.Account.Length > 0 && roles[e.Key.Account] == SellerRole.Self).Sum(e => e.Value.Gmv),
                  Matrix: (double)g.Where(e => e.Key.Account.Length > 0 && roles[e.Key.Account] == SellerRole.Matrix).Sum(e => e.Value.Gmv),
                  Talents: g.Count(e => e.Key.Account.Length > 0 && roles[e.Key.Account] == SellerRole.Matrix && e.Value.Gmv > 0)));
        var result = new List<(EffortResponse, IReadOnlyList<(double, double)>)>();
        var notFitted = new List<string>();
        void Add(string pillar, string effort, List<(double, double)> days)
        {
            try
            {
                result.Add((EffortResponse.Fit(pillar, effort, days), days));
            }
            catch (ArgumentException e)
            {
                notFitted.Add(e.Message.Split(" (Parameter", StringSplitOptions.None)[0]);
            }
        }

        if (Data.Has(TableKind.Traffic))
        {
            var spend = Data.Traffic.Where(t => t.AccountId is not null && roles[t.AccountId] == SellerRole.Self).GroupBy(t => t.Date).ToDictionary(g => g.Key, g => (double)g.Sum(t => t.Spend));
            Add("paid traffic", "¥ spend a day", [.. spend.Where(s => byDay.ContainsKey(s.Key)).Select(s => (s.Value, byDay[s.Key].Self))]);
        }

        if (Data.Has(TableKind.Sessions))
        {
            var hours = Data.Sessions.Where(s => roles[s.AccountId] == SellerRole.Self).GroupBy(s => DateOnly.FromDateTime(s.StartedAt)).ToDictionary(g => g.Key, g => g.Sum(s => (s.EndedAt - s.StartedAt).TotalHours));
            Add("self-broadcast", "live hours a day", [.. hours.Where(h => byDay.ContainsKey(h.Key)).Select(h => (h.Value, byDay[h.Key].Self))]);
        }

        Add("talent matrix", "active matrix talents a day", [.. byDay.Values.Select(d => ((double)d.Talents, d.Matrix))]);
        return new EffortFits(result, notFitted);
    }

    /// <summary>Every data folder of the workspace with its tables, rows and class, from the data cards.</summary>
    public static DataFrame DataCatalog()
    {
        var rows = new List<(string Folder, string Class, string File, string Table, string Rows)>();
        foreach (var folder in System.IO.Directory.GetDirectories(WorkspaceFolders.DataRoot()).Order(StringComparer.Ordinal))
        {
            var card = Path.Combine(folder, "datacard.yml");
            if (!File.Exists(card))
            {
                continue;
            }

            var yaml = new YamlStream();
            using (var reader = new StreamReader(card))
            {
                yaml.Load(reader);
            }

            var root = (YamlMappingNode)yaml.Documents[0].RootNode;
            var @class = ((YamlScalarNode)root["class"]).Value ?? "";
            foreach (var file in ((YamlSequenceNode)root["files"]).Cast<YamlMappingNode>())
            {
                string S(string key) => ((YamlScalarNode)file[key]).Value ?? "";

                // A canonical table's card counts its rows; an export's card says what became of them (read, loaded …).
                var count = file["rows"] is YamlMappingNode outcome ? ((YamlScalarNode)outcome["read"]).Value ?? "" : S("rows");
                rows.Add((Path.GetFileName(folder), @class, S("file"), S("table"), count));
            }
        }

        return new DataFrame(
            new StringDataFrameColumn("folder", rows.Select(r => r.Folder)),
            new StringDataFrameColumn("class", rows.Select(r => r.Class)),
            new StringDataFrameColumn("file", rows.Select(r => r.File)),
            new StringDataFrameColumn("table", rows.Select(r => r.Table)),
            new Int64DataFrameColumn("rows", rows.Select(r => (long?)long.Parse(r.Rows, System.Globalization.CultureInfo.InvariantCulture))));
    }
}
