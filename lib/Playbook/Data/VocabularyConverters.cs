using CsvHelper;

// Enums are written and read in their canonical snake_case spelling (short_video, top_kol), not as C# names.
[assembly: CsvConverter(typeof(Playbook.Data.VocabularyConverter<Playbook.Data.Platform>))]
[assembly: CsvConverter(typeof(Playbook.Data.VocabularyConverter<Playbook.Data.SellerRole>))]
[assembly: CsvConverter(typeof(Playbook.Data.VocabularyConverter<Playbook.Data.Channel>))]
[assembly: CsvConverter(typeof(Playbook.Data.VocabularyConverter<Playbook.Data.TrafficType>))]
[assembly: CsvConverter(typeof(Playbook.Data.VocabularyConverter<Playbook.Data.Review>))]
[assembly: CsvConverter(typeof(Playbook.Data.VocabularyConverter<Playbook.Data.TrafficTool>))]

// Money and other decimals are written with exactly two decimals, as the canonical tables keep CNY.
[assembly: CsvConverter(typeof(Playbook.Data.MoneyConverter))]

namespace Playbook.Data;

/// <summary>Reads and writes an enum of the canonical tables in its <see cref="Vocabulary"/> spelling.</summary>
/// <typeparam name="TEnum">The enum.</typeparam>
public sealed class VocabularyConverter<TEnum> : ICsvConverter<TEnum>
    where TEnum : struct, Enum
{
    /// <inheritdoc/>
    public TEnum Read(CsvReader reader, int index)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var text = reader.GetString(index);
        return Vocabulary.TryParse<TEnum>(text, out var value)
            ? value
            : throw new FormatException($"'{text}' is not one of {string.Join(", ", Vocabulary.All<TEnum>())}");
    }

    /// <inheritdoc/>
    public void Write(CsvWriter writer, TEnum value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteField(Vocabulary.Name(value));
    }
}

/// <summary>Writes decimals with two decimals (CNY cents) and reads them back invariantly.</summary>
public sealed class MoneyConverter : ICsvConverter<decimal>
{
    /// <inheritdoc/>
    public decimal Read(CsvReader reader, int index)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return decimal.Parse(reader.GetString(index), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <inheritdoc/>
    public void Write(CsvWriter writer, decimal value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteField(value.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
    }
}
