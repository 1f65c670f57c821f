using Playbook.Analysis;
using Playbook.Canonical;
using Playbook.Files;
using Playbook.Ingest;
using Playbook.Sources;
using Playbook.Workspace;

namespace Playbook.Tests.Sources;

/// <summary>
/// Each real export layout on a fixture written by hand (the workbooks by ExcelJS, two of them
/// encrypted by officecrypto-tool; see Fixtures/workbooks/make.mjs), its figures worked out below.
/// </summary>
public sealed class ExportAdapterTests
{
    private static readonly string Workbooks = Path.Combine(Repo.Root, "tests", "Playbook.Tests", "Fixtures", "workbooks");
    private static readonly string Exports = Path.Combine(Repo.Root, "tests", "Playbook.Tests", "Fixtures", "exports");
    private static readonly string Kuaishou = Path.Combine(Workbooks, "订单导出_20210531_k7q2mz.xlsx");

    [Fact]
    public void KuaishouOrders_EncryptedWithItsName_EveryRowAccountedFor()
    {
        var result = Tables.ReadOrders(Kuaishou);
        var report = result.Report;

        // The orders are on sheet 订单 (sheet 说明 has no header); rows 6 (待付款) and 7 (交易关闭 unpaid)
        // were never paid; row 10's 实付款 一百 is no amount.
        Assert.Equal(("kuaishou_orders", "xlsx", "订单"), (report.Source, report.Encoding, report.Sheet));
        Assert.Equal((9L, 6L, 2L, 1L), (report.Rows, report.Loaded, report.Unpaid, report.Rejected));
        Assert.Equal((10L, "实付款", "一百"), (report.Rejections[0].Line, report.Rejections[0].Column, report.Rejections[0].Value));

        // Sellers: CPS达人 5001; no CPS达人 (0) so 团长 7001; 快赚客 8001; the shop's own live room; the shelf.
        Assert.Equal(
            [("2105310000000001", "5001", Channel.Live), ("2105310000000002", "7001", Channel.ShortVideo), ("2105310000000003", "kuaishou-shop", Channel.Live),
             ("2105310000000004", null, Channel.ProductCard), ("2105310000000007", "8001", Channel.Live), ("2105310000000008", null, Channel.Other)],
            result.Rows.Select(o => (o.OrderId, o.AccountId, o.Channel)));

        // ¥1,299.90, 59.9 (refunded), ￥100, 45.5, ¥30.00 (closed after payment, refunded), 20.
        Assert.Equal(1299.90m + 59.90m + 100m + 45.50m + 30m + 20m, result.Rows.Sum(o => o.Gmv));
        Assert.Equal(59.90m + 30m, result.Rows.Sum(o => o.Refund));
        Assert.Equal((new DateTime(2021, 5, 31, 11, 0, 9), 2), (result.Rows[1].PaidAt, result.Rows[1].Quantity));

        Assert.Equal(
            [("5001", "达人甲", (SellerRole?)null), ("7001", "团长乙", null), ("8001", "快赚客丙", null), ("kuaishou-shop", "快手小店 (the shop's own account)", SellerRole.Self)],
            result.ExportAccounts.Select(a => (a.AccountId, a.Nickname, a.Role)).OrderBy(a => a.AccountId, StringComparer.Ordinal));
        Assert.Equal(1, Assert.Single(report.Notes).Value);
    }

    [Fact]
    public void KuaishouOrders_Steps_PartitionWorkedOutByHand()
    {
        var report = BrandData.FromFiles(new Dictionary<TableKind, string?> { [TableKind.Orders] = Kuaishou })
            .Analyze(Frameworks.Steps);

        // Net: S = the shop's 100.00; E = 1299.90 + (59.90 - 59.90) + (30 - 30); shelf = 45.50 + 20.
        Assert.Equal(
            [("S", 100.00m), ("E", 1299.90m), ("shelf", 65.50m)],
            report.Partition.Select(p => (p.Pillar, p.NetGmv)));
        Assert.Equal(1465.40m, report.Totals.NetGmv);
    }

