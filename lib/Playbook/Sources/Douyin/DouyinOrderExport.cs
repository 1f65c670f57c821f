using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Playbook.Canonical;

namespace Playbook.Sources;

/// <summary>
/// The 抖店 (Douyin shop) order export in 商品维度 (one row per sub-order), mapped to canonical
/// orders and the accounts it names, as DESIGN.md says. Columns are matched by their Chinese names in
/// any order; columns not listed here are ignored, since they move between export versions.
/// Reading (<see cref="Bind"/>, with its fast path for clean rows) and writing (<see cref="Write"/>,
/// for fixtures and benchmarks) sit side by side.
/// <para>
/// The rules, as a real download showed them (issue 21; DOMAIN.md, Real export formats):
/// <list type="bullet">
/// <item>An order is <b>unpaid</b> only when it has no 支付完成时间, or when its 订单状态 says it still awaits
/// payment (待支付, 待付款), or its 取消原因 says it was cancelled before payment (未支付, 未付款). Nothing else
/// makes an order unpaid: <b>已关闭 or 已取消 with a payment time is a paid order</b>, closed after its refund;
/// its GMV counts, and its refund is what 售后状态 says (退款成功: the whole amount). A closed paid order
/// without 退款成功 is counted paid and noted.</item>
/// <item><b>流量类型</b> decides the traffic type only when it says so: 自然流量 is organic, a paid kind (付费,
/// 广告, 千川 …) is paid. 其他 (which the platform writes on many ordinary orders), the placeholder
/// 数据将于第二天更新 and any other word leave it unknown, counted in the load report's notes; never a rejection.</item>
/// <item><b>达人ID</b> <c>0</c> (written <c>\t0</c>) is no talent: the order belongs to the shelf, as an empty one does.</item>
/// <item><b>流量体裁</b>: 直播, 短视频, 商品卡, 搜索, 商城, 其他; the placeholder and an unknown word are read as
/// channel other and noted.</item>
/// <item>Ids may carry a tab before or after them; <c>***</c> is a masked value (none); encrypted personal
/// fields (<c>##…##</c>, <c>$$…$$</c>) are in columns this adapter does not read.</item>
/// </list>
/// </para>
/// </summary>
internal sealed class DouyinOrderExport : SourceAdapter<Order>, ILayoutWriter<Order>
{
    /// <summary>主订单编号: the parent order id.</summary>
    public const string ParentOrderId = "主订单编号";

    /// <summary>子订单编号: the sub-order id, the canonical order id when present.</summary>
    public const string SubOrderId = "子订单编号";

    /// <summary>支付完成时间: payment time; empty for an unpaid order.</summary>
    public const string PaidAt = "支付完成时间";

    /// <summary>订单状态: order status; 待支付 / 待付款 mark an unpaid order, 已关闭 / 已取消 a closed one (paid when it has a payment time).</summary>
    public const string Status = "订单状态";

    /// <summary>售后状态: after-sale status; 退款成功 means the whole amount was refunded.</summary>
    public const string AfterSale = "售后状态";

    /// <summary>取消原因: why an order was cancelled; 未支付 / 未付款 mark one cancelled before payment.</summary>
    public const string CancelReason = "取消原因";

    /// <summary>达人ID: the seller account; empty or <c>0</c> for a shelf order.</summary>
    public const string TalentId = "达人ID";

    /// <summary>达人昵称: the seller's nickname, which becomes the account's nickname.</summary>
    public const string TalentNickname = "达人昵称";

    /// <summary>流量类型: 自然流量 (organic) or a paid kind.</summary>
    public const string TrafficKind = "流量类型";

    /// <summary>流量体裁: 直播 / 短视频 / 商品卡 / 其他.</summary>
    public const string TrafficForm = "流量体裁";

    /// <summary>商品ID: the product id.</summary>
    public const string ProductId = "商品ID";

    /// <summary>商品数量: units.</summary>
    public const string Quantity = "商品数量";

    /// <summary>订单应付金额: the amount payable, the order's GMV.</summary>
    public const string AmountPayable = "订单应付金额";

