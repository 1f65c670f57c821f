using System.Text;
using Playbook.Files;

namespace Playbook.Tests;

/// <summary>A fixture file written for a test in a folder of its own (CSV in a chosen encoding, bytes, a workbook), deleted with it.</summary>
internal sealed class TempFile : IDisposable
{
    private readonly string directory;

    private TempFile(string directory, string path)
    {
        this.directory = directory;
        Path = path;
    }

    public string Path { get; }

    /// <summary>Writes <paramref name="lines"/> joined by LF (and a final LF) as UTF-8, GB18030, or UTF-8 with a BOM.</summary>
    public static TempFile Csv(string name, string[] lines, string encoding = "utf-8")
    {
        var text = string.Join("\n", lines) + "\n";
        byte[] bytes = encoding switch
        {
            "utf-8" => Encoding.UTF8.GetBytes(text),
            "utf-8-bom" => [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)],
            "gb18030" => TextEncodings.Gb18030.GetBytes(text),
            _ => throw new ArgumentOutOfRangeException(nameof(encoding)),
        };
        return Bytes(name, bytes);
    }

    public static TempFile Bytes(string name, byte[] bytes)
    {
        var directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "playbook-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var path = System.IO.Path.Combine(directory, name);
        File.WriteAllBytes(path, bytes);
        return new TempFile(directory, path);
    }

    /// <summary>Writes the sheets as a workbook with the library's writer.</summary>
    public static TempFile Workbook(string name, params XlsxSheet[] sheets)
    {
        using var bytes = new MemoryStream();
        XlsxWriter.Write(bytes, sheets);
        return Bytes(name, bytes.ToArray());
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}

/// <summary>A folder under the system's temp directory, deleted with everything in it on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "playbook-test-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
