using System.CommandLine;
using System.Globalization;
using Playbook.Files;
using Playbook.Synthesis;
using Playbook.Workspace;

namespace Playbook.Cli;

/// <summary><c>playbook generate</c>: rebuild a bundled case, or write a large dataset for benchmarks.</summary>
internal static class GenerateCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var caseName = new Option<string?>("--case") { Description = "Rebuild a bundled case: three-squirrels or dora-doshang" };
        caseName.AcceptOnlyFromAmong([.. CaseCatalog.All.Select(c => c.Id)]);
        var orders = new Option<long?>("--orders") { Description = "Write a large canonical dataset with this many order rows (for benchmarks)" };
        var seed = new Option<ulong?>("--seed") { Description = "Seed of the simulation; a case's own seed by default" };
        var output = new Option<string?>("--out") { Description = "Folder to write; data/<case> for a case" };
        var layout = new Option<string>("--layout")
        {
            Description = $"With --orders: the layout of orders.csv, a source id: {string.Join(", ", LargeDataset.Layouts)}",
            DefaultValueFactory = _ => "canonical",
        };

        var command = new Command("generate", "Rebuild a bundled case from its seeded simulation, or write a large dataset")
        {
            caseName, orders, seed, output, layout,
        };
        command.SetAction(parse =>
        {
            var name = parse.GetValue(caseName);
            var count = parse.GetValue(orders);
            if ((name is null) == (count is null))
            {
                throw new InputException("give either --case NAME or --orders N (one of them)");
            }

            if (name is not null)
            {
                var info = CaseCatalog.Get(name);
                var directory = parse.GetValue(output) ?? Path.Combine(WorkspaceFolders.DataRoot(), info.Id);
                var files = CaseBuilder.Build(info, directory, parse.GetValue(seed));
                stdout.WriteLine($"{info.Id}: wrote {string.Join(", ", files)} to {directory}");
                return PlaybookCommand.Success;
            }

            if (count < 0)
            {
                throw new InputException("--orders must not be negative");
            }

            var target = parse.GetValue(output) ?? throw new InputException("--orders needs --out DIR");
            // douyin-export is the older spelling of the id douyin_export.
            var layoutId = parse.GetValue(layout)!.Replace('-', '_');
            if (!LargeDataset.Layouts.Contains(layoutId))
            {
                throw new InputException($"--layout '{parse.GetValue(layout)}' is not one of {string.Join(", ", LargeDataset.Layouts)}");
            }

            var written = LargeDataset.Write(target, count!.Value, parse.GetValue(seed) ?? 7, layoutId);
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {count:N0} orders: {string.Join(", ", written)} to {target}"));
            return PlaybookCommand.Success;
        });
        return command;
    }
}
