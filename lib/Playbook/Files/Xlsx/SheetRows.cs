using System.Globalization;

namespace Playbook.Files;

/// <summary>
/// The rows of an .xlsx (an encrypted one once <see cref="CompoundWorkbook"/> has decrypted it),
/// streamed sheet by sheet with each row's sheet row number, read from the package's XML by
/// <see cref="SheetRowReader"/> within <see cref="WorkbookLimits"/>. An .xls goes through
/// <see cref="XlsxRowSource"/> (ExcelDataReader) instead; both give the same cell text.
/// </summary>
internal sealed class SheetRows : IRowSource
{
    /// <summary>Bytes of sheet XML read at a time.</summary>
    private const int ChunkBytes = 1 << 20;

    private readonly CharBuffer text = new(new char[4096]);
    private readonly string?[] cache = new string?[64];
    private SheetRowReader reader;
    private XmlChunks? chunks;
    private XmlChunk? chunk;
    private int at;
    private int sheet;

    private SheetRows(XlsxPackage package)
    {
        Package = package;
        reader = NewReader(package);
        Start();
    }

    /// <summary>The workbook.</summary>
    public XlsxPackage Package { get; }

    /// <summary>The index of the sheet being read.</summary>
    public int SheetIndex => sheet;

    public string Name => Package.Name;

    public string Encoding => "xlsx";

    public string? Sheet => sheet < Package.Sheets.Count ? Package.Sheets[sheet].Name : null;

    public bool CountsCells => false;

    public long Line => reader.Number;

    public int CellCount => reader.Count;

    /// <summary>Opens a workbook at its first sheet.</summary>
    /// <exception cref="InputException">Not a readable workbook.</exception>
    public static SheetRows Open(string path, string name) => Open(File.OpenRead(path), name);

    /// <summary>Opens a workbook held in <paramref name="file"/> (a decrypted package …), which it then owns.</summary>
    /// <exception cref="InputException">Not a readable workbook.</exception>
    public static SheetRows Open(Stream file, string name)
    {
        var package = XlsxPackage.Open(file, name);
        try
        {
            return new SheetRows(package);
        }
        catch
        {
            package.Dispose();
            throw;
        }
    }

    /// <summary>A row reader for the workbook's strings and styles (one per thread).</summary>
    public static SheetRowReader NewReader(XlsxPackage package) => new(package.Strings, package.Styles, package.Date1904);

    public bool Read()
    {
        Array.Clear(cache);
        text.Length = 0;
        try
        {
            while (true)
            {
                if (chunk is null)
                {
                    if (chunks is null || NextChunk() is not { } next)
                    {
                        return false;
                    }

                    chunk = next;
                    at = 0;
                }

                if (reader.Next(chunk.Bytes, ref at, text))
                {
                    return true;
                }

                chunks!.Pool.Return(chunk.Buffer);
                chunk = null;
            }
        }
        catch (InvalidDataException e)
        {
            throw new InputException(string.Create(CultureInfo.InvariantCulture, $"{Name} [{Sheet}]: the sheet is broken at row {reader.Number}: {e.Message}"), e);
        }
    }

    private XmlChunk? NextChunk()
    {
        try
        {
            return chunks!.Next();
        }
        catch (InvalidDataException e)
        {
            var where = reader.Number == 0 ? "before its first row" : string.Create(CultureInfo.InvariantCulture, $"after row {reader.Number}");
            throw new InputException($"{Name} [{Sheet}]: the workbook's data is corrupt {where}: {e.Message}", e);
        }
    }

    public bool NextSheet()
    {
        if (sheet + 1 >= Package.Sheets.Count)
        {
            return false;
        }

        sheet++;
        Start();
        return true;
    }

    public string Cell(int index)
    {
        if (index >= reader.Count)
        {
            return "";
        }

        if (index < cache.Length)
        {
            return cache[index] ??= new string(text.Array.AsSpan(reader.Cell(index)));
        }

        return new string(text.Array.AsSpan(reader.Cell(index)));
    }

    public string RowText() => string.Join(", ", Enumerable.Range(0, CellCount).Select(Cell));

    public void Dispose()
    {
        Stop();
        Package.Dispose();
    }

    private void Start()
    {
        Stop();
        reader = NewReader(Package);
        if (sheet < Package.Sheets.Count)
        {
            chunks = new XmlChunks(Package.OpenSheet(sheet), "sheetData", "row", ChunkBytes, Name, "sheet " + Package.Sheets[sheet].Name);
        }
    }

    private void Stop()
    {
        if (chunk is not null)
        {
            chunks?.Pool.Return(chunk.Buffer);
            chunk = null;
        }

        chunks?.Dispose();
        chunks = null;
    }
}
