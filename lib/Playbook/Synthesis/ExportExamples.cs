using System.Globalization;
using System.Text;
using Playbook.Canonical;
using Playbook.Files;
using Playbook.Sources;

namespace Playbook.Synthesis;

/// <summary>
/// Example downloads in every layout the workspace reads, for a fictional brand, from a seeded
/// simulation: a Douyin month (抖店 order exports as CSV and as .xlsx, a 罗盘 直播间列表, 千川 标准推广
/// and 全域推广 reports, and the accounts table an analyst writes) and a Kuaishou month (a 快手小店
/// 订单导出 of ten days of the Dora Doshang simulation), in the forms real downloads have (流量类型 其他, the
/// shelf's 达人ID 0, orders closed after a refund, ids with a trailing tab, masked fields, a sheet that
/// declares its size as A1, a 千川 day restated by a later download). Same seed, same bytes. Nothing in
/// them is a fact.
/// </summary>
public static class ExportExamples
{
    /// <summary>The Douyin brand's own accounts (its flagship room and its brand account).</summary>
    public static readonly string[] OwnAccounts = ["71000001", "71000002"];

    private const int Talents = 24;
    private const int HeadCreators = 2;
    private static readonly DateOnly First = new(2026, 9, 1);
    private static readonly DateOnly Last = new(2026, 9, 30);
    private static readonly string[] ProductNames = ["每日坚果 750g", "夏威夷果 500g", "碧根果 210g", "年货礼盒 2kg", "芒果干 120g", "猪肉脯 200g", "腰果 500g", "开心果 300g"];

    /// <summary>Writes <c>douyin/</c> and <c>kuaishou/</c> under <paramref name="directory"/>; returns the files written, relative to it.</summary>
    public static IReadOnlyList<string> Write(string directory, ulong seed = 2026)
    {
        var random = new SeededRandom(seed);
        var douyin = Path.Combine(directory, "douyin");
        var kuaishou = Path.Combine(directory, "kuaishou");
        Directory.CreateDirectory(douyin);
        Directory.CreateDirectory(kuaishou);
        List<string> written = [];

        var accounts = DouyinAccounts(random.Fork("accounts"));
        CanonicalCsv.Write(Path.Combine(douyin, "accounts.csv"), accounts);
        written.Add("douyin/accounts.csv");

        var orders = DouyinOrders(accounts, random.Fork("orders"));
        var nicknames = accounts.ToDictionary(a => a.AccountId, StringComparer.Ordinal);

        // The first half of the month as the CSV the export button gives; the second re-saved as .xlsx.
        var half = new DateOnly(2026, 9, 15).ToDateTime(TimeOnly.MaxValue);
        DouyinOrderExport.Instance.Write(Path.Combine(douyin, "抖店订单_2026-09-01_2026-09-15.csv"), orders.Where(o => o.Order.PaidAt <= half).Select(o => o.Order), nicknames);
        written.Add("douyin/抖店订单_2026-09-01_2026-09-15.csv");
        XlsxWriter.Write(Path.Combine(douyin, "抖店订单_2026-09-16_2026-09-30.xlsx"), [DouyinOrdersSheet(orders.Where(o => o.Order.PaidAt > half).ToList(), nicknames)]);
        written.Add("douyin/抖店订单_2026-09-16_2026-09-30.xlsx");

        var sessions = CompassList(accounts, orders, random.Fork("sessions"));
        XlsxWriter.Write(Path.Combine(douyin, "罗盘_直播间列表_2026-09.xlsx"), [sessions]);
        written.Add("douyin/罗盘_直播间列表_2026-09.xlsx");

        var (standard, uni, restated) = Qianchuan(orders, random.Fork("qianchuan"));
        XlsxWriter.Write(Path.Combine(douyin, "千川_标准推广_2026-09.xlsx"), [standard]);
        written.Add("douyin/千川_标准推广_2026-09.xlsx");
        File.WriteAllText(Path.Combine(douyin, "千川_全域推广_2026-09.csv"), uni, Files.TextEncodings.Gb18030);
        written.Add("douyin/千川_全域推广_2026-09.csv");
        File.WriteAllText(Path.Combine(douyin, "千川_全域推广_2026-09-28_2026-09-30.csv"), restated, Files.TextEncodings.Gb18030);
        written.Add("douyin/千川_全域推广_2026-09-28_2026-09-30.csv");

        var kuaishouName = "订单导出_20210601_dd0531.xlsx";
        XlsxWriter.Write(Path.Combine(kuaishou, kuaishouName), [KuaishouOrders()]);
        written.Add("kuaishou/" + kuaishouName);
        return written;
    }

