using System.Buffers;
using System.Runtime.CompilerServices;
using Playbook.Canonical;
using Playbook.Files;
using Playbook.Ledger;
using Playbook.Sources;

namespace Playbook.Ingest;

/// <summary>What a worker made of one chunk, for the in-order stage.</summary>
internal sealed class ChunkResult
{
    /// <summary>The chunk's place in the file.</summary>
    public required int Sequence { get; init; }

    /// <summary>The chunk's text, which buyer events point into; set once the chunk is parsed.</summary>
    public char[] Buffer { get; set; } = [];

    /// <summary>Buyer events by shard of the buyer stores (a buyer's id decides its shard).</summary>
    public required List<BuyerEvent>[] Events { get; init; }

    /// <summary>Shards still to take this chunk's events; the last one gives the buffer back.</summary>
    public int ShardsLeft;

    public List<Rejection> Rejections { get; } = [];

    public SideRows Side { get; } = new();

    public long Loaded;
    public long Unpaid;
}

/// <summary>
/// The parallel engine: reads an orders file (CSV, or an unencrypted .xlsx) straight into a
/// <see cref="LedgerBuilder"/>. Chunks of records (lines of text, or rows of sheet XML) are parsed
/// by several workers; the source adapter's fast path (<see cref="RowMapping{T}.Fast"/>) takes rows
/// in the clean spelling as spans, and every other row goes through the adapter's own
/// <see cref="RowMapping{T}.Build"/>, so each row is read and reported exactly as the plain engine
/// would. What only the plain engine handles exactly (duplicate ids, quotes it would split
/// differently, buyers whose months go back and forth for the compact book, a sheet it must report
/// broken) makes it give up with the reason, and the caller reads the plain way.
/// </summary>
internal sealed class FastOrderReader
{
    /// <summary>Characters per chunk: about 7,000 rows of a canonical file (twice as many bytes of sheet XML).</summary>
    public const int ChunkChars = 1 << 20;

    private readonly string name;
    private readonly string? sheet;
    private readonly RowMapping<Order> mapping;
    private readonly int headerCount;
    private readonly LedgerBuilder builder;

    private FastOrderReader(string name, string? sheet, RowMapping<Order> mapping, LedgerBuilder builder)
    {
        this.name = name;
        this.sheet = sheet;
        this.mapping = mapping;
        this.builder = builder;
        headerCount = mapping.Header.Names.Count;
    }

    /// <summary>Reads the file; throws <see cref="FastReadAbandoned"/> when the plain engine must do it.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">How to read it.</param>
    /// <param name="from">First day of the period.</param>
    /// <param name="to">Last day of the period.</param>
    /// <param name="workers">Parsing threads.</param>
    /// <param name="chunkChars">Characters per chunk (tests make it tiny, to cut records at every place).</param>
    /// <param name="keepHistories">Keep every buyer's purchases (<see cref="BuyerHistories"/>).</param>
    public static LedgerRead Read(string path, ReadOptions options, DateOnly? from, DateOnly? to, int workers, int chunkChars, bool keepHistories)
    {
        using var input = InputFile.Open(path, options, TableKind.Orders);
        var mapping = input.Bind<Order>();
        workers = Math.Max(1, workers);
        var builder = new LedgerBuilder(from, to, keepHistories, Math.Max(2, workers));
        switch (input.Rows)
        {
            case CsvRowSource csv:
                if (input.Header.Line != 1)
                {
                    throw new FastReadAbandoned("the header is not on the first line");
                }

                using (var text = new StreamReader(path, csv.TextEncoding.Encoding ?? new System.Text.UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16))
                {
                    var chunks = new CsvChunks(text, chunkChars);
                    chunks.SkipHeader();
                    return new FastOrderReader(input.Name, null, mapping, builder).Run(new CsvFeed(chunks), csv.Encoding, options.Strict, workers);
                }

            case SheetRows rows:
                using (var feed = new SheetFeed(rows, input.Header.Line, chunkChars * 2))
                {
                    return new FastOrderReader(input.Name, rows.Sheet, mapping, builder).Run(feed, rows.Encoding, options.Strict, workers);
                }

            default:
                throw new FastReadAbandoned("an encrypted workbook or an .xls is read by the plain engine");
        }
    }

