using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Playbook.Files;

/// <summary>Small helpers over YamlDotNet's representation model, with file:line errors.</summary>
internal static class Yaml
{
    public static YamlMappingNode Root(string file)
    {
        if (!File.Exists(file))
        {
            throw new InputException($"{file}: no such file");
        }

        using var reader = new StreamReader(file);
        return Root(reader, file);
    }

    /// <summary>The root mapping of a YAML file embedded in the library (the built-in layouts and words).</summary>
    public static YamlMappingNode Resource(string name)
    {
        using var stream = typeof(Yaml).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"the library has no {name}");
        using var reader = new StreamReader(stream);
        return Root(reader, name);
    }

    /// <summary>The root mapping of a YAML document read from <paramref name="reader"/>; <paramref name="file"/> names it in errors.</summary>
    public static YamlMappingNode Root(TextReader reader, string file)
    {
        var yaml = new YamlStream();
        try
        {
            yaml.Load(reader);
        }
        catch (YamlException e)
        {
            throw new InputException($"{file}:{e.Start.Line}: not valid YAML: {e.Message}", e);
        }

        return yaml.Documents.Count > 0 && yaml.Documents[0].RootNode is YamlMappingNode root
            ? root
            : throw new InputException($"{file}:1: expected a mapping");
    }

    public static string? Text(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var v) ? (v as YamlScalarNode)?.Value : null;

    public static string Required(YamlMappingNode map, string key, string file) =>
        Text(map, key) is { Length: > 0 } v ? v : throw new InputException($"{file}:{map.Start.Line}: '{key}' is missing");
}
