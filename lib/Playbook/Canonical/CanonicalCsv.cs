using CsvHelper;

namespace Playbook.Canonical;

/// <summary>
/// Writes canonical tables as their declarations in <see cref="CanonicalTables"/> say: UTF-8,
/// header row, snake_case columns, money with two decimals. Text cells that a spreadsheet would run
/// as a formula (= + - @) are escaped, because nicknames and product names are user text.
/// </summary>
public static class CanonicalCsv
{
    /// <summary>Writes <paramref name="rows"/> to <paramref name="path"/>, replacing the file.</summary>
    public static void Write<T>(string path, IEnumerable<T> rows)
        where T : class, new()
    {
        using var stream = File.Create(path);
        Write(stream, rows);
    }

    /// <summary>Writes <paramref name="rows"/> to a stream, leaving it open.</summary>
    public static void Write<T>(Stream stream, IEnumerable<T> rows)
        where T : class, new()
    {
        ArgumentNullException.ThrowIfNull(rows);
        var table = CanonicalTables.Of<T>();
        var options = CsvWriterOptions.Default with
        {
            NewLine = "\n",
            Injection = CsvInjection.Escape,
        };
        using var writer = CsvWriter.Create(stream, options, leaveOpen: true);
        writer.WriteHeader([.. table.ColumnNames]);
        foreach (var row in rows)
        {
            foreach (var cell in table.Cells(row))
            {
                writer.WriteField(cell ?? "");
            }

            writer.EndRecord();
        }

        writer.Flush();
    }
}
