using CsvHelper;

namespace Playbook.Data;

/// <summary>
/// Writes canonical tables with their source-generated CsvHelper record writers: UTF-8, header
/// row, snake_case columns. Text cells that a spreadsheet would run as a formula (= + - @) are
/// escaped, because nicknames and product names are user text.
/// </summary>
public static class CanonicalCsv
{
    /// <summary>Writes <paramref name="rows"/> to <paramref name="path"/>, replacing the file.</summary>
    public static void Write<T>(string path, IEnumerable<T> rows)
    {
        using var stream = File.Create(path);
        Write(stream, rows);
    }

    /// <summary>Writes <paramref name="rows"/> to a stream, leaving it open.</summary>
    public static void Write<T>(Stream stream, IEnumerable<T> rows)
    {
        var options = CsvWriterOptions.Default with
        {
            NewLine = "\n",
            Injection = CsvInjection.Escape,
            TrueValue = "true",
            FalseValue = "false",
        };
        using var writer = CsvWriter.Create(stream, options, leaveOpen: true);
        writer.WriteRecords(rows);
        writer.Flush();
    }
}
