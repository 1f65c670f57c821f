namespace Playbook.Tests;

/// <summary>The repository the tests run in: the folder with global.json above the test binaries.</summary>
internal static class Repo
{
    /// <summary>The repository's root folder.</summary>
    public static string Root { get; } = Find();

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "global.json")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("global.json not found above " + AppContext.BaseDirectory);
    }
}
