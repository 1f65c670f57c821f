using System.Text.Json.Nodes;
using Playbook.Workspace;

// The runner sets the process's working directory for each notebook, so every test that runs it is
// in one collection (one at a time); the stock kernel's runs are processes of their own and run beside them.
[assembly: CollectionBehavior(CollectionBehavior.CollectionPerClass, MaxParallelThreads = 2)]

namespace Playbook.Notebooks.Tests;

/// <summary>Paths of the repository, and notebooks written for a test.</summary>
internal static class Repo
{
    /// <summary>The collection of every test that runs notebooks in this process.</summary>
    public const string RunnerCollection = "runner";

    public static string Root { get; } = WorkspaceFolders.Root();

    /// <summary>The built library, as every notebook's setup references it.</summary>
    public static string LibraryDll => Path.Combine(Root, "artifacts", "bin", "Playbook.Notebooks", "debug", "Playbook.Notebooks.dll");

    /// <summary>The notebooks of notebooks/, by file name.</summary>
    public static TheoryData<string> Notebooks()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(Root, "notebooks")).Where(f => f.EndsWith(".ipynb", StringComparison.Ordinal) || f.EndsWith(".dib", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    /// <summary>A scratch folder, deleted with the test.</summary>
    public sealed class Scratch : IDisposable
    {
        public string Folder { get; } = Path.Combine(Path.GetTempPath(), "playbook-nb-" + Guid.NewGuid().ToString("N"));

        public Scratch() => Directory.CreateDirectory(Folder);

        /// <summary>Writes a notebook of C# cells (a cell starting with "md:" is markdown; tags after "#tags:" on the first line).</summary>
        public string Notebook(string name, params string[] cells)
        {
            var array = new JsonArray();
            foreach (var cell in cells)
            {
                if (cell.StartsWith("md:", StringComparison.Ordinal))
                {
                    array.Add(new JsonObject { ["cell_type"] = "markdown", ["metadata"] = new JsonObject(), ["source"] = cell[3..] });
                    continue;
                }

                var metadata = new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" } };
                var source = cell;
                if (cell.StartsWith("#tags:", StringComparison.Ordinal))
                {
                    var newline = cell.IndexOf('\n', StringComparison.Ordinal);
                    metadata["tags"] = new JsonArray([.. cell[6..newline].Split(',').Select(t => (JsonNode?)JsonValue.Create(t.Trim()))]);
                    source = cell[(newline + 1)..];
                }

                array.Add(new JsonObject { ["cell_type"] = "code", ["execution_count"] = null, ["metadata"] = metadata, ["outputs"] = new JsonArray(), ["source"] = source });
            }

            var path = Path.Combine(Folder, name);
            File.WriteAllText(path, new JsonObject { ["cells"] = array, ["metadata"] = new JsonObject(), ["nbformat"] = 4, ["nbformat_minor"] = 5 }.ToJsonString());
            return path;
        }

        public void Dispose() => Directory.Delete(Folder, recursive: true);
    }
}
