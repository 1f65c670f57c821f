using Playbook.Canonical;

namespace Playbook.Tests.Canonical;

public class FieldValuesTests
{
    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("--")]
    [InlineData("  ")]
    [InlineData("\t")]
    [InlineData("\t--\t")]
    [InlineData("\"\"")]
    public void Clean_NullMarkers_ReturnNull(string raw) => Assert.Null(FieldValues.Clean(raw));

    [Theory]
    [InlineData("\t6912345678901234567", "6912345678901234567")]
    [InlineData("6912345678901234567\t", "6912345678901234567")]
    [InlineData("\"6912345678901234567\"", "6912345678901234567")]
    [InlineData("'6912345678901234567", "6912345678901234567")]
    [InlineData("=\"6912345678901234567\"", "6912345678901234567")]
    [InlineData(" \t\"\t6912345678901234567\" ", "6912345678901234567")]
    [InlineData("三只松鼠", "三只松鼠")]
    [InlineData("a-b", "a-b")]
    public void Clean_WrappedValue_Unwrapped(string raw, string expected) => Assert.Equal(expected, FieldValues.Clean(raw));

    [Theory]
    [InlineData("59.90", "59.90")]
    [InlineData("0", "0")]
    [InlineData("¥1,234.50", "1234.50")]
    [InlineData("12.300", "12.30")]
    public void TryParseMoney_ValidAmount_Parsed(string text, string expected)
    {
        Assert.True(FieldValues.TryParseMoney(text, out var value, out _));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("-1.00", "must not be negative")]
    [InlineData("1.234", "has more than two decimals (amounts are in CNY with cents)")]
    [InlineData("59.9.0", "not an amount of money (expected a number such as 59.90)")]
    [InlineData("abc", "not an amount of money (expected a number such as 59.90)")]
    public void TryParseMoney_BadAmount_SaysWhy(string text, string reason)
    {
        Assert.False(FieldValues.TryParseMoney(text, out _, out var why));
        Assert.Equal(reason, why);
    }

    [Theory]
    [InlineData("¥59.90", "59.90")]
    [InlineData("12.5w", "125000")]
    [InlineData("1.2万", "12000")]
    [InlineData("0.00123亿", "123000")]
    public void TryParseMoneyWithUnit_AmountOrChineseUnit_Parsed(string text, string expected)
    {
        Assert.True(FieldValues.TryParseMoneyWithUnit(text, out var value, out var why), why);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("7.5w~10w", "a range, not a single amount")]
    [InlineData("-2万", "must not be negative")]
    [InlineData("0.0000001万", "has more than two decimals (amounts are in CNY with cents)")]
    [InlineData("abc", "not an amount of money (expected a number such as 59.90)")]
    [InlineData("2021-01", "not an amount of money (expected a number such as 59.90)")]
    public void TryParseMoneyWithUnit_BadAmount_SaysWhy(string text, string reason)
    {
        Assert.False(FieldValues.TryParseMoneyWithUnit(text, out _, out var why));
        Assert.Equal(reason, why);
    }

    [Theory]
    [InlineData("12000", 12000)]
    [InlineData("12,000", 12000)]
    [InlineData("1.2万", 12000)]
    [InlineData("3w", 30000)]
    [InlineData("7.5W", 75000)]
    [InlineData("2亿", 200000000)]
    public void TryParseCount_PlainOrChineseUnits_Parsed(string text, long expected)
    {
        Assert.True(FieldValues.TryParseCount(text, out var value, out _));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("7.5w~10w", "a range, not a single count")]
    [InlineData("10-20", "a range, not a single count")]
    [InlineData("1.5", "not a whole number")]
    [InlineData("-3", "must not be negative")]
    [InlineData("many", "not a whole number")]
    public void TryParseCount_BadCount_SaysWhy(string text, string reason)
    {
        Assert.False(FieldValues.TryParseCount(text, out _, out var why));
        Assert.Equal(reason, why);
    }

    [Theory]
    [InlineData("2021-01-05 20:15:00", 2021, 1, 5, 20, 15, 0)]
    [InlineData("2021/1/5 20:15", 2021, 1, 5, 20, 15, 0)]
    [InlineData("2021/1/5 8:05:09", 2021, 1, 5, 8, 5, 9)]
    public void TryParseTime_KnownFormats_Parsed(string text, int y, int mo, int d, int h, int mi, int s)
    {
        Assert.True(FieldValues.TryParseTime(text, out var value));
        Assert.Equal(new DateTime(y, mo, d, h, mi, s), value);
    }

    [Theory]
    [InlineData("2021-13-01 00:00:00")]
    [InlineData("05/01/2021 20:15:00")]
    [InlineData("yesterday")]
    public void TryParseTime_Unknown_Fails(string text) => Assert.False(FieldValues.TryParseTime(text, out _));

    [Theory]
    [InlineData("true", true)]
    [InlineData("FALSE", false)]
    [InlineData("1", true)]
    [InlineData("0", false)]
    [InlineData("是", true)]
    [InlineData("否", false)]
    public void TryParseBool_KnownSpellings_Parsed(string text, bool expected)
    {
        Assert.True(FieldValues.TryParseBool(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("6.91235E+18", true)]
    [InlineData("4.93E+18", true)]
    [InlineData("6912345678901234567", false)]
    [InlineData("E1001", false)]
    [InlineData("SKU-1E5", false)]
    public void LooksRoundedBySpreadsheet_ScientificNotation_Detected(string id, bool expected) =>
        Assert.Equal(expected, FieldValues.LooksRoundedBySpreadsheet(id));
}
