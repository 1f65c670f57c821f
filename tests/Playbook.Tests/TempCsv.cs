using System.Text;
using Playbook.Files;

namespace Playbook.Tests;

/// <summary>A fixture file written in a chosen encoding, deleted with the test.</summary>
internal sealed class TempCsv : IDisposable
{
    private readonly string directory;

    private TempCsv(string directory, string path)
    {
        this.directory = directory;
        Path = path;
    }

    public string Path { get; }

    /// <summary>Writes <paramref name="lines"/> joined by LF (and a final LF) as UTF-8, GB18030, or UTF-8 with a BOM.</summary>
    public static TempCsv Write(string name, string[] lines, string encoding = "utf-8")
    {
        var text = string.Join("\n", lines) + "\n";
        byte[] bytes = encoding switch
        {
            "utf-8" => Encoding.UTF8.GetBytes(text),
            "utf-8-bom" => [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)],
            "gb18030" => TextEncodings.Gb18030.GetBytes(text),
            _ => throw new ArgumentOutOfRangeException(nameof(encoding)),
        };
        return WriteBytes(name, bytes);
    }

    public static TempCsv WriteBytes(string name, byte[] bytes)
    {
        var directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "playbook-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var path = System.IO.Path.Combine(directory, name);
        File.WriteAllBytes(path, bytes);
        return new TempCsv(directory, path);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
