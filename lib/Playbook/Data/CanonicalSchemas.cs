namespace Playbook.Data;

/// <summary>
/// The six canonical tables of DESIGN.md as schemas: which columns a file must have, which it may
/// have, and what each value must be. Values that may be empty are said so in each builder.
/// </summary>
internal static class CanonicalSchemas
{
    public static readonly TableSchema<Account> Accounts = new()
    {
        Kind = TableKind.Accounts,
        Source = InputSource.Canonical,
        IdColumn = "account_id",
        Columns =
        [
            new("account_id"), new("platform"), new("nickname"),
            new("role", Required: false), new("brand_owned", Required: false), new("followers", Required: false),
        ],
        Build = r => new Account
        {
            AccountId = r.RequiredId("account_id"),
            Platform = r.Enum<Platform>("platform"),
            Nickname = r.Text("nickname"),
            Role = r.OptionalEnum<SellerRole>("role"),
            BrandOwned = r.OptionalBool("brand_owned"),
            Followers = r.OptionalCount("followers"),
        },
    };

    public static readonly TableSchema<Order> Orders = new()
    {
        Kind = TableKind.Orders,
        Source = InputSource.Canonical,
        IdColumn = "order_id",
        Columns =
        [
            new("order_id"), new("parent_order_id"), new("platform"), new("paid_at"), new("account_id"),
            new("channel"), new("traffic_type", Required: false), new("product_id"), new("quantity"),
            new("gmv"), new("refund"), new("buyer_id", Required: false), new("buyer_is_fan", Required: false),
            new("session_id", Required: false), new("review", Required: false),
        ],

        // An order without a payment time was never paid: it is counted apart, never in GMV.
        IsUnpaid = r => r.Text("paid_at") is null,
        Build = BuildOrder,
    };

    public static readonly TableSchema<LiveSession> Sessions = new()
    {
        Kind = TableKind.Sessions,
        Source = InputSource.Canonical,
        IdColumn = "session_id",
        Columns =
        [
            new("session_id"), new("account_id"), new("started_at"), new("ended_at"), new("views"),
            new("viewers"), new("peak_online"), new("avg_watch_seconds"), new("new_fans"),
            new("exposures", Required: false), new("entries", Required: false),
        ],
        Build = BuildSession,
    };

    public static readonly TableSchema<Product> Products = new()
    {
        Kind = TableKind.Products,
        Source = InputSource.Canonical,
        IdColumn = "product_id",
        Columns = [new("product_id"), new("name"), new("category"), new("launched_on"), new("list_price"), new("channel_exclusive")],
        Build = r => new Product
        {
            ProductId = r.RequiredId("product_id"),
            Name = r.RequiredText("name"),
            Category = r.Text("category"),
            LaunchedOn = r.OptionalDate("launched_on"),
            ListPrice = r.OptionalMoney("list_price"),
            ChannelExclusive = r.OptionalBool("channel_exclusive"),
        },
    };

    public static readonly TableSchema<Campaign> Campaigns = new()
    {
        Kind = TableKind.Campaigns,
        Source = InputSource.Canonical,
        IdColumn = "campaign_id",
        Columns = [new("campaign_id"), new("platform"), new("name"), new("starts_on"), new("ends_on"), new("kind")],
        Build = r =>
        {
            var campaign = new Campaign
            {
                CampaignId = r.RequiredId("campaign_id"),
                Platform = r.Enum<Platform>("platform"),
                Name = r.RequiredText("name"),
                StartsOn = r.Date("starts_on"),
                EndsOn = r.Date("ends_on"),
                Kind = r.Text("kind"),
            };
            return campaign.EndsOn >= campaign.StartsOn
                ? campaign
                : throw new FieldException("ends_on", "ends before starts_on");
        },
    };

    public static readonly TableSchema<PaidTraffic> Traffic = new()
    {
        Kind = TableKind.Traffic,
        Source = InputSource.Canonical,
        Columns =
        [
            new("date"), new("account_id"), new("session_id"), new("tool"), new("spend"),
            new("attributed_gmv", Required: false),
        ],
        Build = r => new PaidTraffic
        {
            Date = r.Date("date"),
            AccountId = r.Id("account_id"),
            SessionId = r.Id("session_id"),
            Tool = r.Enum<TrafficTool>("tool"),
            Spend = r.Money("spend"),
            AttributedGmv = r.OptionalMoney("attributed_gmv"),
        },
    };

