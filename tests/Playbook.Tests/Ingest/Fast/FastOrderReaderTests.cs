using Playbook.Analysis;
using Playbook.Ingest;
using Playbook.Ledger;
using Playbook.Output;
using Playbook.Synthesis;
using Playbook.Workspace;

namespace Playbook.Tests.Ingest.Fast;

/// <summary>
/// The fast reader against the plain one: on every fixture the whole analysis (every figure, the
/// load report, the warnings) must come out the same, with records cut at every chunk boundary.
/// </summary>
public sealed class FastOrderReaderTests
{
    private static readonly string Data = WorkspaceFolders.DataRoot();

    public static TheoryData<string, string, bool> Fixtures() => new()
    {
        // file, framework, whether the fast reader keeps it (false: it must hand over to the plain reader)
        { "samples/orders.csv", "fact", true },
        { "samples/douyin-export.csv", "fact", true },
        { "samples/orders-with-errors.csv", "fact", false },
        { "dora-doshang/orders.csv", "steps", true },
    };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void ReadLedger_BundledFixture_FastAndPlainAgreeToTheCent(string file, string framework, bool fast)
    {
        var path = Path.Combine(Data, file);
        var folder = Path.GetDirectoryName(path)!;
        var plain = Analyze(path, folder, framework, ReaderEngine.Plain);
        foreach (var (workers, chunk) in new[] { (1, 64), (2, 200), (3, 4096), (2, 1 << 20) })
        {
            var read = Tables.ReadLedger(path, ReadOptions.Lenient, null, null, ReaderEngine.Auto, workers, chunk);
            Assert.Equal(fast ? "fast" : "plain", read.Engine);
            Assert.Equal(plain, Analyze(path, folder, framework, read));
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ReadLedger_GeneratedYear_FastAndPlainAgree(bool douyinExport)
    {
        var directory = Path.Combine(Path.GetTempPath(), "playbook-fast-" + Guid.NewGuid().ToString("N"));
        try
        {
            LargeDataset.Write(directory, 20_000, seed: 11, douyinExport ? "douyin_export" : "canonical");
            var path = Path.Combine(directory, "orders.csv");
            var plain = Analyze(path, directory, "fact", ReaderEngine.Plain);
            var read = Tables.ReadLedger(path, ReadOptions.Lenient, null, null, ReaderEngine.Auto, 2, 5000);
            Assert.Equal("fast", read.Engine);
            Assert.Equal(plain, Analyze(path, directory, "fact", read));

            // A period cut inside the year: rows outside it are counted apart by both.
            var from = new DateOnly(2021, 3, 1);
            var to = new DateOnly(2021, 8, 31);
            var options = new AnalysisOptions { From = from, To = to };
            Assert.Equal(
                Analyze(path, directory, "fact", Tables.ReadLedger(path, ReadOptions.Lenient, from, to, ReaderEngine.Plain), options),
                Analyze(path, directory, "fact", Tables.ReadLedger(path, ReadOptions.Lenient, from, to, ReaderEngine.Auto, 2, 3000), options));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void ReadLedger_OddRows_SameRowsRejectedOnTheSameLines()
    {
        // Quoted fields with commas, a quoted field over two lines, a CRLF ending, a blank line, a short row,
        // bad values, an unpaid row, and spellings only the plain parsers read (DOUYIN, 2021/1/6 9:05, 是, -, --).
        string[] lines =
        [
            "order_id,parent_order_id,platform,paid_at,account_id,channel,traffic_type,product_id,quantity,gmv,refund,buyer_id,buyer_is_fan,session_id,review",
            "1,,douyin,2021-01-05 10:00:00,A1,live,paid,P1,1,10.00,0,B1,true,S1,positive\r",
            "2,1,douyin,2021-01-05 10:00:00,A1,live,paid,P2,2,20.5,,B1,,S1,",
            "3,,DOUYIN,2021/1/6 9:05,A2,Live,Organic,P1,1,¥1,000.00,0,B2,是,,",
            "\"4\",,douyin,2021-01-07 11:00:00,\"A,3\",live,,P1,1,5,0,\"B\n3\",false,,",
            "",
            "5,,douyin,2021-01-08 12:00:00,A1,live,paid,P1,0,5,0,B1,,,",
            "6,,douyin,2021-01-08 12:00:00,A1,live,paid,P1,1,5,6,B1,,,",
            "7,,douyin,,A1,live,paid,P1,1,5,0,B1,,,",
            "8,,douyin,2021-02-01 08:00:00,A1,live,paid,P1,1,5.123,0,B1,,,",
            "9,,douyin,2021-02-01 08:00:00,A1",
            "10,,douyin,2021-02-02 08:00:00,-,live,paid,P1,1,5,0,--,,,",
            "11,,douyin,2021-02-03 08:00:00,A1,live,paid,P1,1,7.5,0,B1,,,neutral",
        ];
        using var csv = TempFile.Csv("odd.csv", lines);
        var plain = Analyze(csv.Path, Path.GetDirectoryName(csv.Path)!, "fact", ReaderEngine.Plain);
        var read = Tables.ReadLedger(csv.Path, ReadOptions.Lenient, null, null, ReaderEngine.Auto, 2, 64);
        Assert.Equal("fast", read.Engine);
        Assert.Equal(plain, Analyze(csv.Path, Path.GetDirectoryName(csv.Path)!, "fact", read));

        // Counted by hand: 11 records (the blank line is none); loaded 1, 2, 4, 10, 11; 7 unpaid; rejected
        // 3 (¥1,000.00 splits into two fields), 5 (quantity 0), 6 (refund > gmv), 8 (three decimals), 9 (short).
        // Record 4 spans lines 5-6 and the blank line is line 7, so records 5, 6, 8, 9 sit on lines 8, 9, 11, 12.
        Assert.Equal((11L, 5L, 1L, 5L), (read.Report.Rows, read.Report.Loaded, read.Report.Unpaid, read.Report.Rejected));
        Assert.Equal([4L, 8L, 9L, 11L, 12L], read.Report.Rejections.Select(r => r.Line));
    }

    [Fact]
    public void ReadLedger_OddExportRows_SameRowsRejectedAndTheSameSellers()
    {
        // A 抖店 export: ids behind a tab in quotes, unpaid by time or by status, refunds, paid kinds and
        // forms, a nickname with a doubled quote and one with a comma, a rounded id, a buyer in 用户ID.
        string[] lines =
        [
            "主订单编号,子订单编号,商品ID,商品数量,订单应付金额,支付完成时间,订单状态,售后状态,达人ID,达人昵称,流量类型,流量体裁,买家ID,用户ID",
            "\"\t100\",\"\t101\",\"\t900\",1,10.00,2021-01-05 10:00:00,已完成,-,A1,\"品牌号\",自然流量,直播,B1,",
            "\"\t100\",\"\t102\",\"\t901\",2,20.50,2021-01-05 10:00:00,已完成,退款成功,A1,别名,付费流量,直播,B1,",
            "\"\t103\",\"\t103\",\"\t900\",1,5.00,,已关闭,-,A2,二号,自然流量,直播,B2,",
            "\"\t104\",\"\t104\",\"\t900\",1,5.00,2021-01-06 09:00:00,已取消,-,A2,二号,自然流量,直播,B2,",
            "\"\t105\",\"\t105\",\"\t900\",1,8.00,2021-01-06 09:00:00,已完成, 退款成功 ,A2,\"二\"\"号\",千川,短视频,,U7",
            "\"\t106\",\"\t106\",\"\t900\",0,8.00,2021-01-07 09:00:00,已完成,-,A1,品牌号,自然流量,直播,B3,",
            "\"\t107\",\"\t107\",\"\t900\",1,8.00,2021-01-07 09:00:00,已完成,-,A1,品牌号,热门流量,直播,B3,",
            "\"\t108\",\"\t108\",\"\t900\",1,8.00,2021-01-07 09:00:00,已完成,-,A1,品牌号,自然流量,直播间,B3,",
            "1.08E+18,1.08E+18,\"\t900\",1,8.00,2021-01-07 09:00:00,已完成,-,A1,品牌号,自然流量,直播,B3,",
            "\"\t110\",\"\t110\",\"\t900\",1,9.99,2021-02-01 08:00:00,已完成,售后中,,,,商品卡,B3,",
            "\"\t111\",\"\t111\",\"\t900\",1,9.99,2021-02-01 08:00:00,已完成,-,A3,\"三,号\",自然流量,视频,\"\tB4\",",
            "\"\t112\",\"\t112\"",
        ];
        using var csv = TempFile.Csv("export.csv", lines);
        var folder = Path.GetDirectoryName(csv.Path)!;
        var plainRead = Tables.ReadLedger(csv.Path, engine: ReaderEngine.Plain);
        var plain = Analyze(csv.Path, folder, "fact", plainRead);
        foreach (var (workers, chunk) in new[] { (2, 64), (1, 1 << 20) })
        {
            var read = Tables.ReadLedger(csv.Path, ReadOptions.Lenient, null, null, ReaderEngine.Auto, workers, chunk);
            Assert.Equal("fast", read.Engine);
            Assert.Equal(plain, Analyze(csv.Path, folder, "fact", read));

            // By hand: loaded 1, 2, 4 (已取消 with a payment time: paid), 5, 7 (热门流量: traffic unknown), 8 (直播间:
            // channel other), 10, 11; unpaid 3 (no payment time); rejected 6 (quantity 0), 9 (a rounded id),
            // 12 (short), on lines 7, 10, 13.
            Assert.Equal((12L, 8L, 1L, 3L), (read.Report.Rows, read.Report.Loaded, read.Report.Unpaid, read.Report.Rejected));
            Assert.Equal([7L, 10L, 13L], read.Report.Rejections.Select(r => r.Line));
            Assert.Equal(3, read.Report.Notes.Count);

            // Sellers by their first loaded row; A2's unpaid row comes before its first loaded one.
            Assert.Equal(
                [("A1", "品牌号"), ("A2", "二号"), ("A3", "三,号")],
                read.ExportAccounts.Select(a => (a.AccountId, a.Nickname)).Order());

            // Refunds by hand: 20.50 (退款成功) + 8.00 (退款成功 with spaces round it).
            Assert.Equal(28.50m, read.Ledger.Total.Refund);
            Assert.Equal(10.00m + 20.50m + 5.00m + 8.00m + 8.00m + 8.00m + 9.99m + 9.99m, read.Ledger.Total.Gmv);
        }
    }

    [Fact]
    public void ReadLedger_Strict_FailsOnTheFirstBadRowAsThePlainReaderDoes()
    {
        string[] lines =
        [
            "order_id,parent_order_id,platform,paid_at,account_id,channel,product_id,quantity,gmv,refund",
            "1,,douyin,2021-01-05 10:00:00,A1,live,P1,1,10.00,0",
            "2,,douyin,2021-01-05 10:00:00,A1,live,P1,1,ten,0",
            "3,,douyin,2021-01-05 10:00:00,A1,live,P1,1,,0",
        ];
        using var csv = TempFile.Csv("strict.csv", lines);
        var plain = Assert.Throws<RejectedRowException>(() => Tables.ReadLedger(csv.Path, ReadOptions.StrictMode, engine: ReaderEngine.Plain));
        var fast = Assert.Throws<RejectedRowException>(() => Tables.ReadLedger(csv.Path, ReadOptions.StrictMode, null, null, ReaderEngine.Auto, 2, 64));
        Assert.Equal(plain.Message, fast.Message);
        Assert.Equal(3, fast.Rejection.Line);
    }

    [Fact]
    public void ReadLedger_BuyerMonthsBackAndForth_HandsOverToThePlainReader()
    {
        // B1 buys in January, February, then January again: the compact buyer book cannot place that.
        string[] lines =
        [
            "order_id,parent_order_id,platform,paid_at,account_id,channel,product_id,quantity,gmv,refund,buyer_id",
            "1,,douyin,2021-01-05 10:00:00,A1,live,P1,1,10.00,0,B1",
            "2,,douyin,2021-02-05 10:00:00,A1,live,P1,1,10.00,0,B1",
            "3,,douyin,2021-01-09 10:00:00,A1,live,P1,1,10.00,0,B1",
        ];
        using var csv = TempFile.Csv("months.csv", lines);
        var read = Tables.ReadLedger(csv.Path);
        Assert.Equal("plain", read.Engine);
        Assert.Contains("months", read.PlainReason, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadLedger_DescendingExport_StaysFastAndCountsMonthsAsPlain()
    {
        // 抖店 exports list the newest orders first; buyers then move through the months backwards.
        string[] lines =
        [
            "order_id,parent_order_id,platform,paid_at,account_id,channel,product_id,quantity,gmv,refund,buyer_id",
            "4,4,douyin,2021-03-02 10:00:00,A1,live,P1,1,10.00,0,B1",
            "3,3,douyin,2021-03-01 10:00:00,A1,live,P1,1,10.00,0,B1",
            "2,1,douyin,2021-01-05 10:00:00,A1,live,P2,1,5.00,0,B1",
            "1,1,douyin,2021-01-05 10:00:00,A1,live,P1,1,10.00,0,B1",
            "0,0,douyin,2021-01-04 10:00:00,A1,live,P1,1,10.00,0,B2",
        ];
        using var csv = TempFile.Csv("desc.csv", lines);
        var read = Tables.ReadLedger(csv.Path, ReadOptions.Lenient, null, null, ReaderEngine.Auto, 1, 64);
        Assert.Equal("fast", read.Engine);
        var r = Repurchase.Of(read.Ledger);

        // By hand: B1 has parents 1 (January) and 3, 4 (March): repeat overall and in March, not in January.
        Assert.Equal((2L, 1L), (r.Buyers, r.RepeatBuyers));
        Assert.Equal([("2021-01", 2L, 0L), ("2021-03", 1L, 1L)], r.Monthly.Select(m => (m.Month, m.Buyers, m.RepeatBuyers)));
        Assert.Equal(Analyze(csv.Path, Path.GetDirectoryName(csv.Path)!, "fact", ReaderEngine.Plain), Analyze(csv.Path, Path.GetDirectoryName(csv.Path)!, "fact", read));
    }

    [Fact]
    public void ReadBuyerHistories_EitherEngine_SameCohortsAsTheRows()
    {
        // Cohorts ask for buyer histories, whichever engine read the file; the rows in memory are the reference.
        var path = Path.Combine(Data, "dora-doshang", "orders.csv");
        var (from, to) = (new DateOnly(2020, 4, 1), new DateOnly(2021, 5, 31));
        var expected = CohortRetention.Of(BuyerHistories.Of(Tables.ReadOrders(path).Rows, from, to));
        foreach (var engine in new[] { ReaderEngine.Auto, ReaderEngine.Plain })
        {
            var cohorts = CohortRetention.Of(Tables.ReadBuyerHistories(path, null, from, to, engine));
            Assert.Equal(expected.Cohorts, cohorts.Cohorts);
            Assert.Equal(expected.Sizes, cohorts.Sizes);
            Assert.Equal(expected.Retention.SelectMany(r => r), cohorts.Retention.SelectMany(r => r));
        }

        Assert.Equal(14, expected.Cohorts.Count);
    }

    private static string Analyze(string orders, string folder, string framework, ReaderEngine engine) =>
        Analyze(orders, folder, framework, Tables.ReadLedger(orders, engine: engine));

    private static string Analyze(string orders, string folder, string framework, LedgerLoadResult read, AnalysisOptions? options = null)
    {
        List<T>? Table<T>(string name, Func<string, ReadOptions?, LoadResult<T>> reader)
        {
            var path = Path.Combine(folder, name);
            return Path.GetFileName(orders) == name || !File.Exists(path) ? null : [.. reader(path, null).Rows];
        }

        var input = new AnalysisInput
        {
            Framework = Frameworks.Get(framework),
            Ledger = read.Ledger,
            Accounts = (Table("accounts.csv", Tables.ReadAccounts) ?? []).Concat(read.ExportAccounts),
            Campaigns = Table("campaigns.csv", Tables.ReadCampaigns),
            Products = Table("products.csv", Tables.ReadProducts),
            Sessions = Table("sessions.csv", Tables.ReadSessions),
            Load = [read.Report],
        };
        var report = PillarAnalysis.Analyze(input, options);
        var text = JsonOutput.Serialize(PillarReportJson.From(report));

        return text;
    }
}
