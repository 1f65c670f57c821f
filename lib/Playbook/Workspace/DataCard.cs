using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Playbook.Canonical;
using Playbook.Ingest;

namespace Playbook.Workspace;

/// <summary>
/// Writes a data card (<c>datacard.yml</c>) line by line: scalars quoted safely, and each canonical
/// file with its table, rows, sha256 and schema as the declarations give it.
/// </summary>
internal sealed class DataCard
{
    /// <summary>The data card's file name.</summary>
    public const string FileName = "datacard.yml";

    private static readonly JsonSerializerOptions Quoting = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly StringBuilder text = new();

    /// <summary>Adds a line as it is.</summary>
    public void Line(string line) => text.Append(line).Append('\n');

    /// <summary>A YAML-safe quoted scalar.</summary>
    public static string Q(string text) => JsonSerializer.Serialize(text, Quoting);

    /// <summary>The sha256 of a file, lower-case hex.</summary>
    public static string Sha256(string path)
    {
        using var file = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(file));
    }

    /// <summary>Adds a canonical file of <paramref name="directory"/> under <c>files:</c>: its table, rows, sha256 and schema, read from the file.</summary>
    public void CanonicalFile(string directory, string file)
    {
        var report = Tables.Validate(Path.Combine(directory, file));
        CanonicalFile(directory, file, report.Kind, report.Rows);
    }

    /// <summary>
    /// Adds a canonical file under <c>files:</c> whose table and row count the caller knows because
    /// it wrote the file (an import does not read its 10M rows a second time).
    /// </summary>
    public void CanonicalFile(string directory, string file, TableKind kind, long rows)
    {
        var path = Path.Combine(directory, file);
        Line($"  - file: {file}");
        Line($"    table: {Vocabulary.KindName(kind)}");
        Line(string.Create(CultureInfo.InvariantCulture, $"    rows: {rows}"));
        Line($"    sha256: {Sha256(path)}");
        Line("    schema:");
        foreach (var c in CanonicalTables.Of(kind).Columns)
        {
            Line($"      - {{column: {c.Name}, type: {Q(c.Type)}, unit: {Q(c.Unit)}, description: {Q(c.Description)}}}");
        }
    }

    /// <summary>Writes the card into <paramref name="directory"/>.</summary>
    public void Write(string directory) => File.WriteAllText(Path.Combine(directory, FileName), text.ToString(), new UTF8Encoding(false));

    /// <inheritdoc/>
    public override string ToString() => text.ToString();
}
