using System.Text;
using Playbook.Canonical;

namespace Playbook.Sources;

/// <summary>
/// A file's header row: its names as the file has them (cleaned of BOMs, quotes and whitespace),
/// looked up by name in a normalised form, since columns move and change spelling between export
/// versions: case, zero-width characters, full-width brackets <c>（）</c> and 帐 for 账 are ignored.
/// </summary>
internal sealed class HeaderRow
{
    private readonly string[] normalised;

    /// <summary>Creates the header of <paramref name="cells"/>, found on <paramref name="line"/>.</summary>
    public HeaderRow(IReadOnlyList<string> cells, long line)
    {
        Names = [.. cells.Select(h => FieldValues.Clean(h) ?? "")];
        normalised = [.. Names.Select(Normalise)];
        Line = line;
    }

    /// <summary>The names as the file has them, cleaned.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The line (or sheet row) of the header.</summary>
    public long Line { get; }

    /// <summary>Whether the row has no name at all.</summary>
    public bool IsEmpty => Names.All(n => n.Length == 0);

    /// <summary>The position of the first column called <paramref name="name"/>; -1 when there is none.</summary>
    public int Find(string name)
    {
        var wanted = Normalise(name);
        return Array.IndexOf(normalised, wanted);
    }

    /// <summary>The position of the first column called by any of <paramref name="names"/>, in their order; -1 when none is there.</summary>
    public int FindAny(IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            var at = Find(name);
            if (at >= 0)
            {
                return at;
            }
        }

        return -1;
    }

    /// <summary>How many columns are called <paramref name="name"/>.</summary>
    public int Count(string name)
    {
        var wanted = Normalise(name);
        return normalised.Count(n => n == wanted);
    }

    /// <inheritdoc/>
    public override string ToString() => string.Join(", ", Names);

    /// <summary>A header name in the form names are compared in.</summary>
    public static string Normalise(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            switch (c)
            {
                case '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF':
                    break;
                case '（':
                    text.Append('(');
                    break;
                case '）':
                    text.Append(')');
                    break;
                case '帐':
                    text.Append('账');
                    break;
                default:
                    text.Append(char.ToLowerInvariant(c));
                    break;
            }
        }

        return text.ToString().Trim();
    }
}
