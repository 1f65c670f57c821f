using System.CommandLine;
using System.Globalization;
using Playbook.Analysis;
using Playbook.Canonical;
using Playbook.Files;
using Playbook.Ingest;
using Playbook.Output;
using Playbook.Workspace;
using Spectre.Console;

namespace Playbook.Cli;

/// <summary><c>playbook analyze</c>: the pillar analysis of a brand's orders under FACT or STEPS.</summary>
internal static class AnalyzeCommand
{
    private const int BarWidth = 30;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        // Each table may come from several files (monthly exports), merged; any layout a source reads.
        Option<string[]> Files(string name, string description) => new(name) { Description = description + "; may be given more than once" };
        var orders = Files("--orders", "Orders: a canonical orders table, or a 抖店 or 快手小店 order export (CSV or .xlsx)");
        var sales = Files("--sales", "Per-seller daily sales (罗盘, 蝉妈妈), instead of orders");
        var accounts = Files("--accounts", "Accounts table, for seller roles");
        var campaigns = Files("--campaigns", "Campaigns table, for FACT's C and campaign uplift");
        var products = Files("--products", "Products table, for STEPS' specific supply");
        var traffic = Files("--traffic", "Paid traffic: the canonical table or a 千川 report, for ad ROI");
        var sessions = Files("--sessions", "Live sessions: the canonical table or a 罗盘 直播间列表, for UV value, GPM and conversion");
        var costs = Files("--costs", "Costs besides COGS, commission and paid traffic (slot fees, staff, studio …), for the economics");
        var commissions = Files("--commissions", "Orders' talent commissions: a 抖店 达人佣金 download or the canonical table, for the economics");
        var data = new Option<string?>("--data") { Description = "A folder of tables: canonical files by name, other exports by their headers (instead of the table options)" };
        var framework = new Option<string>("--framework") { Description = "fact (Douyin) or steps (Kuaishou)", Required = true };
        framework.AcceptOnlyFromAmong("fact", "steps");
        var from = new Option<string?>("--from") { Description = "First day of the period, yyyy-MM-dd (China time, inclusive)" };
        var to = new Option<string?>("--to") { Description = "Last day of the period, yyyy-MM-dd (inclusive)" };
        var topKol = new Option<long>("--top-kol-followers")
        {
            Description = "Followers from which an account without a role is a head creator (top_kol)",
            DefaultValueFactory = _ => SellerRoles.DefaultTopKolFollowers,
        };
        var topN = new Option<int>("--top-n") { Description = "How many top sellers the concentration counts", DefaultValueFactory = _ => 5 };
        var grossMargin = new Option<double?>("--gross-margin") { Description = "Gross margin (0..1) for the break-even ROI and the economics' COGS" };
        var platformFee = new Option<double?>("--platform-fee-rate") { Description = "The platform's fee (技术服务费) as a share of net GMV (0..1), a cost in the economics" };
        var commissionRate = new Option<double?>("--commission-rate") { Description = "Commission rate (0..1) of a talent whose orders and account give none" };
        var input = new InputOptions();
        var format = Formats.Option("table", "json");
        var engine = new Option<string>("--engine")
        {
            Description = "auto: the fast parallel reader unless the file needs the plain one; plain: the plain reader",
            DefaultValueFactory = _ => "auto",
        };
        engine.AcceptOnlyFromAmong("auto", "plain");

        var command = new Command("analyze", "Attribute a brand's GMV to the pillars of FACT or STEPS, with the core metrics")
        {
            orders, sales, accounts, campaigns, products, traffic, sessions, costs, commissions, data, framework, from, to, topKol, topN, grossMargin, platformFee, commissionRate, format, engine,
        };
        input.AddTo(command);