    /// <summary>买家ID: the buyer, in exports that have it.</summary>
    public const string BuyerId = "买家ID";

    /// <summary>用户ID: the buyer, in exports that call it so.</summary>
    public const string UserId = "用户ID";

    /// <summary>流量体裁, 流量类型 and 流量渠道 of an order of today: the export fills them in the next day; read as unknown (channel other) and noted.</summary>
    internal const string FormNotYetOut = "数据将于第二天更新";

    /// <summary>The 达人ID of an order no talent drove (product card, search, the shop's shelf).</summary>
    internal const string NoTalent = "0";

    /// <summary>The note for a 流量类型 of 其他: the platform did not classify the order's traffic.</summary>
    internal const string KindOtherNote = TrafficKind + " '其他' (the platform did not classify the order's traffic): traffic type unknown";

    /// <summary>The note for a 流量类型 not yet out.</summary>
    internal const string KindNotYetOutNote = TrafficKind + " '" + FormNotYetOut + "' (an order of the export's day, not yet classified): traffic type unknown";

    /// <summary>The note for a 流量体裁 not yet out.</summary>
    internal const string FormNotYetOutNote = TrafficForm + " '" + FormNotYetOut + "' (an order of the export's day, not yet classified): read as channel other";

    /// <summary>售后状态 of a whole refund: the only after-sale state that refunds the amount.</summary>
    internal const string FullRefund = "退款成功";

    /// <summary>The one instance the registry holds.</summary>
    public static DouyinOrderExport Instance { get; } = new();

    /// <inheritdoc/>
    public override string Id => "douyin_export";

    /// <inheritdoc/>
    public override TableKind Table => TableKind.Orders;

    /// <inheritdoc/>
    public override string Title => "抖店 order export (订单管理 → 批量导出, 商品维度)";

    /// <inheritdoc/>
    internal override IReadOnlyList<string> Signature { get; } = [ParentOrderId, AmountPayable];

    /// <inheritdoc/>
    internal override IReadOnlyList<SourceColumn> Columns { get; } =
    [
        new(ParentOrderId), new(SubOrderId, Required: false), new(PaidAt), new(Status), new(AfterSale), new(CancelReason, Required: false),
        new(TalentId), new(TalentNickname, Required: false), new(TrafficKind, Required: false),
        new(TrafficForm, Required: false), new(ProductId), new(Quantity), new(AmountPayable),
        new(BuyerId, Required: false), new(UserId, Required: false),
    ];

    /// <inheritdoc/>
    public override RowMapping<Order> Bind(HeaderRow header, string file, SourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(header);
        var positions = Positions(header, file);
        var hasSubOrderId = header.Find(SubOrderId) >= 0;
        var mapping = new RowMapping<Order>
        {
            Adapter = this,
            Columns = Columns,
            Positions = positions,
            Header = header,
            IdColumn = hasSubOrderId ? SubOrderId : ParentOrderId,
            IsUnpaid = r => r.Text(PaidAt) is null || IsUnpaidStatus(r.Text(Status)) || IsCancelledBeforePayment(r.Text(CancelReason)),
            Build = (r, side) => Build(r, hasSubOrderId, side),
        };
        return mapping with { Fast = new FastRows(mapping, hasSubOrderId) };
    }

