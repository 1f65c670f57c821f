using Playbook.Canonical;
using Playbook.Files;
using Playbook.Ingest;

namespace Playbook.Tests.Ingest;

public class TablesReadOrdersTests
{
    private const string Header = "order_id,parent_order_id,platform,paid_at,account_id,channel,traffic_type,product_id,quantity,gmv,refund,buyer_id";

    // Physical line numbers are written beside each row; the header is line 1.
    private static readonly string[] MixedRows =
    [
        Header,
        "O1,P1,douyin,2021-01-05 20:15:00,acc1,live,organic,p1,2,119.80,0,b1",            // 2 loaded
        "O2,P2,douyin,,acc1,live,,p1,1,59.90,0,b2",                                        // 3 unpaid
        "O3,P3,douyin,2021-01-05 20:16:00,,product_card,paid,p2,1,-5,0,",                 // 4 gmv negative
        "O4,P4,douyin,2021-01-05",                                                         // 5 too few fields
        "O1,P5,douyin,2021-01-06 10:00:00,acc2,live,,p1,1,10.00,0,",                      // 6 duplicate of line 2
        "O5,P6,douyin,2021-01-06 10:00:00,acc2,live,,p1,1,10.00,20.00,",                  // 7 refund above gmv
        "O6,P7,weibo,2021-01-06 10:00:00,acc2,live,,p1,1,10.00,0,",                       // 8 unknown platform
        "O7,\"P,8\",douyin,2021-01-07 09:00:00,acc3,short_video,paid,\"p\"\"9\",3,30.00,30.00,b3", // 9 loaded
        "O8,P9,douyin,2021-01-07 09:00:00,acc3,live,,p1,1,10.00,0,b4,surplus",            // 10 too many fields
        "O9,P10,douyin,2021-01-07 09:00:00,acc3,live,,p1,0,10.00,0,",                     // 11 quantity 0
        "O10,P11,douyin,2021-13-01 00:00:00,acc3,live,,p1,1,10.00,0,",                   // 12 bad time
        "O11,P12,douyin,2021-01-08 11:00:00,-,mall,--,p3,1,8.50,-,",                     // 13 loaded, nulls
    ];

    // Ids as exports and spreadsheets write them: a tab inside quotes, an apostrophe, ="…", a bare tab.
    private static readonly string[] LongIds =
    [
        Header,
        "\"\t4930000000000000101\",'4930000000000000100,douyin,2021-01-05 20:15:00,=\"7000000000000000001\",live,,\t3500000000000000001,1,10.00,0,",
    ];

    private static readonly string[] QuotedLineBreak =
    [
        Header,
        "O1,\"P1",
        "continued\",douyin,2021-01-05 20:15:00,acc1,live,,p1,1,10.00,0,",   // lines 2-3: one record
        "O2,P2,douyin,2021-01-05 20:15:00,acc1,live,,p1,1,bad,0,",           // line 4
    ];

