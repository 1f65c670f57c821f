using Playbook.Files;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Playbook.Workspace;

/// <summary>Small helpers over YamlDotNet's representation model, with file:line errors.</summary>
internal static class Yaml
{
    public static YamlMappingNode Root(string file)
    {
        var yaml = new YamlStream();
        try
        {
            using var reader = new StreamReader(file);
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
