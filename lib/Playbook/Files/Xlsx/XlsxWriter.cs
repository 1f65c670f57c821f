using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;

namespace Playbook.Files;

/// <summary>What a spreadsheet cell holds, as a workbook stores it.</summary>
public enum XlsxCellKind
{
    /// <summary>Text in the shared string table, as Excel saves text.</summary>
    Text,

    /// <summary>Text inside the cell (inline string), as some exporters write it.</summary>
    InlineText,

    /// <summary>A number.</summary>
    Number,

    /// <summary>A date and time: a serial number shown with a date-time format.</summary>
    DateTime,

    /// <summary>A date: a serial number shown with a date format.</summary>
    Date,

    /// <summary>A formula with its last computed value (a number).</summary>
    Formula,
}

/// <summary>One cell to write.</summary>
/// <param name="Kind">How the workbook stores it.</param>
/// <param name="Text">Text cells' text, or a formula's expression.</param>
/// <param name="Number">Numbers, formulas' cached values.</param>
/// <param name="Moment">Date and date-time cells.</param>
public readonly record struct XlsxCell(XlsxCellKind Kind, string? Text = null, double Number = 0, DateTime Moment = default)
{
    /// <summary>A text cell (shared string); null or empty writes no cell.</summary>
    public static XlsxCell Of(string? text) => new(XlsxCellKind.Text, text);

    /// <summary>A number cell.</summary>
    public static XlsxCell Of(double number) => new(XlsxCellKind.Number, Number: number);

    /// <summary>A date-time cell.</summary>
    public static XlsxCell Of(DateTime moment) => new(XlsxCellKind.DateTime, Moment: moment);
}

/// <summary>
/// One sheet to write: its name, rows (a row of no cells is an empty row), merged ranges such as
/// <c>A1:D1</c>, and the size the sheet declares (<c>&lt;dimension ref&gt;</c>; null: none), which some
/// exporting libraries write wrong (<c>A1</c> over thousands of rows).
/// </summary>
public sealed record XlsxSheet(string Name, IEnumerable<IReadOnlyList<XlsxCell>> Rows, IReadOnlyList<string>? Merged = null, string? Dimension = null);