    private LedgerRead Run(IFeed feed, string encoding, bool strict, int workerCount)
    {
        var report = new LoadReport(name, TableKind.Orders, mapping.Adapter.Id, encoding, sheet);

        // No reader thread and no queues: each worker takes the next chunk under a lock and parses it.
        // Buyers are split into shards by id, each shard a store fed in file order by whichever worker
        // holds its lock, so both cores can feed stores. (On two cores, a dedicated thread per stage
        // spent a third of the time spinning on handoffs.) Shard 0 also takes the load report.
        var shards = builder.Shards;
        var readGate = new Lock();
        var stages = Enumerable.Range(0, shards).Select(i => new Stage(i)).ToArray();
        var stopped = false;
        Exception? failure = null;
        var parts = Enumerable.Range(0, workerCount).Select(_ => builder.NewPart()).ToArray();
        foreach (var part in parts)
        {
            part.OrderKeys = new OrderKeySet();
        }

        var side = new SideRows();
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
                            ConsumeRows(ready, report, strict, side);
                        }

                        var events = ready.Events[stage.Index];
                        builder.ConsumeBuyers(stage.Index, events, ready.Buffer);
                        events.Clear();
                        eventLists.Add(events);
                        if (Interlocked.Decrement(ref ready.ShardsLeft) == 0)
                        {
                            feed.Pool.Return(ready.Buffer);
                        }

                        if (builder.MonthsOutOfOrder)
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

