using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Playbook.Files;
using Playbook.Ingest;

namespace Playbook.Tests.Files.Xlsx;

/// <summary>
/// Files built to exhaust memory (issue 22): each is built here at run time, small on disk, and
/// each is refused with one line naming the file, the part and the limit, on every engine; never a
/// crash. The encrypted one is a fixture made by Fixtures/workbooks/make.mjs.
/// </summary>
public sealed class WorkbookLimitsTests : IDisposable
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    // The canonical orders header, so that reading goes on past it into the hostile part of the sheet.
    private static readonly string Header = "<row r=\"1\">" + string.Concat(
        "order_id,parent_order_id,platform,paid_at,account_id,channel,product_id,quantity,gmv,refund".Split(',').Select((h, i) => $"<c r=\"{(char)('A' + i)}1\" t=\"inlineStr\"><is><t>{h}</t></is></c>")) + "</row>";

    private readonly string folder = Path.Combine(Path.GetTempPath(), "playbook-hostile-" + Guid.NewGuid().ToString("N"));

    public WorkbookLimitsTests() => Directory.CreateDirectory(folder);

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public void Sheet_HundredsOfMegabytesOfSpaceBetweenRows_RefusedBeforeReading(string engine)
    {
        // 320 MiB of spaces compress to a few megabytes at most: the part says what it expands to, and that is refused.
        var path = Book("spaces.xlsx", sheet => Spaces(sheet, 320L << 20, seed: null));

        var e = Assert.Throws<InputException>(() => Engines.Read(engine, path));

        Assert.StartsWith($"{path}: refused: part xl/worksheets/sheet1.xml declares it expands to 320 MiB from ", e.Message, StringComparison.Ordinal);
        Assert.Contains("a part may expand to at most", e.Message, StringComparison.Ordinal);
        Assert.Equal(2, CommandLine.Run("validate", path).Exit);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public void Sheet_SpaceBetweenRowsThatCompressesLittle_RefusedAtTheRowLimit(string engine)
    {
        // 80 MiB of mixed spaces, tabs and line ends compress only about four times, so the part's size
        // passes; the space after row 1 is longer than a row may be.
        var path = Book("mixed-spaces.xlsx", sheet => Spaces(sheet, 80L << 20, seed: 5));

        var e = Assert.Throws<InputException>(() => Engines.Read(engine, path));

        Assert.Equal($"{path}: refused: sheet Sheet1: a row element (with the space around it) is longer than the limit of 67,108,864 bytes of XML: the file is built to exhaust memory, or broken", e.Message);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public void Sheet_ZipHeaderUnderstatesTheSize_CutShortSaidNotReadSilently(string engine)
    {
        // The zip says the sheet is 1 KiB; the zip reader stops there, and the reader says the part was cut short.
        var path = Book("lying.xlsx", sheet => Spaces(sheet, 8L << 20, seed: null));
        DeclareSize(path, "xl/worksheets/sheet1.xml", 1024);

        var e = Assert.Throws<InputException>(() => Engines.Read(engine, path));

        Assert.StartsWith(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("the part ends before its closing </sheetData> or </worksheet>: it is cut short, or its zip header understates its size", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public void Sheet_OneCellOfTwoMillionCharacters_RefusedNamingTheCellLimit(string engine)
    {
        var path = Book("cell.xlsx", sheet => Row(sheet, 2, "inlineStr", "<is><t>" + Letters(2 << 20, 26, seed: 7) + "</t></is>"));

        var e = Assert.Throws<InputException>(() => Engines.Read(engine, path));

        Assert.StartsWith($"{path} [Sheet1]", e.Message, StringComparison.Ordinal);
        Assert.Contains("a cell is longer than the limit of 1,048,576 characters", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public void Sheet_OneCellOfEightyMegabytes_RefusedAtTheRowLimit(string engine)
    {
        // Two letters at random compress about seven times: the part passes, the row does not.
        var path = Book("huge-cell.xlsx", sheet => Row(sheet, 2, "inlineStr", "<is><t>" + Letters(80 << 20, 2, seed: 9) + "</t></is>"));

        var e = Assert.Throws<InputException>(() => Engines.Read(engine, path));

        Assert.Equal($"{path}: refused: sheet Sheet1: a row element (with the space around it) is longer than the limit of 67,108,864 bytes of XML: the file is built to exhaust memory, or broken", e.Message);
    }

    [Fact]
    public void SharedStrings_OneStringOfTwoMillionCharacters_RefusedNamingThePart()
    {
        var path = Book("sst.xlsx", sheet => Row(sheet, 2, "s", "<v>0</v>"), strings => Write(strings, $"<sst xmlns=\"{Main}\"><si><t>{Letters(2 << 20, 26, seed: 11)}</t></si></sst>"));

        var e = Assert.Throws<InputException>(() => Tables.Validate(path));

        Assert.Equal($"{path}: refused: shared strings: string 1 is longer than the limit of 1,048,576 characters: the file is built to exhaust memory, or broken", e.Message);
    }

    [Fact]
    public void SharedStrings_OneStringOfEightyMegabytes_RefusedAtTheElementLimit()
    {
        var path = Book("sst-huge.xlsx", sheet => Row(sheet, 2, "s", "<v>0</v>"), strings => Write(strings, $"<sst xmlns=\"{Main}\"><si><t>{Letters(80 << 20, 2, seed: 13)}</t></si></sst>"));

        var e = Assert.Throws<InputException>(() => Tables.Validate(path));

        Assert.Equal($"{path}: refused: shared strings: a si element (with the space around it) is longer than the limit of 67,108,864 bytes of XML: the file is built to exhaust memory, or broken", e.Message);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public void EncryptedWorkbook_SpaceBetweenRowsInsideThePackage_RefusedAsAnyWorkbook(string engine)
    {
        // Made by make.mjs: 320 MiB of spaces between two rows, zipped, encrypted with the last 6 characters of its name.
        var path = Path.Combine(Repo.Root, "tests", "Playbook.Tests", "Fixtures", "workbooks", "hostile_spaces_b0mb42.xlsx");

        var e = Assert.Throws<InputException>(() => Engines.Read(engine, path));

        Assert.StartsWith($"{path}: refused: part xl/worksheets/sheet1.xml declares it expands to 320 MiB from ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Xls_LargerThanAnXlsCanBe_RefusedBeforeExcelDataReaderReadsIt()
    {
        // A compound file that is no encrypted package (so an .xls) of 600 MiB, sparse on disk.
        var path = Path.Combine(folder, "huge.xls");
        CompoundFileWithOnlyARoot(path, 600L << 20);

        var e = Assert.Throws<InputException>(() => Tables.Validate(path));

        Assert.Equal($"{path}: refused: an .xls of 600 MiB, more than the limit of 512 MiB (an .xls holds at most 65,536 rows): the file is built to exhaust memory, or broken", e.Message);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public void Csv_ARecordOfNineMillionCharacters_StopsAtItsLineOnEveryEngine(string engine)
    {
        var path = Path.Combine(folder, "long.csv");
        File.WriteAllText(path,
            "order_id,parent_order_id,platform,paid_at,account_id,channel,product_id,quantity,gmv,refund\n" +
            "1,,douyin,2021-01-05 10:00:00,A1,live,P1,1,10.00,0\n" +
            "2,,douyin,2021-01-05 10:00:00,A1,live," + Letters(9 << 20, 26, seed: 3) + ",1,10.00,0\n");

        var e = Assert.Throws<InputException>(() => Engines.Read(engine, path));

        Assert.StartsWith($"{path}:3: the CSV cannot be split into records", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public void Csv_AGigabyteWithoutALineEnd_StopsAtTheFirstLine(string engine)
    {
        var path = Path.Combine(folder, "endless.csv");
        using (var file = File.Create(path))
        {
            file.Write("order_id,"u8);
            file.SetLength(1L << 30);
        }

        var e = Assert.Throws<InputException>(() => Engines.Read(engine, path));

        Assert.StartsWith($"{path}:1: the CSV cannot be split into records", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EncryptedFixtures_OurDecryption_SameCellsAsExcelDataReader()
    {
        // ExcelDataReader decrypts them its own way: Agile (k7q2mz, locked) and Standard (std9q2) encryption.
        var workbooks = Path.Combine(Repo.Root, "tests", "Playbook.Tests", "Fixtures", "workbooks");
        foreach (var (name, password) in new[] { ("订单导出_20210531_k7q2mz.xlsx", "k7q2mz"), ("kuaishou-locked.xlsx", "s3cr3t!"), ("订单导出_20210531_std9q2.xlsx", "std9q2") })
        {
            var path = Path.Combine(workbooks, name);
            using var ours = CompoundWorkbook.Open(path, path, password);
            using var theirs = XlsxRowSource.Open(path, path, password);
            Assert.IsType<SheetRows>(ours);
            Assert.Equal(RowSourceText.Rows(theirs), RowSourceText.Rows(ours));
        }
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    /// <summary>A seeded run of the first <paramref name="alphabet"/> letters: random enough not to compress to nothing.</summary>
    private static string Letters(int count, int alphabet, int seed)
    {
        var random = new Random(seed);
        var chars = new char[count];
        for (var i = 0; i < count; i++)
        {
            chars[i] = (char)('a' + random.Next(alphabet));
        }

        return new string(chars);
    }

    private static void Write(Stream stream, string text)
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        writer.Write(text);
    }

    /// <summary>A sheet of the header, <paramref name="count"/> bytes of space (spaces only, or a seeded mix of spaces, tabs and line ends), and a row.</summary>
    private static void Spaces(Stream sheet, long count, int? seed)
    {
        Write(sheet, $"<worksheet xmlns=\"{Main}\"><sheetData>{Header}");
        var random = seed is { } s ? new Random(s) : null;
        var block = new byte[1 << 20];
        ReadOnlySpan<byte> space = " \t\r\n"u8;
        for (var written = 0L; written < count; written += block.Length)
        {
            for (var i = 0; i < block.Length; i++)
            {
                block[i] = random is null ? (byte)' ' : space[random.Next(4)];
            }

            sheet.Write(block);
        }

        Write(sheet, "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>O1</t></is></c></row></sheetData></worksheet>");
    }

    private static void Row(Stream sheet, int number, string type, string content) =>
        Write(sheet, $"<worksheet xmlns=\"{Main}\"><sheetData>{Header}<row r=\"{number}\"><c r=\"A{number}\" t=\"{type}\">{content}</c></row></sheetData></worksheet>");

    /// <summary>A minimal package whose sheet (and shared strings) are streamed into the zip, never held whole.</summary>
    private string Book(string name, Action<Stream> sheet, Action<Stream>? strings = null)
    {
        var path = Path.Combine(folder, name);
        const string rels = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        const string package = "http://schemas.openxmlformats.org/package/2006/relationships";
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        void Part(string entry, Action<Stream> write)
        {
            using var stream = zip.CreateEntry(entry, CompressionLevel.Fastest).Open();
            write(stream);
        }

        Part("_rels/.rels", s => Write(s, $"<Relationships xmlns=\"{package}\"><Relationship Id=\"r1\" Type=\"{rels}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"));
        Part("xl/workbook.xml", s => Write(s, $"<workbook xmlns=\"{Main}\" xmlns:r=\"{rels}\"><sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rS\"/></sheets></workbook>"));
        Part("xl/_rels/workbook.xml.rels", s => Write(s, $"<Relationships xmlns=\"{package}\"><Relationship Id=\"rS\" Type=\"{rels}/worksheet\" Target=\"worksheets/sheet1.xml\"/>" +
            (strings is null ? "" : $"<Relationship Id=\"rU\" Type=\"{rels}/sharedStrings\" Target=\"sharedStrings.xml\"/>") + "</Relationships>"));
        Part("xl/worksheets/sheet1.xml", sheet);
        if (strings is not null)
        {
            Part("xl/sharedStrings.xml", strings);
        }

        return path;
    }

    /// <summary>Rewrites the uncompressed size a zip declares for an entry, in its local and central headers.</summary>
    private static void DeclareSize(string path, string entry, uint size)
    {
        var bytes = File.ReadAllBytes(path);
        var name = Encoding.ASCII.GetBytes(entry);
        for (var i = 0; i + 46 < bytes.Length; i++)
        {
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i));
            if (signature == 0x04034b50 && bytes.AsSpan(i + 30, name.Length).SequenceEqual(name))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + 22), size);
            }
            else if (signature == 0x02014b50 && bytes.AsSpan(i + 46, name.Length).SequenceEqual(name))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + 24), size);
            }
        }

        File.WriteAllBytes(path, bytes);
    }

    /// <summary>An OLE compound file with a root entry and nothing else, grown (sparse) to <paramref name="length"/> bytes.</summary>
    private static void CompoundFileWithOnlyARoot(string path, long length)
    {
        var file = new byte[512 * 3];
        BinaryPrimitives.WriteUInt64LittleEndian(file, 0xE11AB1A1E011CFD0);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(0x18), 0x3E);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(0x1A), 3);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(0x1C), 0xFFFE);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(0x1E), 9);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(0x20), 6);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(0x2C), 1);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(0x30), 1);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(0x38), 4096);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(0x3C), 0xFFFFFFFE);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(0x44), 0xFFFFFFFE);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(0x4C), 0);
        for (var i = 1; i < 109; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(0x4C + (i * 4)), 0xFFFFFFFF);
        }

        // Sector 0: the FAT (itself, then the directory's one sector); sector 1: the root entry.
        var fat = file.AsSpan(512, 512);
        fat.Fill(0xFF);
        BinaryPrimitives.WriteUInt32LittleEndian(fat, 0xFFFFFFFD);
        BinaryPrimitives.WriteUInt32LittleEndian(fat[4..], 0xFFFFFFFE);
        var root = file.AsSpan(1024, 128);
        Encoding.Unicode.GetBytes("Root Entry").CopyTo(root);
        BinaryPrimitives.WriteUInt16LittleEndian(root[0x40..], 22);
        root[0x42] = 5;
        BinaryPrimitives.WriteUInt32LittleEndian(root[0x44..], 0xFFFFFFFF);
        BinaryPrimitives.WriteUInt32LittleEndian(root[0x48..], 0xFFFFFFFF);
        BinaryPrimitives.WriteUInt32LittleEndian(root[0x4C..], 0xFFFFFFFF);
        BinaryPrimitives.WriteUInt32LittleEndian(root[0x74..], 0xFFFFFFFE);
        using var stream = File.Create(path);
        stream.Write(file);
        stream.SetLength(length);
    }
}
