using System.Globalization;
using Playbook.Canonical;
using Playbook.Files;
using YamlDotNet.RepresentationModel;

namespace Playbook.Sources;

/// <summary>
/// A layout described by a YAML mapping instead of code: which canonical table it fills, the
/// headers that recognise it, and for each canonical column where its value comes from and how it
/// is read (money, counts with 万/w, percentages, minutes or written-out durations to seconds,
/// dates in any common form, value maps). The canonical table's own parsers and checks then read
/// the values, so a mapped row is validated as a canonical one. The built-in 罗盘 and 千川 adapters
/// are such mappings; a user maps any other export (蝉妈妈, 飞瓜, 磁力金牛, 生意通) the same way.
/// </summary>
/// <remarks>
/// <code>
/// source: my_live_list              # the id load reports give
/// title: 蝉妈妈 直播记录
/// table: sessions
/// platform: douyin                  # of the accounts it names (optional)
/// recognise: [开播时间, 直播时长, 观看人次]
/// summary_when: {column: 开播时间, in: [合计, 总计]}
/// unpaid_when: {column: 订单状态, in: [待付款]}          # orders only
/// accounts: {id: {column: 抖音号}, nickname: {column: 达人昵称}, role: matrix}
/// columns:
///   session_id: {join: [{column: 抖音号}, {column: 开播时间, as: stamp}], with: "-"}
///   started_at: {column: 开播时间, as: time}
///   ended_at: {column: 开播时间, as: time, plus: {column: 直播时长, as: duration}}
///   views: {column: 观看人次, as: count}
///   tool: {value: qianchuan}
///   account_id: {column: 抖音号ID, default: {setting: account}}
///   channel: {column: 流量体裁, map: channel}
/// values:
///   channel: {直播: live, 短视频: short_video, "*": other}
/// </code>
/// A value is one of <c>column</c> (a header, or a list of spellings), <c>first_of</c> (the first of
/// several columns with a value; <c>nulls</c> lists more spellings of none), <c>value</c>,
/// <c>setting</c> (<c>shop_account</c>, <c>account</c>) or <c>join</c>; then optionally <c>as</c>
/// (text, id, money, count, decimal, percent, minutes, seconds, duration, time, date, stamp),
/// <c>format</c> (a .NET date format for time and date), <c>plus</c> (a duration added to a time),
/// <c>map</c>, <c>when</c> with <c>else</c>, and <c>default</c> for an empty value.
/// </remarks>
public static class MappedSource
{
    /// <summary>Reads a user's mapping file (<c>--mapping FILE</c>).</summary>
    /// <exception cref="InputException">The file is not a valid mapping; the message names the line.</exception>
    public static SourceAdapter Load(string path) => Parse(Yaml.Root(path), path);

    /// <summary>A mapping shipped inside the library (the built-in 罗盘 and 千川 layouts).</summary>
    internal static SourceAdapter Builtin(string resource) => Parse(Yaml.Resource(resource), resource);

    private static SourceAdapter Parse(YamlMappingNode root, string file)
    {
        // A correction of a built-in adapter's words: the same layout, some words the user knows better.
        if (Yaml.Text(root, "extends") is { } extended)
        {
            return SourceRegistry.All.FirstOrDefault(a => a.Id == extended) is IHasWords words
                ? words.WithWords(MappingSpec.ParseValues(root, file))
                : throw new InputException($"{file}:{root.Start.Line}: extends '{extended}', which is no adapter with words to correct (those with words: {string.Join(", ", SourceRegistry.All.OfType<IHasWords>().Select(a => ((SourceAdapter)a).Id))})");
        }

        var spec = MappingSpec.Parse(root, file);
        return spec.Table switch
        {
            TableKind.Accounts => new Mapped<Account>(spec, CanonicalTables.Accounts),
            TableKind.Orders => new Mapped<Order>(spec, CanonicalTables.Orders),
            TableKind.Sessions => new Mapped<LiveSession>(spec, CanonicalTables.Sessions),
            TableKind.Products => new Mapped<Product>(spec, CanonicalTables.Products),
            TableKind.Campaigns => new Mapped<Campaign>(spec, CanonicalTables.Campaigns),
            TableKind.Traffic => new Mapped<PaidTraffic>(spec, CanonicalTables.Traffic),
            TableKind.Sales => new Mapped<DailySales>(spec, CanonicalTables.Sales),
            TableKind.Leaderboard => new Mapped<LeaderboardEntry>(spec, CanonicalTables.Leaderboard),
            TableKind.Costs => new Mapped<Cost>(spec, CanonicalTables.Costs),
            TableKind.Commissions => new Mapped<CommissionRow>(spec, CanonicalTables.Commissions),
            _ => throw new InputException($"{file}: unknown table"),
        };
    }

