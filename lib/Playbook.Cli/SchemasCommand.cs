using System.CommandLine;
using Playbook.Output;

namespace Playbook.Cli;

/// <summary><c>playbook schemas [--out DIR]</c>: the JSON Schema of every command's <c>--format json</c>, made from the types that write it.</summary>
internal static class SchemasCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var output = new Option<string>("--out") { Description = "Folder to write <command>.schema.json into", DefaultValueFactory = _ => Path.Combine("docs", "schemas") };
        var command = new Command("schemas", "Write the JSON Schema of every command's --format json output (the output contract)") { output };
        command.SetAction(parse =>
        {
            var folder = parse.GetValue(output)!;
            Directory.CreateDirectory(folder);
            foreach (var (name, schema) in JsonOutput.Schemas())
            {
                var path = Path.Combine(folder, name + ".schema.json");
                File.WriteAllText(path, SchemaText(schema));
                stdout.WriteLine(path);
            }

            return PlaybookCommand.Success;
        });
        return command;
    }

    /// <summary>A schema as the files hold it: indented, with a line end.</summary>
    internal static string SchemaText(System.Text.Json.Nodes.JsonObject schema) =>
        schema.ToJsonString(JsonOutput.Options) + "\n";
}