    /// <summary>
    /// Writes orders as a 抖店 export would (UTF-8 with a BOM, Chinese headers, long ids quoted
    /// behind a tab so that Excel keeps them as text), for tests and benchmarks of the importer, in
    /// the forms a real download has: a shelf order's 达人ID is <c>\t0</c>, a refunded order is 已关闭
    /// with 退款成功, and an unknown traffic type is 其他. A refund is written as 退款成功, which the
    /// importer reads as a full refund, so only orders refunded in full survive the round trip.
    /// </summary>
    public void Write(string path, IEnumerable<Order> rows, IReadOnlyDictionary<string, Account> accounts)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(accounts);
        using var writer = new StreamWriter(path, false, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16) { NewLine = "\n" };
        writer.WriteLine(string.Join(",", ParentOrderId, SubOrderId, ProductId, Quantity, AmountPayable, PaidAt, Status, AfterSale, TalentId, TalentNickname, TrafficKind, TrafficForm, BuyerId));
        static string Text(string? id) => id is null ? "" : "\"\t" + id + "\"";
        foreach (var o in rows)
        {
            var nickname = o.AccountId is not null && accounts.TryGetValue(o.AccountId, out var a) ? a.Nickname ?? "" : "";
            if (nickname.AsSpan().ContainsAny(",\"\n\r"))
            {
                nickname = "\"" + nickname.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            }

            writer.Write(Text(o.ParentOrderId ?? o.OrderId));
            writer.Write(',');
            writer.Write(Text(o.OrderId));
            writer.Write(',');
            writer.Write(Text(o.ProductId));
            writer.Write(',');
            writer.Write(o.Quantity.ToString(CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(o.Gmv.ToString("0.00", CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(o.PaidAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
            writer.Write(o.Refund > 0 ? $",已关闭,{FullRefund}," : ",已完成,-,");
            writer.Write(o.AccountId ?? "\"\t" + NoTalent + "\"");
            writer.Write(',');
            writer.Write(o.AccountId is null ? "-" : nickname);
            writer.Write(o.TrafficType switch { TrafficType.Paid => ",付费流量,", TrafficType.Organic => ",自然流量,", _ => ",其他," });
            writer.Write(FormOf(o.Channel));
            writer.Write(',');
            writer.WriteLine(o.BuyerId ?? "");
        }
    }

    /// <summary>
    /// An 订单状态 that marks an order as never paid: awaiting payment. Closed and cancelled do not: a
    /// closed order with a payment time was paid, then refunded (a real download showed it).
    /// </summary>
    internal static bool IsUnpaidStatus(ReadOnlySpan<char> status) =>
        status.Contains("待支付", StringComparison.Ordinal) || status.Contains("待付款", StringComparison.Ordinal);

    /// <summary>A 取消原因 saying the order was cancelled before it was paid (超时未支付, 买家未付款 …).</summary>
    internal static bool IsCancelledBeforePayment(ReadOnlySpan<char> reason) =>
        reason.Contains("未支付", StringComparison.Ordinal) || reason.Contains("未付款", StringComparison.Ordinal);

    /// <summary>An 订单状态 of a closed or cancelled order (已关闭, 已取消): paid when it has a payment time.</summary>
    internal static bool IsClosedStatus(ReadOnlySpan<char> status) =>
        status.Contains("关闭", StringComparison.Ordinal) || status.Contains("取消", StringComparison.Ordinal);

    /// <summary>The note for a closed order with a payment time and no 退款成功.</summary>
    internal static string ClosedWithoutRefundNote(string status) =>
        $"{Status} '{status}' with a payment time and no {FullRefund}: a paid order, counted paid with no refund";

    /// <summary>The channel a 流量体裁 names; an empty one is <see cref="Channel.Other"/>. False for a word it does not know.</summary>
    internal static bool TryChannel(ReadOnlySpan<char> form, out Channel channel)
    {
        Channel? known = form switch
        {
            "" => Channel.Other,
            "直播" => Channel.Live,
            "短视频" or "视频" => Channel.ShortVideo,
            "商品卡" => Channel.ProductCard,
            "搜索" => Channel.Search,
            "商城" => Channel.Mall,
            "其他" or "其它" => Channel.Other,
            _ => null,
        };
        channel = known ?? Channel.Other;
        return known is not null;
    }

    /// <summary>The 流量体裁 an export writes for a channel.</summary>
    internal static string FormOf(Channel channel) => channel switch
    {
        Channel.Live => "直播",
        Channel.ShortVideo => "短视频",
        Channel.ProductCard => "商品卡",
        Channel.Search => "搜索",
        Channel.Mall => "商城",
        _ => "其他",
    };

    private static Order Build(RowFields r, bool hasSubOrderId, SideRows side)
    {
        var gmv = r.Money(AmountPayable);
        var accountId = r.Id(TalentId) is { } talent && talent != NoTalent ? talent : null;
        var fullRefund = r.Text(AfterSale) == FullRefund;
        if (!fullRefund && r.Text(Status) is { } status && IsClosedStatus(status))
        {
            side.Note(ClosedWithoutRefundNote(status));
        }

        var order = new Order
        {
            OrderId = hasSubOrderId ? r.RequiredId(SubOrderId) : r.RequiredId(ParentOrderId),
            ParentOrderId = r.RequiredId(ParentOrderId),
            Platform = Platform.Douyin,
            PaidAt = r.Time(PaidAt),
            AccountId = accountId,
            Channel = ChannelOf(r.Text(TrafficForm), side),
            TrafficType = TrafficTypeOf(r.Text(TrafficKind), side),
            ProductId = r.RequiredId(ProductId),
            Quantity = ColumnTypes.Quantity.Read(r, Quantity),
            Gmv = gmv,

            // 退款成功 is a completed full refund; other after-sale states (售后中, 无售后) refund nothing yet.
            Refund = fullRefund ? gmv : 0m,
            BuyerId = r.Id(BuyerId) ?? r.Id(UserId),
        };

        if (accountId is not null)
        {
            side.Account(accountId, Platform.Douyin, r.Text(TalentNickname));
        }

        return order;
    }

    private static Channel ChannelOf(string? form, SideRows side)
    {
        if (form == FormNotYetOut)
        {
            side.Note(FormNotYetOutNote);
            return Channel.Other;
        }

        if (!TryChannel(form, out var channel))
        {
            // A word this reader does not know (the platform adds surfaces, such as 图文): the order's GMV is kept.
            side.Note($"{TrafficForm} '{form}' is not 直播, 短视频, 商品卡, 搜索, 商城 or 其他: read as channel other");
        }

        return channel;
    }

    /// <summary>The traffic type a 流量类型 says; null (noted) when it does not say organic or paid.</summary>
    private static TrafficType? TrafficTypeOf(string? kind, SideRows side)
    {
        switch (TrafficKindOf(kind))
        {
            case TrafficType known:
                return known;
            case null when kind is null:
                return null;
            case null when kind is "其他" or "其它":
                side.Note(KindOtherNote);
                return null;
            case null when kind == FormNotYetOut:
                side.Note(KindNotYetOutNote);
                return null;
            default:
                side.Note($"{TrafficKind} '{kind}' says neither 自然流量 nor a paid kind (付费流量, 广告, 千川 …): traffic type unknown");
                return null;
        }
    }

    /// <summary>Organic for 自然流量, paid for a paid kind, else null.</summary>
    private static TrafficType? TrafficKindOf(string? kind)
    {
        if (kind is null)
        {
            return null;
        }

        if (kind.Contains("自然", StringComparison.Ordinal))
        {
            return TrafficType.Organic;
        }

        string[] paidWords = ["付费", "广告", "千川", "投放", "竞价", "DOU+", "推广"];
        return paidWords.Any(w => kind.Contains(w, StringComparison.OrdinalIgnoreCase)) ? TrafficType.Paid : null;
    }

    /// <summary>
    /// An export record in the clean spelling, read straight from the text as <see cref="Build"/>
    /// would read it: the same unpaid test, 流量体裁 words and 退款成功 (asked of this class, not
    /// written again), and the same trimmed characters and null markers (asked of <see cref="FieldValues"/>).
    /// </summary>
    private sealed class FastRows(RowMapping<Order> mapping, bool hasSubOrderId) : IFastOrderRows
    {
        private readonly int parent = mapping.PositionOf(ParentOrderId);
        private readonly int orderId = mapping.PositionOf(hasSubOrderId ? SubOrderId : ParentOrderId);
        private readonly int paidAt = mapping.PositionOf(PaidAt);
        private readonly int status = mapping.PositionOf(Status);
        private readonly int cancelReason = mapping.PositionOf(CancelReason);
        private readonly int afterSale = mapping.PositionOf(AfterSale);
        private readonly int talent = mapping.PositionOf(TalentId);
        private readonly int nickname = mapping.PositionOf(TalentNickname);
        private readonly int trafficKind = mapping.PositionOf(TrafficKind);
        private readonly int trafficForm = mapping.PositionOf(TrafficForm);
        private readonly int product = mapping.PositionOf(ProductId);
        private readonly int quantity = mapping.PositionOf(Quantity);
        private readonly int amount = mapping.PositionOf(AmountPayable);
        private readonly int buyerId = mapping.PositionOf(BuyerId);
        private readonly int userId = mapping.PositionOf(UserId);

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public bool TryRow(ReadOnlySpan<char> content, ReadOnlySpan<Range> fields, int offset, IOrderSink sink)
        {
            var paid = FastFields.Field(content, fields, paidAt);

            // The importer's test, on the text as it stands: cleaning only trims a field's ends.
            var state = FastFields.Field(content, fields, status);
            if (paid.Length == 0 || IsUnpaidStatus(state) || IsCancelledBeforePayment(FastFields.Field(content, fields, cancelReason)))
            {
                sink.Unpaid();
                return true;
            }

            var after = FastFields.Field(content, fields, afterSale);
            var refunded = after.SequenceEqual(FullRefund);

            // A closed order without a full refund is noted by the plain reader.
            if (!refunded && IsClosedStatus(state))
            {
                return false;
            }

            var kind = FastFields.Field(content, fields, trafficKind);
            var buyerField = FastFields.Field(content, fields, buyerId);
            if (!FastFields.TryExportId(FastFields.Field(content, fields, parent), out var parentId) || parentId.Length == 0
                || !FastFields.TryExportId(FastFields.Field(content, fields, orderId), out var id) || id.Length == 0
                || !FastFields.TryTime(paid, out var second, out var day, out var month)
                || !FastFields.TryExportId(FastFields.Field(content, fields, talent), out var account)
                || !FastFields.TryExportId(FastFields.Field(content, fields, product), out var productId) || productId.Length == 0
                || !FastFields.TryQuantity(FastFields.Field(content, fields, quantity), out var units)
                || !FastFields.TryCents(FastFields.Field(content, fields, amount), out var gmv)
                || !(after.Length == 0 || FastFields.IsUnchangedText(after) || FieldValues.IsNullMarker(after))
                || !FastFields.TryExportId(buyerField.Length > 0 ? buyerField : FastFields.Field(content, fields, userId), out var buyer)
                || !TryChannel(FastFields.Field(content, fields, trafficForm), out _))
            {
                return false;
            }

            var trafficType = kind switch
            {
                "" => -1,
                "自然流量" => (int)TrafficType.Organic,
                "付费流量" => (int)TrafficType.Paid,
                "其他" => -3,
                _ => -2,
            };
            if (trafficType == -2)
            {
                return false;
            }

            if (trafficType == -3)
            {
                sink.Side.Note(KindOtherNote);
                trafficType = -1;
            }

            if (account.SequenceEqual(NoTalent))
            {
                account = default;
            }

            // The export names its sellers: the first row of each in the file gives the nickname.
            var side = sink.Side.Accounts;
            if (account.Length > 0 && !side.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(account))
            {
                sink.Side.Account(account.ToString(), Platform.Douyin, nickname < 0 ? null : FieldValues.Clean(FastFields.Field(content, fields, nickname).ToString()));
            }

            var refund = refunded ? gmv : 0;
            var buyerStart = buyer.Length == 0 ? 0 : offset + (int)(Unsafe.ByteOffset(ref MemoryMarshal.GetReference(content), ref MemoryMarshal.GetReference(buyer)) / sizeof(char));
            sink.Add(id, parentId, (int)Platform.Douyin, second, day, month, account, trafficType, productId, units, gmv, refund, buyer, buyerStart, -1, default, -1);
            return true;
        }
    }
}
