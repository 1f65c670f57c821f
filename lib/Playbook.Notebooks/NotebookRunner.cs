using System.Diagnostics;
using System.Globalization;
using System.Runtime.Loader;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.PackageManagement;
using Playbook.Canonical;
using Playbook.Files;

namespace Playbook.Notebooks;

/// <summary>How to run notebooks.</summary>
public sealed record RunOptions
{
    /// <summary>How long one cell may run before the run stops.</summary>
    public TimeSpan CellTimeout { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>Values for the parameters cell (papermill style): name → value as text, typed by the cell's declaration.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>Where executed copies are written.</summary>
    public string OutputDirectory { get; init; } = Path.Combine("artifacts", "notebooks");

    /// <summary>Receives one line per cell as the run goes.</summary>
    public IProgress<string>? Progress { get; init; }
}

/// <summary>One cell run.</summary>
/// <param name="Number">The cell's number in the notebook, counting every cell from 1.</param>
/// <param name="FirstLine">The cell's first line.</param>
/// <param name="Elapsed">How long it ran.</param>
public sealed record CellRun(int Number, string FirstLine, TimeSpan Elapsed);

/// <summary>The first failing cell of a run.</summary>
/// <param name="Notebook">The notebook.</param>
/// <param name="Number">The cell's number, counting every cell from 1.</param>
/// <param name="FirstLine">The cell's first line.</param>
/// <param name="Error">The error, as the kernel reported it.</param>
public sealed record CellFailure(string Notebook, int Number, string FirstLine, string Error)
{
    /// <summary>One line: notebook, cell, first line and error.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Notebook}: cell {Number} ({FirstLine}) failed: {Error.Split('\n')[0]}");
}

/// <summary>A notebook run: its cells, the executed copy, and the failure if any.</summary>
/// <param name="Notebook">The notebook run.</param>
/// <param name="Executed">The executed copy (.ipynb) with outputs.</param>
/// <param name="Cells">The code cells that ran.</param>
/// <param name="Failure">The first failing cell; null when all succeeded.</param>
/// <param name="Elapsed">The whole run.</param>
/// <param name="Document">The executed document.</param>
public sealed record NotebookRun(string Notebook, string Executed, IReadOnlyList<CellRun> Cells, CellFailure? Failure, TimeSpan Elapsed, NotebookDocument Document)
{
    /// <summary>Whether every cell ran without error.</summary>
    public bool Succeeded => Failure is null;
}

/// <summary>
/// Runs .ipynb and .dib notebooks in this process with .NET Interactive's C# kernel and
/// <c>#r "nuget:"</c>: cell by cell, in the notebook's folder, with a timeout per cell and
/// papermill-style parameters; stops at the first failing cell; writes the executed copy.
/// </summary>
public static class NotebookRunner
{
    /// <summary>The tag of the cell that holds the defaults of the parameters.</summary>
    public const string ParametersTag = "parameters";

    /// <summary>The tag of the cell the runner adds after it with the given values.</summary>
    public const string InjectedTag = "injected-parameters";

    /// <summary>Runs one notebook.</summary>
    /// <exception cref="InputException">The notebook cannot be read, or a parameter is unknown or of the wrong type.</exception>
    public static async Task<NotebookRun> RunAsync(string path, RunOptions? options = null)
    {
        options ??= new RunOptions();
        var document = NotebookDocument.Load(path);
        var name = Path.GetFileNameWithoutExtension(path);
        InjectParameters(document, options.Parameters, path);

        var clock = Stopwatch.StartNew();
        var cells = new List<CellRun>();
        CellFailure? failure = null;
        var saved = Environment.CurrentDirectory;
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        using var kernel = CreateKernel();
        try
        {
            // The notebook's relative paths (#r of the library, data files) are relative to its folder.
            Environment.CurrentDirectory = folder;
            var executionCount = 0;
            for (var i = 0; i < document.Cells.Count; i++)
            {
                var cell = document.Cells[i];
                if (cell.Kind != "code" || cell.Source.Trim().Length == 0)
                {
                    continue;
                }

                var number = i + 1;
                cell.Outputs.Clear();
                if (cell.Language is not ("csharp" or "C#"))
                {
                    failure = new CellFailure(name, number, cell.FirstLine, $"the cell is written for the '{cell.Language}' kernel; the runner runs C# only");
                    break;
                }

                cell.Raw["execution_count"] = ++executionCount;
                var started = clock.Elapsed;
                var command = new SubmitCode(cell.Source);
                var send = kernel.SendAsync(command);
                var finished = await Task.WhenAny(send, Task.Delay(options.CellTimeout)).ConfigureAwait(false);
                var elapsed = clock.Elapsed - started;
                options.Progress?.Report(string.Create(CultureInfo.InvariantCulture, $"{name}: cell {number}/{document.Cells.Count} {elapsed.TotalSeconds:0.0} s  {Shorten(cell.FirstLine)}"));
                cells.Add(new CellRun(number, cell.FirstLine, elapsed));
                if (finished != send)
                {
                    // The cell's thread cannot be stopped from outside; ask the kernel to cancel and leave it.
                    _ = kernel.SendAsync(new Cancel());
                    var message = string.Create(CultureInfo.InvariantCulture, $"timed out after {options.CellTimeout.TotalSeconds:0} s");
                    cell.Outputs.Add(ErrorOutput("Timeout", message));
                    failure = new CellFailure(name, number, cell.FirstLine, message);
                    break;
                }

                var result = await send.ConfigureAwait(false);
                var error = Record(cell, result, executionCount);
                if (error is not null)
                {
                    failure = new CellFailure(name, number, cell.FirstLine, error);
                    break;
                }
            }
        }
        finally
        {
            Environment.CurrentDirectory = saved;
        }

        var executed = Path.Combine(options.OutputDirectory, name + ".ipynb");
        document.Save(executed);
        return new NotebookRun(path, executed, cells, failure, clock.Elapsed, document);
    }

