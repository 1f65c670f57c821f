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
    /// <summary>
    /// Renders the page; <paramref name="source"/> says which data was checked. In Chinese the
    /// checklists' <c>text_zh</c> and <c>title_zh</c> lead, with the English beneath.
    /// </summary>
    public static string Render(Scorecard scorecard, string source, Language language = Language.English)
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        var zh = language == Language.Chinese;
        var html = new StringBuilder();
        void Add(string text) => html.Append(text).Append('\n');
        string E(string? text) => WebUtility.HtmlEncode(text ?? "");
        // The English page shows the Chinese beside its own for a team that reads both; the Chinese page is Chinese only.
        var words = Words.For(language);
        string Both(string english, string chinese) => zh
            ? E(chinese)
            : $"{E(english)}<br><span class=\"zh\" lang=\"zh-CN\">{E(chinese)}</span>";
        string Title(Checklist list) => zh
            ? E(list.TitleZh)
            : $"{E(list.Title)} <span class=\"zh\" lang=\"zh-CN\">{E(list.TitleZh)}</span>";
        string Status(ItemStatus status) => zh
            ? status switch { ItemStatus.Met => "达标", ItemStatus.NotMet => "未达标", ItemStatus.Partly => "部分做到", _ => "未知" }
            : status.Name().Replace('_', ' ');

        Add("<!DOCTYPE html>");
        Add($"<html lang=\"{(zh ? "zh-CN" : "en")}\"><head><meta charset=\"utf-8\"><title>{(zh ? "检查清单评分卡" : "Checklist scorecard")}</title>");
        Add("<style>body{font-family:system-ui,'Noto Sans CJK SC','Microsoft YaHei',sans-serif;margin:2em;color:#222}" +
            "table{border-collapse:collapse;width:100%;margin:1em 0}th,td{border:1px solid #bbb;padding:4px 6px;vertical-align:top;font-size:13px}" +
            "th{background:#f3f3f3}.met{color:#1a7f37}.not_met{color:#b42318}.partly{color:#b54708}.unknown{color:#667085}" +
            ".zh{color:#555}.box{font-size:18px;text-align:center}section{page-break-after:always}@media print{body{margin:1cm}}</style>");
        Add("</head><body>");
        Add(zh ? "<h1>检查清单评分卡</h1>" : "<h1>Checklist scorecard <span class=\"zh\">清单评分</span></h1>");
        Add(zh ? $"<p>数据：{E(source)}。「未知」的检查项单独列出，从不算作未达标。</p>" : $"<p>Data: {E(source)}. Unknown items are listed apart and never counted as failures.</p>");

        var all = scorecard.Scores.Where(s => s.Pillar == "all").ToList();
        Add(zh ? "<table><tr><th>清单</th><th>达标</th><th>未达标</th><th>未知</th><th>得分</th></tr>" : "<table><tr><th>checklist</th><th>met</th><th>not met</th><th>unknown</th><th>score</th></tr>");
        foreach (var s in all)
        {
            var list = scorecard.Checklists.First(c => c.Id == s.Checklist);
            Add(string.Create(CultureInfo.InvariantCulture, $"<tr><td>{Title(list)}</td><td>{s.Met}</td><td>{s.NotMet}</td><td>{s.Unknown}</td><td>{(s.Rate is { } rate ? rate.ToString("0%", CultureInfo.InvariantCulture) : zh ? "无" : "n/a")}</td></tr>"));
        }

        Add("</table>");

        if (scorecard.FixFirst.Count > 0)
        {
            Add(zh ? "<h2>优先改进</h2><ol>" : "<h2>Fix first <span class=\"zh\">优先改进</span></h2><ol>");
            foreach (var item in scorecard.FixFirst)
            {
                Add(zh
                    ? $"<li><b>{E(item.Item.TextZh)}</b> — {E(words.Of(item.Evidence))}</li>"
                    : $"<li><b>{E(item.Item.Text)}</b> <span class=\"zh\">{E(item.Item.TextZh)}</span> — {E(item.Evidence)}</li>");
            }

            Add("</ol>");
        }

        if (scorecard.Warnings.Count > 0)
        {
            Add(zh ? "<h2>提醒</h2><ul>" : "<h2>Warnings</h2><ul>");
            foreach (var warning in scorecard.Warnings)
            {
                Add($"<li>{E(words.Of(warning))}</li>");
            }

            Add("</ul>");
        }

        foreach (var list in scorecard.Checklists)
        {
            Add("<section>");
            Add($"<h2>{Title(list)}</h2>");
            var pillars = scorecard.Scores.Where(s => s.Checklist == list.Id && s.Pillar != "all").Select(s => (words.Of(s.Pillar), s.Rate)).ToList();
            Add(RadarSvg.Render(pillars, zh ? $"{list.TitleZh}：各阵地已知检查项的达标比例" : $"{list.Title}: share of known items met, by pillar"));
            Add(zh
                ? "<table><tr><th>✓</th><th>阵地</th><th>检查项</th><th>状态</th><th>依据，或缺少的数据</th><th>为什么</th></tr>"
                : "<table><tr><th>✓</th><th>pillar</th><th>item</th><th>status</th><th>evidence or what is missing</th><th>why</th></tr>");
            foreach (var r in scorecard.Items.Where(i => i.Item.Checklist == list.Id))
            {
                Add($"<tr><td class=\"box\">{(r.Status == ItemStatus.Met ? "☑" : "☐")}</td><td>{E(words.Of(r.Item.Pillar))}</td><td>{Both(r.Item.Text, r.Item.TextZh)}</td>" +
                    $"<td class=\"{r.Status.Name()}\">{Status(r.Status)}</td><td>{E(words.Of(r.Evidence ?? r.Missing))}</td><td>{(zh ? E(r.Item.WhyZh) : E(r.Item.Why))}</td></tr>");
            }

            Add("</table></section>");
        }

        Add("</body></html>");
        return html.ToString();
    }
}
