using Playbook.Canonical;
using Playbook.Files;
using Playbook.Ingest;

namespace Playbook.Tests.Data;

public class OrderReaderTests
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

    [Fact]
    public void ReadOrders_MixedRows_CountsEveryRow()
    {
        using var csv = TempCsv.Write("orders.csv", MixedRows);
        var report = Tables.ReadOrders(csv.Path).Report;

        Assert.Equal(12, report.Rows);
        Assert.Equal(3, report.Loaded);
        Assert.Equal(1, report.Unpaid);
        Assert.Equal(8, report.Rejected);
        Assert.Equal(report.Rows, report.Loaded + report.Unpaid + report.Rejected);
    }

    [Fact]
    public void ReadOrders_MixedRows_RejectionsNameLineColumnValueAndReason()
    {
        using var csv = TempCsv.Write("orders.csv", MixedRows);
        var rejections = Tables.ReadOrders(csv.Path).Report.Rejections;

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
        using var csv = TempCsv.Write("orders.csv", MixedRows);
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

    [Fact]
    public void ReadOrders_Strict_ThrowsOnFirstRejectionWithItsMessage()
    {
        using var csv = TempCsv.Write("orders.csv", MixedRows);
        var e = Assert.Throws<RejectedRowException>(() => Tables.ReadOrders(csv.Path, ReadOptions.StrictMode));

        Assert.Equal(4, e.Rejection.Line);
        Assert.Equal($"{csv.Path}:4: column 'gmv' value '-5': must not be negative", e.Message);
    }

    [Fact]
    public void ReadOrders_ReorderedAndExtraColumns_MappedByName()
    {
        using var csv = TempCsv.Write("orders.csv",
        [
            "note,GMV,refund,quantity,product_id,channel,account_id,paid_at,platform,parent_order_id,order_id,shop",
            "first order,88.00,0.00,4,p7,search,,2021-02-01 08:00:00,kuaishou,,K1,north",
        ]);
        var order = Assert.Single(Tables.ReadOrders(csv.Path).Rows);

        Assert.Equal("K1", order.OrderId);
        Assert.Equal(Platform.Kuaishou, order.Platform);
        Assert.Equal(Channel.Search, order.Channel);
        Assert.Equal(4, order.Quantity);
        Assert.Equal(88.00m, order.Gmv);
        Assert.Null(order.ParentOrderId);
        Assert.Null(order.AccountId);
    }

    [Fact]
    public void ReadOrders_MissingRequiredColumn_FailsNamingItAndTheColumnsFound()
    {
        using var csv = TempCsv.Write("orders.csv",
        [
            "order_id,parent_order_id,platform,paid_at,account_id,channel,product_id,quantity,refund",
            "O1,P1,douyin,2021-01-05 20:15:00,acc1,live,p1,2,0",
        ]);
        var e = Assert.Throws<InputException>(() => Tables.ReadOrders(csv.Path));

        Assert.Equal(
            $"{csv.Path}: missing required column 'gmv' for orders (canonical); found columns: order_id, parent_order_id, platform, paid_at, account_id, channel, product_id, quantity, refund",
            e.Message);
    }

    [Fact]
    public void ReadOrders_LongIdsWithTabsAndQuotes_KeptExactlyAsStrings()
    {
        using var csv = TempCsv.Write("orders.csv",
        [
            Header,
            "\"\t4930000000000000101\",'4930000000000000100,douyin,2021-01-05 20:15:00,=\"7000000000000000001\",live,,\t3500000000000000001,1,10.00,0,",
        ]);
        var order = Assert.Single(Tables.ReadOrders(csv.Path).Rows);

        Assert.Equal("4930000000000000101", order.OrderId);
        Assert.Equal("4930000000000000100", order.ParentOrderId);
        Assert.Equal("7000000000000000001", order.AccountId);
        Assert.Equal("3500000000000000001", order.ProductId);
    }

    [Fact]
    public void ReadOrders_IdRoundedBySpreadsheet_Rejected()
    {
        using var csv = TempCsv.Write("orders.csv", [Header, "4.93E+18,P1,douyin,2021-01-05 20:15:00,acc1,live,,p1,1,10.00,0,"]);
        var rejection = Assert.Single(Tables.ReadOrders(csv.Path).Report.Rejections);

        Assert.Equal((2L, "order_id", "4.93E+18"), (rejection.Line, rejection.Column, rejection.Value));
    }

    [Fact]
    public void ReadOrders_QuotedLineBreak_LaterLinesKeepPhysicalNumbers()
    {
        using var csv = TempCsv.Write("orders.csv",
        [
            Header,
            "O1,\"P1",
            "continued\",douyin,2021-01-05 20:15:00,acc1,live,,p1,1,10.00,0,",   // lines 2-3: one record
            "O2,P2,douyin,2021-01-05 20:15:00,acc1,live,,p1,1,bad,0,",           // line 4
        ]);
        var result = Tables.ReadOrders(csv.Path);

        Assert.Equal("P1\ncontinued", Assert.Single(result.Rows).ParentOrderId);
        Assert.Equal(4, Assert.Single(result.Report.Rejections).Line);
    }

    [Fact]
    public void ReadOrders_Gb18030WithChineseValues_Decoded()
    {
        using var csv = TempCsv.Write("orders.csv", [Header, "O1,P1,douyin,2021-01-05 20:15:00,达人甲,live,,坚果礼盒,1,10.00,0,买家乙"], "gb18030");
        var result = Tables.ReadOrders(csv.Path);

        Assert.Equal("gb18030", result.Report.Encoding);
        var order = Assert.Single(result.Rows);
        Assert.Equal(("达人甲", "坚果礼盒", "买家乙"), (order.AccountId, order.ProductId, order.BuyerId));
    }

    [Fact]
    public void ReadOrders_Utf8Bom_HeaderStillMatches()
    {
        using var csv = TempCsv.Write("orders.csv", [Header, "O1,P1,douyin,2021-01-05 20:15:00,acc1,live,,p1,1,10.00,0,"], "utf-8-bom");
        var result = Tables.ReadOrders(csv.Path);

        Assert.Equal("utf-8-bom", result.Report.Encoding);
        Assert.Equal("O1", Assert.Single(result.Rows).OrderId);
    }

    [Fact]
    public void ReadOrders_ExplicitEncodingOverridesDetection()
    {
        // GB18030 bytes read as UTF-8 on request: decoding is the user's call, and the row still loads.
        using var csv = TempCsv.Write("orders.csv", [Header, "O1,P1,douyin,2021-01-05 20:15:00,达人,live,,p1,1,10.00,0,"], "gb18030");
        var result = Tables.ReadOrders(csv.Path, new ReadOptions { Encoding = "utf-8" });

        Assert.Equal("utf-8", result.Report.Encoding);
        Assert.NotEqual("达人", Assert.Single(result.Rows).AccountId);
    }

    [Fact]
    public void ReadOrders_EmptyFile_FailsSayingSo()
    {
        using var csv = TempCsv.WriteBytes("orders.csv", []);
        var e = Assert.Throws<InputException>(() => Tables.ReadOrders(csv.Path));

        Assert.Equal($"{csv.Path}: the file is empty: expected a header row", e.Message);
    }

    [Fact]
    public void ReadOrders_MissingFile_FailsSayingSo()
    {
        var e = Assert.Throws<InputException>(() => Tables.ReadOrders("/no/such/orders.csv"));

        Assert.Equal("/no/such/orders.csv: no such file", e.Message);
    }
}

public class OrderReaderQuoteTests
{
    [Fact]
    public void ReadOrders_QuoteLeftOpen_RejectionNamesTheSwallowedLines()
    {
        using var csv = TempCsv.Write("orders.csv",
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
}
