using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;

namespace Playbook.Notebooks;

/// <summary>
/// The one call of every notebook's setup cell: <c>Playbook.Notebooks.NotebookSetup.Init()</c>.
/// It makes the library's dependencies loadable from its build folder, registers the displays
/// (DataFrames as small paged tables, charts drawn offline), fixes the culture and finds the data.
/// </summary>
public static class NotebookSetup
{
    private static int resolverInstalled;

    /// <summary>
    /// The workspace's data folder, found from the notebook's folder. Computed on each use rather than
    /// kept: a kernel may load this assembly more than once, and a static set in one copy is empty in another.
    /// </summary>
    public static string DataRoot => Workspace.WorkspaceFolders.DataRoot();

    /// <summary>
    /// Sets the notebook up and shows a one-line summary with plotly.js embedded once, so that
    /// every later chart of the notebook draws without a network. <paramref name="language"/> is the
    /// notebook's edition (<c>en</c>, or <c>zh</c> in the Chinese edition's setup cell): the tables', charts'
    /// and sentences' words follow it.
    /// </summary>
    /// <exception cref="Files.InputException">A language other than en or zh.</exception>
    public static string Init(string language = "en")
    {
        // Only BCL types here: the resolver must be in place before any type of the library's
        // dependencies is touched (a bare #r of this DLL does not load them, and the stock kernel's
        // FSharp.Core is older than the one Plotly.NET was built against).
        InstallResolver();
        return InitCore(language);
    }

    private static void InstallResolver()
    {
        if (Interlocked.Exchange(ref resolverInstalled, 1) == 1)
        {
            return;
        }

        var folder = Path.GetDirectoryName(typeof(NotebookSetup).Assembly.Location) ?? AppContext.BaseDirectory;
        AssemblyLoadContext.Default.Resolving += (context, name) =>
        {
            // An assembly already loaded under that name (FSharp.Core 10.0 of the stock kernel, for
            // Plotly.NET's request for 10.1; or this library, loaded by path) is the one to use.
            var loaded = AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == name.Name);
            if (loaded is not null)
            {
                return loaded;
            }

            var candidate = Path.Combine(folder, name.Name + ".dll");
            return File.Exists(candidate) ? context.LoadFromAssemblyPath(candidate) : null;
        };
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static string InitCore(string language)
    {
        var words = Output.Words.For(Output.Languages.Parse(language));
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        var dataRoot = DataRoot;
        Displays.Words = words;
        Displays.Register();
        var version = typeof(NotebookSetup).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "";
        Displays.ShowPlotlyJs(words.Format("Playbook {0} ready: data in {1}; tables paged, charts drawn offline.", version.Split('+')[0], dataRoot));
        return dataRoot;
    }
}