    public static readonly TableSchema<DailySales> Sales = new()
    {
        Kind = TableKind.Sales,
        Source = InputSource.Canonical,
        IdColumn = "date",
        KeyOf = s => string.Join(" × ", s.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), s.AccountId ?? "(no seller)", Vocabulary.Name(s.Channel), s.TrafficType is { } t ? Vocabulary.Name(t) : "(unknown traffic)"),
        Columns =
        [
            new("date"), new("account_id"), new("channel"), new("traffic_type"), new("orders"), new("units"), new("gmv"), new("refund"),
        ],
        Build = r =>
        {
            var sales = new DailySales
            {
                Date = r.Date("date"),
                AccountId = r.Id("account_id"),
                Channel = r.Enum<Channel>("channel"),
                TrafficType = r.OptionalEnum<TrafficType>("traffic_type"),
                Orders = r.Count("orders"),
                Units = r.Count("units"),
                Gmv = r.Money("gmv"),
                Refund = r.OptionalMoney("refund") ?? 0m,
            };
            if (sales.Refund > sales.Gmv)
            {
                throw new FieldException("refund", "refund is larger than gmv");
            }

            return sales.Units < sales.Orders
                ? throw new FieldException("units", "fewer units than orders")
                : sales;
        },
    };

    public static readonly TableSchema<LeaderboardEntry> Leaderboard = new()
    {
        Kind = TableKind.Leaderboard,
        Source = InputSource.Canonical,
        IdColumn = "board",
        KeyOf = e => e.Board + " × " + e.Brand,
        Columns = [new("board"), new("brand"), new("category"), new("gmv")],
        Build = r => new LeaderboardEntry
        {
            Board = r.RequiredText("board"),
            Brand = r.RequiredText("brand"),
            Category = r.RequiredText("category"),
            Gmv = r.Money("gmv"),
        },
    };

    /// <summary>Every canonical schema, by kind, for detection and validation.</summary>
    public static IReadOnlyList<(TableKind Kind, IReadOnlyList<ColumnSpec> Columns)> All { get; } =
    [
        (TableKind.Accounts, Accounts.Columns),
        (TableKind.Orders, Orders.Columns),
        (TableKind.Sessions, Sessions.Columns),
        (TableKind.Products, Products.Columns),
        (TableKind.Campaigns, Campaigns.Columns),
        (TableKind.Traffic, Traffic.Columns),
        (TableKind.Sales, Sales.Columns),
        (TableKind.Leaderboard, Leaderboard.Columns),
    ];

    private static Order BuildOrder(RowFields r)
    {
        var order = new Order
        {
            OrderId = r.RequiredId("order_id"),
            ParentOrderId = r.Id("parent_order_id"),
            Platform = r.Enum<Platform>("platform"),
            PaidAt = r.Time("paid_at"),

            // No seller account: a shelf order (中心场), reported on its own line, never in a pillar.
            AccountId = r.Id("account_id"),
            Channel = r.Enum<Channel>("channel"),
            TrafficType = r.OptionalEnum<TrafficType>("traffic_type"),
            ProductId = r.RequiredId("product_id"),
            Quantity = Quantity(r, "quantity"),
            Gmv = r.Money("gmv"),
            Refund = r.OptionalMoney("refund") ?? 0m,
            BuyerId = r.Id("buyer_id"),
            BuyerIsFan = r.OptionalBool("buyer_is_fan"),
            SessionId = r.Id("session_id"),
            Review = r.OptionalEnum<Review>("review"),
        };
        return order.Refund <= order.Gmv
            ? order
            : throw new FieldException("refund", "refund is larger than the order's gmv");
    }

    internal static int Quantity(RowFields r, string column)
    {
        var quantity = r.Count(column);
        return quantity switch
        {
            < 1 => throw new FieldException(column, "must be at least 1"),
            > int.MaxValue => throw new FieldException(column, "too large"),
            _ => (int)quantity,
        };
    }

    private static LiveSession BuildSession(RowFields r)
    {
        var session = new LiveSession
        {
            SessionId = r.RequiredId("session_id"),
            AccountId = r.RequiredId("account_id"),
            StartedAt = r.Time("started_at"),
            EndedAt = r.Time("ended_at"),
            Views = r.Count("views"),
            Viewers = r.Count("viewers"),
            PeakOnline = r.Count("peak_online"),
            AvgWatchSeconds = WatchSeconds(r),
            NewFans = r.Count("new_fans"),
            Exposures = r.OptionalCount("exposures"),
            Entries = r.OptionalCount("entries"),
        };

        // Unique viewers cannot outnumber views, nor concurrent viewers the unique ones: a row
        // that says so has its columns swapped or mislabelled.
        if (session.EndedAt < session.StartedAt)
        {
            throw new FieldException("ended_at", "ends before started_at");
        }

        if (session.Viewers > session.Views)
        {
            throw new FieldException("viewers", "more unique viewers (UV) than views (PV)");
        }

        if (session.PeakOnline > session.Viewers)
        {
            throw new FieldException("peak_online", "peak online is larger than unique viewers (UV)");
        }

        if (session.Entries > session.Exposures)
        {
            throw new FieldException("entries", "more entries than exposures");
        }

        return session;
    }

    private static decimal WatchSeconds(RowFields r)
    {
        var text = r.RequiredText("avg_watch_seconds");
        return decimal.TryParse(text, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            ? seconds
            : throw new FieldException("avg_watch_seconds", "not a number of seconds (expected a value such as 95.5)");
    }
}
