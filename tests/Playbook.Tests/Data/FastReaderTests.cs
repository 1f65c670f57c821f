using System.Text;
using System.Text.Json;
using Playbook.Data;
using Playbook.Pillars;
using Playbook.Synthesis;

namespace Playbook.Tests.Data;

/// <summary>
/// The fast reader against the plain one: on every fixture the whole analysis (every figure, the
/// load report, the warnings) must come out the same, with records cut at every chunk boundary.
/// </summary>
public sealed class FastReaderTests
{
    private static readonly string Data = Workspace.DataRoot();

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
            LargeDataset.Write(directory, 20_000, seed: 11, douyinExport);
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
        using var csv = TempCsv.Write("odd.csv", lines);
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
    public void ReadLedger_Strict_FailsOnTheFirstBadRowAsThePlainReaderDoes()
    {
        string[] lines =
        [
            "order_id,parent_order_id,platform,paid_at,account_id,channel,product_id,quantity,gmv,refund",
            "1,,douyin,2021-01-05 10:00:00,A1,live,P1,1,10.00,0",
            "2,,douyin,2021-01-05 10:00:00,A1,live,P1,1,ten,0",
            "3,,douyin,2021-01-05 10:00:00,A1,live,P1,1,,0",
        ];
        using var csv = TempCsv.Write("strict.csv", lines);
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
        using var csv = TempCsv.Write("months.csv", lines);
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
        using var csv = TempCsv.Write("desc.csv", lines);
        var read = Tables.ReadLedger(csv.Path, ReadOptions.Lenient, null, null, ReaderEngine.Auto, 1, 64);
        Assert.Equal("fast", read.Engine);
        var r = Metrics.Repurchase.Of(read.Ledger);

        // By hand: B1 has parents 1 (January) and 3, 4 (March): repeat overall and in March, not in January.
        Assert.Equal((2L, 1L), (r.Buyers, r.RepeatBuyers));
        Assert.Equal([("2021-01", 2L, 0L), ("2021-03", 1L, 1L)], r.Monthly.Select(m => (m.Month, m.Buyers, m.RepeatBuyers)));
        Assert.Equal(Analyze(csv.Path, Path.GetDirectoryName(csv.Path)!, "fact", ReaderEngine.Plain), Analyze(csv.Path, Path.GetDirectoryName(csv.Path)!, "fact", read));
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
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            PillarReportJson.Write(json, report);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
