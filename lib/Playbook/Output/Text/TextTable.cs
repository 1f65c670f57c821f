using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using Microsoft.Data.Analysis;

namespace Playbook.Output;

/// <summary>
/// Tables as a terminal shows them: a DataFrame, or a list of records, in aligned columns with the
/// same cell text as the notebooks' HTML tables (<see cref="HtmlTable"/>), so a lesson run as a
/// file-based app prints the figures its notebook displays.
/// </summary>
public static class TextTable
{
    /// <summary>A DataFrame's first <paramref name="maxRows"/> rows, with the row numbers and a count as the HTML table has them.</summary>
    public static string Render(DataFrame frame, int maxRows = 100)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var rows = (int)Math.Min(frame.Rows.Count, maxRows);
        List<string[]> cells = [["", .. frame.Columns.Select(c => c.Name)]];
        for (var r = 0; r < rows; r++)
        {
            cells.Add([r.ToString(CultureInfo.InvariantCulture), .. frame.Columns.Select(c => TableCells.Text(c[r]))]);
        }

        var note = frame.Rows.Count > rows
            ? string.Create(CultureInfo.InvariantCulture, $"{rows:N0} of {frame.Rows.Count:N0} rows shown")
            : string.Create(CultureInfo.InvariantCulture, $"{frame.Rows.Count:N0} rows");
        return Aligned(cells) + note + "\n";
    }

    /// <summary>
    /// Records (or anonymous objects) as a table of their public properties, values in full as the
    /// notebooks' default display writes them; other items one a line.
    /// </summary>
    public static string Render(IEnumerable items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var list = items.Cast<object?>().ToList();
        var first = list.FirstOrDefault(i => i is not null);
        if (first is null || IsScalar(first))
        {
            return string.Concat(list.Select(i => Plain(i) + "\n"));
        }

        var properties = Properties(first.GetType());
        List<string[]> cells = [["", .. properties.Select(p => p.Name)]];
        cells.AddRange(list.Select((item, r) => (string[])[r.ToString(CultureInfo.InvariantCulture), .. properties.Select(p => item is null ? "" : Plain(p.GetValue(item)))]));
        return Aligned(cells);
    }

    /// <summary>One record (or anonymous object) as name: value lines; a scalar as its text.</summary>
    public static string RenderOne(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (IsScalar(value))
        {
            return Plain(value) + "\n";
        }

        var properties = Properties(value.GetType());
        return properties.Count == 0
            ? value + "\n"
            : string.Concat(properties.Select(p => $"{p.Name}: {Plain(p.GetValue(value))}\n"));
    }

    // Records and values outside a DataFrame, as the notebooks' default display writes them: in full.
    private static string Plain(object? value) => value is DateTime or null ? TableCells.Text(value) : Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";

    private static bool IsScalar(object value) =>
        value is string or IFormattable or bool or char || value.GetType().IsPrimitive || value.GetType().IsEnum;

    private static List<PropertyInfo> Properties(Type type) =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")];

    private static string Aligned(List<string[]> cells)
    {
        var widths = Enumerable.Range(0, cells[0].Length).Select(c => cells.Max(row => Width(row[c]))).ToArray();
        var text = new StringBuilder();
        foreach (var row in cells)
        {
            for (var c = 0; c < row.Length; c++)
            {
                text.Append(row[c]);
                if (c < row.Length - 1)
                {
                    text.Append(' ', widths[c] - Width(row[c]) + 2);
                }
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    // A Chinese character takes two columns of a terminal.
    private static int Width(string text) => text.Sum(ch => ch >= '\u2E80' ? 2 : 1);
}

/// <summary>The text of a table cell, the same in HTML and in a terminal.</summary>
public static class TableCells
{
    /// <summary>Money with two decimals and thousands, ratios with up to four decimals, times in full, the rest invariant.</summary>
    public static string Text(object? value) => value switch
    {
        null => "",
        decimal d => d.ToString("#,0.00", CultureInfo.InvariantCulture),
        double d => double.IsNaN(d) ? "" : d.ToString("0.####", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
