using System.Text.Json;
using Playbook.Cli;
using Playbook.Files;
using Playbook.Output;
using Playbook.Workspace;

namespace Playbook.Tests.Workspace.Checklists;

/// <summary>A tiny brand whose every metric is worked out by hand in the comments of <see cref="ScorecardTests"/>.</summary>
internal sealed class ChecklistFixture : IDisposable
{
    public ChecklistFixture()
    {
        Directory.CreateDirectory(Folder);
        Write("accounts.csv",
            "account_id,platform,nickname,role,brand_owned,followers",
            "own,douyin,店,self,true,",
            "kol,douyin,头部,,false,6000000",
            "m1,douyin,小一,,false,1000",
            "m2,douyin,小二,,false,1000");
        Write("orders.csv",
            "order_id,parent_order_id,platform,paid_at,account_id,channel,traffic_type,product_id,quantity,gmv,refund,buyer_id,buyer_is_fan,review",
            "O1,,douyin,2021-01-04 20:00:00,own,live,paid,px,1,100.00,0,B1,true,positive",
            "O2,,douyin,2021-01-05 20:00:00,own,live,organic,pn,1,100.00,0,B2,false,negative",
            "O3,,douyin,2021-01-06 20:00:00,kol,live,organic,pn,1,200.00,50.00,B1,true,positive",
            "O4,,douyin,2021-01-07 20:00:00,m1,short_video,organic,pn,1,60.00,0,B3,,",
            "O5,,douyin,2021-01-08 20:00:00,m2,live,organic,pn,1,40.00,0,B4,,",
            "O6,,douyin,2021-01-09 20:00:00,,product_card,organic,pn,1,50.00,0,B5,,");
        Write("sessions.csv",
            "session_id,account_id,started_at,ended_at,views,viewers,peak_online,avg_watch_seconds,new_fans,exposures,entries",
            "s1,own,2021-01-04 19:00:00,2021-01-04 23:00:00,150,100,10,60,1,1000,150",
            "s2,own,2021-01-05 19:00:00,2021-01-05 21:00:00,400,300,20,80,2,2000,400");
        Write("traffic.csv",
            "date,account_id,session_id,tool,spend,attributed_gmv",
            "2021-01-04,own,s1,qianchuan,40.00,100.00",
            "2021-01-05,own,s2,qianchuan,10.00,");
        Write("products.csv",
            "product_id,name,category,launched_on,list_price,channel_exclusive",
            "px,特供,x,2020-12-01,100.00,true",
            "pn,普通,x,2020-06-01,50.00,false");
        Write("checklist.yml",
            "checklist: test",
            "title: Test",
            "title_zh: 测试",
            "items:",
            "  - {id: a, pillar: X, text: own share, text_zh: 自播, why: w, why_zh: 因, evidence: {metric: role_share, role: self, compare: at_least, threshold: 0.3}}",
            "  - {id: b, pillar: X, text: no big talent, text_zh: 达人, why: w, why_zh: 因, evidence: {metric: max_talent_share, compare: at_most, threshold: 0.25}}",
            "  - {id: c, pillar: Y, text: reviews, text_zh: 好评, why: w, why_zh: 因, evidence: {metric: good_review_rate, compare: at_least, threshold: 0.9}}",
            "  - {id: d, pillar: Y, text: break-even, text_zh: 保本, why: w, why_zh: 因, evidence: {metric: roi_over_break_even, compare: at_least, threshold: 1}}",
            "  - {id: e, pillar: Y, text: uplift, text_zh: 活动, why: w, why_zh: 因, evidence: {metric: best_campaign_uplift, compare: at_least, threshold: 1.5}}",
            "  - {id: f, pillar: Z, text: team, text_zh: 团队, why: w, why_zh: 因}",
            "  - {id: g, pillar: Z, text: script, text_zh: 脚本, why: w, why_zh: 因}",
            "  - {id: h, pillar: Z, text: entry rate, text_zh: 进入率, why: w, why_zh: 因, evidence: {metric: entry_rate, compare: at_least, threshold: 0.2}}");
        Write("answers.yml",
            "settings:",
            "  gross_margin: 0.5",
            "answers:",
            "  f: {answer: partly, note: no 投手 yet}",
            "  zz-unknown: yes");
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "playbook-checklist-" + Guid.NewGuid().ToString("N"));

