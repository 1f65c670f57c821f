using System.Globalization;
using System.Net;
using System.Text;

namespace Playbook.Output;

/// <summary>
/// A radar (spider) chart as plain SVG: no script, no network, prints as drawn. For pages that
/// must work anywhere, such as a trainer's printed scorecard.
/// </summary>
public static class RadarSvg
{
    /// <summary>
    /// Draws <paramref name="axes"/> (label, value 0..1; null = not known, drawn as 0 and marked n/a)
    /// with rings at 25%, 50%, 75% and 100%.
    /// </summary>
    public static string Render(IReadOnlyList<(string Label, double? Value)> axes, string title, int size = 360)
    {
        ArgumentNullException.ThrowIfNull(axes);
        var c = size / 2.0;
        var r = (size / 2.0) - 70;
        var n = Math.Max(axes.Count, 3);
        (double X, double Y) At(int i, double radius)
        {
            var angle = (-Math.PI / 2) + (2 * Math.PI * i / n);
            return (c + (radius * Math.Cos(angle)), c + (radius * Math.Sin(angle)));
        }

        string P(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"radar\" width=\"{size}\" height=\"{size}\" viewBox=\"0 0 {size} {size}\" role=\"img\" aria-label=\"{WebUtility.HtmlEncode(title)}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{WebUtility.HtmlEncode(title)}</title>");
        foreach (var ring in new[] { 0.25, 0.5, 0.75, 1.0 })
        {
            var points = string.Join(" ", Enumerable.Range(0, n).Select(i => At(i, r * ring)).Select(p => $"{P(p.X)},{P(p.Y)}"));
            svg.Append(CultureInfo.InvariantCulture, $"<polygon points=\"{points}\" fill=\"none\" stroke=\"#ccc\" stroke-width=\"1\"/>");
        }

        for (var i = 0; i < axes.Count; i++)
        {
            var (x, y) = At(i, r);
            var (lx, ly) = At(i, r + 28);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{P(c)}\" y1=\"{P(c)}\" x2=\"{P(x)}\" y2=\"{P(y)}\" stroke=\"#ccc\"/>");
            var value = axes[i].Value is { } v ? v.ToString("0%", CultureInfo.InvariantCulture) : "n/a";
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{P(lx)}\" y=\"{P(ly)}\" text-anchor=\"middle\" font-size=\"12\">{WebUtility.HtmlEncode(axes[i].Label)} {value}</text>");
        }

        var shape = string.Join(" ", axes.Select((a, i) => At(i, r * Math.Clamp(a.Value ?? 0, 0, 1))).Select(p => $"{P(p.X)},{P(p.Y)}"));
        svg.Append(CultureInfo.InvariantCulture, $"<polygon class=\"score\" points=\"{shape}\" fill=\"rgba(31,119,180,0.35)\" stroke=\"#1f77b4\" stroke-width=\"2\"/>");
        svg.Append("</svg>");
        return svg.ToString();
    }
}
