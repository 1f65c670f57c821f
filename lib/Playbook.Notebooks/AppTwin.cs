using System.Collections;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Analysis;
using Playbook.Canonical;
using Playbook.Files;
using Playbook.Output;
using Plotly.NET;

namespace Playbook.Notebooks;

/// <summary>
/// What a notebook's file-based app twin (<c>notebooks/apps/NN-name.cs</c>) runs on: the setup cells'
/// work (culture, the notebooks folder as the working directory, so the cells' relative paths hold),
/// the parameters as command-line arguments (<c>--name value</c>), and each cell's displayed value
/// written as a terminal shows it (tables aligned, charts as offline HTML files whose paths are printed).
/// </summary>
public sealed class AppTwin
{
    private readonly Dictionary<string, string> arguments;
    private readonly HashSet<string> declared = new(StringComparer.Ordinal);
    private readonly string name;
    private readonly TextWriter output;
    private readonly Words words;
    private int cell;

    private AppTwin(string name, Dictionary<string, string> arguments, TextWriter output)
    {
        this.name = name;
        this.arguments = arguments;
        this.output = output;

        // The Chinese edition's twin (NN-name.zh.cs) shows its values in Chinese, as its notebook does.
        words = Words.For(Languages.Of(name + ".cs"));
    }

    /// <summary>The folder charts are written to: artifacts/apps/&lt;twin&gt; under the workspace.</summary>
    public string ChartFolder => Path.Combine(Workspace.WorkspaceFolders.Root(), "artifacts", "apps", name);

    /// <summary>Starts the twin written at <paramref name="file"/> (the compiler fills it in).</summary>
    /// <exception cref="InputException">An argument is not <c>--name value</c>.</exception>
    public static AppTwin Start(string[] args, [CallerFilePath] string file = "")
    {
        ArgumentNullException.ThrowIfNull(args);
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        Console.OutputEncoding = System.Text.Encoding.UTF8;

        // The cells' paths are relative to notebooks/, where the notebook runs.
        if (NotebooksFolder(file) is { } notebooks)
        {
            Environment.CurrentDirectory = notebooks;
        }

        var parsed = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length < 3)
            {
                throw new InputException($"argument '{arg}': expected --name value (a parameter of the notebook)");
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                parsed[arg[2..equals]] = arg[(equals + 1)..];
            }
            else if (i + 1 < args.Length)
            {
                parsed[arg[2..]] = args[++i];
            }
            else
            {
                throw new InputException($"argument '{arg}' has no value");
            }
        }

        return new AppTwin(Path.GetFileNameWithoutExtension(file), parsed, Console.Out);
    }

    /// <summary>A parameter's value: the argument <c>--<paramref name="parameter"/></c> when given, typed as the default is, else the default.</summary>
    /// <exception cref="InputException">The argument is not a value of the parameter's type.</exception>
    public T Parameter<T>(string parameter, T value)
    {
        declared.Add(parameter);
        if (!arguments.TryGetValue(parameter, out var text))
        {
            return value;
        }

        object? parsed = typeof(T) switch
        {
            var t when t == typeof(string) => text,
            var t when t == typeof(int) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : null,
            var t when t == typeof(long) => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l : null,
            var t when t == typeof(double) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null,
            var t when t == typeof(decimal) => decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var m) ? m : null,
            var t when t == typeof(bool) => bool.TryParse(text, out var b) ? b : null,
            var t when t == typeof(DateOnly) => FieldValues.TryParseDate(text, out var date) ? date : null,
            _ => throw new InputException($"--{parameter}: a {typeof(T).Name} parameter cannot be given on the command line"),
        };
        return parsed is T typed ? typed : throw new InputException($"--{parameter} '{text}' is not a {typeof(T).Name}");
    }

    /// <summary>Fails on an argument the parameters cell does not declare.</summary>
    /// <exception cref="InputException">An argument names no parameter.</exception>
    public void CheckArguments()
    {
        var unknown = arguments.Keys.Where(k => !declared.Contains(k)).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new InputException($"unknown parameter{(unknown.Count > 1 ? "s" : "")} {string.Join(", ", unknown.Select(u => "--" + u))}: the notebook declares {string.Join(", ", declared.Select(d => "--" + d))}");
        }
    }

    /// <summary>Marks the start of the notebook's cell <paramref name="index"/> (0-based, as in the .ipynb).</summary>
    public void Cell(int index)
    {
        cell = index;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"── cell {index} ──"));
    }

    /// <summary>Writes a cell's displayed value as a terminal shows it.</summary>
    public void Show(object? value)
    {
        switch (value)
        {
            case null:
                break;
            case string text:
                output.WriteLine(words.Of(text));
                break;
            case DataFrame frame:
                output.Write(TextTable.Render(frame, Displays.MaxRows, words));
                break;
            case ChartFigure figure:
                Chart(figure);
                break;
            case GenericChart chart:
                Chart(ChartFigure.From(chart));
                break;
            case IEnumerable items:
                output.Write(TextTable.Render(items, words));
                break;
            default:
                output.Write(TextTable.RenderOne(value, words));
                break;
        }
    }

    private void Chart(ChartFigure figure)
    {
        var page = $"<!DOCTYPE html><html lang=\"{(words.IsChinese ? "zh-CN" : "en")}\"><head><meta charset=\"utf-8\"><title>{System.Net.WebUtility.HtmlEncode(name)}</title>{OfflineChart.PlotlyJsElement()}</head><body>{figure.In(words).ToHtml()}</body></html>";
        Directory.CreateDirectory(ChartFolder);
        var path = Path.Combine(ChartFolder, string.Create(CultureInfo.InvariantCulture, $"cell-{cell}.html"));
        File.WriteAllText(path, page);
        output.WriteLine(words.Format("chart: {0} (opens offline in a browser)", path));
    }

    /// <summary>
    /// The notebooks/ folder the twin stands in: its own file's folder's parent, or, where the compiler wrote a
    /// mapped path (a deterministic CI build writes /_/…), the notebooks/ found from the working directory up.
    /// </summary>
    private static string? NotebooksFolder(string file)
    {
        var apps = Path.GetDirectoryName(file);
        if (apps is not null && Directory.Exists(apps))
        {
            return Path.GetDirectoryName(apps);
        }

        for (var folder = new DirectoryInfo(Environment.CurrentDirectory); folder is not null; folder = folder.Parent)
        {
            if (Directory.Exists(Path.Combine(folder.FullName, "notebooks", AppTwins.Folder)))
            {
                return Path.Combine(folder.FullName, "notebooks");
            }

            if (folder.Name == AppTwins.Folder && folder.Parent is { } parent && parent.EnumerateFiles("*.ipynb").Any())
            {
                return parent.FullName;
            }
        }

        return null;
    }
}
