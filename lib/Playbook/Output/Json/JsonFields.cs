using System.Globalization;
using System.Text.Json;

namespace Playbook.Output;

/// <summary>How every command writes its JSON values: money with two decimals, ratios rounded, null for what is not known.</summary>
public static class JsonFields
{
    /// <summary>Money as a JSON number with exactly two decimals.</summary>
    public static void Money(Utf8JsonWriter writer, string name, decimal? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
            return;
        }

        // Rounding fixes at most two decimals; adding 0.00m gives at least two, so 5 prints as 5.00.
        writer.WriteNumber(name, decimal.Round(value.Value, 2, MidpointRounding.AwayFromZero) + 0.00m);
    }

    /// <summary>A ratio or share, rounded to six decimals; null when not known.</summary>
    public static void Number(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteNumber(name, Math.Round(value.Value, 6));
        }
    }

    /// <summary>A count; null when not known.</summary>
    public static void Count(Utf8JsonWriter writer, string name, long? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteNumber(name, value.Value);
        }
    }

    /// <summary>A date as yyyy-MM-dd; null when not known.</summary>
    public static void Date(Utf8JsonWriter writer, string name, DateOnly? date)
    {
        if (date is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, date.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
    }

    /// <summary>A text; null when not known.</summary>
    public static void Text(Utf8JsonWriter writer, string name, string? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    /// <summary>An array of strings (warnings, notes, what was left out).</summary>
    public static void Strings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(values);
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