    /// <summary>The kernel: C# with #r "nuget:", the kernel helpers, and the packages' display extensions loaded after each restore.</summary>
    private static CompositeKernel CreateKernel()
    {
        var csharp = new CSharpKernel().UseKernelHelpers().UseWho();
        var composite = new CompositeKernel { csharp };
        composite.DefaultKernelName = csharp.Name;
        csharp.UseNugetDirective(
            async (kernel, packages) =>
            {
                kernel.AddAssemblyReferences(packages.SelectMany(p => p.AssemblyPaths));
                foreach (var package in packages)
                {
                    await LoadExtensions(package, composite).ConfigureAwait(false);
                }
            },
            false);
        return composite;
    }

    /// <summary>Loads the .NET Interactive extensions a package ships in interactive-extensions/dotnet, as the stock kernel does.</summary>
    private static async Task LoadExtensions(ResolvedPackageReference package, Kernel kernel)
    {
        var folder = Path.Combine(package.PackageRoot, "interactive-extensions", "dotnet");
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (var file in Directory.GetFiles(folder, "*.dll"))
        {
            var assembly = AssemblyLoadContext.Default.Assemblies.FirstOrDefault(a => !a.IsDynamic && string.Equals(a.Location, file, StringComparison.Ordinal))
                ?? AssemblyLoadContext.Default.LoadFromAssemblyPath(file);
            foreach (var type in assembly.GetExportedTypes().Where(t => typeof(IKernelExtension).IsAssignableFrom(t) && !t.IsAbstract))
            {
                if (Activator.CreateInstance(type) is IKernelExtension extension)
                {
                    await extension.OnLoadAsync(kernel).ConfigureAwait(false);
                }
            }
        }
    }

    /// <summary>Writes the kernel's events into the cell as nbformat outputs; returns the error, if the cell failed.</summary>
    private static string? Record(NotebookCell cell, KernelCommandResult result, int executionCount)
    {
        var byValueId = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        string? error = null;
        foreach (var e in result.Events)
        {
            switch (e)
            {
                case StandardOutputValueProduced or StandardErrorValueProduced:
                    var stream = e is StandardOutputValueProduced ? "stdout" : "stderr";
                    var text = ((DisplayEvent)e).FormattedValues.FirstOrDefault()?.Value ?? "";
                    if (cell.Outputs.LastOrDefault() is JsonObject last && (string?)last["output_type"] == "stream" && (string?)last["name"] == stream)
                    {
                        last["text"] = (string?)last["text"] + text;
                    }
                    else
                    {
                        cell.Outputs.Add(new JsonObject { ["output_type"] = "stream", ["name"] = stream, ["text"] = text });
                    }

                    break;
                case DisplayedValueUpdated updated when updated.ValueId is not null && byValueId.TryGetValue(updated.ValueId, out var earlier):
                    earlier["data"] = Data(updated);
                    break;
                case ReturnValueProduced value:
                    cell.Outputs.Add(new JsonObject { ["output_type"] = "execute_result", ["execution_count"] = executionCount, ["data"] = Data(value), ["metadata"] = new JsonObject() });
                    break;
                case DisplayEvent display and (DisplayedValueProduced or DisplayedValueUpdated):
                    var output = new JsonObject { ["output_type"] = "display_data", ["data"] = Data(display), ["metadata"] = new JsonObject() };
                    cell.Outputs.Add(output);
                    if (display.ValueId is not null)
                    {
                        byValueId[display.ValueId] = output;
                    }

                    break;
                case ErrorProduced produced:
                    cell.Outputs.Add(new JsonObject { ["output_type"] = "stream", ["name"] = "stderr", ["text"] = produced.Message });
                    break;
                case CommandFailed failed:
                    error = failed.Message;
                    cell.Outputs.Add(ErrorOutput(failed.Exception?.GetType().Name ?? "Error", failed.Message));
                    break;
            }
        }

        return error;
    }