    private static readonly string[] Reordered =
    [
        "note,GMV,refund,quantity,product_id,channel,account_id,paid_at,platform,parent_order_id,order_id,shop",
        "first order,88.00,0.00,4,p7,search,,2021-02-01 08:00:00,kuaishou,,K1,north",
    ];

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public void ReadOrders_MixedRows_CountsEveryRow(string engine)
    {
        using var csv = TempFile.Csv("orders.csv", MixedRows);
        var report = Engines.Read(engine, csv.Path).Report;

        Assert.Equal(12, report.Rows);
        Assert.Equal(3, report.Loaded);
        Assert.Equal(1, report.Unpaid);
        Assert.Equal(8, report.Rejected);
        Assert.Equal(report.Rows, report.Loaded + report.Unpaid + report.Rejected);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public void ReadOrders_MixedRows_RejectionsNameLineColumnValueAndReason(string engine)
    {
        using var csv = TempFile.Csv("orders.csv", MixedRows);
        var rejections = Engines.Read(engine, csv.Path).Report.Rejections;

        Assert.Equal(
            [
                (4L, "gmv", "-5", "must not be negative"),
                (5L, "", "O4,P4,douyin,2021-01-05", "expected 12 fields as in the header, found 4"),
                (6L, "order_id", "O1", "duplicate id: first seen on line 2"),
                (7L, "refund", "20.00", "refund is larger than the order's gmv"),
                (8L, "platform", "weibo", "expected one of douyin, kuaishou"),
                (10L, "", "O8,P9,douyin,2021-01-07 09:00:00,acc3,live,,p1,1,10.00,0,b4,surplus", "expected 12 fields as in the header, found 13"),
                (11L, "quantity", "0", "must be at least 1"),
                (12L, "paid_at", "2021-13-01 00:00:00", "not a time (expected yyyy-MM-dd HH:mm:ss, such as 2021-01-05 20:15:00)"),
            ],
            rejections.Select(r => (r.Line, r.Column, r.Value, r.Reason)));
        Assert.All(rejections, r => Assert.Equal(csv.Path, r.File));
    }

    [Fact]
    public void ReadOrders_MixedRows_LoadsGoodRowsWithTheirValues()
    {
        using var csv = TempFile.Csv("orders.csv", MixedRows);
        var rows = Tables.ReadOrders(csv.Path).Rows;

        Assert.Equal(["O1", "O7", "O11"], rows.Select(o => o.OrderId));
        var first = rows[0];
        Assert.Equal(new DateTime(2021, 1, 5, 20, 15, 0), first.PaidAt);
        Assert.Equal("acc1", first.AccountId);
        Assert.Equal(Channel.Live, first.Channel);
        Assert.Equal(TrafficType.Organic, first.TrafficType);
        Assert.Equal(2, first.Quantity);
        Assert.Equal(119.80m, first.Gmv);
        Assert.Equal("b1", first.BuyerId);

        var quoted = rows[1];
        Assert.Equal("P,8", quoted.ParentOrderId);
        Assert.Equal("p\"9", quoted.ProductId);
        Assert.Equal(30.00m, quoted.Refund);

        var nulls = rows[2];
        Assert.Null(nulls.AccountId);
        Assert.Null(nulls.TrafficType);
        Assert.Equal(0m, nulls.Refund);
        Assert.Null(nulls.BuyerId);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public void ReadLedger_MixedRows_SumsTheGoodRowsWorkedOutByHand(string engine)
    {
        using var csv = TempFile.Csv("orders.csv", MixedRows);
        var ledger = Engines.Read(engine, csv.Path).Ledger;

        // Loaded: O1 (acc1, 2 units, 119.80, organic, b1), O7 (acc3, 3 units, 30.00 refunded in full, paid, b3),
        // O11 (no seller: shelf, 1 unit, 8.50, no traffic type, no buyer).
        Assert.Equal((3L, 6L, 119.80m + 30.00m + 8.50m, 30.00m), (ledger.Total.Orders, ledger.Total.Units, ledger.Total.Gmv, ledger.Total.Refund));
        Assert.Equal((119.80m, 30.00m, 8.50m), (ledger.ByAccount["acc1"].Gmv, ledger.ByAccount["acc3"].Gmv, ledger.Shelf.Gmv));
        Assert.Equal((119.80m, 30.00m, 8.50m), (ledger.OrganicTraffic.Gmv, ledger.PaidTraffic.Gmv, ledger.UnknownTraffic.Gmv));
        Assert.Equal(["p\"9", "p1", "p3"], ledger.ByProduct.Keys.Order(StringComparer.Ordinal));
        Assert.Equal((2L, 1L), (ledger.BuyerCount, ledger.WithoutBuyer.Orders));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public void ReadOrders_Strict_ThrowsOnFirstRejectionWithItsMessage(string engine)
    {
        using var csv = TempFile.Csv("orders.csv", MixedRows);
        var e = Assert.Throws<RejectedRowException>(() => Engines.Read(engine, csv.Path, ReadOptions.StrictMode));

        Assert.Equal(4, e.Rejection.Line);
        Assert.Equal($"{csv.Path}:4: column 'gmv' value '-5': must not be negative", e.Message);
    }

    [Fact]
    public void ReadOrders_ReorderedAndExtraColumns_MappedByName()
    {
        using var csv = TempFile.Csv("orders.csv", Reordered);
        var order = Assert.Single(Tables.ReadOrders(csv.Path).Rows);

        Assert.Equal("K1", order.OrderId);
        Assert.Equal(Platform.Kuaishou, order.Platform);
        Assert.Equal(Channel.Search, order.Channel);
        Assert.Equal(4, order.Quantity);
        Assert.Equal(88.00m, order.Gmv);
        Assert.Null(order.ParentOrderId);
        Assert.Null(order.AccountId);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public void ReadLedger_ReorderedAndExtraColumns_MappedByName(string engine)
    {
        using var csv = TempFile.Csv("orders.csv", Reordered);
        var ledger = Engines.Read(engine, csv.Path).Ledger;

        Assert.Equal((1L, 4L, 88.00m, 88.00m), (ledger.Total.Orders, ledger.Total.Units, ledger.Total.Gmv, ledger.Shelf.Gmv));
        Assert.Equal(1L, ledger.OrdersByPlatform[Platform.Kuaishou]);
        Assert.Equal("p7", Assert.Single(ledger.ByProduct).Key);
        Assert.Equal(new DateOnly(2021, 2, 1), Assert.Single(ledger.ByDay).Key);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public void ReadOrders_MissingRequiredColumn_FailsNamingItAndTheColumnsFound(string engine)
    {
        using var csv = TempFile.Csv("orders.csv",
        [
            "order_id,parent_order_id,platform,paid_at,account_id,channel,product_id,quantity,refund",
            "O1,P1,douyin,2021-01-05 20:15:00,acc1,live,p1,2,0",
        ]);
        var e = Assert.Throws<InputException>(() => Engines.Read(engine, csv.Path));

        Assert.Equal(
            $"{csv.Path}: missing required column 'gmv' for orders (canonical); found columns: order_id, parent_order_id, platform, paid_at, account_id, channel, product_id, quantity, refund",
            e.Message);
    }

    [Fact]
    public void ReadOrders_LongIdsWithTabsAndQuotes_KeptExactlyAsStrings()
    {
        using var csv = TempFile.Csv("orders.csv", LongIds);
        var order = Assert.Single(Tables.ReadOrders(csv.Path).Rows);

        Assert.Equal("4930000000000000101", order.OrderId);
        Assert.Equal("4930000000000000100", order.ParentOrderId);
        Assert.Equal("7000000000000000001", order.AccountId);
        Assert.Equal("3500000000000000001", order.ProductId);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public void ReadLedger_LongIdsWithTabsAndQuotes_KeptExactlyAsStrings(string engine)
    {
        using var csv = TempFile.Csv("orders.csv", LongIds);
        var ledger = Engines.Read(engine, csv.Path).Ledger;

        Assert.Equal("7000000000000000001", Assert.Single(ledger.ByAccount).Key);
        Assert.Equal("3500000000000000001", Assert.Single(ledger.ByProduct).Key);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public void ReadOrders_IdRoundedBySpreadsheet_Rejected(string engine)
    {
        using var csv = TempFile.Csv("orders.csv", [Header, "4.93E+18,P1,douyin,2021-01-05 20:15:00,acc1,live,,p1,1,10.00,0,"]);
        var rejection = Assert.Single(Engines.Read(engine, csv.Path).Report.Rejections);

        Assert.Equal((2L, "order_id", "4.93E+18"), (rejection.Line, rejection.Column, rejection.Value));
    }

    [Fact]
    public void ReadOrders_QuotedLineBreak_LaterLinesKeepPhysicalNumbers()
    {
        using var csv = TempFile.Csv("orders.csv", QuotedLineBreak);
        var result = Tables.ReadOrders(csv.Path);

        Assert.Equal("P1\ncontinued", Assert.Single(result.Rows).ParentOrderId);
        Assert.Equal(4, Assert.Single(result.Report.Rejections).Line);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public void ReadLedger_QuotedLineBreak_LaterLinesKeepPhysicalNumbers(string engine)
    {
        using var csv = TempFile.Csv("orders.csv", QuotedLineBreak);
        var read = Engines.Read(engine, csv.Path);

        Assert.Equal((1L, 10.00m), (read.Ledger.Total.Orders, read.Ledger.Total.Gmv));
        Assert.Equal(4, Assert.Single(read.Report.Rejections).Line);
    }

    [Fact]
    public void ReadOrders_Gb18030WithChineseValues_Decoded()
    {
        using var csv = TempFile.Csv("orders.csv", [Header, "O1,P1,douyin,2021-01-05 20:15:00,达人甲,live,,坚果礼盒,1,10.00,0,买家乙"], "gb18030");
        var result = Tables.ReadOrders(csv.Path);

        Assert.Equal("gb18030", result.Report.Encoding);
        var order = Assert.Single(result.Rows);
        Assert.Equal(("达人甲", "坚果礼盒", "买家乙"), (order.AccountId, order.ProductId, order.BuyerId));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public void ReadLedger_Gb18030WithChineseValues_Decoded(string engine)
    {
        using var csv = TempFile.Csv("orders.csv", [Header, "O1,P1,douyin,2021-01-05 20:15:00,达人甲,live,,坚果礼盒,1,10.00,0,买家乙"], "gb18030");
        var read = Engines.Read(engine, csv.Path);

        Assert.Equal("gb18030", read.Report.Encoding);
        Assert.Equal(("达人甲", "坚果礼盒", 1L), (Assert.Single(read.Ledger.ByAccount).Key, Assert.Single(read.Ledger.ByProduct).Key, read.Ledger.BuyerCount));
    }

    [Fact]
    public void ReadOrders_Utf8Bom_HeaderStillMatches()
    {
        using var csv = TempFile.Csv("orders.csv", [Header, "O1,P1,douyin,2021-01-05 20:15:00,acc1,live,,p1,1,10.00,0,"], "utf-8-bom");
        var result = Tables.ReadOrders(csv.Path);

        Assert.Equal("utf-8-bom", result.Report.Encoding);
        Assert.Equal("O1", Assert.Single(result.Rows).OrderId);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public void ReadLedger_Utf8Bom_HeaderStillMatches(string engine)
    {
        using var csv = TempFile.Csv("orders.csv", [Header, "O1,P1,douyin,2021-01-05 20:15:00,acc1,live,,p1,1,10.00,0,"], "utf-8-bom");
        var result = Engines.Read(engine, csv.Path);

        Assert.Equal("utf-8-bom", result.Report.Encoding);
        Assert.Equal((1L, 1L), (result.Report.Loaded, result.Ledger.Total.Orders));
    }

    [Fact]
    public void ReadOrders_ExplicitEncodingOverridesDetection()
    {
        // GB18030 bytes read as UTF-8 on request: decoding is the user's call, and the row still loads.
        using var csv = TempFile.Csv("orders.csv", [Header, "O1,P1,douyin,2021-01-05 20:15:00,达人,live,,p1,1,10.00,0,"], "gb18030");
        var result = Tables.ReadOrders(csv.Path, new ReadOptions { Encoding = "utf-8" });

        Assert.Equal("utf-8", result.Report.Encoding);
        Assert.NotEqual("达人", Assert.Single(result.Rows).AccountId);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public void ReadLedger_ExplicitEncodingOverridesDetection(string engine)
    {
        // GB18030 bytes read as UTF-8 on request: decoding is the user's call, and the row still loads.
        using var csv = TempFile.Csv("orders.csv", [Header, "O1,P1,douyin,2021-01-05 20:15:00,达人,live,,p1,1,10.00,0,"], "gb18030");
        var result = Engines.Read(engine, csv.Path, new ReadOptions { Encoding = "utf-8" });

        Assert.Equal("utf-8", result.Report.Encoding);
        Assert.NotEqual("达人", Assert.Single(result.Ledger.ByAccount).Key);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public void ReadOrders_EmptyFile_FailsSayingSo(string engine)
    {
        using var csv = TempFile.Bytes("orders.csv", []);
        var e = Assert.Throws<InputException>(() => Engines.Read(engine, csv.Path));

        Assert.Equal($"{csv.Path}: the file is empty: expected a header row", e.Message);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public void ReadOrders_MissingFile_FailsSayingSo(string engine)
    {
        var e = Assert.Throws<InputException>(() => Engines.Read(engine, "/no/such/orders.csv"));

        Assert.Equal("/no/such/orders.csv: no such file", e.Message);
    }
}

public class TablesQuoteTests
{
    [Fact]
    public void ReadOrders_QuoteLeftOpen_RejectionNamesTheSwallowedLines()
    {
        using var csv = TempFile.Csv("orders.csv",
        [
            "order_id,parent_order_id,platform,paid_at,account_id,channel,product_id,quantity,gmv,refund",
            "O1,,douyin,2021-01-05 20:15:00,a1,live,p1,1,10.00,0",       // 2 loaded
            "O2,\"P2,douyin,2021-01-05 20:15:00,a1,live,p1,1,10.00,0",   // 3 quote opened, never closed
            "O3,,douyin,2021-01-05 20:15:00,a1,live,p1,1,10.00,0",       // 4 swallowed
            "O4,,douyin,2021-01-05 20:15:00,a1,live,p1,1,10.00,0",       // 5 swallowed
        ]);
        var result = Tables.ReadOrders(csv.Path);

        Assert.Equal("O1", Assert.Single(result.Rows).OrderId);
        var rejection = Assert.Single(result.Report.Rejections);
        Assert.Equal(3, rejection.Line);
        Assert.Equal("expected 10 fields as in the header, found 2 in lines 3-5 read as one row (is a quote left open?)", rejection.Reason);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public void ReadLedger_QuoteLeftOpen_RejectionNamesTheSwallowedLines(string engine)
    {
        using var csv = TempFile.Csv("orders.csv",
        [
            "order_id,parent_order_id,platform,paid_at,account_id,channel,product_id,quantity,gmv,refund",
            "O1,,douyin,2021-01-05 20:15:00,a1,live,p1,1,10.00,0",       // 2 loaded
            "O2,\"P2,douyin,2021-01-05 20:15:00,a1,live,p1,1,10.00,0",   // 3 quote opened, never closed
            "O3,,douyin,2021-01-05 20:15:00,a1,live,p1,1,10.00,0",       // 4 swallowed
            "O4,,douyin,2021-01-05 20:15:00,a1,live,p1,1,10.00,0",       // 5 swallowed
        ]);
        var result = Engines.Read(engine, csv.Path);

        Assert.Equal((1L, 10.00m), (result.Ledger.Total.Orders, result.Ledger.Total.Gmv));
        var rejection = Assert.Single(result.Report.Rejections);
        Assert.Equal(3, rejection.Line);
        Assert.Equal("expected 10 fields as in the header, found 2 in lines 3-5 read as one row (is a quote left open?)", rejection.Reason);
    }
}