    [Fact]
    public void KuaishouOrders_ShopAccountGiven_TheShopSellsAsIt()
    {
        var options = new ReadOptions { Sources = new SourceOptions { ShopAccount = "ks-brand" } };
        var orders = Tables.ReadOrders(Kuaishou, options).Rows;

        Assert.Equal("ks-brand", orders.Single(o => o.OrderId == "2105310000000003").AccountId);
    }

    [Fact]
    public void KuaishouOrders_MappingCorrectsACarrierWord_NoteGoneAndTheWordRead()
    {
        using var mapping = TempFile.Csv("my-words.yml", ["extends: kuaishou_orders", "values:", "  carrier: {搜索结果页: search}"]);
        var options = new ReadOptions { Sources = new SourceOptions { Mappings = [MappedSource.Load(mapping.Path)] } };
        var result = Tables.ReadOrders(Kuaishou, options);

        Assert.Equal(Channel.Search, result.Rows.Single(o => o.OrderId == "2105310000000008").Channel);
        Assert.Empty(result.Report.Notes);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public void KuaishouOrders_OlderCsv_IdsAsFloatsAndSlashTimes(string engine)
    {
        using var csv = TempFile.Csv("kuaishou.csv",
        [
            "订单号,订单支付时间,订单状态,实付款,成交数量,售后状态,订单载体,商品ID,渠道,CPS达人ID,CPS达人昵称,团长ID,团长昵称,快赚客ID,快赚客昵称",
            "2105310000000001.0,2021/05/31 10:00:05,交易成功,\"¥1,299.90\",1,-,直播间,9001.0,分销,5001.0,达人甲,-,-,-,-",
            "2105310000000002,2021/05/31 11:00:09,已发货,20,2,-,短视频,9002,自营,-,-,-,-,-,-",
            "2105310000000003,,待付款,20,1,-,短视频,9002,自营,-,-,-,-,-,-",
        ]);
        var read = Engines.Read(engine, csv.Path);

        Assert.Equal((3L, 2L, 1L, 0L), (read.Report.Rows, read.Report.Loaded, read.Report.Unpaid, read.Report.Rejected));
        Assert.Equal((1299.90m, 20.00m), (read.Ledger.ByAccount["5001"].Gmv, read.Ledger.ByAccount["kuaishou-shop"].Gmv));
        Assert.Equal(["9001", "9002"], read.Ledger.ByProduct.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void KuaishouOrders_CommissionColumns_TheAmountElseTheRateOfWhatWasPaidOnlyForDistributors()
    {
        using var csv = TempFile.Csv("kuaishou.csv",
        [
            "订单号,订单支付时间,订单状态,实付款,成交数量,售后状态,订单载体,商品ID,渠道,CPS达人ID,CPS达人昵称,预估推广佣金,预估推广者分佣比例",
            "1,2021/05/31 10:00:05,交易成功,¥129.90,1,-,直播间,9001,分销,5001,达人甲,¥38.97,30.0%",
            "2,2021/05/31 10:00:06,交易成功,¥200.00,1,-,直播间,9001,分销,5001,达人甲,-,25.0%",
            "3,2021/05/31 10:00:07,交易成功,¥50.00,1,-,直播间,9001,分销,5001,达人甲,-,130.0%",
            "4,2021/05/31 10:00:08,交易成功,¥80.00,1,-,直播间,9001,自营,-,-,¥9.99,10.0%",
        ]);
        var result = Tables.ReadOrders(csv.Path);

        // The estimate where given; else 25% × 200.00; a rate past 100% is noted and leaves it unknown; the shop's own sale pays none.
        Assert.Equal([38.97m, 50.00m, null, null], result.Rows.Select(o => o.Commission));
        Assert.Equal((4L, 0L, "预估推广者分佣比例"), (result.Report.Loaded, result.Report.Rejected, Assert.Single(result.Report.NotedRows).Column));
    }

    [Fact]
    public void Encrypted_PasswordNotInTheName_ExitTwoNamingWhatWasTriedButNeverAPassword()
    {
        var locked = Path.Combine(Workbooks, "kuaishou-locked.xlsx");
        var (exit, _, error) = CommandLine.Run("validate", locked);
        Assert.Equal(2, exit);
        Assert.Equal($"playbook validate: {locked}: the workbook is encrypted and no password opens it: tried the password from its file name (its last 6 characters), and no --password was given", error.Trim());

        (exit, _, error) = CommandLine.Run("validate", locked, "--password", "wrong-one");
        Assert.Equal(2, exit);
        Assert.Contains("and the one given with --password", error, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-one", error, StringComparison.Ordinal);

        var (opened, output, _) = CommandLine.Run("validate", locked, "--password", "s3cr3t!", "--format", "json");
        Assert.Equal(0, opened);
        Assert.Contains("\"loaded\": 6", output, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t!", output, StringComparison.Ordinal);
    }

    [Fact]
    public void CompassLiveList_TitleRowAndDashes_SessionsWithThePlatformsFigures()
    {
        var result = Tables.ReadSessions(Path.Combine(Workbooks, "compass-live-list.xlsx"));

        Assert.Equal(("compass_live_list", "直播间列表", 3L, 3L), (result.Report.Source, result.Report.Sheet, result.Report.Rows, result.Report.Loaded));
        var first = result.Rows[0];
        Assert.Equal(("dy_shop01-20260907085537", "dy_shop01", new DateTime(2026, 9, 7, 8, 55, 37), new DateTime(2026, 9, 7, 12, 55, 37)), (first.SessionId, first.AccountId, first.StartedAt, first.EndedAt));

        // views = 观看次数, viewers = 观看人数, 1.5 minutes = 90 seconds, exposures = 曝光人数, entries = 观看人数.
        Assert.Equal(((long?)45000, (long?)30000, (long?)2100, (decimal?)90m, (long?)380, (long?)120000, (long?)30000), (first.Views, first.Viewers, first.PeakOnline, first.AvgWatchSeconds, first.NewFans, first.Exposures, first.Entries));
        Assert.Equal(((decimal?)61045.30m, (long?)850, (long?)900, (decimal?)1200.50m), (first.Gmv, first.Buyers, first.Orders, first.Refund));

        // '-' is not known, never 0.
        var second = result.Rows[1];
        Assert.Equal(((long?)null, (long?)null, (decimal?)null, (decimal?)135m), (second.PeakOnline, second.NewFans, second.Refund, second.AvgWatchSeconds));
    }

    [Fact]
    public void CompassLiveList_NoOrderNamesTheSessions_GmvIsThePlatformsAndSaysSo()
    {
        var report = BrandData.FromFiles(new Dictionary<TableKind, string?>
        {
            [TableKind.Orders] = Path.Combine(Workbooks, "douyin-export-newer.xlsx"),
            [TableKind.Sessions] = Path.Combine(Workbooks, "compass-live-list.xlsx"),
        }).Analyze(Frameworks.Fact, new AnalysisOptions { From = new DateOnly(2026, 9, 7), To = new DateOnly(2026, 9, 8) });

        var session = report.Sessions.First(s => s.SessionId == "dy_shop01-20260907085537");

        // UV value = 61045.30 / 30000 = 2.0348; GPM = 61045.30 × 1000 / 45000 = 1356.562.
        Assert.Equal(("platform", (decimal?)61045.30m, (decimal?)2.03m, (decimal?)1356.56m), (session.GmvSource, session.Gmv, session.UvValue, session.Gpm));
        Assert.Equal(3, report.Sessions.Count);

        // The anchors the list names are accounts with their nicknames.
        Assert.Equal("零食测评官", report.Nicknames["dy_talent7"]);
    }

    [Fact]
    public void QianchuanUni_TotalRowIsASummary_SpendAndAttributedGmvByHand()
    {
        foreach (var file in new[] { Path.Combine(Workbooks, "qianchuan-uni.xlsx"), Path.Combine(Exports, "qianchuan-uni-gbk.csv") })
        {
            var result = Tables.ReadTraffic(file);

            // rows = loaded + unpaid + rejected + summary: the 全部 row totals the two days.
            Assert.Equal((3L, 2L, 0L, 1L), (result.Report.Rows, result.Report.Loaded, result.Report.Rejected, result.Report.Summary));
            Assert.Equal((1500.00m + 2000.00m, 5250.50m + 7000.00m), (result.Rows.Sum(t => t.Spend), result.Rows.Sum(t => t.AttributedGmv!.Value)));
            Assert.All(result.Rows, t => Assert.Equal(("1001", TrafficTool.Qianchuan), (t.AccountId, t.Tool)));
        }

        Assert.Equal("gb18030", Tables.ReadTraffic(Path.Combine(Exports, "qianchuan-uni-gbk.csv")).Report.Encoding);
    }

    [Fact]
    public void QianchuanStandard_NoAccountColumn_TheAccountGiven()
    {
        using var book = TempFile.Workbook("标准推广_2026-09.xlsx", new XlsxSheet("Sheet1",
        [
            [.. "日期,账户ID,计划ID,计划名称,消耗(元),展示次数,点击率(%),直接成交金额(元),直接支付ROI".Split(',').Select(h => XlsxCell.Of(h))],
            [XlsxCell.Of("2026-09-07"), XlsxCell.Of(77), XlsxCell.Of(501), XlsxCell.Of("爆款"), XlsxCell.Of("1,234.50"), XlsxCell.Of(90000), XlsxCell.Of("1.20"), XlsxCell.Of("4,938.00"), XlsxCell.Of("4.00")],
            [new XlsxCell(XlsxCellKind.Date, Moment: new DateTime(2026, 9, 8)), XlsxCell.Of(77), XlsxCell.Of(502), XlsxCell.Of("新品"), XlsxCell.Of(500), XlsxCell.Of(30000), XlsxCell.Of("0.90"), XlsxCell.Of(1000), XlsxCell.Of("2.00")],
        ]));
        var result = Tables.ReadTraffic(book.Path, new ReadOptions { Sources = new SourceOptions { Account = "dy_shop01" } });

        Assert.Equal("qianchuan_standard", result.Report.Source);
        Assert.Equal(
            [(new DateOnly(2026, 9, 7), "dy_shop01", 1234.50m, (decimal?)4938.00m), (new DateOnly(2026, 9, 8), "dy_shop01", 500.00m, (decimal?)1000.00m)],
            result.Rows.Select(t => (t.Date, t.AccountId!, t.Spend, t.AttributedGmv)));
    }

    [Fact]
    public void WorkbenchFiles_MappingAndQianchuanAccount_ReadAsTheCommandLineReadsThem()
    {
        using var book = TempFile.Workbook("标准推广_2026-09.xlsx", new XlsxSheet("Sheet1",
        [
            [.. "日期,计划ID,消耗(元),直接成交金额(元)".Split(',').Select(h => XlsxCell.Of(h))],
            [XlsxCell.Of("2026-09-07"), XlsxCell.Of(501), XlsxCell.Of("1,234.50"), XlsxCell.Of("4,938.00")],
        ]));
        var mapping = Path.Combine(Repo.Root, "data", "mappings", "chanmama-live.yml");
        var orders = Path.Combine(Repo.Root, "data", "samples", "orders.csv");

        var bench = Workbench.Files(Frameworks.Fact, orders, traffic: book.Path, sessions: Path.Combine(Exports, "chanmama-live-gbk.csv"), mapping: mapping, account: "dy_shop01");

        // The same two sessions and the same rejected range as the mapping test above; the 千川 row is the account given.
        Assert.Equal(["dy_shop01-20260907190000", "dy_x-20260909200000"], bench.Data.Sessions.Select(s => s.SessionId));
        Assert.Equal(("dy_shop01", 1234.50m), (Assert.Single(bench.Data.Traffic).AccountId!, bench.Data.Traffic[0].Spend));
        Assert.Throws<InputException>(() => Workbench.Files(Frameworks.Fact, orders, sessions: Path.Combine(Exports, "chanmama-live-gbk.csv")).Data.Sessions);
    }

    [Fact]
    public void DouyinExport_NewerLayoutAsXlsx_PlaceholderReadAsOtherAndNoted()
    {
        var result = Tables.ReadOrders(Path.Combine(Workbooks, "douyin-export-newer.xlsx"));

        Assert.Equal(("douyin_export", 3L, 3L), (result.Report.Source, result.Report.Rows, result.Report.Loaded));
        Assert.Equal(["6953000000000001001", "6953000000000002001", "6953000000000003001"], result.Rows.Select(o => o.OrderId));

        // 数据将于第二天更新: the export's own day, not classified yet: channel other, counted in a note.
        Assert.Equal((Channel.Other, (string?)null), (result.Rows[1].Channel, result.Rows[1].AccountId));
        Assert.Equal(1, Assert.Single(result.Report.Notes).Value);
        Assert.Contains("数据将于第二天更新", result.Report.Notes.Keys.Single(), StringComparison.Ordinal);

        // 119.00 + 55.80 + 189.00 (退款成功: refunded in full).
        Assert.Equal((363.80m, 189.00m), (result.Rows.Sum(o => o.Gmv), result.Rows.Sum(o => o.Refund)));
        Assert.Equal(("1000000001", "3500000000000000001", "U1"), (result.Rows[0].AccountId, result.Rows[0].ProductId, result.Rows[0].BuyerId));
    }

    [Fact]
    public void WorkedExampleMapping_ChanmamaLiveListInGbk_TitleRowsRangesAndDurations()
    {
        var mapping = Path.Combine(Repo.Root, "data", "mappings", "chanmama-live.yml");
        var options = new ReadOptions { Sources = new SourceOptions { Mappings = [MappedSource.Load(mapping)] } };
        using var sessions = Tables.OpenSessions(Path.Combine(Exports, "chanmama-live-gbk.csv"), options);
        var rows = sessions.ToList();
        var report = sessions.Report;

        // Lines 4 and 7 load; line 5's 7.5w~10w is a range, no amount; line 6 (合计) totals the others.
        Assert.Equal(("chanmama_live_list", "gb18030", 4L, 2L, 1L, 1L), (report.Source, report.Encoding, report.Rows, report.Loaded, report.Rejected, report.Summary));
        Assert.Equal((5L, "销售额", "a range, not a single amount"), (report.Rejections[0].Line, report.Rejections[0].Column, report.Rejections[0].Reason));

        // 19:00 + 3小时20分 = 22:20; 1.2万 = 12,000 views; 12.5w = ¥125,000.00.
        Assert.Equal(
            [("dy_shop01-20260907190000", new DateTime(2026, 9, 7, 22, 20, 0), (long?)12_000, (long?)2100, (decimal?)125_000m),
             ("dy_x-20260909200000", new DateTime(2026, 9, 9, 21, 5, 0), 30_000, 500, 3000.50m)],
            rows.Select(s => (s.SessionId, s.EndedAt, s.Views, s.PeakOnline, s.Gmv)));
        Assert.Equal(["dy_shop01", "dy_x"], sessions.ExportAccounts.Select(a => a.AccountId).Order(StringComparer.Ordinal));
    }

    public static TheoryData<string, string> BadMappings() => new()
    {
        { "source: x\ntable: nope\nrecognise: [a]\ncolumns: {}\n", "my.yml:1: table 'nope' is not one of" },
        { "source: x\ntable: traffic\nrecognise: [a]\ncolumns:\n  cost: {column: a}\n", "my.yml:5: traffic has no column 'cost'" },
        { "source: x\ntable: traffic\ncolumns:\n  spend: {column: a}\n", "'recognise' is missing" },
        { "source: x\ntable: traffic\nrecognise: [a]\ncolumns:\n  spend: {column: a, as: yuan}\n", "as: 'yuan' is not one of" },
        { "source: x\ntable: traffic\nrecognise: [a]\ncolumns:\n  tool: {column: a, map: tools}\n", "uses value map 'tools', which 'values' does not define" },
        { "source: x\ntable: traffic\nrecognise: [a]\ncolumns:\n  spend: {column: a, value: 3}\n", "a value comes from exactly one of" },
        { "extends: nobody\nvalues: {}\n", "extends 'nobody', which is no adapter with words to correct" },
        { "source: x\ntable: traffic\nrecognise: [a]\ncolumns: [1\n", "not valid YAML" },
    };

    [Theory]
    [MemberData(nameof(BadMappings))]
    public void MappedSource_BadMapping_SaysWhereAndWhat(string yaml, string message)
    {
        using var file = TempFile.Bytes("my.yml", System.Text.Encoding.UTF8.GetBytes(yaml));
        var e = Assert.Throws<InputException>(() => MappedSource.Load(file.Path));

        Assert.Contains(message, e.Message.Replace(file.Path, "my.yml", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
