using CsvHelper;

namespace Playbook.Files;

/// <summary>
/// A CSV file's records through CsvHelper 34, in the encoding found (or given), with the physical
/// line each record starts on. The separator is never guessed: exports put tabs before long ids.
/// </summary>
internal sealed class CsvRowSource : IRowSource
{
    private readonly CsvReader reader;

    private CsvRowSource(string name, CsvReader reader, TextEncoding encoding)
    {
        Name = name;
        this.reader = reader;
        TextEncoding = encoding;
    }

    /// <summary>
    /// The longest record read, in characters: far above any export's row, it bounds what one line
    /// may cost (a file of gigabytes without a line end stops there, with the line it starts on).
    /// </summary>
    public const int MaxRecordChars = 4 << 20;

    public string Name { get; }

    /// <summary>The encoding the file is read with.</summary>
    public TextEncoding TextEncoding { get; }

    public string Encoding => TextEncoding.Name;

    public string? Sheet => null;

    public bool CountsCells => true;

    public long Line => reader.LineNumber;

    public int CellCount => reader.FieldCount;

    /// <summary>Opens <paramref name="path"/>; <paramref name="encoding"/> null detects it (BOM, else valid UTF-8, else GB18030).</summary>
    public static CsvRowSource Open(string path, string name, string? encoding)
    {
        var found = encoding is null ? TextEncodings.Detect(path) : TextEncodings.FromName(encoding);
        var options = CsvReaderOptions.Default with
        {
            Separator = ',',
            HasHeader = false,
            TrackLineNumbers = true,
            Encoding = found.Encoding,
            MissingField = CsvMissingFieldHandling.ReturnEmpty,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            MaxRecordSize = MaxRecordChars,
        };
        try
        {
            return new CsvRowSource(name, CsvReader.FromFile(path, options), found);
        }
        catch (IOException e)
        {
            throw new InputException($"{name}: cannot be read: {e.Message}", e);
        }
    }

    public bool Read()
    {
        try
        {
            return reader.Read();
        }
        catch (CsvFormatException e)
        {
            throw new InputException($"{Name}:{e.LineNumber}: the CSV cannot be split into records: {e.Message}", e);
        }
        catch (IOException e)
        {
            throw new InputException($"{Name}: cannot be read: {e.Message}", e);
        }
    }

    public bool NextSheet() => false;

    public string Cell(int index) => index < reader.FieldCount ? reader.GetString(index) : "";

    public string RowText() => System.Text.Encoding.UTF8.GetString(reader.RawRecord);

    public void Dispose() => reader.Dispose();
}
