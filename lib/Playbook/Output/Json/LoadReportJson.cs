using System.Text.Encodings.Web;
using System.Text.Json;
using Playbook.Canonical;
using Playbook.Ingest;

namespace Playbook.Output;

/// <summary>The machine-readable form of a <see cref="LoadReport"/>, as <c>validate --format json</c> prints it.</summary>
public static class LoadReportJson
{
    /// <summary>JSON writer options shared by every command: indented, Chinese kept readable.</summary>
    public static JsonWriterOptions WriterOptions { get; } = new()
    {
        Indented = true,

        // Chinese nicknames stay readable in the JSON; HTML output is encoded separately, where it is produced.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// Writes <c>{"file","kind","source","encoding","sheet","rows","loaded","unpaid","rejected","summary","repeated","notes":{…},"rejections":[{"line","column","value","reason"}],"noted":[{"line","column","value","reason"}]}</c>:
    /// <c>noted</c> lists the rows loaded with a figure unknown.
    /// </summary>
    public static void Write(Utf8JsonWriter writer, LoadReport report)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(report);
        writer.WriteStartObject();
        writer.WriteString("file", report.File);
        writer.WriteString("kind", Vocabulary.KindName(report.Kind));
        writer.WriteString("source", report.Source);
        writer.WriteString("encoding", report.Encoding);
        JsonFields.Text(writer, "sheet", report.Sheet);
        writer.WriteNumber("rows", report.Rows);
        writer.WriteNumber("loaded", report.Loaded);
        writer.WriteNumber("unpaid", report.Unpaid);
        writer.WriteNumber("rejected", report.Rejected);
        writer.WriteNumber("summary", report.Summary);
        writer.WriteNumber("repeated", report.Repeated);
        writer.WriteStartObject("notes");
        foreach (var (note, rows) in report.Notes)
        {
            writer.WriteNumber(note, rows);
        }

        writer.WriteEndObject();
        writer.WriteStartArray("rejections");
        foreach (var r in report.Rejections)
        {
            writer.WriteStartObject();
            writer.WriteNumber("line", r.Line);
            writer.WriteString("column", r.Column);
            writer.WriteString("value", r.Value);
            writer.WriteString("reason", r.Reason);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("noted");
        foreach (var r in report.NotedRows)
        {
            writer.WriteStartObject();
            writer.WriteNumber("line", r.Line);
            writer.WriteString("column", r.Column);
            writer.WriteString("value", r.Value);
            writer.WriteString("reason", r.Reason);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
