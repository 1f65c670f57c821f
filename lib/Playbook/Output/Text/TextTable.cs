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
    /// <summary>
    /// A DataFrame's first <paramref name="maxRows"/> rows, with the row numbers and a count as the HTML table has
    /// them; headers and words in <paramref name="words"/>' language, English when none is given.
    /// </summary>
    public static string Render(DataFrame frame, int maxRows = 100, Words? words = null)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var w = words ?? Words.English;
        var rows = (int)Math.Min(frame.Rows.Count, maxRows);
        var columns = TableCells.Columns(frame, w);
        List<string[]> cells = [["", .. columns.Select(c => c.Header)]];
        for (var r = 0; r < rows; r++)
        {
            cells.Add([r.ToString(CultureInfo.InvariantCulture), .. columns.Select(c => TableCells.Text(c.Column[r], w))]);
        }

        return Aligned(cells) + TableCells.Count(rows, frame.Rows.Count, w) + "\n";
    }

    /// <summary>
    /// Records (or anonymous objects) as a table of their public properties, values in full as the
    /// notebooks' default display writes them; other items one a line.
    /// </summary>
    public static string Render(IEnumerable items, Words? words = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        var w = words ?? Words.English;
        var (headers, rows) = Records(items, w);
        return headers is null
            ? string.Concat(rows.Select(r => r[0] + "\n"))
            : Aligned([["", .. headers], .. rows.Select((row, r) => (string[])[r.ToString(CultureInfo.InvariantCulture), .. row])]);
    }

    /// <summary>
    /// Records (or anonymous objects) as headers (their properties' names, in <paramref name="words"/>' language) and
    /// rows of cell text; items that are values (a list of warnings) have no headers and one cell each.
    /// </summary>
    public static (string[]? Headers, List<string[]> Rows) Records(IEnumerable items, Words words)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(words);
        var list = items.Cast<object?>().ToList();
        var first = list.FirstOrDefault(i => i is not null);
        if (first is null || IsScalar(first))
        {
            return (null, [.. list.Select(i => (string[])[Plain(i, words)])]);
        }

        var properties = Properties(first.GetType());
        return ([.. properties.Select(p => words.Of(p.Name))], [.. list.Select(item => properties.Select(p => item is null ? "" : Plain(p.GetValue(item), words)).ToArray())]);
    }

    /// <summary>One record (or anonymous object) as name: value lines; a scalar as its text.</summary>
    public static string RenderOne(object value, Words? words = null)
    {
        ArgumentNullException.ThrowIfNull(value);
        var w = words ?? Words.English;
        if (IsScalar(value))
        {
            return Plain(value, w) + "\n";
        }

        var properties = Properties(value.GetType());
        return properties.Count == 0
            ? value + "\n"
            : string.Concat(properties.Select(p => $"{w.Of(p.Name)}: {Plain(p.GetValue(value), w)}\n"));
    }

    // Records and values outside a DataFrame, as the notebooks' default display writes them: in full.
    private static string Plain(object? value, Words? words = null) => value switch
    {
        DateTime or null => TableCells.Text(value),
        string text => (words ?? Words.English).Of(text),
        Enum e => (words ?? Words.English).Of(e.ToString()),
        bool yes => TableCells.Text(yes, words ?? Words.English),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

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
    public static string Text(object? value) => Text(value, Words.English);

    /// <summary>As <see cref="Text(object?)"/>, with a word (a pillar, a status, a reason) in <paramref name="words"/>' language.</summary>
    public static string Text(object? value, Words words) => value switch
    {
        string text => words.Of(text),
        bool yes when words.IsChinese => yes ? "是" : "否",
        null => "",
        decimal d => d.ToString("#,0.00", CultureInfo.InvariantCulture),
        double d => double.IsNaN(d) ? "" : d.ToString("0.####", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>
    /// The columns a reader sees and their headers in <paramref name="words"/>' language. In Chinese a column with a
    /// Chinese twin (<c>statement</c> and <c>statement_zh</c>) shows the twin under the first one's header.
    /// </summary>
    public static IReadOnlyList<(string Header, DataFrameColumn Column)> Columns(DataFrame frame, Words words)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(words);
        var names = frame.Columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        if (!words.IsChinese)
        {
            return [.. frame.Columns.Select(c => (c.Name, c))];
        }

        return [.. frame.Columns
            .Where(c => !(c.Name.EndsWith("_zh", StringComparison.Ordinal) && names.Contains(c.Name[..^3])))
            .Select(c => (words.Of(c.Name), names.Contains(c.Name + "_zh") ? frame.Columns[c.Name + "_zh"] : c))];
    }

    /// <summary>The count under a table: "12 rows", or "100 of 1,234 rows shown".</summary>
    public static string Count(int shown, long total, Words words)
    {
        ArgumentNullException.ThrowIfNull(words);
        return words.Of(shown < total
            ? string.Create(CultureInfo.InvariantCulture, $"{shown:N0} of {total:N0} rows shown")
            : string.Create(CultureInfo.InvariantCulture, $"{total:N0} rows"));
    }
}
