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

    /// <summary>Renders <paramref name="frame"/>: its headers and its words (a pillar, a status, a reason) in <paramref name="words"/>' language, English when none is given.</summary>
    public static string Render(DataFrame frame, int maxRows = 100, int pageSize = 20, Words? words = null)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var w = words ?? Words.English;
        var id = string.Create(CultureInfo.InvariantCulture, $"playbook-table-{Environment.ProcessId}-{Interlocked.Increment(ref counter)}");
        var rows = (int)Math.Min(frame.Rows.Count, maxRows);
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"playbook-table\" id=\"{id}\" style=\"overflow-x:auto\"><table style=\"border-collapse:collapse;white-space:nowrap\"><thead><tr><th></th>");
        var columns = TableCells.Columns(frame, w);
        foreach (var (header, _) in columns)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th style=\"border-bottom:1px solid #999;padding:2px 8px;text-align:left\">{WebUtility.HtmlEncode(header)}</th>");
        }

        html.Append("</tr></thead><tbody>");
        for (var r = 0; r < rows; r++)
        {
            var hidden = r >= pageSize ? " style=\"display:none\"" : "";
            html.Append(CultureInfo.InvariantCulture, $"<tr data-page=\"{r / pageSize}\"{hidden}><td style=\"color:#888;padding:2px 8px\">{r}</td>");
            foreach (var (_, column) in columns)
            {
                html.Append(CultureInfo.InvariantCulture, $"<td style=\"padding:2px 8px\">{WebUtility.HtmlEncode(TableCells.Text(column[r], w))}</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table>");
        var pages = (rows + pageSize - 1) / pageSize;
        html.Append(CultureInfo.InvariantCulture, $"<div style=\"color:#666;font-size:90%\">{WebUtility.HtmlEncode(TableCells.Count(rows, frame.Rows.Count, w))}");
        if (pages > 1)
        {
            html.Append(w.IsChinese
                ? string.Create(CultureInfo.InvariantCulture, $"；第 <span class=\"page\">1</span> 页，共 {pages} 页 ")
                : string.Create(CultureInfo.InvariantCulture, $"; page <span class=\"page\">1</span> of {pages} "));
            html.Append(CultureInfo.InvariantCulture, $"<button onclick=\"playbookPage('{id}',-1)\">‹</button><button onclick=\"playbookPage('{id}',1)\">›</button>");
            html.Append("<script>window.playbookPage = window.playbookPage || function (id, step) { var t = document.getElementById(id); var rows = t.querySelectorAll('tr[data-page]');" +
                " var last = Number(rows[rows.length - 1].dataset.page); var p = Math.min(last, Math.max(0, Number(t.dataset.page || 0) + step)); t.dataset.page = p;" +
                " rows.forEach(function (r) { r.style.display = Number(r.dataset.page) === p ? '' : 'none'; }); t.querySelector('.page').textContent = p + 1; };</script>");
        }

        html.Append("</div></div>");
        return html.ToString();
    }

    /// <summary>
    /// Records (or anonymous objects) as a plain table of their properties, headers in <paramref name="words"/>' language;
    /// values (a list of warnings) as a numbered list. Every cell is HTML-encoded.
    /// </summary>
    public static string Render(System.Collections.IEnumerable items, Words words)
    {
        var (headers, rows) = TextTable.Records(items, words);
        var html = new StringBuilder();
        if (headers is null)
        {
            html.Append("<ol class=\"playbook-list\" start=\"0\">");
            foreach (var row in rows)
            {
                html.Append("<li>").Append(WebUtility.HtmlEncode(row[0])).Append("</li>");
            }

            return html.Append("</ol>").ToString();
        }

        html.Append("<table class=\"playbook-records\" style=\"border-collapse:collapse\"><thead><tr><th></th>");
        foreach (var header in headers)
        {
            html.Append("<th style=\"border-bottom:1px solid #999;padding:2px 8px;text-align:left\">").Append(WebUtility.HtmlEncode(header)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        for (var r = 0; r < rows.Count; r++)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td style=\"color:#888;padding:2px 8px\">{r}</td>");
            foreach (var cell in rows[r])
            {
                html.Append("<td style=\"padding:2px 8px\">").Append(WebUtility.HtmlEncode(cell)).Append("</td>");
            }

            html.Append("</tr>");
        }

        return html.Append("</tbody></table>").ToString();
    }
}