    public string File(string name) => Path.Combine(Folder, name);

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    private void Write(string name, params string[] lines) => System.IO.File.WriteAllText(File(name), string.Join("\n", lines) + "\n");
}

public class ScorecardTests
{
    private const int Digits = 6;

    [Theory]
    [InlineData("role_share", "role=self", 200 / 500.0)]       // own O1 100 + O2 100 of net 100+100+150+60+40+50
    [InlineData("role_share", "role=top_kol", 150 / 500.0)]    // kol 200 − 50
    [InlineData("role_share", "role=talent", 250 / 500.0)]     // kol 150 + m1 60 + m2 40
    [InlineData("role_share", "role=shelf", 50 / 500.0)]
    [InlineData("max_talent_share", "", 150 / 250.0)]
    [InlineData("active_matrix_talents", "", 2)]
    [InlineData("refund_rate", "", 50 / 550.0)]
    [InlineData("good_review_rate", "", 2 / 3.0)]              // O1, O3 positive; O2 negative
    [InlineData("fan_order_share", "", 2 / 3.0)]               // O1, O3 fans; O2 not; the rest unknown
    [InlineData("exclusive_share", "", 100 / 500.0)]           // px on O1
    [InlineData("paid_share_of_self", "", 100 / 200.0)]
    [InlineData("repurchase_rate", "", 1 / 5.0)]               // B1 twice; B2..B5 once
    [InlineData("live_days_per_week", "role=self", 7.0)]       // two days in a two-day span
    [InlineData("session_hours_per_live_day", "role=self", 3.0)] // (4 + 2) / 2
    [InlineData("avg_watch_seconds", "role=self", 75.0)]        // (60×100 + 80×300) / 400
    [InlineData("entry_rate", "", 550 / 3000.0)]
    [InlineData("uv_value", "role=self", 200 / 400.0)]         // own live GMV on session days / viewers
    [InlineData("roi", "", 100 / 40.0)]                         // the row without attribution is left out
    [InlineData("roi_over_break_even", "", 2.5 / 2.2)]          // break-even 1 / (0.5 × (1 − 50/550))
    public void Measure_HandFixture_ByHand(string metric, string parameters, double expected)
    {
        using var fixture = new ChecklistFixture();
        var context = new EvidenceContext(new BrandData(fixture.Folder), new Dictionary<string, double> { ["gross_margin"] = 0.5 });
        var args = parameters.Length == 0 ? [] : parameters.Split(',').Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);

