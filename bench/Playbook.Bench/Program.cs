using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;
using DuckDB.NET.Data;
using Playbook.Bench;

// bench duckdb DIR         : the DuckDB query doing the analysis' work, printing its totals (run as its own process)
// bench compare DIR CLI    : runs `playbook analyze` (plain path) and the DuckDB query as child processes,
//                            printing wall time, peak memory and the ratios
// bench micro [filters]    : BenchmarkDotNet micro-benchmarks of the readers
return args switch
{
    ["duckdb", var dir] => DuckDbQuery.Run(dir),
    ["compare", var dir, var cli] => Compare.Run(dir, cli),
    ["micro", .. var rest] => Micro(rest),
    _ => Usage(),
};

static int Micro(string[] rest)
{
    BenchmarkSwitcher.FromAssembly(typeof(ReaderBenchmarks).Assembly).Run(rest);
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("usage: bench duckdb DIR | bench compare DIR PLAYBOOK_CLI_DLL | bench micro [BenchmarkDotNet args]");
    return 2;
}

namespace Playbook.Bench
{
    /// <summary>DuckDB doing the work of `analyze --framework fact` on a canonical dataset: parse every column, roles, GMV by role and month, campaigns, buyers.</summary>
    internal static class DuckDbQuery
    {
        public static int Run(string dir)
        {
            using var connection = new DuckDBConnection("Data Source=:memory:");
            connection.Open();
            string Q(string file) => Path.Combine(dir, file).Replace("'", "''", StringComparison.Ordinal);
            var sql = $$"""
                SET threads TO 2;
                CREATE TABLE o AS SELECT * FROM read_csv('{{Q("orders.csv")}}', header = true, types = {'order_id': 'VARCHAR', 'parent_order_id': 'VARCHAR', 'account_id': 'VARCHAR', 'product_id': 'VARCHAR', 'buyer_id': 'VARCHAR', 'session_id': 'VARCHAR', 'gmv': 'DECIMAL(18,2)', 'refund': 'DECIMAL(18,2)', 'paid_at': 'TIMESTAMP'});
                CREATE TABLE a AS SELECT *, CASE WHEN role IS NOT NULL THEN role WHEN brand_owned THEN 'self' WHEN followers >= 5000000 THEN 'top_kol' ELSE 'matrix' END AS r FROM read_csv('{{Q("accounts.csv")}}', header = true, types = {'account_id': 'VARCHAR'});
                CREATE TABLE c AS SELECT * FROM read_csv('{{Q("campaigns.csv")}}', header = true);
                """;
            using (var command = connection.CreateCommand())
            {
                command.CommandText = sql;
                command.ExecuteNonQuery();
            }

            string[] queries =
            [
                "SELECT coalesce(a.r, CASE WHEN o.account_id IS NULL THEN 'shelf' ELSE 'matrix' END) AS role, sum(gmv), sum(refund), sum(gmv - refund), count(*) FROM o LEFT JOIN a USING (account_id) GROUP BY 1 ORDER BY 1",
                "SELECT date_trunc('month', paid_at) AS m, sum(gmv - refund) FROM o GROUP BY 1 ORDER BY 1",
                "SELECT c.campaign_id, sum(o.gmv - o.refund) FROM o JOIN c ON CAST(o.paid_at AS DATE) BETWEEN c.starts_on AND c.ends_on GROUP BY 1 ORDER BY 1",
                "SELECT count(*) AS buyers, count(*) FILTER (WHERE n >= 2) AS repeat FROM (SELECT buyer_id, count(DISTINCT coalesce(parent_order_id, order_id)) AS n FROM o WHERE buyer_id IS NOT NULL GROUP BY 1)",
            ];
            foreach (var query in queries)
            {
                using var command = connection.CreateCommand();
                command.CommandText = query;
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    Console.WriteLine(string.Join(", ", Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
                }
            }

            return 0;
        }
    }

    /// <summary>Runs each engine as a child process and reports its wall time and peak resident memory.</summary>
    internal static class Compare
    {
        public static int Run(string dir, string cli)
        {
            var selfDll = typeof(Compare).Assembly.Location;
            var analyze = $"{cli} analyze --orders {dir}/orders.csv --accounts {dir}/accounts.csv --campaigns {dir}/campaigns.csv --framework fact --format json";
            var export = File.ReadLines(Path.Combine(dir, "orders.csv")).First().Contains("主订单编号", StringComparison.Ordinal);
            var runs = new List<(string Engine, double Seconds, double PeakMiB)>
            {
                // DuckDB's query reads the canonical columns; for a 抖店 export the plain path is the yardstick.
                export ? Measure("playbook analyze --engine plain", "dotnet", analyze + " --engine plain") : Measure("DuckDB.NET 1.5.6 (2 threads)", "dotnet", $"{selfDll} duckdb {dir}"),
                Measure("playbook analyze (fast reader)", "dotnet", analyze),
            };
            if (!export && Environment.GetEnvironmentVariable("BENCH_PLAIN") == "1")
            {
                runs.Add(Measure("playbook analyze --engine plain", "dotnet", analyze + " --engine plain"));
            }

            var baseline = runs[0];
            Console.WriteLine($"{"engine",-34} {"seconds",8} {"peak MiB",9} {"time × first",14}");
            foreach (var (engine, seconds, peak) in runs)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{engine,-34} {seconds,8:0.00} {peak,9:0} {seconds / baseline.Seconds,14:0.00}"));
            }

            return 0;
        }

        private static (string, double, double) Measure(string engine, string file, string arguments)
        {
            var clock = Stopwatch.StartNew();
            using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            long peak = 0;
            while (!process.WaitForExit(50))
            {
                // VmHWM, the high-water mark of resident memory, from /proc (Linux).
                peak = Math.Max(peak, HighWaterMark(process.Id));
            }

            clock.Stop();
            if (process.ExitCode != 0)
            {
                Console.Error.WriteLine($"{engine} exited {process.ExitCode}: {error.Result}");
            }

            _ = output.Result;
            return (engine, clock.Elapsed.TotalSeconds, peak / 1024.0);
        }

        private static long HighWaterMark(int pid)
        {
            try
            {
                var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
                return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                return 0;
            }
        }
    }
}