        void Work(LedgerPart part)
        {
            var row = mapping.NewFields();
            var sink = new ChunkSink(part);
            var sheetRows = (feed as SheetFeed)?.NewReader();
            try
            {
                while (!Volatile.Read(ref stopped))
                {
                    (int Sequence, object Item)? next;
                    lock (readGate)
                    {
                        next = feed.Next();
                    }

                    if (next is not var (sequence, item))
                    {
                        return;
                    }

                    var lists = new List<BuyerEvent>[shards];
                    for (var i = 0; i < shards; i++)
                    {
                        lists[i] = eventLists.TryTake(out var list) ? list : new List<BuyerEvent>(1 << 14);
                    }

                    var result = new ChunkResult { Sequence = sequence, Events = lists, ShardsLeft = shards };
                    part.Events = lists;
                    sink.Result = result;
                    if (item is CsvChunk chunk)
                    {
                        result.Buffer = chunk.Buffer;
                        Parse(chunk, result, sink, row);
                    }
                    else
                    {
                        ParseSheet((XmlChunk)item, (SheetFeed)feed, sheetRows!, result, sink, row);
                    }

                    var backlog = 0;
                    foreach (var stage in stages)
                    {
                        lock (stage.Pending)
                        {
                            stage.Pending.Add(result.Sequence, result);
                            backlog = Math.Max(backlog, stage.Pending.Count);
                        }
                    }

                    // Too many parsed chunks waiting: help the stores instead of reading more.
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
            var workers = parts.Select(p => Task.Factory.StartNew(() => Work(p), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();
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
            feed.Release();
        }

        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        }

        if (stages.Any(s => s.Pending.Count > 0))
        {
            throw new InvalidOperationException("chunks were left unconsumed");
        }

        // Equal keys mean a duplicate id (or, for hashed ids, possibly one): the plain engine rejects the later rows by name.
        if (OrderKeySet.AnyDuplicate([.. parts.Select(p => p.OrderKeys!)], parts.Length))
        {
            throw new FastReadAbandoned("the file has duplicate order ids");
        }

        foreach (var (note, count) in side.Notes)
        {
            report.Note(note, count);
        }

        var ledger = builder.Build();
        return new LedgerRead(ledger, report, [.. side.Accounts.Values], builder.Histories);
    }

    private static void ConsumeRows(ChunkResult result, LoadReport report, bool strict, SideRows side)
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
        side.Add(result.Side);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Parse(CsvChunk chunk, ChunkResult result, ChunkSink sink, RowFields row)
    {
        var text = chunk.Text;
        var line = chunk.FirstLine;
        var at = 0;
        Span<Range> ranges = stackalloc Range[headerCount + 1];
        List<string> fields = [];
        while (at < text.Length)
        {
            // Most records have no quote: one pass finds their end and splits them.
            if (CsvRecordScanner.TryScan(text, at, ranges, out var end, out var length, out var count))
            {
                if (length > 0)
                {
                    Handle(text.Slice(at, length), at, line, count, spans: true, result, sink, row, ranges, fields);
                }

                line++;
                at = end < text.Length ? end + 1 : end;
                continue;
            }

            end = chunk.HasQuotes ? RecordEnd(text, at) : IndexOrEnd(text, at);
            var record = text[at..end];
            var lines = chunk.HasQuotes ? 1 + record.Count('\n') : 1;
            var content = record.EndsWith('\r') ? record[..^1] : record;
            if (content.Length > 0)
            {
                ParseRecord(content, at, line, result, sink, row, ranges, fields);
            }

            line += lines;
            at = end < text.Length ? end + 1 : end;
        }
    }

    /// <summary>
    /// Parses a chunk of sheet XML: each row's cells into a buffer of the feed's, then as a CSV
    /// record's fields. Rows up to the header and blank rows are passed over, as the plain engine does.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ParseSheet(XmlChunk chunk, SheetFeed feed, SheetRowReader rows, ChunkResult result, ChunkSink sink, RowFields row)
    {
        var text = feed.NewBuffer(chunk.Length);
        Span<Range> ranges = stackalloc Range[headerCount];
        List<string> fields = [];
        var at = 0;
        try
        {
            while (rows.Next(chunk.Bytes, ref at, text))
            {
                if (!rows.Numbered)
                {
                    // Its number follows the row before, which another worker may hold.
                    throw new FastReadAbandoned("a sheet row without its number");
                }

                var start = rows.Start;
                if (rows.Number <= feed.HeaderLine || !rows.HasValue)
                {
                    text.Length = start;
                    continue;
                }

                for (var i = 0; i < headerCount; i++)
                {
                    var cell = rows.Cell(i);
                    ranges[i] = new Range(cell.Start.Value - start, cell.End.Value - start);
                }

                Handle(text.Array.AsSpan(start, text.Length - start), start, rows.Number, headerCount, spans: true, result, sink, row, ranges, fields);
            }
        }
        catch (InvalidDataException e)
        {
            // The plain engine reads the rows before it and names the row where the sheet breaks.
            throw new FastReadAbandoned("the sheet is broken: " + e.Message);
        }
        finally
        {
            feed.Return(chunk);
            result.Buffer = text.Array;
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
    private void ParseRecord(ReadOnlySpan<char> content, int offset, long line, ChunkResult result, ChunkSink sink, RowFields row, Span<Range> ranges, List<string> fields)
    {
        if (content.Contains('\r'))
        {
            throw new FastReadAbandoned("a carriage return inside a record");
        }

        // CsvRecordScanner took every record without a quote, so this one has one. Fields as ranges
        // of the text, quoted ones without their quotes; a quoted field with a doubled quote inside
        // needs unescaping, so that record is split into strings instead.
        System.Diagnostics.Debug.Assert(content.Contains('"'), "a record without quotes is the scanner's");
        var spans = true;
        int count;
        if (SplitQuotedRanges(content, ranges) is var n and >= 0)
        {
            count = n;
        }
        else
        {
            spans = false;
            count = SplitQuoted(content, fields);
        }

        Handle(content, offset, line, count, spans, result, sink, row, ranges, fields);
    }

    /// <summary>A split record: a rejection when its fields do not match the header, else the adapter's fast path or its plain conversion.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Handle(ReadOnlySpan<char> content, int offset, long line, int count, bool spans, ChunkResult result, ChunkSink sink, RowFields row, Span<Range> ranges, List<string> fields)
    {
        if (count != headerCount)
        {
            result.Rejections.Add(TableReader.FieldCountRejection(name, line, content.ToString(), count, headerCount));
            return;
        }

        if (spans && mapping.Fast is { } fast && fast.TryRow(content, ranges[..headerCount], offset, sink))
        {
            return;
        }

        row.Line = line;
        var positions = mapping.Positions;
        for (var i = 0; i < positions.Length; i++)
        {
            row.Set(i, positions[i] < 0 ? null : spans ? content[ranges[positions[i]]].ToString() : fields[positions[i]]);
        }

        var rejection = TableReader.Convert(mapping, row, name, result.Side, out var order, out var outcome, sheet);
        if (rejection is not null)
        {
            result.Rejections.Add(rejection);
        }
        else if (outcome == RowOutcome.Unpaid)
        {
            result.Unpaid++;
        }
        else if (outcome == RowOutcome.Loaded)
        {
            result.Loaded++;
            sink.Part.Add(order!);
        }
        else
        {
            throw new FastReadAbandoned("a summary row");
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

    /// <summary>Where the workers take the next chunk from, under the read lock, and the pool of the chunks' text.</summary>
    private interface IFeed
    {
        ArrayPool<char> Pool { get; }

        (int Sequence, object Item)? Next();

        /// <summary>Gives back what is held when reading stops.</summary>
        void Release();
    }

    /// <summary>Chunks of CSV records.</summary>
    private sealed class CsvFeed(CsvChunks chunks) : IFeed
    {
        public ArrayPool<char> Pool => chunks.Pool;

        public (int Sequence, object Item)? Next() => chunks.Next() is { } chunk ? (chunk.Sequence, chunk) : null;

        public void Release() => chunks.Release();
    }

    /// <summary>Chunks of a sheet's rows as XML, read from the sheet the header was found on.</summary>
    private sealed class SheetFeed(SheetRows rows, long headerLine, int chunkBytes) : IFeed, IDisposable
    {
        private readonly XmlChunks chunks = new(rows.Package.OpenSheet(rows.SheetIndex), "sheetData", "row", Math.Max(chunkBytes, 256), rows.Name, "sheet " + rows.Sheet);

        public ArrayPool<char> Pool { get; } = ArrayPool<char>.Create(256 << 20, 16);

        /// <summary>The header's sheet row: rows up to it are not data.</summary>
        public long HeaderLine => headerLine;

        public (int Sequence, object Item)? Next()
        {
            try
            {
                return chunks.Next() is { } chunk ? (chunk.Sequence, chunk) : null;
            }
            catch (InvalidDataException e)
            {
                // The plain engine reads the rows before it and says where the part breaks.
                throw new FastReadAbandoned("the sheet is broken: " + e.Message);
            }
        }

        /// <summary>A row reader for one worker.</summary>
        public SheetRowReader NewReader() => SheetRows.NewReader(rows.Package);

        /// <summary>A buffer for a chunk's text, growing from the pool.</summary>
        public CharBuffer NewBuffer(int bytes) => new(Pool.Rent(bytes)) { Rent = Pool.Rent, Replaced = array => Pool.Return(array) };

        public void Return(XmlChunk chunk) => chunks.Pool.Return(chunk.Buffer);

        public void Release()
        {
        }

        public void Dispose() => chunks.Dispose();
    }

    /// <summary>One shard of the buyer stage: the parsed chunks waiting for it, and the next chunk it takes.</summary>
    private sealed class Stage(int index)
    {
        public int Index { get; } = index;

        public Lock Gate { get; } = new();

        public Dictionary<int, ChunkResult> Pending { get; } = [];

        public int Next { get; set; }
    }

    /// <summary>Where an adapter's fast path puts the rows of the chunk a worker is parsing.</summary>
    private sealed class ChunkSink(LedgerPart part) : IOrderSink
    {
        public LedgerPart Part { get; } = part;

        public ChunkResult Result { get; set; } = null!;

        public SideRows Side => Result.Side;

        public void Unpaid() => Result.Unpaid++;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Add(
            ReadOnlySpan<char> orderId, ReadOnlySpan<char> parent, int platform, int second, int day, short month, ReadOnlySpan<char> account,
            int trafficType, ReadOnlySpan<char> product, int quantity, long gmv, long refund, ReadOnlySpan<char> buyer, int buyerStart, sbyte fan, ReadOnlySpan<char> session, long commission)
        {
            Result.Loaded++;
            Part.Add(orderId, parent, platform, second, day, month, account, trafficType, product, quantity, gmv, refund, buyer, buyerStart, null, fan, session, commission);
        }
    }
}
