namespace Playbook.Notebooks;

/// <summary>
/// The two setup cells every notebook starts with, word for word (a test holds every notebook to
/// them, and their package versions to Directory.Packages.props). They work in VS Code's Polyglot
/// kernel, in Jupyter with the .NET kernel, and in this workspace's runner.
/// </summary>
public static class SetupCells
{
    /// <summary>The built library, relative to the notebooks folder.</summary>
    public const string LibraryPath = "../artifacts/bin/Playbook.Notebooks/debug/Playbook.Notebooks.dll";

    /// <summary>Setup 1 of 2: the third-party packages, pinned, and a plain-words check that the library is built.</summary>
    public const string Packages =
        "// Setup 1 of 2: packages pinned as in Directory.Packages.props, and a check that the library is built.\n" +
        "#r \"nuget: Microsoft.Data.Analysis, 0.23.1\"\n" +
        "#r \"nuget: Plotly.NET.CSharp, 0.14.0\"\n" +
        "#r \"nuget: CsvHelper, 34.0.0\"\n" +
        "var library = System.IO.Path.GetFullPath(\"" + LibraryPath + "\");\n" +
        "if (!System.IO.File.Exists(library))\n" +
        "    throw new System.IO.FileNotFoundException(\"The Playbook library is not built yet. In a terminal at the repository root run: dotnet build   then run this cell again. (Looked for \" + library + \")\");";

    /// <summary>Setup 2 of 2: the library, then the one call that registers displays, culture and the data folder.</summary>
    public const string Library =
        "// Setup 2 of 2: the library, then one call that registers the displays, the culture and the data folder.\n" +
        "#r \"" + LibraryPath + "\"\n" +
        "Playbook.Notebooks.NotebookSetup.Init();";

    /// <summary>Setup 2 of 2 of the Chinese edition: the same, with the edition's words for the displays (<c>Init("zh")</c>).</summary>
    public const string ChineseLibrary =
        "// Setup 2 of 2: the library, then one call that registers the displays, the culture and the data folder.\n" +
        "#r \"" + LibraryPath + "\"\n" +
        "Playbook.Notebooks.NotebookSetup.Init(\"zh\");";

    /// <summary>Setup 2 of 2 of an edition.</summary>
    public static string LibraryOf(Output.Language language) => language == Output.Language.Chinese ? ChineseLibrary : Library;

    /// <summary>Whether a cell is one of the setup cells (of either edition).</summary>
    public static bool IsSetup(string source) => source is Packages or Library or ChineseLibrary;

    /// <summary>The packages the first cell pins, as (id, version).</summary>
    public static IReadOnlyList<(string Id, string Version)> PinnedPackages { get; } =
    [
        ("Microsoft.Data.Analysis", "0.23.1"),
        ("Plotly.NET.CSharp", "0.14.0"),
        ("CsvHelper", "34.0.0"),
    ];
}