    private static List<Account> DouyinAccounts(SeededRandom random)
    {
        List<Account> accounts =
        [
            new() { AccountId = OwnAccounts[0], Platform = Platform.Douyin, Nickname = "样例坚果官方旗舰店", Role = SellerRole.Self, BrandOwned = true, Followers = 3_200_000 },
            new() { AccountId = OwnAccounts[1], Platform = Platform.Douyin, Nickname = "样例坚果", BrandOwned = true, Followers = 860_000 },
        ];
        for (var i = 0; i < HeadCreators + Talents; i++)
        {
            var head = i < HeadCreators;
            accounts.Add(new Account
            {
                AccountId = (72_000_001 + i).ToString(CultureInfo.InvariantCulture),
                Platform = Platform.Douyin,
                Nickname = head ? $"美食大V{i + 1}" : $"零食达人{i - HeadCreators + 1:00}",
                BrandOwned = false,
                Followers = head ? 8_000_000 + (i * 3_000_000) : (long)Math.Round(Math.Exp(random.Uniform(Math.Log(20_000), Math.Log(2_000_000)))),
            });
        }

        return accounts;
    }

    private sealed record SimOrder(Order Order, bool Unpaid, string Status, string Form);

    private static List<SimOrder> DouyinOrders(List<Account> accounts, SeededRandom random)
    {
        var talentPull = Draw.Zipf(Talents, 1.1);
        var orders = new List<SimOrder>();
        var n = 0;
        foreach (var day in Draw.Days(First, Last))
        {
            var count = (int)Math.Round(70 * Draw.Weekday(day) * random.Noise(0.15));
            for (var i = 0; i < count; i++)
            {
                var pick = random.NextDouble();
                string? account = pick switch
                {
                    < 0.45 => OwnAccounts[pick < 0.33 ? 0 : 1],
                    < 0.60 => accounts[2 + random.Next(HeadCreators)].AccountId,
                    < 0.95 => accounts[2 + HeadCreators + random.Pick(talentPull)].AccountId,
                    _ => null,
                };
                var product = random.Next(ProductNames.Length);
                var quantity = random.Chance(0.2) ? 2 : 1;
                var gmv = Draw.Cents((29.9 + (product * 17.5)) * quantity * random.Uniform(0.75, 0.95));
                var paid = day.ToDateTime(new TimeOnly(8, 0)).AddSeconds(random.Next(16 * 3600));
                n++;
                var id = (6_953_000_000_000_000_000L + (n * 1000L)).ToString(CultureInfo.InvariantCulture);
                var channel = account is null ? Channel.ProductCard : random.Chance(0.8) ? Channel.Live : Channel.ShortVideo;

                // Same-day orders of the export's last day are not classified yet; a few were never paid.
                var form = day == Last && paid.Hour >= 22 ? DouyinOrderExport.FormNotYetOut : "";
                var unpaid = random.Chance(0.03);
                var refunded = random.Chance(0.05);

                // As a real download: never paid is 已关闭 without a payment time; refunded in full is 已关闭 with one.
                var status = unpaid || refunded ? "已关闭" : random.Chance(0.5) ? "已完成" : "已发货";
                var traffic = random.NextDouble();
                orders.Add(new SimOrder(
                    new Order
                    {
                        OrderId = id[..^1] + "1",
                        ParentOrderId = id,
                        Platform = Platform.Douyin,
                        PaidAt = paid,
                        AccountId = account,
                        Channel = channel,
                        // 流量类型 其他 on many ordinary orders, as a real download has it: the traffic type is unknown.
                        TrafficType = traffic < 0.3 ? TrafficType.Paid : traffic < 0.7 ? TrafficType.Organic : null,
                        ProductId = (3_500_000_000_000_000_001L + product).ToString(CultureInfo.InvariantCulture),
                        Quantity = quantity,
                        Gmv = gmv,
                        Refund = refunded ? gmv : 0m,
                        BuyerId = string.Create(CultureInfo.InvariantCulture, $"dy{(long)(random.NextDouble() * random.NextDouble() * 3000):000000}"),
                    },
                    unpaid,
                    status,
                    form));
            }
        }

        return orders;
    }

