namespace Playbook.Files;

/// <summary>
/// The rows of one file as its container gives them (CSV records, spreadsheet rows), with where
/// each one is in the file. No adapter knows which container it reads: it sees cells and a line.
/// </summary>
internal interface IRowSource : IDisposable
{
    /// <summary>The file as the user named it.</summary>
    string Name { get; }

    /// <summary>How the file was read, for reports: <c>utf-8</c>, <c>utf-8-bom</c>, <c>gb18030</c>, <c>xlsx</c>.</summary>
    string Encoding { get; }

    /// <summary>The sheet the rows come from; null for a text file.</summary>
    string? Sheet { get; }

    /// <summary>
    /// Whether a row with more or fewer cells than the header is broken (a CSV record); a
    /// spreadsheet row simply has no cells past its last value.
    /// </summary>
    bool CountsCells { get; }

    /// <summary>The physical line (CSV, the first line is 1) or sheet row number where the current row starts.</summary>
    long Line { get; }

    /// <summary>Cells in the current row.</summary>
    int CellCount { get; }

    /// <summary>Moves to the next row; false at the end.</summary>
    /// <exception cref="InputException">The container cannot be split into rows from here on.</exception>
    bool Read();

    /// <summary>Moves to the next sheet of a workbook; false after the last, and always for a text file.</summary>
    bool NextSheet();

    /// <summary>The text of a cell of the current row as the file has it; empty past the last cell.</summary>
    string Cell(int index);

    /// <summary>The current row as it stands in the file, for messages.</summary>
    string RowText();
}
