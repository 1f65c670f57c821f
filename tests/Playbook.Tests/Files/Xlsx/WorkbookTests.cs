using Playbook.Files;
using Playbook.Ingest;
using static Playbook.Files.XlsxCell;

namespace Playbook.Tests.Files.Xlsx;

/// <summary>
/// Workbooks as a row source: the header found below title rows on the first sheet that has one,
/// cells as the adapters read them (whole numbers as digits, dates), rows reported by sheet row,
/// and every broken workbook a clean one-line message.
/// </summary>
public sealed class WorkbookTests
{
    private static readonly IReadOnlyList<XlsxCell> OrdersHeader =
        [.. "order_id,parent_order_id,platform,paid_at,account_id,channel,product_id,quantity,gmv,refund".Split(',').Select(h => Of(h))];

    [Fact]
    public void ReadOrders_TitleRowsOnTheSecondSheet_HeaderFoundAndRowsBySheetRow()
    {
        // Sheet 1 is a note without a header; sheet 2 has two title rows, the header on row 3, a blank row 5.
        using var book = TempFile.Workbook(
            "orders.xlsx",
            new XlsxSheet("说明", [[Of("订单导出说明")], [Of("请勿修改表头")]]),
            new XlsxSheet("订单",
            [
                [Of("订单列表")],
                [Of("导出时间 2021-01-10")],
                OrdersHeader,
                [Of(1500000037), Of(""), Of("douyin"), Of(new DateTime(2021, 1, 5, 20, 15, 0)), new XlsxCell(XlsxCellKind.InlineText, "acc1"), Of("live"), Of("p1"), new XlsxCell(XlsxCellKind.Formula, "1+1", 2), Of(10.5), Of(0)],
                [],
                [Of("O2"), Of(""), Of("douyin"), Of("2021-01-06 09:00:00"), Of("acc1"), Of("live"), Of(4.93e18), Of(1), Of(20), Of(0)],
                [Of("O3"), Of(""), Of("douyin"), Of("2021/1/7 9:05"), Of("acc2"), Of("short_video"), Of("p2"), Of(3), Of("¥1,000.00"), Of(100)],
            ]));
        var result = Tables.ReadOrders(book.Path);

        Assert.Equal(("订单", "xlsx"), (result.Report.Sheet, result.Report.Encoding));
        Assert.Equal((3L, 2L, 1L), (result.Report.Rows, result.Report.Loaded, result.Report.Rejected));

        // A whole number is its digits; a date cell is a time; the formula's cached value counts.
        var first = result.Rows[0];
        Assert.Equal(("1500000037", new DateTime(2021, 1, 5, 20, 15, 0), "acc1", 2, 10.50m), (first.OrderId, first.PaidAt, first.AccountId, first.Quantity, first.Gmv));
        Assert.Equal((1000.00m, 100.00m), (result.Rows[1].Gmv, result.Rows[1].Refund));

        // A number too long to be an exact id is rejected, on its sheet row (row 6; row 5 is blank).
        var rejection = Assert.Single(result.Report.Rejections);
        Assert.Equal((6L, "product_id", "订单"), (rejection.Line, rejection.Column, rejection.Sheet));
        Assert.Contains("rounded to floating point", rejection.Reason, StringComparison.Ordinal);
        Assert.StartsWith($"{book.Path} [订单]:6: column 'product_id'", rejection.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public void ReadLedger_Workbook_EveryEngineReadsTheSameLedger(string engine)
    {
        using var book = TempFile.Workbook("orders.xlsx", new XlsxSheet("Sheet1",
        [
            OrdersHeader,
            [Of("O1"), Of(""), Of("douyin"), Of(new DateTime(2021, 1, 5, 20, 15, 0)), Of("acc1"), Of("live"), Of("p1"), Of(1), Of(10.5), Of(0)],
            [Of("O2"), Of(""), Of("douyin"), Of(new DateTime(2021, 1, 6, 8, 0, 0)), Of(""), Of("product_card"), Of("p1"), Of(2), Of(20), Of(20)],
        ]));
        var read = Engines.Read(engine, book.Path);

        Assert.Equal(engine == Engines.Plain ? "plain" : "fast", read.Engine);
        Assert.Equal((2L, 30.50m, 20.00m, 20.00m), (read.Ledger.Total.Orders, read.Ledger.Total.Gmv, read.Ledger.Total.Refund, read.Ledger.Shelf.Gmv));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public void ReadLedger_SheetDeclaringItsSizeAsA1_EveryRowAndColumnRead(string engine)
    {
        // Some exporting libraries write <dimension ref="A1"/> over thousands of rows: a reader that trusts
        // it sees one cell. 3,000 orders of 1.00 to 30.00 (i % 30 + 1), by hand 100 × (1 + … + 30) = 46,500.
        IEnumerable<IReadOnlyList<XlsxCell>> Rows()
        {
            yield return OrdersHeader;
            for (var i = 0; i < 3000; i++)
            {
                yield return [Of("O" + i), Of(""), Of("douyin"), Of(new DateTime(2021, 1, 5, 20, 15, 0).AddMinutes(i)), Of(i % 3 == 0 ? "" : "acc" + (i % 3)), Of("live"), Of("p1"), Of(1), Of((i % 30) + 1), Of(0)];
            }
        }

        using var book = TempFile.Workbook("a1.xlsx", new XlsxSheet("Sheet1", [.. Rows()], Dimension: "A1"));
        var read = Engines.Read(engine, book.Path);

        Assert.Equal((3000L, 3000L, 0L), (read.Report.Rows, read.Report.Loaded, read.Report.Rejected));
        Assert.Equal(46_500.00m, read.Ledger.Total.Gmv);

        // The encrypted and .xls path (ExcelDataReader) reads the same cells.
        using var theirs = XlsxRowSource.Open(book.Path, book.Path, null);
        var rows = 0;
        while (theirs.Read())
        {
            rows++;

            // Every row has all ten cells but parent_order_id, and every third one no account either.
            var empty = rows == 1 ? 0 : (rows - 2) % 3 == 0 ? 2 : 1;
            Assert.Equal(OrdersHeader.Count - empty, Enumerable.Range(0, theirs.CellCount).Count(c => theirs.Cell(c).Length > 0));
        }

        Assert.Equal(3001, rows);
    }

    [Fact]
    public void ReadOrders_MergedCells_TheRowsBelowTheTopLeftCellHaveNoValue()
    {
        // order_id merged over rows 2-3: only row 2 holds it, so row 3 lacks an id and says so.
        using var book = TempFile.Workbook("merged.xlsx", new XlsxSheet("Sheet1",
        [
            OrdersHeader,
            [Of("O1"), Of(""), Of("douyin"), Of("2021-01-05 10:00:00"), Of("acc1"), Of("live"), Of("p1"), Of(1), Of(10), Of(0)],
            [Of(""), Of(""), Of("douyin"), Of("2021-01-05 10:00:00"), Of("acc1"), Of("live"), Of("p2"), Of(1), Of(5), Of(0)],
        ], ["A2:A3"]));
        var result = Tables.ReadOrders(book.Path);

        Assert.Equal("O1", Assert.Single(result.Rows).OrderId);
        Assert.Equal((3L, "order_id", "an id is required"), (result.Report.Rejections[0].Line, result.Report.Rejections[0].Column, result.Report.Rejections[0].Reason));
    }

    [Fact]
    public void ReadOrders_CellOf32kCharacters_RejectedWithTheValueShortened()
    {
        var huge = new string('9', 32_767);
        using var book = TempFile.Workbook("huge.xlsx", new XlsxSheet("Sheet1",
        [
            OrdersHeader,
            [Of("O1"), Of(""), Of("douyin"), Of("2021-01-05 10:00:00"), Of("acc1"), Of("live"), Of("p1"), Of(1), Of(huge + ".123"), Of(0)],
        ]));
        var rejection = Assert.Single(Tables.ReadOrders(book.Path).Report.Rejections);

        Assert.Equal(("gmv", 201), (rejection.Column, rejection.Value.Length));
        Assert.EndsWith("…", rejection.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EmptyWorkbook_SaysNoSheetHasARow()
    {
        using var book = TempFile.Workbook("empty.xlsx", new XlsxSheet("Sheet1", []), new XlsxSheet("Sheet2", []));
        var e = Assert.Throws<InputException>(() => Tables.Validate(book.Path));

        Assert.Equal($"{book.Path}: no sheet has a row, expected a header row (sheets: Sheet1, Sheet2)", e.Message);
    }

    [Fact]
    public void Validate_NoSheetHasAKnownHeader_NamesTheClosestTable()
    {
        using var book = TempFile.Workbook("other.xlsx", new XlsxSheet("Sheet1", [[Of("order_id"), Of("gmv")], [Of("1"), Of(2)]]));
        var e = Assert.Throws<InputException>(() => Tables.Validate(book.Path));

        Assert.Equal($"{book.Path}: cannot tell which table this is: found columns order_id, gmv; closest is", e.Message[..e.Message.IndexOf(" closest is", StringComparison.Ordinal)] + " closest is");
        Assert.Contains("which lacks", e.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> BrokenWorkbooks() => new()
    {
        // The bytes start like a zip (a workbook) but are not one.
        { "zip-header", "not a readable workbook" },

        // The first half of a real workbook: the zip's directory at its end is gone.
        { "truncated", "not a readable workbook" },

        // A compound file (the container of .xls and of encrypted .xlsx) with nothing in it.
        { "compound-header", "not a readable workbook" },
    };

    [Theory]
    [MemberData(nameof(BrokenWorkbooks))]
    public void Validate_BrokenWorkbook_ExitTwoWithOneLineNamingTheFile(string kind, string reason)
    {
        byte[] bytes = kind switch
        {
            "zip-header" => [0x50, 0x4B, 0x03, 0x04, .. new byte[200]],
            "truncated" => HalfOfAWorkbook(),
            _ => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[600]],
        };
        using var file = TempFile.Bytes("broken.xlsx", bytes);
        var (exit, _, error) = CommandLine.Run("validate", file.Path);

        Assert.Equal(2, exit);
        var line = Assert.Single(error.Trim().Split('\n'));
        Assert.StartsWith($"playbook validate: {file.Path}: {reason}", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Number_WholeAndLongAndFractional_AsAnAdapterReadsThem()
    {
        Assert.Equal("1500000037", CellText.Number(1500000037d));
        Assert.Equal("-5", CellText.Number(-5d));
        Assert.Equal("4.93E+18", CellText.Number(4.93e18));
        Assert.Equal("1.0E+16", CellText.Number(1e16));
        Assert.Equal("9000000000000000", CellText.Number(9e15));
        Assert.Equal("119.8", CellText.Number(119.8));
        Assert.Equal("0.3", CellText.Number(0.1 + 0.2));
    }

    [Fact]
    public void PasswordFromName_LastSixCharactersBeforeTheExtension()
    {
        Assert.Equal("k7q2mz", XlsxRowSource.PasswordFromName("/x/订单导出_20210531_k7q2mz.xlsx"));
        Assert.Null(XlsxRowSource.PasswordFromName("a.xlsx"));
    }

    private static byte[] HalfOfAWorkbook()
    {
        using var stream = new MemoryStream();
        XlsxWriter.Write(stream, [new XlsxSheet("Sheet1", [OrdersHeader])]);
        return stream.ToArray()[..(int)(stream.Length / 2)];
    }
}
