using System.Globalization;
using ExcelDataReader;
using ExcelDataReader.Exceptions;

namespace Playbook.Files;

/// <summary>
/// The rows of an .xls (an encrypted one too) through ExcelDataReader, streamed row by row, sheet by
/// sheet, each with its sheet row number; cells come out as <see cref="CellText"/> writes them, as
/// from <see cref="SheetRows"/>, which reads every .xlsx (<see cref="CompoundWorkbook"/> decrypts the
/// encrypted ones). The tests also open .xlsx files here, to hold the two readers to the same cells.
/// An encrypted workbook is opened with the password its file name carries (a 快手小店 download: the
/// name's last 6 characters), then the one given; no password is ever written anywhere.
/// </summary>
internal sealed class XlsxRowSource : IRowSource
{
    private readonly Stream stream;
    private readonly IExcelDataReader reader;
    private int sheet;

    private XlsxRowSource(string name, Stream stream, IExcelDataReader reader)
    {
        Name = name;
        this.stream = stream;
        this.reader = reader;
    }

    public string Name { get; }

    public string Encoding => "xlsx";

    public string? Sheet => reader.Name;

    /// <summary>The sheets in the workbook.</summary>
    public int Sheets => reader.ResultsCount;

    public bool CountsCells => false;

    public long Line => reader.Depth + 1;

    public int CellCount => reader.FieldCount;

    /// <summary>
    /// The password a 快手小店 download carries in its name: the last 6 characters before the
    /// extension (<c>订单导出_20210531_k7q2mz.xlsx</c> → <c>k7q2mz</c>); null for a shorter name.
    /// </summary>
    public static string? PasswordFromName(string path)
    {
        var stem = Path.GetFileNameWithoutExtension(path);
        return stem.Length >= 6 ? stem[^6..] : null;
    }

    /// <summary>Opens a workbook: unencrypted, else with the password from its name, else with <paramref name="password"/>.</summary>
    /// <exception cref="InputException">The file is not a readable workbook, or no password opens it.</exception>
    public static XlsxRowSource Open(string path, string name, string? password)
    {
        // ExcelDataReader needs the code pages (Windows-1252 at least) even for a modern workbook.
        _ = TextEncodings.Gb18030;
        string?[] tries = [null, PasswordFromName(path), password];
        var encrypted = false;
        foreach (var candidate in tries.Distinct())
        {
            if (encrypted && candidate is null)
            {
                continue;
            }

            var stream = File.OpenRead(path);
            try
            {
                var reader = ExcelReaderFactory.CreateReader(stream, new ExcelReaderConfiguration { Password = candidate });
                return new XlsxRowSource(name, stream, reader);
            }
            catch (InvalidPasswordException)
            {
                stream.Dispose();
                encrypted = true;
            }
            catch (Exception e) when (e is ExcelReaderException or InvalidDataException or IOException or NotSupportedException or ArgumentException or InvalidOperationException or IndexOutOfRangeException or FormatException or System.Xml.XmlException)
            {
                stream.Dispose();
                throw new InputException($"{name}: not a readable workbook ({Reason(e)})", e);
            }
        }

        var tried = password is null
            ? "the password from its file name (its last 6 characters), and no --password was given"
            : "the password from its file name (its last 6 characters) and the one given with --password";
        throw new InputException($"{name}: the workbook is encrypted and no password opens it: tried {tried}");
    }

    public bool Read()
    {
        try
        {
            return reader.Read();
        }
        catch (Exception e) when (e is ExcelReaderException or InvalidDataException or IOException or System.Xml.XmlException or FormatException or IndexOutOfRangeException or InvalidOperationException)
        {
            throw new InputException($"{Name} [{Sheet}]: the workbook cannot be read past row {Line}: {Reason(e)}", e);
        }
    }

    /// <summary>Moves to the next sheet; false after the last.</summary>
    public bool NextSheet()
    {
        if (sheet + 1 >= reader.ResultsCount)
        {
            return false;
        }

        sheet++;
        return reader.NextResult();
    }

    public string Cell(int index)
    {
        if (index >= reader.FieldCount)
        {
            return "";
        }

        return reader.GetValue(index) switch
        {
            null => "",
            string text => text,
            double number => CellText.Number(number),
            int number => number.ToString(CultureInfo.InvariantCulture),
            DateTime moment => CellText.Moment(moment, reader.GetNumberFormatString(index) is { } format && CellStyles.HasTime(format)),
            bool flag => flag ? "true" : "false",
            TimeSpan span => CellText.Seconds(span),
            var other => Convert.ToString(other, CultureInfo.InvariantCulture) ?? "",
        };
    }

    public string RowText() => string.Join(", ", Enumerable.Range(0, reader.FieldCount).Select(Cell));

    public void Dispose()
    {
        reader.Dispose();
        stream.Dispose();
    }

    private static string Reason(Exception e) => e.Message.Length > 0 ? e.Message : e.GetType().Name;
}
