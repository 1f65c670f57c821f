using Playbook.Canonical;

namespace Playbook.Sources;

/// <summary>
/// Where an order source's fast path puts a row read straight from CSV text: the parallel
/// engine's sums for one chunk. Amounts are in cents; times as <see cref="FastFields.TryTime(ReadOnlySpan{char}, out int, out int, out short)"/> gives them.
/// </summary>
internal interface IOrderSink
{
    /// <summary>The sellers the chunk's rows name.</summary>
    SideRows Side { get; }

    /// <summary>Counts an unpaid order.</summary>
    void Unpaid();

    /// <summary>Adds a loaded order.</summary>
    /// <param name="orderId">The order id.</param>
    /// <param name="parent">The parent order id (empty: the order is its own parent).</param>
    /// <param name="platform">The platform, as an index into <see cref="Platform"/>.</param>
    /// <param name="second">Seconds since <see cref="FastFields.Epoch"/>.</param>
    /// <param name="day">The day number of the payment.</param>
    /// <param name="month">The month index of the payment.</param>
    /// <param name="account">The seller (empty: the shelf).</param>
    /// <param name="trafficType">An index into <see cref="TrafficType"/>, or -1 when unknown.</param>
    /// <param name="product">The product id.</param>
    /// <param name="quantity">Units.</param>
    /// <param name="gmv">Paid amount in cents.</param>
    /// <param name="refund">Refunded amount in cents.</param>
    /// <param name="buyer">The buyer id (empty: none).</param>
    /// <param name="buyerStart">Where <paramref name="buyer"/> starts in the chunk's buffer.</param>
    /// <param name="fan">1 a fan, 0 not, -1 unknown.</param>
    /// <param name="session">The live session (empty: none).</param>
    /// <param name="commission">The order's own commission in cents, -1 when the row gives none.</param>
    void Add(
        ReadOnlySpan<char> orderId, ReadOnlySpan<char> parent, int platform, int second, int day, short month, ReadOnlySpan<char> account,
        int trafficType, ReadOnlySpan<char> product, int quantity, long gmv, long refund, ReadOnlySpan<char> buyer, int buyerStart, sbyte fan, ReadOnlySpan<char> session, long commission);
}

/// <summary>
/// An order source's rows in their common, clean spelling, read straight from the CSV text with
/// column positions resolved by name from the source's columns. Each row it does not take
/// (returns false) goes through the source's own <see cref="RowMapping{T}.Build"/>, which reads it
/// or says why not: so both paths read every row the same, and the rules live in one adapter.
/// </summary>
internal interface IFastOrderRows
{
    /// <summary>Reads one record; false sends it to the plain conversion.</summary>
    /// <param name="content">The record, without its line break.</param>
    /// <param name="fields">The fields' ranges in <paramref name="content"/>, one per header column.</param>
    /// <param name="offset">Where <paramref name="content"/> starts in the chunk's buffer.</param>
    /// <param name="sink">Where a loaded or unpaid row goes.</param>
    bool TryRow(ReadOnlySpan<char> content, ReadOnlySpan<Range> fields, int offset, IOrderSink sink);
}
