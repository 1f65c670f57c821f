using System.Text;
using Playbook.Files;

namespace Playbook.Tests.Files.Csv;

public class TextEncodingsTests
{
    private const string ChineseCsv = "达人昵称,订单应付金额\n三只松鼠,59.90\n";

    [Fact]
    public void Detect_Utf8WithBom_IsUtf8Bom()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(ChineseCsv)];
        Assert.Equal("utf-8-bom", TextEncodings.Detect(new MemoryStream(bytes)).Name);
    }

    [Fact]
    public void Detect_Utf8WithoutBom_IsUtf8()
    {
        Assert.Equal("utf-8", TextEncodings.Detect(new MemoryStream(Encoding.UTF8.GetBytes(ChineseCsv))).Name);
    }

    [Fact]
    public void Detect_Gb18030_IsGb18030()
    {
        var detected = TextEncodings.Detect(new MemoryStream(TextEncodings.Gb18030.GetBytes(ChineseCsv)));
        Assert.Equal("gb18030", detected.Name);
    }

    [Fact]
    public void Detect_Gb18030AfterLongAsciiPrefix_IsGb18030()
    {
        // Three megabytes of ASCII before the first Chinese byte: a detector that samples the start would say UTF-8.
        var ascii = new string('a', 3 << 20);
        var bytes = TextEncodings.Gb18030.GetBytes(ascii + "\n三只松鼠\n");
        Assert.Equal("gb18030", TextEncodings.Detect(new MemoryStream(bytes)).Name);
    }

    [Theory]
    [InlineData(-4)]
    [InlineData(-3)]
    [InlineData(-2)]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(1)]
    public void Detect_Gb18030CharacterAtTheEndOfAReadBuffer_IsGb18030(int fromBoundary)
    {
        // 三 is C8 FD in GB18030: a UTF-8 lead byte without its continuation, wherever the 1 MB read cuts it.
        var bytes = TextEncodings.Gb18030.GetBytes(new string('a', (1 << 20) + fromBoundary) + "三");
        Assert.Equal("gb18030", TextEncodings.Detect(new MemoryStream(bytes)).Name);
    }

    [Fact]
    public void Detect_Utf8CharacterAcrossReadBuffers_IsUtf8()
    {
        // A three-byte character straddling every plausible buffer boundary must not look invalid.
        var text = new StringBuilder();
        for (var i = 0; i < 1_500_000; i++)
        {
            text.Append(i % 3 == 0 ? '松' : 'a');
        }

        Assert.Equal("utf-8", TextEncodings.Detect(new MemoryStream(Encoding.UTF8.GetBytes(text.ToString()))).Name);
    }

    [Theory]
    [InlineData("utf-8", "utf-8")]
    [InlineData("UTF8", "utf-8")]
    [InlineData("gbk", "gb18030")]
    [InlineData("GB18030", "gb18030")]
    public void FromName_KnownName_Resolved(string name, string expected) => Assert.Equal(expected, TextEncodings.FromName(name).Name);

    [Fact]
    public void FromName_Unknown_ThrowsNamingIt()
    {
        var e = Assert.Throws<InputException>(() => TextEncodings.FromName("latin-1"));
        Assert.Contains("latin-1", e.Message, StringComparison.Ordinal);
    }
}