    /// <summary>A mapping bound to its canonical table.</summary>
    private sealed class Mapped<T>(MappingSpec spec, CanonicalTable<T> table) : SourceAdapter<T>
        where T : class, new()
    {
        public override string Id => spec.Id;

        public override TableKind Table => table.Kind;

        public override string Title => spec.Title;

        internal override IReadOnlyList<string> Signature => spec.Recognise;

        internal override IReadOnlyList<SourceColumn> Columns => spec.SourceColumns;

        public override RowMapping<T> Bind(HeaderRow header, string file, SourceOptions options)
        {
            var positions = Positions(header, file);
            var canonical = new RowFields(table.ColumnNames);
            var names = table.ColumnNames;
            return new RowMapping<T>
            {
                Adapter = this,
                Columns = Columns,
                Positions = positions,
                Header = header,
                IdColumn = table.IdColumn is { } id ? spec.SourceOf(id) ?? id : null,
                KeyOf = table.KeyOf ?? (table.IdColumn is null ? null : r => table.KeyOrIdOf(r) ?? ""),
                IsSummary = spec.SummaryWhen is { } summary ? r => summary.Holds(r) : null,
                IsUnpaid = spec.UnpaidWhen is { } unpaid ? r => unpaid.Holds(r) : null,
                Build = (r, side) =>
                {
                    canonical.Line = r.Line;
                    for (var i = 0; i < names.Count; i++)
                    {
                        canonical.Set(i, spec.Columns.TryGetValue(names[i], out var value) ? value.Evaluate(r, options, spec) : null);
                    }

                    T record;
                    try
                    {
                        record = table.Read(canonical, side);
                        side.RenameFigures(column => spec.SourceOf(column) ?? column);
                    }
                    catch (FieldException e)
                    {
                        // Name the file's column, not the canonical one, so the user finds it.
                        throw new FieldException(spec.SourceOf(e.Column) ?? spec.Recognise[0], $"{e.Column}: {e.Message}");
                    }

                    if (spec.Accounts is { } accounts && accounts.Id.Evaluate(r, options, spec) is { } accountId)
                    {
                        side.Account(accountId, spec.Platform ?? Platform.Douyin, accounts.Nickname?.Evaluate(r, options, spec), accounts.Role);
                    }

                    return record;
                },
            };
        }
    }
}