    private static XlsxSheet DouyinOrdersSheet(List<SimOrder> orders, Dictionary<string, Account> accounts)
    {
        // The newer layout as a spreadsheet user keeps it: 商品金额 and 货号 among the columns, ids as text (some
        // with the tab after them), the shelf's 达人ID 0, masked and encrypted receiver fields, and the sheet's
        // size declared as A1, as some exporting libraries write it.
        string[] header = ["主订单编号", "子订单编号", "选购商品", "商品ID", "商品数量", "商品金额", "货号", "订单应付金额", "订单提交时间", "支付完成时间", "订单状态", "售后状态", "取消原因",
            "达人ID", "达人昵称", "流量类型", "流量体裁", "流量渠道", "收件人", "收件人手机号", "买家ID"];
        IEnumerable<IReadOnlyList<XlsxCell>> Rows()
        {
            yield return [.. header.Select(h => XlsxCell.Of(h))];
            var n = 0;
            foreach (var (o, unpaid, status, form) in orders)
            {
                var product = (int)(long.Parse(o.ProductId, CultureInfo.InvariantCulture) - 3_500_000_000_000_000_001L);
                var kind = form.Length > 0 ? form : o.TrafficType switch { TrafficType.Paid => "付费流量", TrafficType.Organic => "自然流量", _ => "其他" };
                n++;
                yield return
                [
                    XlsxCell.Of(o.ParentOrderId), XlsxCell.Of(n % 7 == 0 ? o.OrderId + "\t" : o.OrderId), XlsxCell.Of(ProductNames[product]), XlsxCell.Of(o.ProductId), XlsxCell.Of(o.Quantity),
                    XlsxCell.Of(29.9 + (product * 17.5)), XlsxCell.Of($"NUT-{product:00}"), XlsxCell.Of((double)o.Gmv), XlsxCell.Of(o.PaidAt.AddSeconds(-20)),
                    unpaid ? XlsxCell.Of("") : XlsxCell.Of(o.PaidAt), XlsxCell.Of(status), XlsxCell.Of(o.Refund > 0 ? "退款成功" : "-"), XlsxCell.Of(unpaid ? "超时未支付" : ""),
                    XlsxCell.Of(o.AccountId ?? DouyinOrderExport.NoTalent), XlsxCell.Of(o.AccountId is { } a ? accounts[a].Nickname : "-"),
                    XlsxCell.Of(kind), XlsxCell.Of(form.Length > 0 ? form : DouyinOrderExport.FormOf(o.Channel)), XlsxCell.Of(form.Length > 0 ? form : "推荐feed"),
                    XlsxCell.Of(string.Create(CultureInfo.InvariantCulture, $"##{n:x8}##")), XlsxCell.Of("***"), XlsxCell.Of(o.BuyerId),
                ];
            }
        }

        return new XlsxSheet("订单", [.. Rows()], Dimension: "A1");
    }

    private static XlsxSheet CompassList(List<Account> accounts, List<SimOrder> orders, SeededRandom random)
    {
        string[] header = ["主播昵称", "主播抖音号", "直播开始时间", "直播结束时间", "直播时长(分钟)", "直播间曝光人数", "直播间曝光次数", "直播间观看人数", "直播间观看次数", "最高在线人数", "平均在线人数",
            "人均观看时长(分钟)", "新增粉丝数", "直播间成交订单数", "直播间成交金额", "直播间成交人数", "直播间退款金额", "观看-成交率(人数)"];
        List<IReadOnlyList<XlsxCell>> rows = [[XlsxCell.Of("直播间列表 2026/09/01 - 2026/09/30")], [.. header.Select(h => XlsxCell.Of(h))]];
        var live = orders.Where(o => o.Order.Channel == Channel.Live && o.Order.AccountId is not null && !o.Unpaid)
            .GroupBy(o => (DateOnly.FromDateTime(o.Order.PaidAt), o.Order.AccountId!))
            .ToDictionary(g => g.Key, g => g.ToList());
        foreach (var ((day, account), sold) in live.OrderBy(l => l.Key.Item1).ThenBy(l => l.Key.Item2, StringComparer.Ordinal))
        {
            var start = day.ToDateTime(new TimeOnly(OwnAccounts.Contains(account) ? 9 : 19, 0)).AddMinutes(random.Next(30));
            var minutes = OwnAccounts.Contains(account) ? 480 + random.Next(120) : 120 + random.Next(60);
            var buyers = sold.Select(o => o.Order.BuyerId).Distinct(StringComparer.Ordinal).Count();
            var viewers = (long)(buyers / random.Uniform(0.02, 0.05));
            var views = (long)(viewers * random.Uniform(1.3, 1.8));
            var exposed = (long)(viewers / random.Uniform(0.15, 0.3));
            var gmv = sold.Sum(o => o.Order.Gmv);
            rows.Add(
            [
                XlsxCell.Of(accounts.First(a => a.AccountId == account).Nickname), XlsxCell.Of(account),
                XlsxCell.Of(start.ToString("yyyy/MM/dd HH:mm:ss", CultureInfo.InvariantCulture)), XlsxCell.Of(start.AddMinutes(minutes).ToString("yyyy/MM/dd HH:mm:ss", CultureInfo.InvariantCulture)),
                XlsxCell.Of(minutes), XlsxCell.Of(exposed), XlsxCell.Of((long)(exposed * 1.4)), XlsxCell.Of(viewers), XlsxCell.Of(views),
                random.Chance(0.1) ? XlsxCell.Of("-") : XlsxCell.Of((long)(viewers * random.Uniform(0.04, 0.08))), XlsxCell.Of((long)(viewers * 0.03)),
                XlsxCell.Of(Math.Round(random.Uniform(0.8, 2.6), 2)), random.Chance(0.1) ? XlsxCell.Of("-") : XlsxCell.Of((long)(viewers * random.Uniform(0.005, 0.02))),
                XlsxCell.Of(sold.Count), XlsxCell.Of((double)gmv), XlsxCell.Of(buyers), XlsxCell.Of((double)sold.Sum(o => o.Order.Refund)),
                XlsxCell.Of(Math.Round(buyers / (double)viewers, 4)),
            ]);
        }

        return new XlsxSheet("直播间列表", rows);
    }

