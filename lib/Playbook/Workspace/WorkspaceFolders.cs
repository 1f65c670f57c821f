namespace Playbook.Workspace;

/// <summary>Where the workspace lives: the folder that holds Playbook.slnx and data/.</summary>
public static class WorkspaceFolders
{
    /// <summary>
    /// The workspace root: the nearest folder above the current directory, or else above this
    /// library's own location, that holds Playbook.slnx.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">Neither place is inside a workspace.</exception>
    public static string Root() =>
        FindFrom(Environment.CurrentDirectory)
        ?? FindFrom(AppContext.BaseDirectory)
        ?? throw new DirectoryNotFoundException("cannot find the workspace (a folder with Playbook.slnx) above the current directory; run from inside the repository");

    /// <summary>The data folder of the workspace.</summary>
    public static string DataRoot() => Path.Combine(Root(), "data");

    private static string? FindFrom(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Playbook.slnx")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
