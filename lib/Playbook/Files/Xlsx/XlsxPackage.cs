using System.Globalization;
using System.IO.Compression;
using System.Xml;
using System.Xml.Linq;

namespace Playbook.Files;

/// <summary>
/// An unencrypted .xlsx opened as what it is, a zip of SpreadsheetML parts: its sheets in workbook
/// order, the shared strings, which cell styles show dates, and whether serial numbers count from
/// 1904. The small parts are read with LINQ to XML; the sheets and the shared strings, which grow
/// with the rows, are scanned as bytes (<see cref="SheetXml"/>).
/// </summary>
internal sealed class XlsxPackage : IDisposable
{
    private const string OfficeDocument = "/officeDocument";
    private const string RelationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships";

    private readonly ZipArchive zip;
    private readonly Stream file;
    private readonly string? sharedStringsEntry;
    private SharedStrings? strings;

    private XlsxPackage(string name, Stream file, ZipArchive zip, IReadOnlyList<(string Name, string Entry)> sheets, string? sharedStringsEntry, CellStyles styles, bool date1904)
    {
        Name = name;
        this.file = file;
        this.zip = zip;
        Sheets = sheets;
        this.sharedStringsEntry = sharedStringsEntry;
        Styles = styles;
        Date1904 = date1904;
    }

    /// <summary>The file as the user named it.</summary>
    public string Name { get; }

    /// <summary>The sheets in workbook order: name and zip entry.</summary>
    public IReadOnlyList<(string Name, string Entry)> Sheets { get; }

    /// <summary>Which cell styles show a number as a date or a time.</summary>
    public CellStyles Styles { get; }

    /// <summary>Whether serial numbers count days from 1904-01-01 (old Mac workbooks) instead of 1899-12-30.</summary>
    public bool Date1904 { get; }

    /// <summary>The shared string table, read on first use.</summary>
    /// <exception cref="InputException">The table is broken.</exception>
    public SharedStrings Strings => strings ??= ReadStrings();

    /// <summary>Whether the bytes are a zip, as an unencrypted .xlsx is (an encrypted one is a compound file).</summary>
    public static bool IsZip(string path) => Containers.Of(path) == ContainerKind.Zip;

    /// <summary>Opens the package and reads its small parts.</summary>
    /// <exception cref="InputException">Not a zip, or not a workbook inside.</exception>
    public static XlsxPackage Open(string path, string name) => Open(File.OpenRead(path), name);

