using Playbook.Ingest;
using Playbook.Output;

namespace Playbook.Tests;

/// <summary>The C# in README.md compiles and runs, because this test holds the same code.</summary>
public class ReadmeTests
{
    private static readonly string Root = Repo.Root;

    [Fact]
    public void Readme_CSharpExample_IsTheCodeThisTestRuns()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        var start = readme.IndexOf("```csharp\n", StringComparison.Ordinal) + "```csharp\n".Length;
        var example = readme[start..readme.IndexOf("```", start, StringComparison.Ordinal)];

        var source = File.ReadAllText(Path.Combine(Root, "tests", "Playbook.Tests", "ReadmeTests.cs"));
        var body = source[(source.LastIndexOf("// README begins\n", StringComparison.Ordinal) + "// README begins\n".Length)..source.LastIndexOf("        // README ends", StringComparison.Ordinal)];
        var lines = body.Split('\n');
        var indent = lines.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        var unindented = string.Join("\n", lines.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));

        Assert.Equal("using Playbook.Ingest;\nusing Playbook.Output;\n\n" + unindented, example);
    }

    [Fact]
    public void Readme_CSharpExample_Runs()
    {
        var saved = Environment.CurrentDirectory;
        Environment.CurrentDirectory = Root;
        using var output = new StringWriter();
        var console = Console.Out;
        Console.SetOut(output);
        try
        {
            // README begins
            var orders = Tables.ReadOrders("data/samples/douyin-export.csv");
            Console.WriteLine(orders.Report);                 // rows, loaded, unpaid, rejected
            foreach (var rejection in orders.Report.Rejections)
            {
                Console.WriteLine(rejection);                 // file:line: column 'c' value 'v': reason
            }

            var paid = orders.Rows.Sum(o => o.Gmv - o.Refund);     // net GMV of the loaded orders, CNY
            var frame = orders.ToDataFrame();                      // Microsoft.Data.Analysis, for display
            // README ends

            // Worked by hand from the sample: six paid rows, 119.00 + 55.80 + 189.00 + 52.90 + 129.00 + 567.00 = 1112.70,
            // less the 189.00 refunded (退款成功) = 923.70.
            Assert.Equal(923.70m, paid);
            Assert.Equal(6, frame.Rows.Count);
            Assert.Equal("data/samples/douyin-export.csv: orders (douyin_export, utf-8-bom): 8 rows, 6 loaded, 2 unpaid, 0 rejected", output.ToString().Trim());
        }
        finally
        {
            Console.SetOut(console);
            Environment.CurrentDirectory = saved;
        }
    }
}