    private static JsonObject Data(DisplayEvent display)
    {
        var data = new JsonObject();
        foreach (var value in display.FormattedValues)
        {
            data[value.MimeType] = value.Value;
        }

        return data;
    }

    private static JsonObject ErrorOutput(string name, string message) => new()
    {
        ["output_type"] = "error",
        ["ename"] = name,
        ["evalue"] = message.Split('\n')[0],
        ["traceback"] = new JsonArray([.. message.Split('\n').Select(l => (JsonNode?)JsonValue.Create(l))]),
    };

    /// <summary>
    /// Adds a cell after the one tagged <see cref="ParametersTag"/> that sets the given values,
    /// each typed as the parameters cell declares it.
    /// </summary>
    internal static void InjectParameters(NotebookDocument document, IReadOnlyDictionary<string, string> parameters, string path)
    {
        if (parameters.Count == 0)
        {
            return;
        }

        var index = document.Cells.FindIndex(c => c.Tags.Contains(ParametersTag));
        if (index < 0)
        {
            throw new InputException($"{path}: has no cell tagged '{ParametersTag}', so it takes no parameters");
        }

        var declared = Declarations(document.Cells[index].Source);
        var lines = new List<string> { "// Parameters given to the run" };
        foreach (var (name, value) in parameters)
        {
            if (!declared.TryGetValue(name, out var type))
            {
                throw new InputException($"{path}: unknown parameter '{name}': the parameters cell declares {string.Join(", ", declared.Keys)}");
            }

            lines.Add($"{(type == "var" ? "var" : type)} {name} = {Literal(type, value, name, path)};");
        }

        document.InsertCodeCell(index, string.Join("\n", lines), InjectedTag);
    }

    /// <summary>The variables a cell declares at top level, with their declared types.</summary>
    internal static Dictionary<string, string> Declarations(string source)
    {
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(kind: Microsoft.CodeAnalysis.SourceCodeKind.Script));
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var declaration in tree.GetRoot().DescendantNodes().OfType<VariableDeclarationSyntax>().Where(d => d.Parent is LocalDeclarationStatementSyntax or FieldDeclarationSyntax))
        {
            foreach (var variable in declaration.Variables)
            {
                result[variable.Identifier.Text] = declaration.Type.ToString();
            }
        }

        return result;
    }

    private static string Literal(string type, string value, string name, string path)
    {
        string Fail(string expected) => throw new InputException($"{path}: parameter {name}='{value}' is not {expected} (the parameters cell declares {type})");
        var invariant = CultureInfo.InvariantCulture;
        return type.TrimEnd('?') switch
        {
            "string" => SymbolDisplay.FormatLiteral(value, quote: true),
            "int" => int.TryParse(value, NumberStyles.Integer, invariant, out var i) ? i.ToString(invariant) : Fail("a whole number"),
            "long" => long.TryParse(value, NumberStyles.Integer, invariant, out var l) ? l.ToString(invariant) + "L" : Fail("a whole number"),
            "double" => double.TryParse(value, NumberStyles.Float, invariant, out var d) ? d.ToString("R", invariant) : Fail("a number"),
            "decimal" => decimal.TryParse(value, NumberStyles.Number, invariant, out var m) ? m.ToString(invariant) + "m" : Fail("a number"),
            "bool" => bool.TryParse(value, out var b) ? (b ? "true" : "false") : Fail("true or false"),
            "DateOnly" or "System.DateOnly" => FieldValues.TryParseDate(value, out var date)
                ? string.Create(invariant, $"new DateOnly({date.Year}, {date.Month}, {date.Day})")
                : Fail("a date (yyyy-MM-dd)"),
            "var" => SymbolDisplay.FormatLiteral(value, quote: true),
            _ => Fail($"a value the runner can type (string, int, long, double, decimal, bool, DateOnly); {type} is not"),
        };
    }

    private static string Shorten(string line) => line.Length <= 60 ? line : string.Concat(line.AsSpan(0, 57), "…");
}