    /// <summary>Opens the package held in <paramref name="file"/>, which it then owns, and reads its small parts.</summary>
    /// <exception cref="InputException">Not a zip, or not a workbook inside, or a part past <see cref="WorkbookLimits"/>.</exception>
    public static XlsxPackage Open(Stream file, string name)
    {
        ArgumentNullException.ThrowIfNull(file);
        try
        {
            var zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: false);
            try
            {
                var workbookPath = OfficeDocumentPath(zip, name) ?? "xl/workbook.xml";
                var workbook = Load(zip, workbookPath, name) ?? throw new InputException($"{name}: not a readable workbook (no {workbookPath} inside)");
                var relations = Relations(zip, workbookPath, name);
                var ns = workbook.Root!.Name.Namespace;
                var date1904 = workbook.Root.Element(ns + "workbookPr")?.Attribute("date1904")?.Value is "1" or "true";
                List<(string, string)> sheets = [];
                foreach (var sheet in workbook.Root.Element(ns + "sheets")?.Elements(ns + "sheet") ?? [])
                {
                    var id = sheet.Attributes().FirstOrDefault(a => a.Name.LocalName == "id" && a.Name.NamespaceName.Length > 0)?.Value;
                    if (id is not null && relations.TryGetValue(id, out var target))
                    {
                        sheets.Add((sheet.Attribute("name")?.Value ?? target, target));
                    }
                }

                var stringsEntry = RelationOfType(zip, workbookPath, "sharedStrings", name);
                var stylesEntry = RelationOfType(zip, workbookPath, "styles", name);
                var styles = stylesEntry is null ? CellStyles.None : CellStyles.Read(Load(zip, stylesEntry, name));
                return new XlsxPackage(name, file, zip, sheets, stringsEntry, styles, date1904);
            }
            catch
            {
                zip.Dispose();
                throw;
            }
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or IOException or NotSupportedException)
        {
            file.Dispose();
            throw new InputException($"{name}: not a readable workbook ({e.Message})", e);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Opens a sheet's XML as a stream of bytes.</summary>
    /// <exception cref="InputException">The sheet is missing or its data cannot be opened.</exception>
    public Stream OpenSheet(int index)
    {
        try
        {
            return (Entry(zip, Sheets[index].Entry) is { } entry ? WorkbookLimits.Open(entry, Name) : null) ?? throw new InputException($"{Name}: not a readable workbook (sheet {Sheets[index].Name} is missing from the package)");
        }
        catch (InvalidDataException e)
        {
            throw new InputException($"{Name}: not a readable workbook (sheet {Sheets[index].Name}: {e.Message})", e);
        }
    }

    public void Dispose()
    {
        zip.Dispose();
        file.Dispose();
    }

    private SharedStrings ReadStrings()
    {
        if (sharedStringsEntry is null || Entry(zip, sharedStringsEntry) is not { } entry)
        {
            return SharedStrings.Empty;
        }

        try
        {
            using var stream = WorkbookLimits.Open(entry, Name);
            return SharedStrings.Read(stream, Name);
        }
        catch (InvalidDataException e)
        {
            throw new InputException($"{Name}: not a readable workbook (its shared strings: {e.Message})", e);
        }
    }

    private static ZipArchiveEntry? Entry(ZipArchive zip, string path) =>
        zip.GetEntry(path) ?? zip.Entries.FirstOrDefault(e => string.Equals(e.FullName, path, StringComparison.OrdinalIgnoreCase));

    private static XDocument? Load(ZipArchive zip, string path, string name)
    {
        if (Entry(zip, path) is not { } entry)
        {
            return null;
        }

        using var stream = WorkbookLimits.Open(entry, name, WorkbookLimits.MaxSmallPartBytes);
        return XDocument.Load(stream);
    }

    private static string? OfficeDocumentPath(ZipArchive zip, string name)
    {
        var rels = Load(zip, "_rels/.rels", name);
        var target = rels?.Root?.Elements(XName.Get("Relationship", RelationshipsNamespace))
            .FirstOrDefault(r => r.Attribute("Type")?.Value.EndsWith(OfficeDocument, StringComparison.Ordinal) == true)?.Attribute("Target")?.Value;
        return target is null ? null : Resolve("", target);
    }

    /// <summary>The workbook's relationships: id → zip entry.</summary>
    private static Dictionary<string, string> Relations(ZipArchive zip, string workbookPath, string name)
    {
        var folder = Path.GetDirectoryName(workbookPath)?.Replace('\\', '/') ?? "";
        var rels = Load(zip, RelsPath(workbookPath), name);
        Dictionary<string, string> result = new(StringComparer.Ordinal);
        foreach (var relation in rels?.Root?.Elements(XName.Get("Relationship", RelationshipsNamespace)) ?? [])
        {
            if (relation.Attribute("Id")?.Value is { } id && relation.Attribute("Target")?.Value is { } target)
            {
                result[id] = Resolve(folder, target);
            }
        }

        return result;
    }

    private static string? RelationOfType(ZipArchive zip, string workbookPath, string type, string name)
    {
        var folder = Path.GetDirectoryName(workbookPath)?.Replace('\\', '/') ?? "";
        var rels = Load(zip, RelsPath(workbookPath), name);
        var target = rels?.Root?.Elements(XName.Get("Relationship", RelationshipsNamespace))
            .FirstOrDefault(r => r.Attribute("Type")?.Value.EndsWith("/" + type, StringComparison.Ordinal) == true)?.Attribute("Target")?.Value;
        return target is null ? null : Resolve(folder, target);
    }

    private static string RelsPath(string part)
    {
        var folder = Path.GetDirectoryName(part)?.Replace('\\', '/') ?? "";
        return (folder.Length == 0 ? "" : folder + "/") + "_rels/" + Path.GetFileName(part) + ".rels";
    }

    /// <summary>A relationship's target as a zip entry name: absolute (<c>/xl/…</c>) or relative to the part's folder, with <c>..</c> resolved.</summary>
    private static string Resolve(string folder, string target)
    {
        var path = target.StartsWith('/') ? target[1..] : (folder.Length == 0 ? target : folder + "/" + target);
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (part is not ("." or ""))
            {
                parts.Add(part);
            }
        }

        return string.Join('/', parts);
    }

    /// <summary>Reads a whole-number attribute, or <paramref name="fallback"/>.</summary>
    internal static int IntAttribute(XElement element, string name, int fallback) =>
        int.TryParse(element.Attribute(name)?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