        command.SetAction(parse =>
        {
            var read = input.Read(parse);
            var words = input.Words(parse);
            var options = new AnalysisOptions
            {
                From = Date(parse.GetValue(from), "--from"),
                To = Date(parse.GetValue(to), "--to"),
                TopKolFollowers = parse.GetValue(topKol),
                TopN = parse.GetValue(topN),
                GrossMargin = parse.GetValue(grossMargin),
                PlatformFeeRate = parse.GetValue(platformFee),
                CommissionRate = parse.GetValue(commissionRate),
            };
            Check(options);

            var tables = new Dictionary<TableKind, IReadOnlyList<string>>
            {
                [TableKind.Orders] = parse.GetValue(orders) ?? [],
                [TableKind.Sales] = parse.GetValue(sales) ?? [],
                [TableKind.Accounts] = parse.GetValue(accounts) ?? [],
                [TableKind.Campaigns] = parse.GetValue(campaigns) ?? [],
                [TableKind.Products] = parse.GetValue(products) ?? [],
                [TableKind.Traffic] = parse.GetValue(traffic) ?? [],
                [TableKind.Sessions] = parse.GetValue(sessions) ?? [],
                [TableKind.Costs] = parse.GetValue(costs) ?? [],
                [TableKind.Commissions] = parse.GetValue(commissions) ?? [],
            };
            var folder = parse.GetValue(data);
            if (folder is not null && tables.Values.Any(t => t.Count > 0))
            {
                throw new InputException("give --data or the table options, not both");
            }

            folder = InputOptions.Folder(null, folder);

            var mode = parse.GetValue(engine) == "plain" ? ReaderEngine.Plain : ReaderEngine.Auto;

            // The same door as the notebooks, claims and checklists: same figures, warnings and accounts.
            var brand = folder is not null
                ? new BrandData(folder) { ReadOptions = read, Engine = mode }
                : BrandData.FromFiles(tables, read, mode);
            // The sales: orders or daily sales, one of them; a 达人佣金 download alone stands for the talents' orders.
            var salesTables = (brand.Has(TableKind.Orders) ? 1 : 0) + (brand.Has(TableKind.Sales) ? 1 : 0);
            if (folder is null ? salesTables > 1 || (salesTables == 0 && !brand.Has(TableKind.Commissions)) : salesTables == 0 && !brand.Has(TableKind.Commissions))
            {
                throw new InputException(folder is null ? "give either --orders or --sales (one of them), or a --commissions download on its own" : $"{folder}: has neither orders nor daily sales");
            }

            var report = brand.Analyze(Frameworks.Get(parse.GetValue(framework)!), options);
            foreach (var note in brand.Notes)
            {
                stderr.WriteLine("playbook analyze: " + words.Of(note));
            }

            if (parse.GetValue(format) == "json")
            {
                JsonOutput.Write(stdout, PillarReportJson.From(report));
            }
            else
            {
                WriteTable(stdout, report, words);
            }

            return PlaybookCommand.Success;
        });
        return command;
    }

    internal static DateOnly? Date(string? text, string option)
    {
        if (text is null)
        {
            return null;
        }

        return FieldValues.TryParseDate(text, out var date) ? date : throw new InputException($"{option} '{text}' is not a date (expected yyyy-MM-dd)");
    }

    internal static void Check(AnalysisOptions options)
    {
        if (options.From > options.To)
        {
            throw new InputException($"--from {options.From:yyyy-MM-dd} is after --to {options.To:yyyy-MM-dd}");
        }

        if (options.TopN < 1)
        {
            throw new InputException("--top-n must be at least 1");
        }

        if (options.TopKolFollowers < 0)
        {
            throw new InputException("--top-kol-followers must not be negative");
        }

        if (options.GrossMargin is <= 0 or > 1)
        {
            throw new InputException($"--gross-margin {options.GrossMargin} must be above 0 and at most 1");
        }

        if (options.PlatformFeeRate is < 0 or >= 1)
        {
            throw new InputException($"--platform-fee-rate {options.PlatformFeeRate} must be at least 0 and below 1");
        }

        if (options.CommissionRate is < 0 or >= 1)
        {
            throw new InputException($"--commission-rate {options.CommissionRate} must be at least 0 and below 1");
        }
    }

    private static void WriteTable(TextWriter stdout, PillarReport report, Words w)
    {
        var console = Formats.Console(stdout);
        var f = report.Framework;
        var t = report.Totals;
        console.Write(new Text(w.Of(Invariant($"{f.Name} ({f.NameZh}) on {Vocabulary.Name(f.Platform)}, {report.From:yyyy-MM-dd} .. {report.To:yyyy-MM-dd}, CNY\n"))));
        console.Write(new Text(w.Of(Invariant($"GMV {Yuan(t.Gmv)}  refund {Yuan(t.Refund)}  net GMV {Yuan(t.NetGmv)}  orders {t.Orders:N0}  buyers {(t.Buyers is { } b ? b.ToString("N0", CultureInfo.InvariantCulture) : w.NotKnown)}\n\n"))));

        var partition = new Table().Title(w.Of("Seller partition (sums to net GMV)"));
        // The Chinese tables name a pillar once, in Chinese; the English ones give both names.
        string[] Named(params string[] columns) => [.. columns.Take(1).Concat(w.IsChinese ? ["名称"] : ["name", "名称"]).Concat(columns.Skip(1)).Select(w.Of)];
        IEnumerable<Text> Names(string pillar, string name, string nameZh) => w.IsChinese ? [new Text(w.Of(pillar)), new Text(nameZh)] : [new Text(pillar), new Text(name), new Text(nameZh)];
        partition.AddColumns(Named("pillar", "net GMV", "share", ""));
        foreach (var line in report.Partition)
        {
            partition.AddRow([.. Names(line.Pillar, line.Name, line.NameZh), new Text(w.Of(Yuan(line.NetGmv))), new Text(w.Of(Percent(line.Share))), new Text(Bar(line.Share))]);
        }

        console.Write(partition);

        var overlays = new Table().Title(w.Of("Overlays (across the partition, never added to it)"));
        overlays.AddColumns(Named("pillar", "net GMV", "share", "note"));
        foreach (var o in report.Overlays)
        {
            overlays.AddRow([
                .. Names(o.Pillar, o.Name, o.NameZh),
                new Text(w.Of(o.NetGmv is { } net ? Yuan(net) : w.NotKnown)), new Text(w.Of(o.Share is { } s ? Percent(s) : w.NotKnown)), new Text(w.Of(o.Reason ?? ""))]);
        }

        console.Write(overlays);

        if (report.Campaigns.Count > 0)
        {
            var campaigns = new Table().Title(w.Of("Campaign uplift (window / same days just before)"));
            campaigns.AddColumns(w.All("campaign", "name", "window", "net GMV", "baseline", "uplift"));
            foreach (var c in report.Campaigns)
            {
                campaigns.AddRow(
                    new Text(c.CampaignId), new Text(c.Name), new Text(Invariant($"{c.StartsOn:yyyy-MM-dd}..{c.EndsOn:yyyy-MM-dd}")),
                    new Text(w.Of(Yuan(c.NetGmv))), new Text(w.Of(c.BaselineNetGmv is { } bl ? Yuan(bl) : w.NotKnown)),
                    new Text(w.Of(c.Uplift is { } u ? Invariant($"×{u:0.00}") : c.Reason ?? w.NotKnown)));
            }

            console.Write(campaigns);
        }

        var k = report.Concentration;
        console.Write(new Text(w.Of(Invariant($"\nConcentration: {k.Sellers} sellers, top {k.TopN} {Percent(k.TopNShare)}, HHI {k.Hhi:0}, Gini {k.Gini:0.000}\n"))));
        var r = report.Repurchase;
        console.Write(new Text(w.Of(r.Available
            ? Invariant($"Repurchase: {Percent(r.Rate ?? 0)} of {r.Buyers:N0} buyers bought 2+ times; 30-day {(r.Rate30 is { } r30 ? Percent(r30) : w.NotKnown)}\n")
            : $"Repurchase: {r.Reason}\n")));
        if (report.Ads is { } ads)
        {
            console.Write(new Text(w.Of(Invariant($"Paid traffic: spend {Yuan(ads.Spend)}, ROI {(ads.Roi is { } roi ? roi.ToString("0.00", CultureInfo.InvariantCulture) : w.NotKnown)}, break-even {(ads.BreakEvenRoi is { } be ? be.ToString("0.00", CultureInfo.InvariantCulture) : w.NotKnown)}{(ads.Reason is null ? "" : " (" + ads.Reason + ")")}\n"))));
        }

        if (report.Sessions.Count > 0)
        {
            var sessionGmv = report.Sessions.All(s => s.Gmv is not null) ? Yuan(report.Sessions.Sum(s => s.Gmv!.Value)) : "not known (daily sales name no session)";
            console.Write(new Text(w.Of(Invariant($"Live sessions: {report.Sessions.Count}, GMV {sessionGmv}\n"))));
        }

        WriteEconomics(console, report, w);
        ValidateCommand.WriteSummary(console, report.Load, w);
        foreach (var warning in report.Warnings)
        {
            console.Write(new Text(w.Of($"warning: {warning}\n")));
        }
    }

    /// <summary>The pillar P&amp;L, and the sellers that earn most and least with their break-even commission.</summary>
    private static void WriteEconomics(IAnsiConsole console, PillarReport report, Words w)
    {
        if (report.Economics is not { } e)
        {
            return;
        }

        if (!e.Available)
        {
            console.Write(new Text(w.Of($"\nEconomics: {e.Reason}\n")));
            return;
        }

        var names = report.Partition.ToDictionary(p => p.Pillar, p => p.NameZh, StringComparer.Ordinal);
        var table = new Table().Title(w.Of(Invariant($"Pillar economics (gross margin {(e.GrossMargin is { } m ? Percent(m) : "from unit costs")}; CNY)")));
        table.AddColumns(w.All("pillar", "net GMV", "COGS", "commission", "platform fees", "paid traffic", "slot fees", "other costs", "contribution", "margin"));
        foreach (var l in e.Lines)
        {
            table.AddRow(
                new Text(w.Of(l.Pillar) + (names.TryGetValue(l.Pillar, out var zh) ? " " + zh : "")),
                new Text(w.Of(Yuan(l.NetGmv))), new Text(w.Of(Yuan(l.Cogs))), new Text(w.Of(Yuan(l.Commission))), new Text(w.Of(l.PlatformFees is { } f ? Yuan(f) : "not included")),
                new Text(w.Of(Yuan(l.PaidTraffic))), new Text(w.Of(Yuan(l.SlotFees))), new Text(w.Of(Yuan(l.OtherCosts))), new Text(w.Of(Yuan(l.Contribution))),
                new Text(w.Of(l.Margin is { } margin ? Percent(margin) : w.NotKnown)));
        }

        console.Write(table);
        console.Write(new Text(w.Of(Invariant($"Overhead (costs without a seller): {Yuan(e.Overhead ?? 0)}; contribution after overhead: {Yuan(e.Contribution ?? 0)}\n"))));
        var sellers = new Table().Title(w.Of("Sellers by contribution: the top and the bottom five"));
        sellers.AddColumns(w.All("account", "nickname", "pillar", "net GMV", "commission", "rate", "break-even rate", "slot fees", "paid traffic", "contribution"));
        var shown = e.Sellers.Count <= 10 ? e.Sellers : [.. e.Sellers.Take(5), .. e.Sellers.TakeLast(5)];
        foreach (var s in shown)
        {
            sellers.AddRow(
                new Text(s.AccountId), new Text(s.Nickname ?? ""), new Text(w.Of(s.Pillar)), new Text(w.Of(Yuan(s.NetGmv))), new Text(w.Of(Yuan(s.Commission)) + w.Of(" (" + s.CommissionSource + ")")),
                new Text(w.Of(s.CommissionRate is { } r ? Percent(r) : w.NotKnown)), new Text(w.Of(s.BreakEvenCommissionRate is { } b ? Percent(b) : w.NotKnown)),
                new Text(w.Of(Yuan(s.SlotFees))), new Text(w.Of(Yuan(s.PaidTraffic))), new Text(w.Of(Yuan(s.Contribution))));
        }

        console.Write(sellers);
        foreach (var d in e.DefaultsUsed.OrderByDescending(d => d.NetGmv).Take(5))
        {
            console.Write(new Text(w.Of(Invariant($"default commission: {d.AccountId} at {Percent(d.Rate)} ({d.Source}) on {d.Orders:N0} orders, {Yuan(d.NetGmv)} net GMV\n"))));
        }

        if (e.DefaultsUsed.Count > 5)
        {
            console.Write(new Text(w.Of(Invariant($"default commission: {e.DefaultsUsed.Count - 5} more sellers, {Yuan(e.DefaultsUsed.Skip(5).Sum(d => d.NetGmv))} net GMV in all (--format json lists them)\n"))));
        }

        foreach (var note in e.Notes)
        {
            console.Write(new Text(w.Of($"economics: {note}\n")));
        }
    }

    private static string Bar(double share) => new('█', (int)Math.Round(Math.Clamp(share, 0, 1) * BarWidth));

    private static string Yuan(decimal amount) => "¥" + amount.ToString("N2", CultureInfo.InvariantCulture);

    private static string Percent(double share) => share.ToString("0.0%", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
