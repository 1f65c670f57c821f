using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Playbook.Output;

/// <summary>
/// How every command writes JSON: its documents (<see cref="PillarReportJson"/>, <see cref="AllocationJson"/> …)
/// through System.Text.Json's source-generated serializer, snake_case keys, nulls written as null,
/// money with two decimals (<see cref="MoneyConverter"/>), ratios rounded to six (<see cref="RatioConverter"/>),
/// indented, Chinese kept readable. The output contract is published as JSON Schema made from the same types.
/// </summary>
public static class JsonOutput
{
    /// <summary>The serializer's options: the generated context's, with an encoder that keeps Chinese readable.</summary>
    public static JsonSerializerOptions Options { get; } = new(PlaybookJsonContext.Default.Options)
    {
        // Chinese nicknames stay readable in the JSON; HTML output is encoded separately, where it is produced.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = PlaybookJsonContext.Default,
    };

    /// <summary>The JSON text of <paramref name="value"/>.</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Info<T>());

    /// <summary>Writes <paramref name="value"/> as one JSON document and a line end.</summary>
    public static void Write<T>(TextWriter writer, T value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine(Serialize(value));
    }

    /// <summary>
    /// The JSON Schema (draft 2020-12) of the documents of type <typeparamref name="T"/>: made from the
    /// types, with money and ratios as numbers, nulls where the type allows them.
    /// </summary>
    public static JsonObject Schema<T>(string title)
    {
        var schema = JsonSchemaExporter.GetJsonSchemaAsNode(Options, typeof(T), new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = (context, node) =>
            {
                // A converter hides the number from the exporter: say what it writes.
                if (context.PropertyInfo is { } numeric && IsNumberConverted(numeric))
                {
                    var nullable = Nullable.GetUnderlyingType(numeric.PropertyType) is not null;
                    return new JsonObject { ["type"] = nullable ? new JsonArray("number", "null") : "number" };
                }

                // A property written only when it has a value (a reason …) is not required.
                if (node is JsonObject { } type && type["required"] is JsonArray required && context.TypeInfo.Kind == JsonTypeInfoKind.Object)
                {
                    foreach (var optional in context.TypeInfo.Properties.Where(p => p.ShouldSerialize is not null).Select(p => p.Name))
                    {
                        foreach (var item in required.Where(r => (string?)r == optional).ToList())
                        {
                            required.Remove(item);
                        }
                    }
                }

                return node;
            },
        }).AsObject();
        var result = new JsonObject { ["$schema"] = "https://json-schema.org/draft/2020-12/schema", ["title"] = title };
        foreach (var (key, value) in schema.ToList())
        {
            schema.Remove(key);
            result[key] = value;
        }

        return result;
    }

    /// <summary>
    /// The output contract of every command that prints JSON, by command: what <c>docs/schemas/&lt;command&gt;.schema.json</c>
    /// holds (<c>playbook schemas</c> writes them). <c>validate</c> prints one object for one file, an array for several.
    /// </summary>
    public static IReadOnlyList<(string Command, JsonObject Schema)> Schemas()
    {
        var validate = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["title"] = "playbook validate --format json",
            ["oneOf"] = new JsonArray(Body(Schema<LoadReportJson>("one file")), Body(Schema<IReadOnlyList<LoadReportJson>>("several files"))),
        };
        return
        [
            ("validate", validate),
            ("import", Schema<ImportJson>("playbook import --format json")),
            ("analyze", Schema<PillarReportJson>("playbook analyze --format json")),
            ("allocate", Schema<AllocationJson>("playbook allocate --format json")),
            ("checklist", Schema<ScorecardJson>("playbook checklist --format json")),
            ("claims", Schema<ClaimsJson>("playbook claims --format json")),
        ];

        static JsonObject Body(JsonObject schema)
        {
            schema.Remove("$schema");
            return schema;
        }
    }

    private static JsonTypeInfo<T> Info<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    /// <summary>Whether the property is written by <see cref="MoneyConverter"/> or <see cref="RatioConverter"/> (a nullable one is wrapped, so the attribute tells).</summary>
    private static bool IsNumberConverted(JsonPropertyInfo property) =>
        property.CustomConverter is MoneyConverter or RatioConverter
        || (property.AttributeProvider?.GetCustomAttributes(typeof(JsonConverterAttribute), inherit: false) ?? [])
            .OfType<JsonConverterAttribute>().Any(a => a.ConverterType == typeof(MoneyConverter) || a.ConverterType == typeof(RatioConverter));
}

/// <summary>Money as a JSON number with exactly two decimals (5 is written 5.00), rounded half away from zero.</summary>
public sealed class MoneyConverter : JsonConverter<decimal>
{
    /// <inheritdoc/>
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDecimal();

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);

        // Rounding fixes at most two decimals; adding 0.00m gives at least two.
        writer.WriteNumberValue(decimal.Round(value, 2, MidpointRounding.AwayFromZero) + 0.00m);
    }
}

/// <summary>A ratio, share or model figure rounded to six decimals: the precision a reader can use, stable across runs.</summary>
public sealed class RatioConverter : JsonConverter<double>
{
    /// <inheritdoc/>
    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDouble();

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumberValue(Math.Round(value, 6));
    }
}

/// <summary>Every document the commands print, for the source-generated serializer.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(LoadReportJson))]
[JsonSerializable(typeof(IReadOnlyList<LoadReportJson>))]
[JsonSerializable(typeof(ImportJson))]
[JsonSerializable(typeof(PillarReportJson))]
[JsonSerializable(typeof(AllocationJson))]
[JsonSerializable(typeof(ScorecardJson))]
[JsonSerializable(typeof(ClaimsJson))]
internal sealed partial class PlaybookJsonContext : JsonSerializerContext
{
}

/// <summary>Text forms the documents share.</summary>
internal static class JsonText
{
    /// <summary>A China time as yyyy-MM-dd HH:mm:ss.</summary>
    public static string Time(DateTime time) => time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
