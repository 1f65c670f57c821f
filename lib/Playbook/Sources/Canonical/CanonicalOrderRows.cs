using System.Runtime.CompilerServices;
using Playbook.Canonical;

namespace Playbook.Sources;

/// <summary>
/// Canonical order records in the clean spelling (plain ids, yyyy-MM-dd HH:mm:ss, cents, the
/// canonical words), read straight from the CSV text, each column found by its name. Anything else
/// goes to the declared parsers, which read it or say why not.
/// </summary>
internal sealed class CanonicalOrderRows(RowMapping<Order> mapping) : IFastOrderRows
{
    private static readonly string[] Platforms = [.. Vocabulary.All<Platform>()];
    private static readonly string[] Channels = [.. Vocabulary.All<Channel>()];
    private static readonly string[] TrafficTypes = [.. Vocabulary.All<TrafficType>()];
    private static readonly string[] Reviews = [.. Vocabulary.All<Review>()];

    private readonly int orderId = mapping.PositionOf("order_id");
    private readonly int parent = mapping.PositionOf("parent_order_id");
    private readonly int platform = mapping.PositionOf("platform");
    private readonly int paidAt = mapping.PositionOf("paid_at");
    private readonly int account = mapping.PositionOf("account_id");
    private readonly int channel = mapping.PositionOf("channel");
    private readonly int traffic = mapping.PositionOf("traffic_type");
    private readonly int product = mapping.PositionOf("product_id");
    private readonly int quantity = mapping.PositionOf("quantity");
    private readonly int gmv = mapping.PositionOf("gmv");
    private readonly int refund = mapping.PositionOf("refund");
    private readonly int buyer = mapping.PositionOf("buyer_id");
    private readonly int fan = mapping.PositionOf("buyer_is_fan");
    private readonly int session = mapping.PositionOf("session_id");
    private readonly int review = mapping.PositionOf("review");
    private readonly int commission = mapping.PositionOf("commission");

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryRow(ReadOnlySpan<char> content, ReadOnlySpan<Range> fields, int offset, IOrderSink sink)
    {
        var paid = FastFields.Field(content, fields, paidAt);
        if (paid.Length == 0)
        {
            sink.Unpaid();
            return true;
        }

        var id = FastFields.Field(content, fields, orderId);
        var parentId = FastFields.Field(content, fields, parent);
        var seller = FastFields.Field(content, fields, account);
        var productId = FastFields.Field(content, fields, product);
        var buyerId = FastFields.Field(content, fields, buyer);
        var sessionId = FastFields.Field(content, fields, session);
        var reviewText = FastFields.Field(content, fields, review);
        var trafficText = FastFields.Field(content, fields, traffic);
        var refundText = FastFields.Field(content, fields, refund);
        var commissionText = FastFields.Field(content, fields, commission);
        long refundCents = 0;
        long commissionCents = 0;
        if (!FastFields.TryId(id, out var hasOrderId) || !hasOrderId
            || !FastFields.TryId(parentId, out _)
            || !FastFields.TryTime(paid, out var second, out var day, out var month)
            || !FastFields.TryId(seller, out _)
            || !FastFields.TryId(productId, out var hasProduct) || !hasProduct
            || !FastFields.TryQuantity(FastFields.Field(content, fields, quantity), out var units)
            || !FastFields.TryCents(FastFields.Field(content, fields, gmv), out var gmvCents)
            || !(refundText.Length == 0 || FastFields.TryCents(refundText, out refundCents))
            || !FastFields.TryId(buyerId, out _)
            || !FastFields.TryFan(FastFields.Field(content, fields, fan), out var isFan)
            || !FastFields.TryId(sessionId, out _)
            || !(reviewText.Length == 0 || FastFields.Word(reviewText, Reviews) >= 0)
            || !(commissionText.Length == 0 || FastFields.TryCents(commissionText, out commissionCents)))
        {
            return false;
        }

        var platformIndex = FastFields.Word(FastFields.Field(content, fields, platform), Platforms);
        var trafficType = trafficText.Length == 0 ? -1 : FastFields.Word(trafficText, TrafficTypes);
        if (platformIndex < 0 || FastFields.Word(FastFields.Field(content, fields, channel), Channels) < 0 || (trafficText.Length > 0 && trafficType < 0) || refundCents > gmvCents || commissionCents > gmvCents)
        {
            return false;
        }

        var buyerStart = buyer < 0 ? 0 : offset + fields[buyer].Start.Value;
        sink.Add(id, parentId, platformIndex, second, day, month, seller, trafficType, productId, units, gmvCents, refundCents, buyerId, buyerStart, isFan, sessionId, commissionText.Length == 0 ? -1 : commissionCents);
        return true;
    }
}
