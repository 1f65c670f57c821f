using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Playbook.Metrics;

namespace Playbook.Data.Fast;

/// <summary>One buyer's sub-order, handed from a worker to the buyer stage in file order.</summary>
internal struct BuyerEvent
{
    public int Start;
    public int Length;
    public string? Text;

    /// <summary><see cref="IdKeys.Hash(ReadOnlySpan{char})"/> of the buyer id: picks the shard and the book's slot.</summary>
    public ulong Hash;
    public ulong Parent;
    public long NetCents;
    public int Second;
    public int Session;
    public short Month;
    public bool Fan;
}

/// <summary>What a worker made of one chunk, for the in-order stage.</summary>
internal sealed class ChunkResult
{
    public required CsvChunk Chunk { get; init; }

    /// <summary>Buyer events by shard of the buyer book (a buyer's id decides its shard).</summary>
    public required List<BuyerEvent>[] Events { get; init; }

    /// <summary>Shards still to take this chunk's events; the last one gives the buffer back.</summary>
    public int ShardsLeft;

    public List<Rejection> Rejections { get; } = [];

    public Dictionary<string, Account>? Accounts { get; set; }

    public long Loaded;
    public long Unpaid;
}

/// <summary>
/// Reads an orders file straight into an <see cref="OrderLedger"/>: chunks of records parsed in
/// parallel from the text, ids coded as numbers, amounts as cents, buyers kept compactly in file
/// order. Rows in the common clean spelling never become strings; any other row goes through the
/// plain reader's own field parsers (<see cref="TableReader.Convert"/>), so every row is read and
/// reported exactly as the plain reader would. What only the plain reader handles exactly (duplicate
/// ids, quotes it would split differently, buyers whose months go back and forth) makes it give up
/// with the reason, and the caller reads the plain way.
/// </summary>
internal sealed class FastLedgerReader
{
    /// <summary>Characters per chunk: about 7,000 rows of a canonical file.</summary>
    public const int ChunkChars = 1 << 20;

    private readonly string name;
    private readonly IReadOnlyList<string> headers;
    private readonly int[] positions;
    private readonly bool export;
    private readonly bool exportHasSubOrderId;
    private readonly TableSchema<Order> schema;
    private readonly DateOnly? from;
    private readonly DateOnly? to;
    private readonly int fromDay;
    private readonly int toDay;
    private readonly IdCodes accounts = new();
    private readonly IdCodes products = new();
    private readonly IdCodes sessions = new();
    private readonly SellerDays sellerDays = new();
    private readonly string[] platforms = [.. Vocabulary.All<Platform>()];
    private readonly string[] channels = [.. Vocabulary.All<Channel>()];
    private readonly string[] trafficTypes = [.. Vocabulary.All<TrafficType>()];
    private readonly string[] reviews = [.. Vocabulary.All<Review>()];

    private FastReadReaderInput Input { get; }

    private FastLedgerReader(FastReadReaderInput input, DateOnly? from, DateOnly? to)
    {
        Input = input;
        name = input.Name;
        headers = input.Headers;
        export = DouyinOrderExport.Recognises(headers);
        exportHasSubOrderId = export && TableReader.FindColumn(headers, DouyinOrderExport.SubOrderId) >= 0;
        schema = export ? DouyinOrderExport.Schema(exportHasSubOrderId, []) : CanonicalSchemas.Orders;
        positions = TableReader.MapColumns(schema, headers, name);
        this.from = from;
        this.to = to;
        fromDay = from?.DayNumber ?? int.MinValue;
        toDay = to?.DayNumber ?? int.MaxValue;
    }

    /// <summary>Reads the file; throws <see cref="FastReadAbandoned"/> when the plain reader must do it.</summary>
    public static (OrderLedger Ledger, LoadReport Report, IReadOnlyList<Account> Accounts) Read(string path, ReadOptions options, DateOnly? from, DateOnly? to, int workers, int chunkChars = ChunkChars)
    {
        FastReadReaderInput input;
        using (var file = InputFile.Open(path, options))
        {
            input = new FastReadReaderInput(file.Name, file.Headers, file.Encoding);
        }

        return new FastLedgerReader(input, from, to).Run(path, options.Strict, Math.Max(1, workers), chunkChars);
    }

