using BenchmarkDotNet.Attributes;
using Playbook.Analysis;
using Playbook.Ingest;
using Playbook.Synthesis;

namespace Playbook.Bench;

/// <summary>The plain path's pieces on 100,000 generated orders: reading, and reading plus the FACT analysis.</summary>
[MemoryDiagnoser]
public class ReaderBenchmarks
{
    private string directory = "";

    [GlobalSetup]
    public void Setup()
    {
        directory = Path.Combine(Path.GetTempPath(), "playbook-bench-100k");
        if (!File.Exists(Path.Combine(directory, "orders.csv")))
        {
            LargeDataset.Write(directory, 100_000);
        }
    }

    [Benchmark]
    public long ReadOrders() => Tables.Validate(Path.Combine(directory, "orders.csv")).Loaded;

    [Benchmark]
    public decimal AnalyzeFact()
    {
        using var orders = Tables.OpenOrders(Path.Combine(directory, "orders.csv"));
        var report = PillarAnalysis.Analyze(new AnalysisInput
        {
            Framework = Frameworks.Fact,
            Orders = orders,
            Accounts = Tables.ReadAccounts(Path.Combine(directory, "accounts.csv")).Rows,
            Campaigns = Tables.ReadCampaigns(Path.Combine(directory, "campaigns.csv")).Rows,
        });
        return report.Totals.NetGmv;
    }
}
