using Playbook.Analysis;
using Playbook.Canonical;
using Playbook.Files;
using Playbook.Ingest;
using Playbook.Workspace;
using YamlDotNet.RepresentationModel;

namespace Playbook.Tests.Workspace;

/// <summary>Monthly files merged, and <c>playbook import</c> turning downloads into canonical tables with a data card.</summary>
public sealed class ImporterTests
{
    private const string Header = "order_id,parent_order_id,platform,paid_at,account_id,channel,product_id,quantity,gmv,refund";

    private static readonly string Workbooks = Path.Combine(Repo.Root, "tests", "Playbook.Tests", "Fixtures", "workbooks");

    [Fact]
    public void ReadLedger_MonthlyFilesOverlapping_RepeatKeptOnceConflictRejectedNamingBoth()
    {
        using var january = TempFile.Csv("orders-2021-01.csv",
        [
            Header,
            "O1,,douyin,2021-01-30 10:00:00,A1,live,P1,1,10.00,0",
            "O2,,douyin,2021-01-31 23:59:00,A1,live,P1,1,20.00,0",
        ]);
        using var february = TempFile.Csv("orders-2021-02.csv",
        [
            Header,
            "O2,,douyin,2021-01-31 23:59:00,A1,live,P1,1,20.00,0",   // line 2: the same order again
            "O1,,douyin,2021-01-30 10:00:00,A1,live,P1,1,99.00,0",   // line 3: O1 with another amount
            "O3,,douyin,2021-02-01 09:00:00,A2,live,P1,2,30.00,0",   // line 4
        ]);
        var read = Tables.ReadLedger([january.Path, february.Path]);

        // By hand: O1 10.00 + O2 20.00 from January, O3 30.00 from February; O2 again is a repeat, O1 again a conflict.
        Assert.Equal((3L, 60.00m), (read.Ledger.Total.Orders, read.Ledger.Total.Gmv));
        var second = read.Reports[1];
        Assert.Equal((3L, 1L, 1L, 1L), (second.Rows, second.Loaded, second.Repeated, second.Rejected));
        var conflict = Assert.Single(second.Rejections);
        Assert.Equal((3L, "order_id", "O1"), (conflict.Line, conflict.Column, conflict.Value));
        Assert.Contains($"the same order_id as {january.Path}:2", conflict.Reason, StringComparison.Ordinal);
        Assert.Equal((2L, 2L), (read.Reports[0].Rows, read.Reports[0].Loaded));
    }

    [Fact]
    public void ReadMerged_RowsWithoutIds_OnlyARowOfAnEarlierFileIsARepeat()
    {
        const string Traffic = "date,account_id,session_id,tool,spend";
        using var first = TempFile.Csv("traffic-1.csv", [Traffic, "2021-01-01,A1,,qianchuan,5.00", "2021-01-01,A1,,qianchuan,5.00"]);
        using var second = TempFile.Csv("traffic-2.csv", [Traffic, "2021-01-01,A1,,qianchuan,5.00", "2021-01-02,A1,,qianchuan,7.00"]);
        var merged = Tables.ReadMerged<PaidTraffic>([first.Path, second.Path]);

        // Two equal rows in one file are two spends; the second file's copy of them is a repeat.
        Assert.Equal([5.00m, 5.00m, 7.00m], merged.Rows.Select(t => t.Spend));
        Assert.Equal((1L, 1L), (merged.Reports[1].Repeated, merged.Reports[1].Loaded));
    }

    [Fact]
    public void ReadMerged_TheSameQianchuanDayRestatedByALaterDownload_FirstDownloadKeptTheOtherRejectedSayingWhich()
    {
        // Two plans on 01-01 in the monthly download; a later download restates 01-01 with a little more
        // attributed GMV, and gives 01-03, which nobody else does.
        const string Traffic = "date,account_id,session_id,tool,spend,attributed_gmv";
        using var month = TempFile.Csv("qc-month.csv", [Traffic, "2021-01-01,A1,,qianchuan,5.00,12.00", "2021-01-01,A1,,qianchuan,3.00,6.00", "2021-01-02,A1,,qianchuan,4.00,9.00"]);
        using var later = TempFile.Csv("qc-later.csv", [Traffic, "2021-01-01,A1,,qianchuan,5.00,12.00", "2021-01-01,A1,,qianchuan,3.00,6.50", "2021-01-03,A1,,qianchuan,2.00,4.00"]);
        var merged = Tables.ReadMerged<PaidTraffic>([month.Path, later.Path]);

        // 01-01 is the monthly file's, both plans: 5 + 3; its identical plan in the later file is a repeat,
        // the restated one is rejected naming the file whose figures count. Spend by hand: 5 + 3 + 4 + 2.
        Assert.Equal(14.00m, merged.Rows.Sum(t => t.Spend));
        Assert.Equal(12.00m + 6.00m + 9.00m + 4.00m, merged.Rows.Sum(t => t.AttributedGmv));
        var report = merged.Reports[1];
        Assert.Equal((3L, 1L, 1L, 1L), (report.Rows, report.Loaded, report.Repeated, report.Rejected));
        var rejection = Assert.Single(report.Rejections);
        Assert.Equal((3L, "2021-01-01 × A1 × — × qianchuan"), (rejection.Line, rejection.Value));
        Assert.Equal($"the same date × account × session × tool as {month.Path}:2 (another download of that day), with other figures: the figures of {month.Path} are kept", rejection.Reason);
    }