        Assert.Equal(expected, EvidenceMetrics.Measure(metric, args, context)!.Value, Digits);
    }

    [Fact]
    public void Evaluate_HandFixture_StatusesScoresAndFixFirst()
    {
        using var fixture = new ChecklistFixture();
        var list = ChecklistFiles.LoadFile(fixture.File("checklist.yml"));
        var card = Scorecard.Evaluate([list], new BrandData(fixture.Folder), AnswerSheet.Load(fixture.File("answers.yml")));

        Assert.Equal(
            [
                ("a", ItemStatus.Met), ("b", ItemStatus.NotMet), ("c", ItemStatus.NotMet), ("d", ItemStatus.Met),
                ("e", ItemStatus.Unknown), ("f", ItemStatus.Partly), ("g", ItemStatus.Unknown), ("h", ItemStatus.NotMet),
            ],
            card.Items.Select(i => (i.Item.Id, i.Status)));
        Assert.Equal(
            [("all", 2, 4, 2), ("X", 1, 1, 0), ("Y", 1, 1, 1), ("Z", 0, 2, 1)],
            card.Scores.Select(s => (s.Pillar, s.Met, s.NotMet, s.Unknown)));

        // Gaps: b (0.6 − 0.25) / 0.25 = 1.4; f partly 0.5; c (0.9 − 2/3) / 0.9 = 0.26; h (0.2 − 0.1833) / 0.2 = 0.083.
        Assert.Equal(["b", "f", "c"], card.FixFirst.Select(i => i.Item.Id));
        Assert.Equal(["the answers file answers 'zz-unknown', which no checklist has"], card.Warnings);
        Assert.Equal("answered partly: no 投手 yet", card.Items.Single(i => i.Item.Id == "f").Evidence);
    }

    [Fact]
    public void Evaluate_DataMissing_UnknownNotFailed()
    {
        using var fixture = new ChecklistFixture();
        var list = ChecklistFiles.LoadFile(fixture.File("checklist.yml"));
        var card = Scorecard.Evaluate([list], new BrandData(fixture.Folder));

        var d = card.Items.Single(i => i.Item.Id == "d");
        Assert.Equal((ItemStatus.Unknown, "needs the gross_margin setting in the answers file"), (d.Status, d.Missing));
        var e = card.Items.Single(i => i.Item.Id == "e");
        Assert.Equal((ItemStatus.Unknown, $"needs campaigns.csv in {fixture.Folder}"), (e.Status, e.Missing));

        var none = Scorecard.Evaluate([list], data: null);
        Assert.All(none.Items, i => Assert.Equal(ItemStatus.Unknown, i.Status));
        Assert.Equal(0, none.Scores.Single(s => s.Pillar == "all").NotMet);
    }

    [Theory]
    [InlineData("checklist: t\ntitle: T\ntitle_zh: 测\nitems:\n  - {id: a, pillar: X, text: t, text_zh: 字, why: w, why_zh: 因, evidence: {metric: vibes, compare: at_least, threshold: 1}}\n", "c.yml:5: item a: unknown metric 'vibes'")]
    [InlineData("checklist: t\ntitle: T\ntitle_zh: 测\nitems:\n  - {id: a, pillar: X, text: t, text_zh: 字, why: w, why_zh: 因, evidence: {metric: role_share, compare: at_least, threshold: 1}}\n", "c.yml:5: item a: metric role_share needs role")]
    [InlineData("checklist: t\ntitle: T\ntitle_zh: 测\nitems:\n  - {id: a, pillar: X, text: t, text_zh: 字, why: w, why_zh: 因, evidence: {metric: roi, compare: above, threshold: 1}}\n", "c.yml:5: item a: compare 'above' is not at_least or at_most")]
    [InlineData("checklist: t\ntitle: T\ntitle_zh: 测\nitems:\n  - {id: a, pillar: X, text: t, text_zh: 字, why: w, why_zh: 因, evidence: {metric: roi, compare: at_least, threshold: high}}\n", "c.yml:5: item a: threshold 'high' is not a number")]
    [InlineData("checklist: t\ntitle: T\ntitle_zh: 测\nitems:\n  - id: a\n    pillar: X\n    text: t\n    why: w\n", "c.yml:5: 'text_zh' is missing")]
    [InlineData("checklist: t\ntitle: T\ntitle_zh: 测\nitems:\n  - id: a\n    pillar: X\n    text: t\n    text_zh: 字\n    why: w\n", "c.yml:5: 'why_zh' is missing")]
    [InlineData("checklist: t\ntitle: T\ntitle_zh: 测\nitems:\n  - {id: a, pillar: X, text: t, text_zh: 字, why: w, why_zh: 因}\n  - {id: a, pillar: X, text: t, text_zh: 字, why: w, why_zh: 因}\n", "c.yml:6: item id 'a' is used twice")]
    [InlineData("checklist: t\ntitle: [unclosed\n", "c.yml:3: not valid YAML")]
    public void LoadFile_Malformed_FailsWithFileLineAndReason(string yaml, string message)
    {
        var folder = Path.Combine(Path.GetTempPath(), "playbook-cl-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var file = Path.Combine(folder, "c.yml");
            File.WriteAllText(file, yaml);
            var e = Assert.Throws<InputException>(() => ChecklistFiles.LoadFile(file));

            Assert.StartsWith(Path.Combine(folder, message), e.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Content_AtLeastFortyItemsInBothLanguagesWithSources()
    {
        var lists = ChecklistFiles.Load(Path.Combine(Repo.Root, "data", "checklists"));
        var items = lists.SelectMany(l => l.Items).ToList();

        Assert.Equal(["case-lessons", "fact", "self-broadcast", "steps"], lists.Select(l => l.Id));
        Assert.True(items.Count >= 40, $"{items.Count} items");
        Assert.All(items, i => Assert.Contains("Source", i.Why, StringComparison.Ordinal));
        Assert.All(items, i => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", i.TextZh));
        Assert.All(items, i => Assert.Contains("来源", i.WhyZh, StringComparison.Ordinal));
        Assert.Equal(["A", "C", "F", "T", "shelf"], lists.Single(l => l.Id == "fact").Items.Select(i => i.Pillar).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(["E", "P", "S-self", "S-supply", "T"], lists.Single(l => l.Id == "steps").Items.Select(i => i.Pillar).Distinct().Order(StringComparer.Ordinal));
        Assert.True(items.Count(i => i.Evidence is not null) >= 20);
    }

    [Fact]
    public void Html_Chinese_ChineseTextOnlyAndStatusesInChinese()
    {
        var (exit, html, _) = CommandLine.Run("checklist", "--case", "three-squirrels", "--checklist", "fact", "--format", "html", "--lang", "zh");
        var lists = ChecklistFiles.Load(Path.Combine(Repo.Root, "data", "checklists"));
        var item = lists.Single(l => l.Id == "fact").Items[0];

        Assert.Equal(0, exit);
        Assert.Contains("<html lang=\"zh-CN\">", html, StringComparison.Ordinal);
        Assert.Contains("<h1>检查清单评分卡", html, StringComparison.Ordinal);
        // The item in Chinese, without its English.
        Assert.Contains(System.Net.WebUtility.HtmlEncode(item.TextZh), html, StringComparison.Ordinal);
        Assert.DoesNotContain(System.Net.WebUtility.HtmlEncode(item.Text), html, StringComparison.Ordinal);
        Assert.Matches("<td class=\"(met|not_met|unknown)\">(达标|未达标|未知)</td>", html);

        // Why it matters, in Chinese only.
        Assert.Contains(System.Net.WebUtility.HtmlEncode(item.WhyZh), html, StringComparison.Ordinal);
        Assert.DoesNotContain(System.Net.WebUtility.HtmlEncode(item.Why), html, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_UserTextEncodedAndRadarDrawn()
    {
        var item = new ChecklistItem("x", "t", "P<1>", "<script>alert(1)</script>", "字", "why & how", null, "f", 1);
        var card = Scorecard.Evaluate([new Checklist("t", "Title", "标题", [item])], null);
        var html = ScorecardHtml.Render(card, "<my data>");

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;my data&gt;", html, StringComparison.Ordinal);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Contains("P&lt;1&gt; n/a", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Command_JsonForACase_ItemsAndScores()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = PlaybookCommand.Run(["checklist", "--case", "dora-doshang", "--checklist", "steps", "--format", "json"], stdout, stderr);

        Assert.Equal(0, exit);
        var json = JsonDocument.Parse(stdout.ToString()).RootElement;
        var items = json.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(14, items.Count);
        Assert.All(items, i => Assert.Equal("steps", i.GetProperty("checklist").GetString()));
        var scores = json.GetProperty("scores").EnumerateArray().ToList();
        var all = scores.Single(s => s.GetProperty("pillar").GetString() == "all");
        Assert.Equal(14, all.GetProperty("met").GetInt32() + all.GetProperty("not_met").GetInt32() + all.GetProperty("unknown").GetInt32());
    }

    [Fact]
    public void Command_UnknownAnswerId_Reported()
    {
        using var fixture = new ChecklistFixture();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = PlaybookCommand.Run(["checklist", "--data", fixture.Folder, "--answers", fixture.File("answers.yml"), "--format", "json"], stdout, stderr);

        Assert.Equal(0, exit);
        Assert.Contains("playbook checklist: warning: the answers file answers 'zz-unknown', which no checklist has", stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("the answers file answers 'zz-unknown'", stdout.ToString(), StringComparison.Ordinal);
    }
}