    private static (XlsxSheet Standard, string Uni, string Restated) Qianchuan(List<SimOrder> orders, SeededRandom random)
    {
        string[] header = ["日期", "账户ID", "计划ID", "计划名称", "抖音号ID", "抖音号名称", "消耗(元)", "展示次数", "点击次数", "点击率(%)", "直接成交订单数", "直接成交金额(元)", "直接支付ROI"];
        List<IReadOnlyList<XlsxCell>> rows = [[.. header.Select(h => XlsxCell.Of(h))]];
        var uni = new StringBuilder("日期,抖音号名称,抖音号ID,整体消耗,整体成交金额,整体支付ROI,整体成交订单数,整体点击率\n");
        var days = new List<(DateOnly Day, decimal Spend, decimal Gmv, int Orders)>();
        foreach (var day in Draw.Days(First, Last))
        {
            var paid = orders.Where(o => o.Order.AccountId == OwnAccounts[0] && o.Order.TrafficType == TrafficType.Paid && DateOnly.FromDateTime(o.Order.PaidAt) == day).ToList();
            var gmv = paid.Sum(o => o.Order.Gmv);
            var spend = Draw.Cents((double)gmv / random.Uniform(2.2, 3.6));
            var shown = (long)((double)spend * random.Uniform(40, 70));
            var clicks = (long)(shown * random.Uniform(0.01, 0.03));
            var plans = new[] { ("1001", "爆款直播间"), ("1002", "新品测款") };
            var share = random.Uniform(0.55, 0.8);
            for (var p = 0; p < plans.Length; p++)
            {
                var part = p == 0 ? share : 1 - share;
                var planSpend = Draw.Cents((double)spend * part);
                var planGmv = Draw.Cents((double)gmv * part);
                rows.Add(
                [
                    XlsxCell.Of(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), XlsxCell.Of("1788000000001"), XlsxCell.Of(plans[p].Item1), XlsxCell.Of(plans[p].Item2),
                    XlsxCell.Of(OwnAccounts[0]), XlsxCell.Of("样例坚果官方旗舰店"),
                    XlsxCell.Of(planSpend.ToString("#,##0.00", CultureInfo.InvariantCulture)), XlsxCell.Of((long)(shown * part)), XlsxCell.Of((long)(clicks * part)),
                    XlsxCell.Of(Math.Round(clicks * 100.0 / Math.Max(1, shown), 2)), XlsxCell.Of((long)Math.Round(paid.Count * part)),
                    XlsxCell.Of(planGmv.ToString("#,##0.00", CultureInfo.InvariantCulture)), XlsxCell.Of(planSpend == 0 ? 0 : Math.Round((double)(planGmv / planSpend), 2)),
                ]);
            }

            days.Add((day, spend, gmv, paid.Count));
        }

        // 全域推广: the total row first, as the download puts it; money with commas, rates with %.
        static string Money(decimal v) => "\"" + v.ToString("#,##0.00", CultureInfo.InvariantCulture) + "\"";
        var totalSpend = days.Sum(d => d.Spend) * 0.4m;
        var totalGmv = days.Sum(d => d.Gmv) * 0.4m;
        uni.Append(CultureInfo.InvariantCulture, $"全部,-,-,{Money(Draw.Cents((double)totalSpend))},{Money(Draw.Cents((double)totalGmv))},{(totalSpend == 0 ? 0 : totalGmv / totalSpend):0.00},{days.Sum(d => d.Orders)},2.10%\n");
        foreach (var (day, spend, gmv, count) in days)
        {
            uni.Append(CultureInfo.InvariantCulture, $"{day:yyyy-MM-dd},样例坚果,{OwnAccounts[1]},{Money(Draw.Cents((double)spend * 0.4))},{Money(Draw.Cents((double)gmv * 0.4))},{(spend == 0 ? 0 : gmv / spend):0.00},{count},{random.Uniform(1.5, 2.8):0.00}%\n");
        }

        // A download of the last three days taken two days later, as a real one restates them: the
        // attributed GMV has grown a little as late orders came in, the spend is the same.
        var restated = new StringBuilder("日期,抖音号名称,抖音号ID,整体消耗,整体成交金额,整体支付ROI,整体成交订单数,整体点击率\n");
        foreach (var (day, spend, gmv, count) in days.TakeLast(3))
        {
            var later = gmv * (decimal)random.Uniform(1.01, 1.04);
            restated.Append(CultureInfo.InvariantCulture, $"{day:yyyy-MM-dd},样例坚果,{OwnAccounts[1]},{Money(Draw.Cents((double)spend * 0.4))},{Money(Draw.Cents((double)later * 0.4))},{(spend == 0 ? 0 : later / spend):0.00},{count + 1},{random.Uniform(1.5, 2.8):0.00}%\n");
        }

        return (new XlsxSheet("标准推广", rows), uni.ToString(), restated.ToString());
    }

