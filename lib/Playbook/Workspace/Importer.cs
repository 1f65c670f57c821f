using System.Globalization;
using Playbook.Canonical;
using Playbook.Ingest;

namespace Playbook.Workspace;

/// <summary>What <see cref="Importer.Import"/> did: the files it wrote and what happened to every input row.</summary>
/// <param name="Directory">The folder written.</param>
/// <param name="Files">The canonical files written (and the data card), in table order.</param>
/// <param name="Reports">The load report of every input file, in the order read.</param>
/// <param name="Notes">Inputs left out and why, and the like.</param>
public sealed record ImportResult(string Directory, IReadOnlyList<string> Files, IReadOnlyList<LoadReport> Reports, IReadOnlyList<string> Notes);

/// <summary>
/// Turns a brand's downloads (any layout a source reads: 抖店 and 快手小店 orders, 罗盘 live lists, 千川
/// reports, a user's mapped export, canonical tables) into a folder of canonical tables under their
/// usual names, with a data card: what <c>playbook import</c> does. Files of one table (monthly
/// exports) are merged: an identical repeat is kept once, a conflicting row rejected naming both
/// places. The accounts the exports name join the accounts table (which wins for an id in both).
/// </summary>
public static class Importer
{
    /// <summary>Imports <paramref name="paths"/> (files, or folders of them) into <paramref name="directory"/>.</summary>
    /// <exception cref="Files.InputException">An input does not exist, none has a known layout, or (strict) a row is rejected.</exception>
    public static ImportResult Import(IEnumerable<string> paths, string directory, ReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        options ??= ReadOptions.Lenient;
        var inputs = paths.ToList();

        // A mistyped name is an error, not a file quietly left out of the brand's tables.
        foreach (var missing in inputs.Where(p => !File.Exists(p) && !System.IO.Directory.Exists(p)))
        {
            throw new Files.InputException($"{missing}: no such file or folder");
        }
        var data = BrandData.FromExports(inputs, options);
        if (data.Files.Count == 0)
        {
            throw new Files.InputException($"nothing to import: no file among {string.Join(", ", inputs)} has a layout a source reads{(data.Notes.Count > 0 ? " (" + string.Join("; ", data.Notes) + ")" : "")}");
        }

        System.IO.Directory.CreateDirectory(directory);
        var written = new List<(string File, TableKind Kind, long Rows)>();
        var reports = new List<LoadReport>();
        var named = new Dictionary<string, Account>(StringComparer.Ordinal);
        var inputsOf = new Dictionary<LoadReport, string>();
        void Convert<T>(TableKind table)
            where T : class, new()
        {
            if (!data.Files.TryGetValue(table, out var files) || table == TableKind.Accounts)
            {
                return;
            }

            var name = CanonicalTables.Of(table).FileName;
            var result = Tables.Convert<T>(files, Path.Combine(directory, name), options);
            written.Add((name, table, result.Rows));
            reports.AddRange(result.Reports);
            foreach (var (report, file) in result.Reports.Zip(files))
            {
                inputsOf[report] = file;
            }

            foreach (var account in result.NamedAccounts)
            {
                named.TryAdd(account.AccountId, account);
            }
        }

        Convert<Order>(TableKind.Orders);
        Convert<DailySales>(TableKind.Sales);
        Convert<LiveSession>(TableKind.Sessions);
        Convert<Product>(TableKind.Products);
        Convert<Campaign>(TableKind.Campaigns);
        Convert<PaidTraffic>(TableKind.Traffic);
        Convert<LeaderboardEntry>(TableKind.Leaderboard);
        Convert<Cost>(TableKind.Costs);
        Convert<CommissionRow>(TableKind.Commissions);

        // Accounts: the table's own rows first (they win for an id), then those the exports name.
        List<Account> accounts = [];
        if (data.Files.TryGetValue(TableKind.Accounts, out var accountFiles))
        {
            var table = Tables.ReadMerged<Account>(accountFiles, options);
            accounts.AddRange(table.Rows);
            reports.InsertRange(0, table.Reports);
            foreach (var (report, file) in table.Reports.Zip(accountFiles))
            {
                inputsOf[report] = file;
            }
        }

        var ids = accounts.Select(a => a.AccountId).ToHashSet(StringComparer.Ordinal);
        accounts.AddRange(named.Values.Where(a => ids.Add(a.AccountId)));
        if (accounts.Count > 0)
        {
            CanonicalCsv.Write(Path.Combine(directory, CanonicalTables.Accounts.FileName), accounts);
            written.Insert(0, (CanonicalTables.Accounts.FileName, TableKind.Accounts, accounts.Count));
        }

        var card = new DataCard();
        card.Line("# Data card written by `playbook import`: canonical tables converted from a brand's exports.");
        card.Line("class: export");
        card.Line($"statement: {DataCard.Q("Converted from the platform exports listed under inputs, row by row; every figure is the brand's own. Rows that did not load are counted under each input and listed by playbook import.")}");
        card.Line("conventions: {encoding: UTF-8, money: CNY with two decimals, times: China Standard Time (UTC+8)}");
        card.Line("inputs:");
        foreach (var report in reports)
        {
            card.Line($"  - file: {DataCard.Q(Path.GetFileName(inputsOf[report]))}");
            card.Line($"    source: {report.Source}");
            card.Line($"    table: {Vocabulary.KindName(report.Kind)}");
            if (report.Sheet is { } sheet)
            {
                card.Line($"    sheet: {DataCard.Q(sheet)}");
            }

            card.Line($"    sha256: {DataCard.Sha256(inputsOf[report])}");
            card.Line(string.Create(CultureInfo.InvariantCulture, $"    rows: {{read: {report.Rows}, loaded: {report.Loaded}, unpaid: {report.Unpaid}, rejected: {report.Rejected}, summary: {report.Summary}, repeated: {report.Repeated}}}"));
        }

        card.Line("files:");
        foreach (var (file, kind, rows) in written)
        {
            card.CanonicalFile(directory, file, kind, rows);
        }

        card.Write(directory);
        return new ImportResult(directory, [.. written.Select(w => w.File), DataCard.FileName], reports, data.Notes);
    }
}
