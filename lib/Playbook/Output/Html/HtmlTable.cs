using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Data.Analysis;

namespace Playbook.Output;

/// <summary>
/// A DataFrame as an HTML table that stays small: at most <c>maxRows</c> rows are written, shown
/// a page at a time with plain buttons (a few lines of script, no network). Every cell is HTML-encoded.
/// </summary>
public static class HtmlTable
{
    private static long counter;

    /// <summary>Renders <paramref name="frame"/>.</summary>
    public static string Render(DataFrame frame, int maxRows = 100, int pageSize = 20)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var id = string.Create(CultureInfo.InvariantCulture, $"playbook-table-{Environment.ProcessId}-{Interlocked.Increment(ref counter)}");
        var rows = (int)Math.Min(frame.Rows.Count, maxRows);
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"playbook-table\" id=\"{id}\" style=\"overflow-x:auto\"><table style=\"border-collapse:collapse;white-space:nowrap\"><thead><tr><th></th>");
        foreach (var column in frame.Columns)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th style=\"border-bottom:1px solid #999;padding:2px 8px;text-align:left\">{WebUtility.HtmlEncode(column.Name)}</th>");
        }

        html.Append("</tr></thead><tbody>");
        for (var r = 0; r < rows; r++)
        {
            var hidden = r >= pageSize ? " style=\"display:none\"" : "";
            html.Append(CultureInfo.InvariantCulture, $"<tr data-page=\"{r / pageSize}\"{hidden}><td style=\"color:#888;padding:2px 8px\">{r}</td>");
            foreach (var column in frame.Columns)
            {
                html.Append(CultureInfo.InvariantCulture, $"<td style=\"padding:2px 8px\">{WebUtility.HtmlEncode(TableCells.Text(column[r]))}</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table>");
        var pages = (rows + pageSize - 1) / pageSize;
        var note = frame.Rows.Count > rows
            ? string.Create(CultureInfo.InvariantCulture, $"{rows:N0} of {frame.Rows.Count:N0} rows shown")
            : string.Create(CultureInfo.InvariantCulture, $"{frame.Rows.Count:N0} rows");
        html.Append(CultureInfo.InvariantCulture, $"<div style=\"color:#666;font-size:90%\">{note}");
        if (pages > 1)
        {
            html.Append(CultureInfo.InvariantCulture, $"; page <span class=\"page\">1</span> of {pages} ");
            html.Append(CultureInfo.InvariantCulture, $"<button onclick=\"playbookPage('{id}',-1)\">‹</button><button onclick=\"playbookPage('{id}',1)\">›</button>");
            html.Append("<script>window.playbookPage = window.playbookPage || function (id, step) { var t = document.getElementById(id); var rows = t.querySelectorAll('tr[data-page]');" +
                " var last = Number(rows[rows.length - 1].dataset.page); var p = Math.min(last, Math.max(0, Number(t.dataset.page || 0) + step)); t.dataset.page = p;" +
                " rows.forEach(function (r) { r.style.display = Number(r.dataset.page) === p ? '' : 'none'; }); t.querySelector('.page').textContent = p + 1; };</script>");
        }

        html.Append("</div></div>");
        return html.ToString();
    }
}