    private (OrderLedger, LoadReport, IReadOnlyList<Account>) Run(string path, bool strict, int workerCount, int chunkChars)
    {
        var report = new LoadReport(name, TableKind.Orders, export ? InputSource.DouyinExport : InputSource.Canonical, Input.Encoding.Name);
        using var text = new StreamReader(path, Input.Encoding.Encoding ?? new System.Text.UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var chunks = new CsvChunks(text, chunkChars);
        chunks.SkipHeader();

        // No reader thread and no queues: each worker takes the next chunk under a lock and parses it.
        // Buyers are split into shards by id, each shard a book fed in file order by whichever worker
        // holds its lock, so both cores can feed books. (On two cores, a dedicated thread per stage
        // spent a third of the time spinning on handoffs.) Shard 0 also takes the load report.
        var shards = Math.Max(2, workerCount);
        var readGate = new Lock();
        var stages = Enumerable.Range(0, shards).Select(i => new Stage(i)).ToArray();
        var stopped = false;
        Exception? failure = null;
        var partials = Enumerable.Range(0, workerCount).Select(_ => new PartialLedger(accounts, products, sessions)).ToArray();
        var sessionBuyers = new HashSet<long>[shards];
        for (var i = 0; i < shards; i++)
        {
            sessionBuyers[i] = [];
        }

        var exportAccounts = new Dictionary<string, Account>(StringComparer.Ordinal);
        var eventLists = new System.Collections.Concurrent.ConcurrentBag<List<BuyerEvent>>();

        void Fail(Exception e)
        {
            Interlocked.CompareExchange(ref failure, e, null);
            Volatile.Write(ref stopped, true);
        }

        void Drain(Stage stage, bool wait)
        {
            while (true)
            {
                if (wait)
                {
                    stage.Gate.Enter();
                }
                else if (!stage.Gate.TryEnter())
                {
                    return;
                }

                try
                {
                    while (!Volatile.Read(ref stopped))
                    {
                        ChunkResult? ready;
                        lock (stage.Pending)
                        {
                            if (!stage.Pending.Remove(stage.Next, out ready))
                            {
                                break;
                            }
                        }

                        stage.Next++;
                        if (stage.Index == 0)
                        {
                            ConsumeRows(ready, report, strict, exportAccounts);
                        }

                        var events = ready.Events[stage.Index];
                        ConsumeBuyers(events, ready.Chunk.Buffer, stage.Book, sessionBuyers[stage.Index], stage.Index, shards);
                        events.Clear();
                        eventLists.Add(events);
                        if (Interlocked.Decrement(ref ready.ShardsLeft) == 0)
                        {
                            chunks.Pool.Return(ready.Chunk.Buffer);
                        }

                        if (stage.Book.MonthsOutOfOrder)
                        {
                            throw new FastReadAbandoned("a buyer's orders go back and forth between months");
                        }
                    }
                }
                finally
                {
                    stage.Gate.Exit();
                }

                // A chunk may have finished after the loop looked and before the lock was let go.
                lock (stage.Pending)
                {
                    if (!stage.Pending.ContainsKey(stage.Next) || Volatile.Read(ref stopped))
                    {
                        return;
                    }
                }
            }
        }

        void Work(PartialLedger partial)
        {
            var row = new RowFields(schema.Columns);
            try
            {
                while (!Volatile.Read(ref stopped))
                {
                    CsvChunk? chunk;
                    lock (readGate)
                    {
                        chunk = chunks.Next();
                    }

                    if (chunk is null)
                    {
                        return;
                    }

                    var lists = new List<BuyerEvent>[shards];
                    for (var i = 0; i < shards; i++)
                    {
                        lists[i] = eventLists.TryTake(out var list) ? list : new List<BuyerEvent>(1 << 14);
                    }

                    var result = new ChunkResult { Chunk = chunk, Events = lists, ShardsLeft = shards, Accounts = export ? new Dictionary<string, Account>(StringComparer.Ordinal) : null };
                    Parse(result, partial, row, shards);
                    var backlog = 0;
                    foreach (var stage in stages)
                    {
                        lock (stage.Pending)
                        {
                            stage.Pending.Add(chunk.Sequence, result);
                            backlog = Math.Max(backlog, stage.Pending.Count);
                        }
                    }

                    // Too many parsed chunks waiting: help the books instead of reading more.
                    foreach (var stage in stages)
                    {
                        Drain(stage, wait: backlog > workerCount * 2);
                    }
                }
            }
            catch (Exception e)
            {
                Fail(e);
            }
        }

        try
        {
            var workers = partials.Select(p => Task.Factory.StartNew(() => Work(p), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();
            Task.WaitAll(workers);
            if (failure is null)
            {
                foreach (var stage in stages)
                {
                    Drain(stage, wait: true);
                }
            }
        }
        catch (Exception e)
        {
            Fail(e);
        }
        finally
        {
            chunks.Release();
        }

        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        }

        if (stages.Any(s => s.Pending.Count > 0))
        {
            throw new InvalidOperationException("chunks were left unconsumed");
        }

        CheckDuplicateKeys(partials);
        var books = new ShardedBuyers(stages.Select(s => s.Book).ToArray());
        return (Ledger(partials, books, sessionBuyers), report, [.. exportAccounts.Values]);
    }

    private static void ConsumeRows(ChunkResult result, LoadReport report, bool strict, Dictionary<string, Account> exportAccounts)
    {
        foreach (var rejection in result.Rejections)
        {
            report.Reject(rejection);
            if (strict)
            {
                throw new RejectedRowException(rejection);
            }
        }

        report.Count(result.Loaded, result.Unpaid);
        if (result.Accounts is not null)
        {
            foreach (var (id, account) in result.Accounts)
            {
                exportAccounts.TryAdd(id, account);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ConsumeBuyers(List<BuyerEvent> events, char[] buffer, BuyerBook book, HashSet<long> sessionBuyers, int shard, int shards)
    {
        // Two steps ahead of the lookups: fetch the slot eight events on, and the buyer it points
        // at four events on, so that memory is read while earlier events are worked.
        const int SlotAhead = 8, BuyerAhead = 4;
        var all = CollectionsMarshal.AsSpan(events);
        for (var i = 0; i < all.Length; i++)
        {
            if (i + SlotAhead < all.Length)
            {
                book.PrefetchSlot(all[i + SlotAhead].Hash);
            }

            if (i + BuyerAhead < all.Length)
            {
                book.PrefetchBuyer(all[i + BuyerAhead].Hash);
            }

            ref var e = ref all[i];
            var id = e.Text is null ? buffer.AsSpan(e.Start, e.Length) : e.Text.AsSpan();
            var buyer = book.Add(id, e.Hash, e.Parent, e.Second, e.Month, e.NetCents, e.Fan);
            if (e.Session >= 0)
            {
                // Buyer numbers are per shard; number them apart across shards.
                sessionBuyers.Add(((long)e.Session << 32) | (uint)((buyer * shards) + shard));
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Parse(ChunkResult result, PartialLedger partial, RowFields row, int shards)
    {
        var chunk = result.Chunk;
        var rowSchema = export ? DouyinOrderExport.Schema(exportHasSubOrderId, result.Accounts!) : schema;
        var text = chunk.Text;
        var line = chunk.FirstLine;
        var at = 0;
        Span<Range> ranges = stackalloc Range[headers.Count + 1];
        List<string> fields = [];
        while (at < text.Length)
        {
            var end = chunk.HasQuotes ? RecordEnd(text, at) : IndexOrEnd(text, at);
            var record = text[at..end];
            var lines = chunk.HasQuotes ? 1 + record.Count('\n') : 1;
            var content = record.EndsWith('\r') ? record[..^1] : record;
            if (content.Length > 0)
            {
                ParseRecord(content, at, line, result, partial, row, rowSchema, ranges, fields, shards);
            }

            line += lines;
            at = end < text.Length ? end + 1 : end;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int IndexOrEnd(ReadOnlySpan<char> text, int at)
    {
        var i = text[at..].IndexOf('\n');
        return i < 0 ? text.Length : at + i;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int RecordEnd(ReadOnlySpan<char> text, int at)
    {
        var quoted = false;
        var i = at;
        while (true)
        {
            var next = text[i..].IndexOfAny('"', '\n');
            if (next < 0)
            {
                return text.Length;
            }

            i += next;
            if (text[i] == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted)
            {
                return i;
            }

            i++;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ParseRecord(ReadOnlySpan<char> content, int offset, long line, ChunkResult result, PartialLedger partial, RowFields row, TableSchema<Order> rowSchema, Span<Range> ranges, List<string> fields, int shards)
    {
        if (content.Contains('\r'))
        {
            throw new FastReadAbandoned("a carriage return inside a record");
        }

        // Fields as ranges of the text, quoted ones without their quotes; a quoted field with a
        // doubled quote inside needs unescaping, so that record is split into strings instead.
        var quoted = content.Contains('"');
        var spans = true;
        int count;
        if (quoted && SplitQuotedRanges(content, ranges) is var n and >= 0)
        {
            count = n;
        }
        else if (quoted)
        {
            spans = false;
            count = SplitQuoted(content, fields);
        }
        else
        {
            count = content.Count(',') + 1;
            if (count == headers.Count)
            {
                content.Split(ranges, ',');
            }
        }

        if (count != headers.Count)
        {
            result.Rejections.Add(TableReader.FieldCountRejection(name, line, content.ToString(), count, headers.Count));
            return;
        }

        if (spans && (export ? TryFastExport(content, ranges, offset, result, partial, shards) : TryFast(content, ranges, offset, result, partial, shards)))
        {
            return;
        }

        row.Line = line;
        for (var i = 0; i < positions.Length; i++)
        {
            row.Set(i, positions[i] < 0 ? null : spans ? content[ranges[positions[i]]].ToString() : fields[positions[i]]);
        }

        var rejection = TableReader.Convert(rowSchema, row, name, headers, positions, out var order, out var unpaid);
        if (rejection is not null)
        {
            result.Rejections.Add(rejection);
        }
        else if (unpaid)
        {
            result.Unpaid++;
        }
        else
        {
            result.Loaded++;
            AddPlainOrder(order!, result, partial, shards);
        }
    }

    /// <summary>
    /// A record with quotes split into ranges, a quoted field's range inside its quotes. -1 when a
    /// field needs more than a range (a doubled quote, a quote inside an unquoted field, text after
    /// a closing quote, a quote left open) or there are more fields than ranges: then
    /// <see cref="SplitQuoted"/> takes the record.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int SplitQuotedRanges(ReadOnlySpan<char> content, Span<Range> ranges)
    {
        var n = 0;
        var i = 0;
        while (true)
        {
            if (n == ranges.Length)
            {
                return -1;
            }

            if (i < content.Length && content[i] == '"')
            {
                var close = content[(i + 1)..].IndexOf('"');
                if (close < 0)
                {
                    return -1;
                }

                var end = i + 1 + close;
                if (end + 1 < content.Length && content[end + 1] != ',')
                {
                    return -1;
                }

                ranges[n++] = new Range(i + 1, end);
                i = end + 1;
            }
            else
            {
                var comma = content[i..].IndexOf(',');
                var stop = comma < 0 ? content.Length : i + comma;
                if (content[i..stop].Contains('"'))
                {
                    return -1;
                }

                ranges[n++] = new Range(i, stop);
                i = stop;
            }

            if (i == content.Length)
            {
                return n;
            }

            // Past the comma; a comma at the very end leaves one empty field.
            i++;
            if (i == content.Length)
            {
                if (n == ranges.Length)
                {
                    return -1;
                }

                ranges[n++] = new Range(i, i);
                return n;
            }
        }
    }

    /// <summary>A record with quotes, split as RFC 4180 says; anything else is left to the plain reader.</summary>
    private static int SplitQuoted(ReadOnlySpan<char> content, List<string> fields)
    {
        fields.Clear();
        var i = 0;
        var value = new System.Text.StringBuilder();
        while (true)
        {
            value.Clear();
            if (i < content.Length && content[i] == '"')
            {
                i++;
                while (true)
                {
                    var close = content[i..].IndexOf('"');
                    if (close < 0)
                    {
                        throw new FastReadAbandoned("a quote left open");
                    }

                    value.Append(content.Slice(i, close));
                    i += close + 1;
                    if (i < content.Length && content[i] == '"')
                    {
                        value.Append('"');
                        i++;
                        continue;
                    }

                    break;
                }

                if (i < content.Length && content[i] != ',')
                {
                    throw new FastReadAbandoned("text after a closing quote");
                }
            }
            else
            {
                var comma = content[i..].IndexOf(',');
                var field = comma < 0 ? content[i..] : content.Slice(i, comma);
                if (field.Contains('"'))
                {
                    throw new FastReadAbandoned("a quote inside an unquoted field");
                }

                value.Append(field);
                i += field.Length;
            }

            fields.Add(value.ToString());
            if (i >= content.Length)
            {
                return fields.Count;
            }

            i++; // the comma
            if (i == content.Length)
            {
                fields.Add("");
                return fields.Count;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ReadOnlySpan<char> Field(ReadOnlySpan<char> content, Span<Range> ranges, int column) =>
        positions[column] < 0 ? default : content[ranges[positions[column]]];

    /// <summary>A canonical record in the clean spelling, straight to the sums; false sends it to the plain parsers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryFast(ReadOnlySpan<char> content, Span<Range> ranges, int offset, ChunkResult result, PartialLedger partial, int shards)
    {
        // Column order of CanonicalSchemas.Orders.
        var paidAt = Field(content, ranges, 3);
        if (paidAt.Length == 0)
        {
            result.Unpaid++;
            return true;
        }

        var orderId = Field(content, ranges, 0);
        var parent = Field(content, ranges, 1);
        var account = Field(content, ranges, 4);
        var product = Field(content, ranges, 7);
        var buyer = Field(content, ranges, 11);
        var session = Field(content, ranges, 13);
        var review = Field(content, ranges, 14);
        var traffic = Field(content, ranges, 6);
        var refundText = Field(content, ranges, 10);
        long refund = 0;
        if (!FastFields.TryId(orderId, out var hasOrderId) || !hasOrderId
            || !FastFields.TryId(parent, out _)
            || !FastFields.TryTime(paidAt, out var second, out var day, out var month)
            || !FastFields.TryId(account, out _)
            || !FastFields.TryId(product, out var hasProduct) || !hasProduct
            || !FastFields.TryQuantity(Field(content, ranges, 8), out var quantity)
            || !FastFields.TryCents(Field(content, ranges, 9), out var gmv)
            || !(refundText.Length == 0 || FastFields.TryCents(refundText, out refund))
            || !FastFields.TryId(buyer, out _)
            || !FastFields.TryFan(Field(content, ranges, 12), out var fan)
            || !FastFields.TryId(session, out _)
            || !(review.Length == 0 || FastFields.Word(review, reviews) >= 0))
        {
            return false;
        }

        var platform = FastFields.Word(Field(content, ranges, 2), platforms);
        var trafficType = traffic.Length == 0 ? -1 : FastFields.Word(traffic, trafficTypes);
        if (platform < 0 || FastFields.Word(Field(content, ranges, 5), channels) < 0 || (traffic.Length > 0 && trafficType < 0) || refund > gmv)
        {
            return false;
        }

        result.Loaded++;
        var buyerStart = positions[11] < 0 ? 0 : offset + ranges[positions[11]].Start.Value;
        Add(orderId, parent, platform, second, day, month, account, trafficType, product, quantity, gmv, refund, buyer, buyerStart, null, fan, session, result, partial, shards);
        return true;
    }

    /// <summary>
    /// A 抖店 export record in the clean spelling, straight to the sums, as
    /// <see cref="DouyinOrderExport"/> would read it; false sends it to the plain parsers.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryFastExport(ReadOnlySpan<char> content, Span<Range> ranges, int offset, ChunkResult result, PartialLedger partial, int shards)
    {
        // Column order of DouyinOrderExport.Columns.
        var paidAt = Field(content, ranges, 2);
        var status = Field(content, ranges, 3);
        // The importer's test, on the text as it stands: cleaning only trims a field's ends.
        if (paidAt.Length == 0 || DouyinOrderExport.IsUnpaidStatus(status))
        {
            result.Unpaid++;
            return true;
        }

        var afterSale = Field(content, ranges, 4);
        var trafficKind = Field(content, ranges, 7);
        var trafficForm = Field(content, ranges, 8);
        var buyerField = Field(content, ranges, 12);
        if (!FastFields.TryExportId(Field(content, ranges, 0), out var parent) || parent.Length == 0
            || !FastFields.TryExportId(exportHasSubOrderId ? Field(content, ranges, 1) : Field(content, ranges, 0), out var orderId) || orderId.Length == 0
            || !FastFields.TryTime(paidAt, out var second, out var day, out var month)
            || !FastFields.TryExportId(Field(content, ranges, 5), out var account)
            || !FastFields.TryExportId(Field(content, ranges, 9), out var product) || product.Length == 0
            || !FastFields.TryQuantity(Field(content, ranges, 10), out var quantity)
            || !FastFields.TryCents(Field(content, ranges, 11), out var gmv)
            || !(afterSale.Length == 0 || FastFields.IsUnchangedText(afterSale) || FieldValues.IsNullMarker(afterSale))
            || !FastFields.TryExportId(buyerField.Length > 0 ? buyerField : Field(content, ranges, 13), out var buyer)
            || !DouyinOrderExport.TryChannel(trafficForm, out _))
        {
            return false;
        }

        var trafficType = trafficKind switch
        {
            "" => -1,
            "自然流量" => (int)TrafficType.Organic,
            "付费流量" => (int)TrafficType.Paid,
            _ => -2,
        };
        if (trafficType == -2)
        {
            return false;
        }

        // The export names its sellers: the first row of each in the file gives the nickname.
        if (account.Length > 0 && !result.Accounts!.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(account))
        {
            var id = account.ToString();
            var nickname = positions[6] < 0 ? null : FieldValues.Clean(Field(content, ranges, 6).ToString());
            result.Accounts[id] = new Account { AccountId = id, Platform = Platform.Douyin, Nickname = nickname };
        }

        result.Loaded++;
        var refund = afterSale.SequenceEqual(DouyinOrderExport.FullRefund) ? gmv : 0;
        var buyerStart = buyer.Length == 0 ? 0 : offset + (int)(Unsafe.ByteOffset(ref MemoryMarshal.GetReference(content), ref MemoryMarshal.GetReference(buyer)) / sizeof(char));
        Add(orderId, parent, (int)Platform.Douyin, second, day, month, account, trafficType, product, quantity, gmv, refund, buyer, buyerStart, null, -1, default, result, partial, shards);
        return true;
    }

    private void AddPlainOrder(Order order, ChunkResult result, PartialLedger partial, int shards)
    {
        if (!FastFields.TryTime(order.PaidAt, out var second, out var day, out var month))
        {
            throw new FastReadAbandoned("a payment time before 2000, after 2067 or with fractions of a second");
        }

        Add(
            order.OrderId, order.ParentOrderId, (int)order.Platform, second, day, month, order.AccountId,
            order.TrafficType is { } t ? (int)t : -1, order.ProductId, order.Quantity, decimal.ToInt64(order.Gmv * 100), decimal.ToInt64(order.Refund * 100),
            order.BuyerId, 0, order.BuyerId, order.BuyerIsFan is { } f ? (sbyte)(f ? 1 : 0) : (sbyte)-1, order.SessionId, result, partial, shards);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Add(
        ReadOnlySpan<char> orderId, ReadOnlySpan<char> parent, int platform, int second, int day, short month, ReadOnlySpan<char> account,
        int trafficType, ReadOnlySpan<char> product, int quantity, long gmv, long refund,
        ReadOnlySpan<char> buyer, int buyerStart, string? buyerText, sbyte fan, ReadOnlySpan<char> session, ChunkResult result, PartialLedger partial, int shards)
    {
        // Every loaded row's id counts for duplicates, in the period or not (as the plain reader checks them).
        var orderKey = IdKeys.Of(orderId);
        partial.OrderKeys.Add(orderKey);
        if (day < fromDay || day > toDay)
        {
            partial.OutsidePeriod++;
            return;
        }

        partial.ByPlatform[platform]++;
        var accountCode = account.Length == 0 ? 0 : partial.Accounts.Of(account) + 1;
        sellerDays.Add(accountCode, day, gmv, refund, quantity);
        PartialLedger.At(partial.ByProduct, partial.Products.Of(product)).Add(gmv, refund, quantity);
        if (trafficType == 1)
        {
            partial.Paid.Add(gmv, refund, quantity);
        }
        else if (trafficType == 0)
        {
            partial.Organic.Add(gmv, refund, quantity);
        }
        else
        {
            partial.UnknownTraffic.Add(gmv, refund, quantity);
        }
        var sessionCode = session.Length == 0 ? -1 : partial.Sessions.Of(session);
        if (sessionCode >= 0)
        {
            PartialLedger.At(partial.BySession, sessionCode).Add(gmv, refund, quantity);
        }

        var net = gmv - refund;
        if (buyer.Length == 0)
        {
            partial.WithoutBuyer.Add(gmv, refund, quantity);
            partial.FanNetWithoutBuyer += fan == 1 ? net : 0;
            return;
        }

        var hash = IdKeys.Hash(buyer);
        result.Events[(int)(hash % (uint)shards)].Add(new BuyerEvent
        {
            Hash = hash,
            Start = buyerStart,
            Length = buyer.Length,
            Text = buyerText,
            Parent = parent.Length == 0 ? orderKey : IdKeys.Of(parent),
            NetCents = net,
            Second = second,
            Session = sessionCode,
            Month = month,
            Fan = fan == 1,
        });
    }

    /// <summary>Equal keys mean a duplicate id (or, for hashed ids, possibly one): the plain reader rejects the later rows by name.</summary>
    private static void CheckDuplicateKeys(PartialLedger[] partials)
    {
        if (OrderKeySet.AnyDuplicate([.. partials.Select(p => p.OrderKeys)], partials.Length))
        {
            throw new FastReadAbandoned("the file has duplicate order ids");
        }
    }

    private OrderLedger Ledger(PartialLedger[] partials, ShardedBuyers book, HashSet<long>[] sessionBuyers)
    {
        var ledger = new OrderLedger(from, to);
        static decimal Yuan(long cents) => new((int)(Math.Abs(cents) & 0xFFFF_FFFF), (int)(Math.Abs(cents) >> 32), 0, cents < 0, 2);
        static void Put(SalesTally tally, in CentTally c) => tally.AddTotals(Yuan(c.Gmv), Yuan(c.Refund), c.Orders, c.Units, c.RefundedOrders);
        SalesTally Get<TKey>(IDictionary<TKey, SalesTally> map, TKey key)
        {
            if (!map.TryGetValue(key, out var tally))
            {
                map[key] = tally = new SalesTally();
            }

            return tally;
        }

        // Every (account, day) cell, without building a map of them all.
        IEnumerable<(int Account, int Day, CentTally Tally)> Cells()
        {
            foreach (var (code, series) in sellerDays.All())
            {
                foreach (var (day, cell) in series.Days())
                {
                    yield return (code - 1, day, cell);
                }
            }
        }

        var byProduct = new List<CentTally>();
        var bySession = new List<CentTally>();
        foreach (var p in partials)
        {

            for (var i = 0; i < p.ByProduct.Count; i++)
            {
                PartialLedger.At(byProduct, i).Add(p.ByProduct[i]);
            }

            for (var i = 0; i < p.BySession.Count; i++)
            {
                PartialLedger.At(bySession, i).Add(p.BySession[i]);
            }

            Put(ledger.PaidTraffic, p.Paid);
            Put(ledger.OrganicTraffic, p.Organic);
            Put(ledger.UnknownTraffic, p.UnknownTraffic);
            Put(ledger.WithoutBuyer, p.WithoutBuyer);
            ledger.AddFanNetGmvWithoutBuyer(Yuan(p.FanNetWithoutBuyer));
            ledger.AddOutsidePeriod(p.OutsidePeriod);
            for (var i = 0; i < p.ByPlatform.Length; i++)
            {
                if (p.ByPlatform[i] > 0)
                {
                    ledger.OrdersByPlatform[(Platform)i] = ledger.OrdersByPlatform.GetValueOrDefault((Platform)i) + p.ByPlatform[i];
                }
            }
        }

        var total = default(CentTally);
        var shelf = default(CentTally);
        var byDay = new Dictionary<int, CentTally>();
        var byAccount = new Dictionary<int, CentTally>();
        foreach (var (account, day, tally) in Cells())
        {
            total.Add(tally);
            CollectionsMarshal.GetValueRefOrAddDefault(byDay, day, out _).Add(tally);
            if (account < 0)
            {
                shelf.Add(tally);
            }
            else
            {
                CollectionsMarshal.GetValueRefOrAddDefault(byAccount, account, out _).Add(tally);
            }

        }

        // Only the notebooks' daily series read these; build them when asked.
        ledger.FillByDayAndAccountLater(map =>
        {
            foreach (var (account, day, tally) in Cells())
            {
                Put(Get(map, (DateOnly.FromDayNumber(day), account < 0 ? "" : accounts.Names[account])), tally);
            }
        });

        Put(ledger.Total, total);
        if (shelf.Orders > 0)
        {
            Put(ledger.Shelf, shelf);
        }

        foreach (var (day, tally) in byDay.OrderBy(d => d.Key))
        {
            Put(Get(ledger.ByDay, DateOnly.FromDayNumber(day)), tally);
        }

        foreach (var (account, tally) in byAccount)
        {
            Put(Get(ledger.ByAccount, accounts.Names[account]), tally);
        }

        for (var i = 0; i < byProduct.Count; i++)
        {
            if (byProduct[i].Orders > 0)
            {
                Put(Get(ledger.ByProduct, products.Names[i]), byProduct[i]);
            }
        }

        var buyersBySession = new long[bySession.Count];
        foreach (var pair in sessionBuyers.SelectMany(s => s))
        {
            buyersBySession[(int)(pair >> 32)]++;
        }

        for (var i = 0; i < bySession.Count; i++)
        {
            if (bySession[i].Orders > 0)
            {
                var sales = new SessionSales { CountedBuyers = buyersBySession[i] };
                Put(sales.Tally, bySession[i]);
                ledger.BySession[sessions.Names[i]] = sales;
            }
        }

        ledger.UseBuyerFigures(book);
        return ledger;
    }

    /// <summary>One shard of the buyer stage: its book, the parsed chunks waiting for it, and the next chunk it takes.</summary>
    private sealed class Stage(int index)
    {
        public int Index { get; } = index;

        public Lock Gate { get; } = new();

        public Dictionary<int, ChunkResult> Pending { get; } = [];

        public BuyerBook Book { get; } = new();

        public int Next { get; set; }
    }

    /// <summary>What the fast reader keeps of the opened file: its name, header and encoding.</summary>
    private sealed record FastReadReaderInput(string Name, IReadOnlyList<string> Headers, TextEncoding Encoding);
}