    [Fact]
    public void Import_ExportsOfBothPlatforms_CanonicalTablesAndADataCardWithoutThePassword()
    {
        var output = Path.Combine(Path.GetTempPath(), "playbook-import-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (exit, stdout, error) = CommandLine.Run("import", Workbooks, "--out", output, "--password", "s3cr3t!", "--shop-account", "ks-brand", "--format", "json");

            Assert.True(exit == 0, error);
            Assert.Equal(["accounts.csv", "datacard.yml", "orders.csv", "sessions.csv", "traffic.csv"], Directory.GetFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));

            // Orders: the 快手小店 file three times (by its name's password, Agile and Standard encryption, and
            // the locked copy by --password: identical, so kept once) and the 抖店 workbook: 6 + 3 rows; the
            // repeats are counted. The hostile workbook beside them is left out, saying why.
            var orders = Tables.ReadOrders(Path.Combine(output, "orders.csv"));
            Assert.Equal((9L, 0L), (orders.Report.Loaded, orders.Report.Rejected));
            Assert.Equal(1555.30m + 363.80m, orders.Rows.Sum(o => o.Gmv));
            Assert.Contains(orders.Rows, o => o.AccountId == "ks-brand");

            // Accounts: the sellers both order layouts and the 罗盘 list name, once each.
            var accounts = Tables.ReadAccounts(Path.Combine(output, "accounts.csv")).Rows.Select(a => a.AccountId).ToList();
            Assert.Equal(accounts.Distinct().Count(), accounts.Count);
            Assert.Contains("dy_talent7", accounts);
            Assert.Contains("5001", accounts);

            // The data card lists every input with its source, sheet and counts; no password anywhere.
            var card = File.ReadAllText(Path.Combine(output, "datacard.yml"));
            var root = (YamlMappingNode)Yaml(card);
            Assert.Equal("export", ((YamlScalarNode)root["class"]).Value);
            var inputs = ((YamlSequenceNode)root["inputs"]).Cast<YamlMappingNode>().Select(i => ((YamlScalarNode)i["source"]).Value).ToList();
            Assert.Equal(["compass_live_list", "douyin_export", "kuaishou_orders", "kuaishou_orders", "kuaishou_orders", "qianchuan_uni"], inputs.Order(StringComparer.Ordinal));
            Assert.Contains("hostile_spaces_b0mb42.xlsx: refused: part xl/worksheets/sheet1.xml declares it expands to 320 MiB", error, StringComparison.Ordinal);
            Assert.DoesNotContain("s3cr3t", card, StringComparison.Ordinal);
            Assert.DoesNotContain("k7q2mz\n", card, StringComparison.Ordinal);
            Assert.All(Directory.GetFiles(output), f => Assert.DoesNotContain("s3cr3t", File.ReadAllText(f), StringComparison.Ordinal));
            Assert.DoesNotContain("s3cr3t", stdout, StringComparison.Ordinal);

            // The import is a folder the rest of the workspace reads: the same totals through the one door.
            var report = new BrandData(output).Analyze(Frameworks.Fact);
            Assert.Equal(orders.Rows.Sum(o => o.Gmv - o.Refund), report.Totals.NetGmv);
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }

    [Fact]
    public void Import_LockedFileWithoutPassword_LeftOutSayingWhy()
    {
        var output = Path.Combine(Path.GetTempPath(), "playbook-import-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (exit, _, error) = CommandLine.Run("import", Path.Combine(Workbooks, "kuaishou-locked.xlsx"), Path.Combine(Workbooks, "qianchuan-uni.xlsx"), "--out", output);

            Assert.Equal(0, exit);
            Assert.Contains("kuaishou-locked.xlsx: the workbook is encrypted and no password opens it", error, StringComparison.Ordinal);
            Assert.Equal(["datacard.yml", "traffic.csv"], Directory.GetFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }

    [Fact]
    public void Import_NothingReadable_ExitTwo()
    {
        using var note = TempFile.Csv("notes.csv", ["hello,world", "1,2"]);
        var (exit, _, error) = CommandLine.Run("import", note.Path, "--out", Path.Combine(Path.GetTempPath(), "playbook-none-" + Guid.NewGuid().ToString("N")));

        Assert.Equal(2, exit);
        Assert.StartsWith("playbook import: nothing to import", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Importer_AMissingInput_ErrorNamingItAndNothingWritten()
    {
        var output = Path.Combine(Path.GetTempPath(), "playbook-missing-" + Guid.NewGuid().ToString("N"));
        var missing = Path.Combine(Workbooks, "no-such-export.xlsx");

        var e = Assert.Throws<InputException>(() => Importer.Import([Path.Combine(Workbooks, "qianchuan-uni.xlsx"), missing], output));

        Assert.Equal($"{missing}: no such file or folder", e.Message);
        Assert.False(Directory.Exists(output));
    }

    private static YamlNode Yaml(string text)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(text));
        return yaml.Documents[0].RootNode;
    }
}
