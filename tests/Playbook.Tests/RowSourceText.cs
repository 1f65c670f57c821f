using Playbook.Files;

namespace Playbook.Tests;

/// <summary>A row source as text, to hold two readers to the same cells.</summary>
internal static class RowSourceText
{
    /// <summary>Every sheet's non-blank rows, each with its row number and its cells up to the last non-empty one.</summary>
    public static List<string> Rows(IRowSource rows)
    {
        List<string> result = [];
        do
        {
            while (rows.Read())
            {
                var cells = Enumerable.Range(0, rows.CellCount).Select(rows.Cell).ToList();
                while (cells.Count > 0 && cells[^1].Length == 0)
                {
                    cells.RemoveAt(cells.Count - 1);
                }

                if (cells.Count > 0)
                {
                    result.Add($"{rows.Sheet}!{rows.Line}: {string.Join(" | ", cells)}");
                }
            }
        }
        while (rows.NextSheet());
        return result;
    }
}
