using Playbook.Canonical;
using Playbook.Files;

namespace Playbook.Sources;

/// <summary>
/// The 快手小店 order export (订单导出: an .xlsx encrypted with the last 6 characters of its file name,
/// or a CSV from older flows), one row per order with its product, mapped to canonical orders and
/// the accounts it names. The seller: when 渠道 is 分销, the first of CPS达人ID, 团长ID, 快赚客ID that
/// names one (a talent, with its 昵称); otherwise the shop's own sale — its live room or short videos
/// (by 订单载体) sell as the shop's own account, anything else is the shelf. The words that decide it
/// are data (<c>kuaishou-orders.yml</c>), which a user's mapping can correct (<c>extends: kuaishou_orders</c>).
/// </summary>
internal sealed class KuaishouOrderExport : SourceAdapter<Order>, IHasWords
{
    /// <summary>订单号: the order id.</summary>
    public const string OrderId = "订单号";

    /// <summary>订单支付时间: payment time.</summary>
    public const string PaidAt = "订单支付时间";

    /// <summary>订单状态: 交易成功, 已发货, 交易关闭, 待付款 ….</summary>
    public const string Status = "订单状态";

    /// <summary>实付款: the amount paid, such as <c>¥1,299.90</c>.</summary>
    public const string AmountPaid = "实付款";

    /// <summary>成交数量: units.</summary>
    public const string Quantity = "成交数量";

    /// <summary>售后状态: 退款成功 refunds the whole amount.</summary>
    public const string AfterSale = "售后状态";

    /// <summary>订单载体: where the order was placed (live room, short video, product card …).</summary>
    public const string Carrier = "订单载体";

    /// <summary>商品ID: the product id.</summary>
    public const string ProductId = "商品ID";

    /// <summary>渠道: 分销 (a talent's distribution) or 自营.</summary>
    public const string SalesChannel = "渠道";

    /// <summary>预估推广佣金: the commission the distributor is owed on the order, such as <c>¥38.97</c>.</summary>
    public const string Commission = "预估推广佣金";

    /// <summary>预估推广者分佣比例: the distributor's commission rate, such as <c>30.0%</c>; used when the amount is not given.</summary>
    public const string CommissionRate = "预估推广者分佣比例";

    /// <summary>The id a shop's own sales go to when <c>--shop-account</c> does not name one.</summary>
    public const string DefaultShopAccount = "kuaishou-shop";

    // The distributor columns, in the order parsers of real files take them, each with its nickname.
    private static readonly (string Id, string Nickname)[] Distributors = [("CPS达人ID", "CPS达人昵称"), ("团长ID", "团长昵称"), ("快赚客ID", "快赚客昵称")];

    private readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> words;

    private KuaishouOrderExport(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> words) => this.words = words;

    /// <summary>The adapter with the words shipped in <c>kuaishou-orders.yml</c>.</summary>
    public static KuaishouOrderExport Instance { get; } = new(BuiltinWords());

    /// <inheritdoc/>
    public override string Id => "kuaishou_orders";

    /// <inheritdoc/>
    public override TableKind Table => TableKind.Orders;

    /// <inheritdoc/>
    public override string Title => "快手小店 order export (订单导出)";

    /// <inheritdoc/>
    internal override IReadOnlyList<string> Signature { get; } = [OrderId, AmountPaid, Quantity];

    /// <inheritdoc/>
    internal override IReadOnlyList<SourceColumn> Columns { get; } =
    [
        new(OrderId), new(PaidAt), new(Status), new(AmountPaid), new(Quantity), new(ProductId),
        new(AfterSale, Required: false), new(Carrier, Required: false), new(SalesChannel, Required: false),
        new(Commission, Required: false), new(CommissionRate, Required: false),
        .. Distributors.SelectMany(d => new SourceColumn[] { new(d.Id, Required: false), new(d.Nickname, Required: false) }),
    ];

    /// <summary>The words in use, by map: status, after_sale, channel, carrier, no_account.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Words => words;

    /// <inheritdoc/>
    public SourceAdapter WithWords(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> corrections) =>
        new KuaishouOrderExport(Merge(words, corrections));

    /// <inheritdoc/>
    public override RowMapping<Order> Bind(HeaderRow header, string file, SourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var shop = options.ShopAccount ?? DefaultShopAccount;
        return new RowMapping<Order>
        {
            Adapter = this,
            Columns = Columns,
            Positions = Positions(header, file),
            Header = header,
            IdColumn = OrderId,
            IsUnpaid = r => Word("status", r.Text(Status)) is "unpaid" || (Word("status", r.Text(Status)) is "closed" && r.Text(PaidAt) is null),
            Build = (r, side) => Build(r, side, shop),
        };
    }

