using System.Globalization;
using System.IO.Compression;
using System.Text;
using Playbook.Files;
using static Playbook.Files.XlsxCell;

namespace Playbook.Tests.Files.Xlsx;

/// <summary>
/// The sheet XML reader that unencrypted workbooks go through: cells as the format says (written
/// here by hand, with the values worked out from the format), the same cells as ExcelDataReader gives
/// for every workbook the project has, and broken sheets named by row.
/// </summary>
public sealed class SheetRowsTests
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    // Style 1: built-in 22 (date and time); 2: built-in 14 (date); 3: built-in 31 (a Chinese date,
    // yyyy年m月d日); 4: a custom elapsed time [h]:mm:ss.
    private const string Styles =
        $"<styleSheet xmlns=\"{Main}\"><numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"[h]:mm:ss\"/></numFmts>" +
        "<cellXfs count=\"5\"><xf numFmtId=\"0\"/><xf numFmtId=\"22\"/><xf numFmtId=\"14\"/><xf numFmtId=\"31\"/><xf numFmtId=\"164\"/></cellXfs></styleSheet>";

    [Fact]
    public void Read_HandWrittenSheet_EveryKindOfCellAsItsText()
    {
        // A prefixed namespace, a comment, rich text with a phonetic guide, entities, cells without
        // references, formulas, booleans, errors, ISO dates, CDATA, an element after the rows, and a
        // serial a hair under a whole second (144 s less 0.6 ms: a writer's rounding), which is 00:02:24.
        const string sheet =
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" +
            $"<x:worksheet xmlns:x=\"{Main}\"><x:dimension ref=\"A1:H4\"/><x:sheetData>\n<!-- exported -->\n" +
            "<x:row r=\"1\" spans=\"1:8\"><x:c r=\"A1\" t=\"s\"><x:v>0</x:v></x:c><x:c r=\"C1\" t='inlineStr'><x:is><x:r><x:t>Ri</x:t></x:r>" +
            "<x:r><x:rPr><x:b/></x:rPr><x:t xml:space=\"preserve\">ch &amp; &lt;b&gt;</x:t></x:r><x:rPh sb=\"0\" eb=\"1\"><x:t>ふり</x:t></x:rPh></x:is></x:c></x:row>\n" +
            "<x:row r=\"3\"><x:c><x:v>1500000037</x:v></x:c><x:c s=\"1\"><x:v>44197.5</x:v></x:c><x:c s=\"2\"><x:v>44197</x:v></x:c>" +
            "<x:c s=\"3\"><x:v>44197.25</x:v></x:c><x:c t=\"b\"><x:v>1</x:v></x:c><x:c t=\"e\"><x:v>#N/A</x:v></x:c>" +
            "<x:c t=\"str\"><x:f>A1&amp;\"x\"</x:f><x:v>甲x</x:v></x:c><x:c t=\"d\"><x:v>2021-01-05T20:15:00</x:v></x:c></x:row>\n" +
            "<x:row r=\"4\"><x:c r=\"B4\"><x:v>1.50</x:v></x:c><x:c r=\"D4\"><x:v>4.93E+18</x:v></x:c><x:c r=\"E4\" t=\"s\"><x:v>1</x:v></x:c>" +
            "<x:c r=\"F4\" s=\"4\"><x:v>0.5</x:v></x:c><x:c r=\"G4\" s=\"1\"/><x:c r=\"H4\" t=\"inlineStr\"><x:is><x:t><![CDATA[a<b]]></x:t></x:is></x:c>" +
            "<x:c r=\"I4\" s=\"1\"><x:v>44197.00166666666</x:v></x:c></x:row>\n" +
            "</x:sheetData><x:rowBreaks count=\"1\"><x:brk id=\"3\"/></x:rowBreaks></x:worksheet>";
        const string strings = $"<sst xmlns=\"{Main}\"><si><t>甲</t></si><si><t>line_x000D_&#10;two</t></si></sst>";
        using var book = TempPackage.Write(sheet, strings, Styles);

        var rows = ReadAll(book.Path);

        Assert.Equal(
            [
                "1: 甲 |  | Rich & <b>",
                "3: 1500000037 | 2021-01-01 12:00:00 | 2021-01-01 | 2021-01-01 06:00:00 | true | #N/A | 甲x | 2021-01-05 20:15:00",
                "4:  | 1.5 |  | 4.93E+18 | line\r\ntwo | 43200 |  | a<b | 2021-01-01 00:02:24",
            ],
            rows);
    }

    [Fact]
    public void Read_Date1904AndRowsWithoutNumbers_DaysFrom1904AndRowsFollowingTheOneBefore()
    {
        const string sheet =
            $"<worksheet xmlns=\"{Main}\"><sheetData><row r=\"5\"><c s=\"2\"><v>0</v></c><c s=\"1\"><v>1.75</v></c></row>" +
            "<row><c t=\"inlineStr\"><is><t>next</t></is></c></row></sheetData></worksheet>";
        using var book = TempPackage.Write(sheet, null, Styles, date1904: true);

        Assert.Equal(["5: 1904-01-01 | 1904-01-02 18:00:00", "6: next"], ReadAll(book.Path));
    }

    public static TheoryData<string> Workbooks()
    {
        var data = new TheoryData<string>();
        var root = Repo.Root;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "tests", "Playbook.Tests", "Fixtures", "workbooks"), "*.xlsx")
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "data", "exports"), "*.xlsx", SearchOption.AllDirectories))
            .Where(XlsxPackage.IsZip)
            .Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(root, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Workbooks))]
    public void Read_EveryWorkbookOfTheProject_SameCellsAsExcelDataReader(string relative)
    {
        var path = Path.Combine(Repo.Root, relative);
        AssertSameAsExcelDataReader(path);
    }

    [Fact]
    public void Read_EveryKindOfCellTheWriterWrites_SameCellsAsExcelDataReader()
    {
        using var book = TempFile.Workbook("kinds.xlsx", new XlsxSheet("数据",
        [
            [Of("id"), Of("when"), Of("day"), Of("amount"), Of("note")],
            [Of(1500000037), Of(new DateTime(2021, 1, 5, 20, 15, 0)), new XlsxCell(XlsxCellKind.Date, Moment: new DateTime(2021, 1, 5)), Of(0.1 + 0.2), new XlsxCell(XlsxCellKind.InlineText, "a & b")],
            [Of(4.93e18), Of(new DateTime(2021, 1, 5)), new XlsxCell(XlsxCellKind.Date, Moment: new DateTime(2021, 2, 28, 13, 0, 0)), Of(-12.5), new XlsxCell(XlsxCellKind.Formula, "1+1", 2)],
            [],
            [Of("\t6953000000000001000"), Of("2021-01-05 10:00:00"), Of(""), Of(123456789012.34), Of("多行\n文字")],
            [Of(9e15), Of(1e16), Of(0.000015), Of(100), Of(1.0 / 3)],
        ]));

        AssertSameAsExcelDataReader(book.Path);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public void ReadLedger_RowsWithoutNumbers_TheParallelEngineHandsOverAndTheRowsLoad(string engine)
    {
        using var book = TempPackage.Write(OrdersSheet(30, numbered: false) + "</sheetData></worksheet>", null, Styles);
        var read = Engines.Read(engine, book.Path);

        // 1 + 2 + … + 30 = 465 yuan over 30 orders, whichever engine; the parallel one hands over.
        Assert.Equal((30L, 465m), (read.Ledger.Total.Orders, read.Ledger.Total.Gmv));
        Assert.Equal("plain", read.Engine);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public void ReadLedger_SheetCutShortInsideARow_OneMessageNamingTheRow(string engine)
    {
        using var book = TempPackage.Write(OrdersSheet(40, numbered: true) + "<row r=\"42\"><c t=\"inlineStr\"><is><t>O", null, Styles);

        var e = Assert.Throws<InputException>(() => Engines.Read(engine, book.Path));

        Assert.Equal($"{book.Path} [Sheet1]: the sheet is broken at row 42: row 42 does not end", e.Message);
    }

    [Fact]
    public void Read_CellNamingAStringTheWorkbookLacks_OneMessageNamingTheRow()
    {
        const string sheet = $"<worksheet xmlns=\"{Main}\"><sheetData><row r=\"1\"><c t=\"s\"><v>0</v></c></row><row r=\"2\"><c t=\"s\"><v>7</v></c></row></sheetData></worksheet>";
        using var book = TempPackage.Write(sheet, $"<sst xmlns=\"{Main}\"><si><t>order_id</t></si></sst>", Styles);

        var e = Assert.Throws<InputException>(() => ReadAll(book.Path));

        Assert.Equal($"{book.Path} [Sheet1]: the sheet is broken at row 2: row 2 refers to shared string 7, which the workbook does not have", e.Message);
    }

    public static TheoryData<int> CorruptionSeeds() => [.. Enumerable.Range(1, 40)];

    /// <summary>
    /// A good workbook with a few of its bytes changed (its zip structure, compressed data, or the
    /// XML itself when stored uncompressed): reading it either works or stops with a message naming
    /// the file; never another exception.
    /// </summary>
    [Theory]
    [MemberData(nameof(CorruptionSeeds))]
    public void ReadOrders_WorkbookWithBytesChanged_LoadsOrOneCleanMessage(int seed)
    {
        var random = new Random(seed);
        using var stream = new MemoryStream();
        XlsxWriter.Write(stream, [new XlsxSheet("Sheet1",
        [
            [.. "order_id,parent_order_id,platform,paid_at,account_id,channel,product_id,quantity,gmv,refund".Split(',').Select(h => Of(h))],
            .. Enumerable.Range(1, 20).Select(i => (IReadOnlyList<XlsxCell>)
                [Of($"O{i}"), Of(""), Of("douyin"), Of(new DateTime(2021, 1, i, 10, 0, 0)), Of("acc1"), Of("live"), Of("p1"), Of(1), Of(i + 0.5), Of(0)]),
        ])]);
        var bytes = stream.ToArray();
        if (seed % 2 == 0)
        {
            bytes = Stored(bytes);
        }

        for (var n = 1 + random.Next(3); n > 0; n--)
        {
            var at = 4 + random.Next(bytes.Length - 4);
            bytes[at] = seed % 3 == 0 ? (byte)"<>&\"/x0"[random.Next(7)] : (byte)random.Next(256);
        }

        using var file = TempFile.Bytes("changed.xlsx", bytes);
        foreach (var engine in new[] { Engines.Plain, Engines.FastOneWorkerTinyChunks })
        {
            try
            {
                Engines.Read(engine, file.Path);
            }
            catch (InputException e)
            {
                Assert.StartsWith(file.Path, e.Message, StringComparison.Ordinal);
                Assert.DoesNotContain("\n", e.Message, StringComparison.Ordinal);
            }
        }
    }

    /// <summary>The same package with every part stored, not deflated, so changed bytes land in the XML.</summary>
    private static byte[] Stored(byte[] workbook)
    {
        using var source = new ZipArchive(new MemoryStream(workbook), ZipArchiveMode.Read);
        using var target = new MemoryStream();
        using (var zip = new ZipArchive(target, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                using var from = entry.Open();
                using var to = zip.CreateEntry(entry.FullName, CompressionLevel.NoCompression).Open();
                from.CopyTo(to);
            }
        }

        return target.ToArray();
    }

    /// <summary>A sheet of canonical orders up to its last row: the header on row 1, order i (i yuan) on row i + 1.</summary>
    private static string OrdersSheet(int orders, bool numbered)
    {
        static string Text(string text) => $"<c t=\"inlineStr\"><is><t>{text}</t></is></c>";
        var sheet = new StringBuilder($"<worksheet xmlns=\"{Main}\"><sheetData>");
        sheet.Append(numbered ? "<row r=\"1\">" : "<row>").Append(string.Concat("order_id,parent_order_id,platform,paid_at,account_id,channel,product_id,quantity,gmv,refund".Split(',').Select(Text))).Append("</row>");
        for (var i = 1; i <= orders; i++)
        {
            sheet.Append(numbered ? string.Create(CultureInfo.InvariantCulture, $"<row r=\"{i + 1}\">") : "<row>")
                .Append(Text($"O{i}")).Append("<c/>").Append(Text("douyin")).Append(Text("2021-01-05 10:00:00")).Append(Text("acc1")).Append(Text("live")).Append(Text("p1"))
                .Append(CultureInfo.InvariantCulture, $"<c><v>1</v></c><c><v>{i}</v></c><c><v>0</v></c></row>");
        }

        return sheet.ToString();
    }

    /// <summary>The first sheet's rows as "row: cell | cell".</summary>
    private static List<string> ReadAll(string path)
    {
        using var rows = SheetRows.Open(path, path);
        List<string> result = [];
        while (rows.Read())
        {
            result.Add(string.Create(CultureInfo.InvariantCulture, $"{rows.Line}: {string.Join(" | ", Enumerable.Range(0, rows.CellCount).Select(rows.Cell))}"));
        }

        return result;
    }

    private static void AssertSameAsExcelDataReader(string path)
    {
        using var ours = SheetRows.Open(path, path);
        using var theirs = XlsxRowSource.Open(path, path, null);
        var expected = RowSourceText.Rows(theirs);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, RowSourceText.Rows(ours));
    }

    /// <summary>A workbook package written part by part, for XML no writer of ours produces.</summary>
    private sealed class TempPackage : IDisposable
    {
        private TempPackage(string path) => Path = path;

        public string Path { get; }

        public static TempPackage Write(string sheet, string? sharedStrings, string styles, bool date1904 = false)
        {
            var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "playbook-tests-" + Guid.NewGuid().ToString("N") + ".xlsx");
            using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
            const string rels = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
            const string package = "http://schemas.openxmlformats.org/package/2006/relationships";
            Part(zip, "_rels/.rels", $"<Relationships xmlns=\"{package}\"><Relationship Id=\"r1\" Type=\"{rels}/officeDocument\" Target=\"/xl/workbook.xml\"/></Relationships>");
            Part(zip, "xl/workbook.xml", $"<workbook xmlns=\"{Main}\" xmlns:r=\"{rels}\">{(date1904 ? "<workbookPr date1904=\"1\"/>" : "")}<sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rS\"/></sheets></workbook>");
            Part(zip, "xl/_rels/workbook.xml.rels", $"<Relationships xmlns=\"{package}\"><Relationship Id=\"rS\" Type=\"{rels}/worksheet\" Target=\"worksheets/../worksheets/data.xml\"/>" +
                $"<Relationship Id=\"rT\" Type=\"{rels}/styles\" Target=\"styles.xml\"/>" +
                (sharedStrings is null ? "" : $"<Relationship Id=\"rU\" Type=\"{rels}/sharedStrings\" Target=\"strings.xml\"/>") + "</Relationships>");
            Part(zip, "xl/worksheets/data.xml", sheet);
            Part(zip, "xl/styles.xml", styles);
            if (sharedStrings is not null)
            {
                Part(zip, "xl/strings.xml", sharedStrings);
            }

            return new TempPackage(path);
        }

        public void Dispose() => File.Delete(Path);

        private static void Part(ZipArchive zip, string name, string xml)
        {
            using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
            writer.Write(xml);
        }
    }
}
