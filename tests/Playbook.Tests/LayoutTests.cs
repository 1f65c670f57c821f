using System.Text.RegularExpressions;

namespace Playbook.Tests;

/// <summary>The library's folders import one way: a folder uses only the folders before it in <see cref="Order"/>.</summary>
public sealed partial class LayoutTests
{
    private static readonly string[] Order = ["Canonical", "Files", "Sources", "Ledger", "Ingest", "Synthesis", "Analysis", "Workspace", "Output"];

    public static TheoryData<string> Folders() => [.. Order];

    [Theory]
    [MemberData(nameof(Folders))]
    public void Folder_UsesOnlyFoldersBeforeIt(string folder)
    {
        var root = Path.Combine(Repo.Root, "lib", "Playbook", folder);
        var files = Directory.GetFiles(root, "*.cs", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        var allowed = Order.TakeWhile(f => f != folder).Append(folder).ToHashSet();
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            Assert.Matches($"(?m)^namespace Playbook\\.{folder};", text);

            // Every reference to a library namespace, by using or qualified name, must point left (or home).
            var used = LibraryNamespace().Matches(text).Select(m => m.Groups[1].Value).Where(Order.Contains).ToHashSet();
            Assert.True(used.IsSubsetOf(allowed), $"{Path.GetRelativePath(root, file)} in {folder} uses {string.Join(", ", used.Except(allowed))}");
        }
    }

    [Fact]
    public void EveryFolder_IsInTheOrder()
    {
        var root = Path.Combine(Repo.Root, "lib", "Playbook");
        var folders = Directory.GetDirectories(root).Select(Path.GetFileName).Where(f => f is not ("bin" or "obj")).Order(StringComparer.Ordinal);
        Assert.Equal(Order.Order(StringComparer.Ordinal), folders);
    }

    [Fact]
    public void TestFolders_LaidOutLikeTheLibrary()
    {
        // A type's tests are found by its path: tests/Playbook.Tests/Files/Xlsx holds the tests of lib/Playbook/Files/Xlsx.
        var tests = Path.Combine(Repo.Root, "tests", "Playbook.Tests");
        var library = Path.Combine(Repo.Root, "lib", "Playbook");
        foreach (var folder in Directory.GetDirectories(tests, "*", SearchOption.AllDirectories).Select(d => Path.GetRelativePath(tests, d)))
        {
            var top = folder.Split(Path.DirectorySeparatorChar)[0];
            if (top is "bin" or "obj" or "Fixtures" or "Cli" || folder.Split(Path.DirectorySeparatorChar).Contains("Contracts"))
            {
                continue;
            }

            Assert.True(Directory.Exists(Path.Combine(library, folder)), $"tests/Playbook.Tests/{folder} has no lib/Playbook/{folder}");
        }

        // And each file's namespace is its folder's.
        foreach (var file in Directory.GetFiles(tests, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var folder = Path.GetRelativePath(tests, Path.GetDirectoryName(file)!);
            var expected = folder == "." ? "Playbook.Tests" : "Playbook.Tests." + folder.Replace(Path.DirectorySeparatorChar, '.');
            Assert.Matches($"(?m)^namespace {Regex.Escape(expected)};", File.ReadAllText(file));
        }
    }

    [GeneratedRegex(@"\bPlaybook\.([A-Z][A-Za-z]*)")]
    private static partial Regex LibraryNamespace();
}