    /// <summary>The word maps shipped with the library.</summary>
    internal static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> BuiltinWords() =>
        MappingSpec.ParseValues(Yaml.Resource("kuaishou-orders.yml"), "kuaishou-orders.yml");

    private static Dictionary<string, IReadOnlyDictionary<string, string>> Merge(
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> defaults,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> corrections)
    {
        var merged = defaults.ToDictionary(m => m.Key, m => (IReadOnlyDictionary<string, string>)m.Value.ToDictionary(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var (name, map) in corrections)
        {
            var entries = merged.TryGetValue(name, out var known) ? known.ToDictionary(StringComparer.Ordinal) : new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (word, value) in map)
            {
                entries[word] = value;
            }

            merged[name] = entries;
        }

        return merged;
    }

    private string? Word(string map, string? text) =>
        text is not null && words.TryGetValue(map, out var entries) && entries.TryGetValue(text, out var value) ? value : null;

    private Order Build(RowFields r, SideRows side, string shop)
    {
        var gmv = r.Money(AmountPaid);
        var carrier = r.Text(Carrier);
        var channel = Channel.Other;
        if (carrier is not null)
        {
            if (Word("carrier", carrier) is { } word && Vocabulary.TryParse<Channel>(word, out var known))
            {
                channel = known;
            }
            else
            {
                side.Note($"{Carrier} '{carrier}' is not in the carrier map: read as other (the shelf); correct it with a mapping that extends kuaishou_orders");
            }
        }

        if (Word("status", r.Text(Status)) is null && r.Text(Status) is { } status)
        {
            side.Note($"{Status} '{status}' is not in the status map: read as paid");
        }

        // The seller: a talent's distribution names it; else the shop's own room and videos; else the shelf.
        string? account = null;
        if (Word("channel", r.Text(SalesChannel)) is "distribution")
        {
            foreach (var (idColumn, nicknameColumn) in Distributors)
            {
                if (r.IdWithoutFloat(idColumn) is { } id && Word("no_account", id) is null)
                {
                    account = id;
                    side.Account(id, Platform.Kuaishou, r.Text(nicknameColumn));
                    break;
                }
            }
        }

        if (account is null && channel is Channel.Live or Channel.ShortVideo)
        {
            account = shop;
            side.Account(shop, Platform.Kuaishou, "快手小店 (the shop's own account)", SellerRole.Self);
        }

        var orderId = r.IdWithoutFloat(OrderId) ?? throw r.Missing(OrderId, "an id is required");

        // A distributor's commission: the amount the export estimates, else its rate of the amount paid.
        decimal? commission = null;
        if (account is not null && account != shop)
        {
            commission = r.OptionalMoney(Commission);
            if (commission is null && r.Text(CommissionRate) is { } rateText)
            {
                if (!FieldValues.TryParsePercent(rateText, out var rate, out var reason))
                {
                    throw new FieldException(CommissionRate, reason);
                }

                if (rate is < 0 or > 1)
                {
                    side.Unknown(CommissionRate, rateText, "a commission rate outside 0..1: the order's commission loaded as unknown");
                }
                else
                {
                    commission = decimal.Round(gmv * rate, 2, MidpointRounding.AwayFromZero);
                }
            }

            if (commission > gmv)
            {
                side.Unknown(Commission, r.Raw(Commission), "a commission above the amount paid: loaded as unknown");
                commission = null;
            }
        }

        return new Order
        {
            OrderId = orderId,
            ParentOrderId = orderId,
            Platform = Platform.Kuaishou,
            PaidAt = r.Time(PaidAt),
            AccountId = account,
            Channel = channel,
            ProductId = r.IdWithoutFloat(ProductId) ?? throw r.Missing(ProductId, "an id is required"),
            Quantity = ColumnTypes.Quantity.Read(r, Quantity),
            Gmv = gmv,
            Refund = Word("after_sale", r.Text(AfterSale)) is "refunded" ? gmv : 0m,
            Commission = commission,
        };
    }
}

/// <summary>A code adapter whose words (statuses, carriers …) are data a user's mapping can correct.</summary>
internal interface IHasWords
{
    /// <summary>The same adapter with some words corrected or added (map by map, word by word).</summary>
    SourceAdapter WithWords(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> corrections);
}
