using Playbook.Canonical;
using Playbook.Ledger;

namespace Playbook.Analysis;

/// <summary>
/// One live session's traffic and sales: UV value, GPM, conversion, watch time and GMV per hour.
/// Sales are the paid orders that name the session.
/// </summary>
/// <param name="SessionId">The session.</param>
/// <param name="AccountId">The account that broadcast it.</param>
/// <param name="StartedAt">Start, China time.</param>
/// <param name="Hours">Duration in hours.</param>
/// <param name="Views">PV (观看人次).</param>
/// <param name="Viewers">UV (观看人数).</param>
/// <param name="PeakOnline">Peak concurrent viewers.</param>
/// <param name="AvgWatchSeconds">Average watch time per viewer, seconds.</param>
/// <param name="NewFans">Followers gained.</param>
/// <param name="Gmv">Paid GMV of the session, CNY (refunds not netted, as the platforms show it): the session's orders, else the platform's own figure; null when neither is known (daily sales do not say which session sold what).</param>
/// <param name="GmvSource"><c>orders</c> (the orders naming the session) or <c>platform</c> (the export's 直播间成交金额); null when the GMV is not known.</param>
/// <param name="Orders">Paid orders of the session, from the same source as the GMV; null when not known.</param>
/// <param name="Buyers">Distinct buyers, from the same source; null when the orders carry no buyer ids.</param>
/// <param name="UvValue">UV价值 = GMV / viewers, CNY.</param>
/// <param name="Gpm">GPM 千次观看成交金额 = GMV × 1000 / views, CNY.</param>
/// <param name="Conversion">转化率 = buyers / viewers.</param>
/// <param name="GmvPerHour">GMV / hours, CNY.</param>
public sealed record SessionPerformance(
    string SessionId,
    string AccountId,
    DateTime StartedAt,
    double Hours,
    long? Views,
    long? Viewers,
    long? PeakOnline,
    decimal? AvgWatchSeconds,
    long? NewFans,
    decimal? Gmv,
    string? GmvSource,
    long? Orders,
    long? Buyers,
    decimal? UvValue,
    decimal? Gpm,
    double? Conversion,
    decimal? GmvPerHour)
{
    /// <summary>How the figures are defined.</summary>
    public const string Definition =
        "gmv = paid amount of the orders naming the session, else the platform's own figure (gmv_source says which); uv_value = gmv / viewers (UV); gpm = gmv x 1000 / views (PV; some vendors divide by UV); " +
        "conversion = buyers / viewers; gmv_per_hour = gmv / session hours";

    /// <summary>The performance of each session that started in the ledger's period, in start order.</summary>
    public static IReadOnlyList<SessionPerformance> Of(IEnumerable<LiveSession> sessions, OrderLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(ledger);
        var from = ledger.From;
        var to = ledger.To;
        return sessions
            .Where(s => !(DateOnly.FromDateTime(s.StartedAt) < from) && !(DateOnly.FromDateTime(s.StartedAt) > to))
            .OrderBy(s => s.StartedAt)
            .ThenBy(s => s.SessionId, StringComparer.Ordinal)
            .Select(s =>
            {
                ledger.BySession.TryGetValue(s.SessionId, out var sales);

                // The orders naming the session win; else the platform's own figure. Orders tell a
                // session's sales only when they name sessions at all: then a session none names sold
                // nothing. Orders that name no session (and daily sales, which carry none) leave a
                // session without a platform figure unknown, not zero.
                var ordersKnow = ledger.BySession.Count > 0;
                var fromOrders = sales is not null || (ordersKnow && s.Gmv is null);
                decimal? gmv = fromOrders ? sales?.Tally.Gmv ?? 0m : s.Gmv;
                string? source = gmv is null ? null : fromOrders ? "orders" : "platform";
                long? orders = fromOrders ? sales?.Tally.Orders ?? 0 : s.Orders;

                // Buyers can be counted only when the orders carry buyer ids at all.
                long? buyers = fromOrders ? (ledger.BuyerCount > 0 ? sales?.BuyerCount ?? 0 : null) : s.Buyers;
                var hours = (s.EndedAt - s.StartedAt).TotalHours;
                return new SessionPerformance(
                    s.SessionId,
                    s.AccountId,
                    s.StartedAt,
                    hours,
                    s.Views,
                    s.Viewers,
                    s.PeakOnline,
                    s.AvgWatchSeconds,
                    s.NewFans,
                    gmv,
                    source,
                    orders,
                    buyers,
                    gmv is { } g && s.Viewers > 0 ? decimal.Round(g / s.Viewers.Value, 2) : null,
                    gmv is { } p && s.Views > 0 ? decimal.Round(p * 1000 / s.Views.Value, 2) : null,
                    buyers is not null && s.Viewers > 0 ? (double)buyers.Value / s.Viewers.Value : null,
                    gmv is { } h && hours > 0 ? decimal.Round(h / (decimal)hours, 2) : null);
            })
            .ToList();
    }
}
