using Playbook.Files;

namespace Playbook.Output;

/// <summary>The language of pages for people: English (the default) or Chinese (中文).</summary>
public enum Language
{
    /// <summary>English, with Chinese terms beside them.</summary>
    English,

    /// <summary>Simplified Chinese, for brand teams and their trainers.</summary>
    Chinese,
}

/// <summary>The <c>--lang</c> codes and the notebooks of each edition.</summary>
public static class Languages
{
    /// <summary>The suffix of a notebook's Chinese edition: <c>02-three-squirrels-douyin.zh.ipynb</c>.</summary>
    public const string ChineseSuffix = ".zh";

    /// <summary>Reads <c>en</c> or <c>zh</c>.</summary>
    /// <exception cref="InputException">Another code.</exception>
    public static Language Parse(string? code) => code?.Trim().ToLowerInvariant() switch
    {
        null or "" or "en" => Language.English,
        "zh" or "zh-cn" or "cn" => Language.Chinese,
        _ => throw new InputException($"--lang '{code}': expected en or zh"),
    };

    /// <summary>The edition a notebook file belongs to, by its name.</summary>
    public static Language Of(string notebook) =>
        Path.GetFileNameWithoutExtension(notebook).EndsWith(ChineseSuffix, StringComparison.OrdinalIgnoreCase) ? Language.Chinese : Language.English;

    /// <summary>A notebook's file in the given edition: <c>x.ipynb</c> ↔ <c>x.zh.ipynb</c>, in the same folder.</summary>
    public static string Edition(string notebook, Language language)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        var folder = Path.GetDirectoryName(notebook) ?? "";
        var stem = Path.GetFileNameWithoutExtension(notebook);
        var extension = Path.GetExtension(notebook);
        if (stem.EndsWith(ChineseSuffix, StringComparison.OrdinalIgnoreCase))
        {
            stem = stem[..^ChineseSuffix.Length];
        }

        return Path.Combine(folder, (language == Language.Chinese ? stem + ChineseSuffix : stem) + extension);
    }
}
