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
        var xlsx = new Option<bool>("--xlsx") { Description = "With --orders: also write orders.xlsx, the same rows re-saved as a workbook the way Excel does" };
        var exports = new Option<bool>("--exports") { Description = "Write the example downloads of every layout (data/exports by default)" };
        var seed = new Option<ulong?>("--seed") { Description = "Seed of the simulation; a case's own seed by default" };
        var output = new Option<string?>("--out") { Description = "Folder to write; data/<case> for a case" };
        var layout = new Option<string>("--layout")
        {
            Description = $"With --orders: the layout of orders.csv, a source id: {string.Join(", ", LargeDataset.Layouts)}",
            DefaultValueFactory = _ => "canonical",
        };

        var command = new Command("generate", "Rebuild a bundled case from its seeded simulation, write a large dataset, or the example downloads")
        {
            caseName, orders, exports, seed, output, layout, xlsx,
        };
        command.SetAction(parse =>
        {
            var name = parse.GetValue(caseName);
            var count = parse.GetValue(orders);
            if (new[] { name is not null, count is not null, parse.GetValue(exports) }.Count(given => given) != 1)
            {
                throw new InputException("give one of --case NAME, --orders N or --exports");
            }

            if (parse.GetValue(exports))
            {
                var directory = parse.GetValue(output) ?? Path.Combine(WorkspaceFolders.DataRoot(), "exports");
                var files = CaseBuilder.BuildExports(directory, parse.GetValue(seed) ?? 2026);
                stdout.WriteLine($"exports: wrote {string.Join(", ", files)} to {directory}");
                return PlaybookCommand.Success;
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
            if (parse.GetValue(xlsx))
            {
                XlsxWriter.FromCsv(Path.Combine(target, "orders.csv"), Path.Combine(target, "orders.xlsx"));
                written = [.. written, "orders.xlsx"];
            }
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {count:N0} orders: {string.Join(", ", written)} to {target}"));
            return PlaybookCommand.Success;
        });
        return command;
    }
}