/// <summary>A parsed mapping: what <see cref="MappedSource"/> reads.</summary>
internal sealed record MappingSpec
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    public required TableKind Table { get; init; }

    public required IReadOnlyList<string> Recognise { get; init; }

    public required IReadOnlyDictionary<string, ValueSpec> Columns { get; init; }

    public required IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Values { get; init; }

    public required IReadOnlyList<SourceColumn> SourceColumns { get; init; }

    public Condition? SummaryWhen { get; init; }

    public Condition? UnpaidWhen { get; init; }

    public AccountSpec? Accounts { get; init; }

    public Platform? Platform { get; init; }

    /// <summary>The file column a canonical column is read from, when it is read from one.</summary>
    public string? SourceOf(string canonical) => Columns.TryGetValue(canonical, out var value) ? value.FirstColumn : null;

    public static MappingSpec Parse(YamlMappingNode root, string file)
    {
        string Required(string key) => Yaml.Required(root, key, file);
        var tableName = Required("table");
        if (!Vocabulary.TryParseKind(tableName, out var table))
        {
            throw new InputException($"{file}:{root.Start.Line}: table '{tableName}' is not one of {string.Join(", ", Vocabulary.AllKindNames)}");
        }

        var canonical = CanonicalTables.Of(table).Columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var columns = new Dictionary<string, ValueSpec>(StringComparer.Ordinal);
        if (Node(root, "columns") is not YamlMappingNode columnMap)
        {
            throw new InputException($"{file}:{root.Start.Line}: 'columns' is missing: say where each canonical column comes from");
        }

        foreach (var (key, node) in columnMap.Children)
        {
            var name = ((YamlScalarNode)key).Value ?? "";
            if (!canonical.Contains(name))
            {
                throw new InputException($"{file}:{key.Start.Line}: {tableName} has no column '{name}': expected one of {string.Join(", ", canonical)}");
            }

            columns[name] = ValueSpec.Parse(node, file);
        }

        var values = ParseValues(root, file);

        var recognise = Node(root, "recognise") is YamlSequenceNode headers
            ? headers.Select(h => ((YamlScalarNode)h).Value ?? "").ToList()
            : throw new InputException($"{file}:{root.Start.Line}: 'recognise' is missing: list the headers that tell this layout apart");
        AccountSpec? accounts = null;
        if (Node(root, "accounts") is YamlMappingNode accountNode)
        {
            var role = Yaml.Text(accountNode, "role");
            accounts = new AccountSpec(
                ValueSpec.Parse(Node(accountNode, "id") ?? throw new InputException($"{file}:{accountNode.Start.Line}: accounts need an 'id'"), file),
                Node(accountNode, "nickname") is { } nick ? ValueSpec.Parse(nick, file) : null,
                role is null ? null : Vocabulary.TryParse<SellerRole>(role, out var r) ? r : throw new InputException($"{file}:{accountNode.Start.Line}: role '{role}' is not self, top_kol or matrix"));
        }

        Platform? platform = Yaml.Text(root, "platform") is { } p
            ? Vocabulary.TryParse<Platform>(p, out var parsed) ? parsed : throw new InputException($"{file}:{root.Start.Line}: platform '{p}' is not douyin or kuaishou")
            : null;

        var spec = new MappingSpec
        {
            Id = Required("source"),
            Title = Yaml.Text(root, "title") ?? Required("source"),
            Table = table,
            Recognise = recognise,
            Columns = columns,
            Values = values,
            SummaryWhen = Node(root, "summary_when") is { } summary ? Condition.Parse(summary, file) : null,
            UnpaidWhen = Node(root, "unpaid_when") is { } unpaid ? Condition.Parse(unpaid, file) : null,
            Accounts = accounts,
            Platform = platform,
            SourceColumns = [],
        };

        foreach (var (name, value) in columns)
        {
            foreach (var map in value.Maps.Where(m => !values.ContainsKey(m)))
            {
                throw new InputException($"{file}: column {name} uses value map '{map}', which 'values' does not define");
            }
        }

        // Every header the mapping reads, the recognising ones required, the others optional.
        var read = columns.Values.SelectMany(v => v.Headers)
            .Concat(spec.SummaryWhen?.Headers ?? [])
            .Concat(spec.UnpaidWhen?.Headers ?? [])
            .Concat(accounts is null ? [] : accounts.Id.Headers.Concat(accounts.Nickname?.Headers ?? []))
            .Select(h => h[0])
            .Concat(recognise)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var aliases = columns.Values.Concat(accounts is null ? [] : [accounts.Id, .. accounts.Nickname is null ? Array.Empty<ValueSpec>() : [accounts.Nickname]])
            .SelectMany(v => v.Headers).Where(h => h.Count > 1).GroupBy(h => h[0]).ToDictionary(g => g.Key, g => g.First().Skip(1).ToArray());
        return spec with { SourceColumns = [.. read.Select(h => new SourceColumn(h, recognise.Contains(h), aliases.GetValueOrDefault(h) ?? []))] };
    }

    /// <summary>The <c>values:</c> section: named maps of words.</summary>
    internal static Dictionary<string, IReadOnlyDictionary<string, string>> ParseValues(YamlMappingNode root, string file)
    {
        var values = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        if (Node(root, "values") is YamlMappingNode valueMaps)
        {
            foreach (var (key, node) in valueMaps.Children)
            {
                values[((YamlScalarNode)key).Value ?? ""] = node is YamlMappingNode map
                    ? map.Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value ?? "", p => ((YamlScalarNode)p.Value).Value ?? "", StringComparer.Ordinal)
                    : throw new InputException($"{file}:{node.Start.Line}: a value map is a mapping of words, such as {{直播: live}}");
            }
        }

        return values;
    }

    internal static YamlNode? Node(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;
}

/// <summary>The accounts a mapped layout names: an id, a nickname and a role.</summary>
internal sealed record AccountSpec(ValueSpec Id, ValueSpec? Nickname, SellerRole? Role);

/// <summary>A test on a row: a column's value is one of some words (<c>in</c>), or empty (<c>empty: true</c>).</summary>
internal sealed record Condition(IReadOnlyList<string> Column, IReadOnlyList<string> In, bool Empty)
{
    public IEnumerable<IReadOnlyList<string>> Headers => [Column];

    public bool Holds(RowFields row)
    {
        var text = row.Text(Column[0]);
        return text is null ? Empty : In.Contains(text, StringComparer.Ordinal);
    }

