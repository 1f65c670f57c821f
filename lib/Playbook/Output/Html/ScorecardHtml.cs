using System.Globalization;
using System.Net;
using System.Text;
using Playbook.Workspace;

namespace Playbook.Output;

/// <summary>
/// A printable scorecard page for a trainer's workshop: one self-contained HTML file (no script,
/// no network), a radar per checklist, what to fix first, and every item with a box to tick.
/// Every text from files and data is HTML-encoded.
/// </summary>
public static class ScorecardHtml
{
    /// <summary>Renders the page; <paramref name="source"/> says which data was checked.</summary>
    public static string Render(Scorecard scorecard, string source)
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        var html = new StringBuilder();
        void Add(string text) => html.Append(text).Append('\n');
        string E(string? text) => WebUtility.HtmlEncode(text ?? "");

        Add("<!DOCTYPE html>");
        Add("<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Checklist scorecard</title>");
        Add("<style>body{font-family:system-ui,'Noto Sans CJK SC','Microsoft YaHei',sans-serif;margin:2em;color:#222}" +
            "table{border-collapse:collapse;width:100%;margin:1em 0}th,td{border:1px solid #bbb;padding:4px 6px;vertical-align:top;font-size:13px}" +
            "th{background:#f3f3f3}.met{color:#1a7f37}.not_met{color:#b42318}.partly{color:#b54708}.unknown{color:#667085}" +
            ".zh{color:#555}.box{font-size:18px;text-align:center}section{page-break-after:always}@media print{body{margin:1cm}}</style>");
        Add("</head><body>");
        Add($"<h1>Checklist scorecard <span class=\"zh\">清单评分</span></h1>");
        Add($"<p>Data: {E(source)}. Unknown items are listed apart and never counted as failures.</p>");

        var all = scorecard.Scores.Where(s => s.Pillar == "all").ToList();
        Add("<table><tr><th>checklist</th><th>met</th><th>not met</th><th>unknown</th><th>score</th></tr>");
        foreach (var s in all)
        {
            var list = scorecard.Checklists.First(c => c.Id == s.Checklist);
            Add(string.Create(CultureInfo.InvariantCulture, $"<tr><td>{E(list.Title)} <span class=\"zh\">{E(list.TitleZh)}</span></td><td>{s.Met}</td><td>{s.NotMet}</td><td>{s.Unknown}</td><td>{(s.Rate is { } rate ? rate.ToString("0%", CultureInfo.InvariantCulture) : "n/a")}</td></tr>"));
        }

        Add("</table>");

        if (scorecard.FixFirst.Count > 0)
        {
            Add("<h2>Fix first <span class=\"zh\">优先改进</span></h2><ol>");
            foreach (var item in scorecard.FixFirst)
            {
                Add($"<li><b>{E(item.Item.Text)}</b> <span class=\"zh\">{E(item.Item.TextZh)}</span> — {E(item.Evidence)}</li>");
            }

            Add("</ol>");
        }

        if (scorecard.Warnings.Count > 0)
        {
            Add("<h2>Warnings</h2><ul>");
            foreach (var warning in scorecard.Warnings)
            {
                Add($"<li>{E(warning)}</li>");
            }

            Add("</ul>");
        }

        foreach (var list in scorecard.Checklists)
        {
            Add("<section>");
            Add($"<h2>{E(list.Title)} <span class=\"zh\">{E(list.TitleZh)}</span></h2>");
            var pillars = scorecard.Scores.Where(s => s.Checklist == list.Id && s.Pillar != "all").Select(s => (s.Pillar, s.Rate)).ToList();
            Add(RadarSvg.Render(pillars, $"{list.Title}: share of known items met, by pillar"));
            Add("<table><tr><th>✓</th><th>pillar</th><th>item</th><th>status</th><th>evidence or what is missing</th><th>why</th></tr>");
            foreach (var r in scorecard.Items.Where(i => i.Item.Checklist == list.Id))
            {
                var status = r.Status.Name();
                Add($"<tr><td class=\"box\">{(r.Status == ItemStatus.Met ? "☑" : "☐")}</td><td>{E(r.Item.Pillar)}</td><td>{E(r.Item.Text)}<br><span class=\"zh\">{E(r.Item.TextZh)}</span></td>" +
                    $"<td class=\"{status}\">{status.Replace('_', ' ')}</td><td>{E(r.Evidence ?? r.Missing)}</td><td>{E(r.Item.Why)}</td></tr>");
            }

            Add("</table></section>");
        }

        Add("</body></html>");
        return html.ToString();
    }
}
