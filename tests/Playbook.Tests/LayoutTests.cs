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
        var root = Path.Combine(Data.SampleDataTests.RepositoryRoot(), "lib", "Playbook", folder);
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
        var root = Path.Combine(Data.SampleDataTests.RepositoryRoot(), "lib", "Playbook");
        var folders = Directory.GetDirectories(root).Select(Path.GetFileName).Where(f => f is not ("bin" or "obj")).Order(StringComparer.Ordinal);
        Assert.Equal(Order.Order(StringComparer.Ordinal), folders);
    }

    [GeneratedRegex(@"\bPlaybook\.([A-Z][A-Za-z]*)")]
    private static partial Regex LibraryNamespace();
}