    public static Condition Parse(YamlNode node, string file)
    {
        if (node is not YamlMappingNode map || SpellingsOf(MappingSpec.Node(map, "column")) is not { Count: > 0 } column)
        {
            throw new InputException($"{file}:{node.Start.Line}: a condition is {{column: NAME, in: [words]}} or {{column: NAME, empty: true}}");
        }

        var words = MappingSpec.Node(map, "in") is YamlSequenceNode list ? list.Select(w => ((YamlScalarNode)w).Value ?? "").ToList() : [];
        return new Condition(column, words, Yaml.Text(map, "empty") is "true" or "yes");
    }

    internal static List<string>? SpellingsOf(YamlNode? node) => node switch
    {
        YamlScalarNode scalar => [scalar.Value ?? ""],
        YamlSequenceNode list => [.. list.Select(n => ((YamlScalarNode)n).Value ?? "")],
        _ => null,
    };
}

/// <summary>Where a canonical value comes from in a row, and how it is read.</summary>
internal sealed class ValueSpec
{
    private static readonly string[] Transforms = ["text", "id", "money", "count", "decimal", "percent", "minutes", "seconds", "duration", "time", "date", "stamp"];

    private List<string>? column;
    private List<string>? firstOf;
    private IReadOnlyList<string> nulls = [];
    private string? constant;
    private string? setting;
    private IReadOnlyList<ValueSpec>? join;
    private string separator = "-";
    private string transform = "text";
    private string? format;
    private ValueSpec? plus;
    private string? map;
    private Condition? when;
    private ValueSpec? otherwise;
    private ValueSpec? fallback;

    /// <summary>The file columns it reads, each as its spellings (the first is its name).</summary>
    public IEnumerable<IReadOnlyList<string>> Headers =>
        (column is null ? [] : new[] { column })
            .Concat(firstOf?.Select(c => (IReadOnlyList<string>)[c]) ?? [])
            .Concat(join?.SelectMany(j => j.Headers) ?? [])
            .Concat(plus?.Headers ?? [])
            .Concat(when?.Headers ?? [])
            .Concat(otherwise?.Headers ?? [])
            .Concat(fallback?.Headers ?? []);

    /// <summary>The value maps it uses.</summary>
    public IEnumerable<string> Maps =>
        (map is null ? [] : new[] { map }).Concat(join?.SelectMany(j => j.Maps) ?? []).Concat(otherwise?.Maps ?? []).Concat(fallback?.Maps ?? []);

    /// <summary>The first file column it reads, for messages.</summary>
    public string? FirstColumn => column?[0] ?? firstOf?[0] ?? join?.Select(j => j.FirstColumn).FirstOrDefault(c => c is not null);

    public static ValueSpec Parse(YamlNode node, string file)
    {
        if (node is YamlScalarNode header)
        {
            return new ValueSpec { column = [header.Value ?? ""] };
        }

        if (node is not YamlMappingNode m)
        {
            throw new InputException($"{file}:{node.Start.Line}: a value is a header name or a mapping such as {{column: 消耗(元), as: money}}");
        }

        var spec = new ValueSpec
        {
            column = Condition.SpellingsOf(MappingSpec.Node(m, "column")),
            firstOf = Condition.SpellingsOf(MappingSpec.Node(m, "first_of")),
            nulls = Condition.SpellingsOf(MappingSpec.Node(m, "nulls")) ?? [],
            constant = Yaml.Text(m, "value") ?? (MappingSpec.Node(m, "value") is not null ? "" : null),
            setting = Yaml.Text(m, "setting"),
            join = MappingSpec.Node(m, "join") is YamlSequenceNode parts ? [.. parts.Select(p => Parse(p, file))] : null,
            separator = Yaml.Text(m, "with") ?? "-",
            transform = Yaml.Text(m, "as") ?? "text",
            format = Yaml.Text(m, "format"),
            plus = MappingSpec.Node(m, "plus") is { } plus ? Parse(plus, file) : null,
            map = Yaml.Text(m, "map"),
            when = MappingSpec.Node(m, "when") is { } when ? Condition.Parse(when, file) : null,
            otherwise = MappingSpec.Node(m, "else") is { } otherwise ? Parse(otherwise, file) : null,
            fallback = MappingSpec.Node(m, "default") is { } fallback ? Parse(fallback, file) : null,
        };
        if (!Transforms.Contains(spec.transform))
        {
            throw new InputException($"{file}:{m.Start.Line}: as: '{spec.transform}' is not one of {string.Join(", ", Transforms)}");
        }

        var sources = new object?[] { spec.column, spec.firstOf, spec.constant, spec.setting, spec.join }.Count(s => s is not null);
        return sources == 1
            ? spec
            : throw new InputException($"{file}:{m.Start.Line}: a value comes from exactly one of column, first_of, value, setting or join (found {sources})");
    }