/// <summary>
/// Writes a minimal .xlsx (SpreadsheetML in a zip) the way platform exports and Excel store cells:
/// shared or inline strings, numbers, dates with date formats, formulas with cached values, merged
/// ranges. Rows are streamed into the sheet. The bytes depend only on the content (fixed zip times),
/// so generated example files keep their checksums. For fixtures and examples; reading is
/// <see cref="SheetRows"/>' job. Kept rather than DocumentFormat.OpenXml 3.3 or MiniExcel (issue 23):
/// both stamp zip entries with the time of writing, so the same seed would no longer give the same
/// bytes the data cards' checksums hold, and neither writes the forms the readers are tested on
/// (inline and shared strings side by side, formulas with cached values, a wrong declared dimension).
/// </summary>
public static class XlsxWriter
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    private static readonly DateTimeOffset Stamp = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Writes the sheets to <paramref name="path"/>, replacing the file.</summary>
    public static void Write(string path, IReadOnlyList<XlsxSheet> sheets)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        using var file = File.Create(path);
        Write(file, sheets);
    }

    /// <summary>Writes the sheets to a stream, leaving it open.</summary>
    public static void Write(Stream stream, IReadOnlyList<XlsxSheet> sheets)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        var strings = new Dictionary<string, int>(StringComparer.Ordinal);
        var ordered = new List<string>();
        for (var s = 0; s < sheets.Count; s++)
        {
            using var writer = Entry(zip, $"xl/worksheets/sheet{s + 1}.xml");
            WriteSheet(writer, sheets[s], strings, ordered);
        }

        using (var writer = Entry(zip, "xl/sharedStrings.xml"))
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<sst xmlns=\"{Main}\" count=\"{ordered.Count}\" uniqueCount=\"{ordered.Count}\">"));
            foreach (var text in ordered)
            {
                writer.Write("<si><t xml:space=\"preserve\">");
                writer.Write(Escape(text));
                writer.Write("</t></si>");
            }

            writer.Write("</sst>");
        }

        var overrides = new StringBuilder();
        var sheetList = new StringBuilder();
        var rels = new StringBuilder();
        for (var s = 0; s < sheets.Count; s++)
        {
            overrides.Append(CultureInfo.InvariantCulture, $"<Override PartName=\"/xl/worksheets/sheet{s + 1}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
            sheetList.Append(CultureInfo.InvariantCulture, $"<sheet name=\"{Escape(sheets[s].Name)}\" sheetId=\"{s + 1}\" r:id=\"rId{s + 1}\"/>");
            rels.Append(CultureInfo.InvariantCulture, $"<Relationship Id=\"rId{s + 1}\" Type=\"{Relationships}/worksheet\" Target=\"worksheets/sheet{s + 1}.xml\"/>");
        }

        Text(zip, "[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>" + overrides + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/><Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/></Types>");
        Text(zip, "_rels/.rels", $"<Relationships xmlns=\"{PackageRelationships}\"><Relationship Id=\"rId1\" Type=\"{Relationships}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
        Text(zip, "xl/workbook.xml", $"<workbook xmlns=\"{Main}\" xmlns:r=\"{Relationships}\"><sheets>{sheetList}</sheets></workbook>");
        Text(zip, "xl/_rels/workbook.xml.rels", $"<Relationships xmlns=\"{PackageRelationships}\">{rels}<Relationship Id=\"rIdStyles\" Type=\"{Relationships}/styles\" Target=\"styles.xml\"/><Relationship Id=\"rIdStrings\" Type=\"{Relationships}/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>");

        // Style 1: a date-time (yyyy-mm-dd hh:mm:ss), style 2: a date (yyyy-mm-dd), as Chinese exports show them.
        Text(zip, "xl/styles.xml", $"<styleSheet xmlns=\"{Main}\"><numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"yyyy-mm-dd hh:mm:ss\"/><numFmt numFmtId=\"165\" formatCode=\"yyyy-mm-dd\"/></numFmts><fonts count=\"1\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts><fills count=\"1\"><fill><patternFill patternType=\"none\"/></fill></fills><borders count=\"1\"><border/></borders><cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs><cellXfs count=\"3\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/><xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/><xf numFmtId=\"165\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>");
    }

    /// <summary>
    /// A CSV re-saved as a workbook the way Excel does it: a cell that reads as a plain number or a
    /// yyyy-MM-dd HH:mm:ss time becomes one, anything else (an id behind a tab, text) stays text.
    /// Rows are streamed; the shared strings are kept until the end.
    /// </summary>
    public static void FromCsv(string csvPath, string xlsxPath, string sheet = "Sheet1")
    {
        using var rows = CsvRowSource.Open(csvPath, csvPath, null);
        IEnumerable<IReadOnlyList<XlsxCell>> Rows()
        {
            var cells = new List<XlsxCell>();
            while (rows.Read())
            {
                cells.Clear();
                for (var i = 0; i < rows.CellCount; i++)
                {
                    cells.Add(AsExcelReadsIt(rows.Cell(i)));
                }

                yield return cells;
            }
        }

        Write(xlsxPath, [new XlsxSheet(sheet, Rows())]);
    }

    /// <summary>The column letters of a zero-based column index: 0 is A, 26 is AA.</summary>
    public static string Column(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    private static void WriteSheet(StreamWriter writer, XlsxSheet sheet, Dictionary<string, int> strings, List<string> ordered)
    {
        writer.Write($"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"{Main}\">");
        if (sheet.Dimension is { } dimension)
        {
            writer.Write($"<dimension ref=\"{Escape(dimension)}\"/>");
        }

        writer.Write("<sheetData>");
        var rowNumber = 0;
        foreach (var row in sheet.Rows)
        {
            rowNumber++;
            if (row.Count == 0)
            {
                continue;
            }

            writer.Write(string.Create(CultureInfo.InvariantCulture, $"<row r=\"{rowNumber}\">"));
            for (var c = 0; c < row.Count; c++)
            {
                WriteCell(writer, row[c], Column(c) + rowNumber.ToString(CultureInfo.InvariantCulture), strings, ordered);
            }

            writer.Write("</row>");
        }

        writer.Write("</sheetData>");
        if (sheet.Merged is { Count: > 0 } merged)
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"<mergeCells count=\"{merged.Count}\">"));
            foreach (var range in merged)
            {
                writer.Write($"<mergeCell ref=\"{range}\"/>");
            }

            writer.Write("</mergeCells>");
        }

        writer.Write("</worksheet>");
    }

    private static void WriteCell(StreamWriter writer, XlsxCell cell, string reference, Dictionary<string, int> strings, List<string> ordered)
    {
        switch (cell.Kind)
        {
            case XlsxCellKind.Text when string.IsNullOrEmpty(cell.Text):
            case XlsxCellKind.InlineText when string.IsNullOrEmpty(cell.Text):
                return;
            case XlsxCellKind.Text:
                if (!strings.TryGetValue(cell.Text!, out var index))
                {
                    strings[cell.Text!] = index = ordered.Count;
                    ordered.Add(cell.Text!);
                }

                writer.Write(string.Create(CultureInfo.InvariantCulture, $"<c r=\"{reference}\" t=\"s\"><v>{index}</v></c>"));
                return;
            case XlsxCellKind.InlineText:
                writer.Write($"<c r=\"{reference}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">{Escape(cell.Text!)}</t></is></c>");
                return;
            case XlsxCellKind.Number:
                writer.Write($"<c r=\"{reference}\"><v>{cell.Number.ToString("R", CultureInfo.InvariantCulture)}</v></c>");
                return;
            case XlsxCellKind.DateTime:
                writer.Write($"<c r=\"{reference}\" s=\"1\"><v>{cell.Moment.ToOADate().ToString("R", CultureInfo.InvariantCulture)}</v></c>");
                return;
            case XlsxCellKind.Date:
                writer.Write($"<c r=\"{reference}\" s=\"2\"><v>{cell.Moment.ToOADate().ToString("R", CultureInfo.InvariantCulture)}</v></c>");
                return;
            case XlsxCellKind.Formula:
                writer.Write($"<c r=\"{reference}\"><f>{Escape(cell.Text ?? "")}</f><v>{cell.Number.ToString("R", CultureInfo.InvariantCulture)}</v></c>");
                return;
            default:
                throw new ArgumentOutOfRangeException(nameof(cell), cell.Kind, "unknown cell kind");
        }
    }

    private static XlsxCell AsExcelReadsIt(string text)
    {
        var plainNumber = text.Length is > 0 and <= 15 && (text[0] != '0' || text.Length == 1 || text[1] == '.') && text.All(c => char.IsAsciiDigit(c) || c == '.') && text.Count(c => c == '.') <= 1;
        if (plainNumber && double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return XlsxCell.Of(number);
        }

        return text.Length == 19 && DateTime.TryParseExact(text, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var moment)
            ? XlsxCell.Of(moment)
            : XlsxCell.Of(text);
    }

    private static StreamWriter Entry(ZipArchive zip, string name)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = Stamp;
        return new StreamWriter(entry.Open(), new UTF8Encoding(false), 1 << 16);
    }

    private static void Text(ZipArchive zip, string name, string xml)
    {
        using var writer = Entry(zip, name);
        writer.Write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
        writer.Write(xml);
    }

    private static string Escape(string text) => SecurityElement.Escape(text);
}