    private static XlsxSheet KuaishouOrders()
    {
        // The last ten days of the Dora Doshang simulation as the shop downloads them: the founder's and the store's
        // rooms are the shop's own (自营), talents sell through distribution (分销, CPS达人ID).
        var tables = DoraDoshangModel.Generate();
        var month = tables.Orders!.Where(o => o.PaidAt >= new DateTime(2021, 5, 22)).OrderBy(o => o.PaidAt).ToList();
        var nicknames = tables.Accounts.ToDictionary(a => a.AccountId, a => a.Nickname ?? "", StringComparer.Ordinal);
        var own = tables.Accounts.Where(a => a.BrandOwned == true).Select(a => a.AccountId).ToHashSet(StringComparer.Ordinal);
        string[] header = ["订单号", "订单创建时间", "订单支付时间", "订单状态", "实付款", "成交数量", "售后状态", "订单载体", "商品名称", "商品ID", "商品单价", "渠道",
            "CPS达人ID", "CPS达人昵称", "团长ID", "团长昵称", "快赚客ID", "快赚客昵称"];
        List<IReadOnlyList<XlsxCell>> rows = [[.. header.Select(h => XlsxCell.Of(h))]];
        foreach (var o in month)
        {
            var talent = o.AccountId is { } a && !own.Contains(a);
            var carrier = o.Channel switch { Channel.Live => "直播间", Channel.ShortVideo => "短视频", _ => "商品卡" };
            rows.Add(
            [
                XlsxCell.Of(o.OrderId), XlsxCell.Of(o.PaidAt.AddSeconds(-30)), XlsxCell.Of(o.PaidAt), XlsxCell.Of(o.Refund > 0 ? "交易关闭" : "交易成功"),
                XlsxCell.Of("¥" + o.Gmv.ToString("#,##0.00", CultureInfo.InvariantCulture)), XlsxCell.Of(o.Quantity), XlsxCell.Of(o.Refund > 0 ? "退款成功" : "-"),
                XlsxCell.Of(carrier), XlsxCell.Of("朵拉朵尚 " + o.ProductId), XlsxCell.Of(o.ProductId), XlsxCell.Of((double)(o.Gmv / o.Quantity)), XlsxCell.Of(talent ? "分销" : "自营"),
                XlsxCell.Of(talent ? o.AccountId : o.Quantity > 1 ? "0" : "-"), XlsxCell.Of(talent ? nicknames[o.AccountId!] : "-"), XlsxCell.Of("0"), XlsxCell.Of("-"), XlsxCell.Of("-"), XlsxCell.Of("-"),
            ]);
        }

        return new XlsxSheet("订单", rows);
    }
}