    /// <summary>The value as the canonical column reads it; null for none.</summary>
    /// <exception cref="FieldException">A value the transform cannot read; it names the file's column.</exception>
    public string? Evaluate(RowFields row, SourceOptions options, MappingSpec spec)
    {
        if (when is not null && !when.Holds(row))
        {
            return otherwise?.Evaluate(row, options, spec);
        }

        var (raw, source) = Raw(row, options, spec);
        if (raw is null)
        {
            return fallback?.Evaluate(row, options, spec);
        }

        var value = Transform(raw, source);
        if (plus is not null && plus.Evaluate(row, options, spec) is { } seconds)
        {
            value = DateTime.ParseExact(value, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
                .AddSeconds((double)decimal.Parse(seconds, CultureInfo.InvariantCulture))
                .ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        }

        if (map is null)
        {
            return value;
        }

        var words = spec.Values[map];
        return words.TryGetValue(value, out var mapped) || words.TryGetValue("*", out mapped)
            ? mapped
            : throw new FieldException(source, $"'{value}' is not in the value map '{map}' ({string.Join(", ", words.Keys)})");
    }

    private (string? Raw, string Source) Raw(RowFields row, SourceOptions options, MappingSpec spec)
    {
        if (column is not null)
        {
            return (row.Text(column[0]), column[0]);
        }

        if (firstOf is not null)
        {
            foreach (var c in firstOf)
            {
                if (row.Text(c) is { } text && !nulls.Contains(text, StringComparer.Ordinal))
                {
                    return (text, c);
                }
            }

            return (null, firstOf[0]);
        }

        if (setting is not null)
        {
            return (options.Setting(setting), setting);
        }

        if (join is not null)
        {
            var parts = join.Select(j => j.Evaluate(row, options, spec)).ToList();
            return (parts.Any(p => p is null) ? null : string.Join(separator, parts), FirstColumn ?? "join");
        }

        return (constant is { Length: > 0 } ? constant : null, "value");
    }

    private string Transform(string raw, string source)
    {
        decimal number;
        string reason;
        switch (transform)
        {
            case "id":
                // Spreadsheets hand ids back as 123.0; the digits are the id.
                return FieldValues.WithoutFloatTail(raw)!;
            case "money":
                // Third-party tools print 12.5w or 1.2万 for money too.
                return FieldValues.TryParseMoneyWithUnit(raw, out var money, out reason) ? money.ToString("0.00", CultureInfo.InvariantCulture) : throw new FieldException(source, reason);
            case "count":
                return FieldValues.TryParseCount(raw, out var count, out reason) ? count.ToString(CultureInfo.InvariantCulture) : throw new FieldException(source, reason);
            case "decimal" or "seconds":
                return FieldValues.TryParseDecimal(raw, out number, out reason) ? number.ToString(CultureInfo.InvariantCulture) : throw new FieldException(source, reason);
            case "percent":
                return FieldValues.TryParsePercent(raw, out number, out reason) ? number.ToString(CultureInfo.InvariantCulture) : throw new FieldException(source, reason);
            case "minutes":
                return FieldValues.TryParseDecimal(raw, out number, out reason) ? (number * 60).ToString(CultureInfo.InvariantCulture) : throw new FieldException(source, $"{reason} of minutes");
            case "duration":
                return FieldValues.TryParseDuration(raw, out number, out reason) ? number.ToString(CultureInfo.InvariantCulture) : throw new FieldException(source, reason);
            case "time" or "stamp":
                var time = Time(raw, source);
                return time.ToString(transform == "time" ? "yyyy-MM-dd HH:mm:ss" : "yyyyMMddHHmmss", CultureInfo.InvariantCulture);
            case "date":
                return (format is not null ? DateOnly.FromDateTime(Time(raw, source))
                        : FieldValues.TryParseDate(raw, out var date) ? date
                        : FieldValues.TryParseTime(raw, out var moment) ? DateOnly.FromDateTime(moment)
                        : throw new FieldException(source, "not a date (expected yyyy-MM-dd, such as 2021-01-05)"))
                    .ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            default:
                return raw;
        }
    }

    private DateTime Time(string raw, string source)
    {
        if (format is not null)
        {
            return DateTime.TryParseExact(raw, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var exact)
                ? exact
                : throw new FieldException(source, $"not a time in the form {format}");
        }

        return FieldValues.TryParseTime(raw, out var time) ? time
            : FieldValues.TryParseDate(raw, out var date) ? date.ToDateTime(TimeOnly.MinValue)
            : throw new FieldException(source, "not a time (expected yyyy-MM-dd HH:mm:ss or yyyy/MM/dd HH:mm:ss)");
    }
}
