using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Playbook.Files;

namespace Playbook.Notebooks;

/// <summary>One cell of a notebook.</summary>
public sealed class NotebookCell
{
    internal NotebookCell(JsonObject raw) => Raw = raw;

    /// <summary>The cell as the .ipynb file holds it; outputs are written back into it.</summary>
    internal JsonObject Raw { get; }

    /// <summary>code, markdown or raw.</summary>
    public string Kind => (string?)Raw["cell_type"] ?? "code";

    /// <summary>The cell's text.</summary>
    public string Source
    {
        get => Raw["source"] switch
        {
            JsonArray lines => string.Concat(lines.Select(l => (string?)l)),
            JsonValue text => (string?)text ?? "",
            _ => "",
        };
        internal set => Raw["source"] = Lines(value);
    }

    /// <summary>The kernel the cell is written for (csharp, markdown, fsharp …), from the Polyglot metadata; csharp when not said.</summary>
    public string Language =>
        (string?)Raw["metadata"]?["polyglot_notebook"]?["kernelName"]
        ?? (string?)Raw["metadata"]?["dotnet_interactive"]?["language"]
        ?? (Kind == "markdown" ? "markdown" : "csharp");

    /// <summary>The cell's tags (metadata.tags), such as <c>parameters</c>.</summary>
    public IReadOnlyList<string> Tags => Raw["metadata"]?["tags"] is JsonArray tags ? [.. tags.Select(t => (string?)t ?? "")] : [];

    /// <summary>The first line of the cell, for messages.</summary>
    public string FirstLine => Source.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";

    /// <summary>The outputs (nbformat 4).</summary>
    public JsonArray Outputs
    {
        get
        {
            if (Raw["outputs"] is not JsonArray outputs)
            {
                Raw["outputs"] = outputs = [];
            }

            return outputs;
        }
    }

    internal static JsonArray Lines(string text)
    {
        var array = new JsonArray();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                array.Add(text[start..(i + 1)]);
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            array.Add(text[start..]);
        }

        return array;
    }
}

/// <summary>
/// A notebook: a Jupyter .ipynb (nbformat 4, as VS Code's Polyglot extension writes it) or a
/// Polyglot .dib file. Executed copies are always written as .ipynb, with the C# kernelspec.
/// </summary>
public sealed class NotebookDocument
{
    private static readonly HashSet<string> DibKernels = ["csharp", "c#", "cs", "fsharp", "f#", "pwsh", "javascript", "js", "html", "markdown", "md", "sql", "kql", "mermaid", "http", "value", "meta"];

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private NotebookDocument(string path, JsonObject raw)
    {
        Path = path;
        Raw = raw;
        Cells = [.. ((JsonArray)raw["cells"]!).Select(c => new NotebookCell((JsonObject)c!))];
    }

    /// <summary>The file it was read from.</summary>
    public string Path { get; }

    /// <summary>The cells, in order.</summary>
    public List<NotebookCell> Cells { get; }

    /// <summary>The notebook's metadata.</summary>
    public JsonObject Metadata => (JsonObject)(Raw["metadata"] ??= new JsonObject());

    private JsonObject Raw { get; }

    /// <summary>Reads a .ipynb or .dib file.</summary>
    /// <exception cref="InputException">The file is missing or not a notebook.</exception>
    public static NotebookDocument Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new InputException($"{path}: no such notebook");
        }

        var text = File.ReadAllText(path);
        if (path.EndsWith(".dib", StringComparison.OrdinalIgnoreCase))
        {
            return new NotebookDocument(path, FromDib(text));
        }

        try
        {
            return JsonNode.Parse(text) is JsonObject raw && raw["cells"] is JsonArray
                ? new NotebookDocument(path, raw)
                : throw new InputException($"{path}: not a Jupyter notebook (no cells)");
        }
        catch (JsonException e)
        {
            throw new InputException($"{path}: not valid notebook JSON: {e.Message}", e);
        }
    }

    /// <summary>Inserts a code cell after <paramref name="index"/> (0-based), tagged so readers see it was injected.</summary>
    public NotebookCell InsertCodeCell(int index, string source, string tag)
    {
        var raw = new JsonObject
        {
            ["cell_type"] = "code",
            ["execution_count"] = null,
            ["metadata"] = new JsonObject { ["tags"] = new JsonArray(tag), ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" } },
            ["outputs"] = new JsonArray(),
            ["source"] = NotebookCell.Lines(source),
        };
        ((JsonArray)Raw["cells"]!).Insert(index + 1, raw);
        var cell = new NotebookCell(raw);
        Cells.Insert(index + 1, cell);
        return cell;
    }

    /// <summary>Writes the notebook as .ipynb, with the kernelspec that Jupyter front ends and VS Code need.</summary>
    public void Save(string path)
    {
        Metadata["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" };
        Metadata["language_info"] = new JsonObject { ["name"] = "C#" };
        Raw["nbformat"] ??= 4;
        Raw["nbformat_minor"] ??= 5;
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        File.WriteAllText(path, Raw.ToJsonString(Indented) + "\n", new UTF8Encoding(false));
    }

    /// <summary>Parses a .dib: cells start at lines such as <c>#!csharp</c> or <c>#!markdown</c>; <c>#!meta</c> blocks are skipped.</summary>
    private static JsonObject FromDib(string text)
    {
        var cells = new JsonArray();
        string? kernel = null;
        var body = new StringBuilder();
        void Flush()
        {
            var source = body.ToString().Trim('\n', '\r');
            if (kernel is not null && kernel != "meta" && source.Length > 0)
            {
                cells.Add(new JsonObject
                {
                    ["cell_type"] = kernel == "markdown" ? "markdown" : "code",
                    ["metadata"] = new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = kernel } },
                    ["source"] = NotebookCell.Lines(source),
                });
            }

            body.Clear();
        }

        foreach (var line in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            // Only a kernel name starts a cell: #!time and other magic commands stay inside it.
            if (line.StartsWith("#!", StringComparison.Ordinal) && DibKernels.Contains(line[2..].Trim()))
            {
                Flush();
                kernel = line[2..].Trim() switch { "c#" or "cs" => "csharp", "md" => "markdown", var k => k };
                continue;
            }

            body.Append(line).Append('\n');
        }

        Flush();
        return new JsonObject { ["cells"] = cells, ["metadata"] = new JsonObject(), ["nbformat"] = 4, ["nbformat_minor"] = 5 };
    }
}
