using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;
using DuckDB.NET.Data;
using Playbook.Bench;

// bench duckdb DIR         : the DuckDB query doing the analysis' work, printing its totals (run as its own process)
// bench compare DIR CLI [PANDAS_PY]
//                          : runs the DuckDB query, `playbook analyze` and (when the system python3
//                            has pandas) the pandas script as child processes, printing wall time,
//                            peak memory and the ratios
// bench micro [filters]    : BenchmarkDotNet micro-benchmarks of the readers
// bench mmm [SEEDS [DAYS [DRAWS]]]
//                          : the budget allocator proved on simulated brands with a known truth
// bench mmm-misspecified [SEEDS [DAYS [DRAWS [WORLD|all [FIRST]]]]]
//                          : the same on brands simulated by models that are not ours, and ours beside them;
//                            FIRST is the first seed (default 1), so a second set of seeds checks what the first tuned
return args switch
{
    ["mmm", .. var m] when m.Length <= 3 => MediaMixProof.Run(Arg(m, 0, 10), Arg(m, 1, 365), Arg(m, 2, 200)),
    ["mmm-misspecified", .. var m] when m.Length <= 5 => MediaMixProof.RunMisspecified(Arg(m, 0, 10), Arg(m, 1, 365), Arg(m, 2, 200), m.Length >= 4 ? m[3] : null, Arg(m, 4, 1)),
    ["duckdb", var dir] => DuckDbQuery.Run(dir),
    ["compare", var dir, var cli] => Compare.Run(dir, cli, null),
    ["compare", var dir, var cli, var pandas] => Compare.Run(dir, cli, pandas),
    ["micro", .. var rest] => Micro(rest),
    _ => Usage(),
};

static int Micro(string[] rest)
{
    BenchmarkSwitcher.FromAssembly(typeof(ReaderBenchmarks).Assembly).Run(rest);
    return 0;
}

// The mmm arguments in order, each with its default when not given.
static int Arg(string[] args, int position, int otherwise) =>
    position < args.Length ? int.Parse(args[position], CultureInfo.InvariantCulture) : otherwise;

static int Usage()
{
    Console.Error.WriteLine("usage: bench duckdb DIR | bench compare DIR PLAYBOOK_CLI_DLL | bench micro [BenchmarkDotNet args] | bench mmm [SEEDS [DAYS [DRAWS]]] | bench mmm-misspecified [SEEDS [DAYS [DRAWS [WORLD|all [FIRST]]]]]");
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
            var export = File.ReadLines(Path.Combine(dir, "orders.csv")).First().Contains("主订单编号", StringComparison.Ordinal);

            // A 抖店 export is read as text and mapped as the importer does: ids without the tab
            // beside them, 达人ID 0 no seller, unpaid rows (no payment time, or awaiting payment) left out,
            // closed rows with a payment time paid, 退款成功 a full refund, only 自然 / 付费 a traffic type.
            var orders = export
                ? $$"""
                    CREATE TABLE o AS SELECT
                        trim("子订单编号", chr(9)) AS order_id, trim("主订单编号", chr(9)) AS parent_order_id,
                        nullif(nullif(trim("达人ID", chr(9)), ''), '0') AS account_id, trim("商品ID", chr(9)) AS product_id,
                        CAST("商品数量" AS INTEGER) AS quantity, CAST("订单应付金额" AS DECIMAL(18,2)) AS gmv,
                        CASE WHEN "售后状态" = '退款成功' THEN CAST("订单应付金额" AS DECIMAL(18,2)) ELSE 0 END AS refund,
                        CAST("支付完成时间" AS TIMESTAMP) AS paid_at, nullif("买家ID", '') AS buyer_id,
                        CASE WHEN "流量类型" LIKE '%自然%' THEN 'organic' WHEN "流量类型" LIKE '%付费%' THEN 'paid' ELSE NULL END AS traffic_type
                    FROM read_csv('{{Q("orders.csv")}}', header = true, all_varchar = true)
                    WHERE coalesce("支付完成时间", '') <> '' AND NOT regexp_matches(coalesce("订单状态", ''), '待支付|待付款');
                    """
                : $$"""
                    CREATE TABLE o AS SELECT * FROM read_csv('{{Q("orders.csv")}}', header = true, types = {'order_id': 'VARCHAR', 'parent_order_id': 'VARCHAR', 'account_id': 'VARCHAR', 'product_id': 'VARCHAR', 'buyer_id': 'VARCHAR', 'session_id': 'VARCHAR', 'gmv': 'DECIMAL(18,2)', 'refund': 'DECIMAL(18,2)', 'paid_at': 'TIMESTAMP'});
                    """;
            var sql = $$"""
                SET threads TO 2;
                {{orders}}
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
        public static int Run(string dir, string cli, string? pandasScript)
        {
            var selfDll = typeof(Compare).Assembly.Location;
            var analyze = $"{cli} analyze --orders {dir}/orders.csv --accounts {dir}/accounts.csv --campaigns {dir}/campaigns.csv --framework fact --format json";
            var runs = new List<(string Engine, double Seconds, double PeakMiB)>
            {
                Measure("DuckDB.NET 1.5.6 (2 threads)", "dotnet", $"{selfDll} duckdb {dir}"),
                Measure("playbook analyze (fast reader)", "dotnet", analyze),
            };
            if (File.Exists(Path.Combine(dir, "orders.xlsx")))
            {
                // The same rows re-saved as a workbook: read by the plain engine through ExcelDataReader.
                runs.Add(Measure("playbook analyze (orders.xlsx)", "dotnet", analyze.Replace("/orders.csv", "/orders.xlsx", StringComparison.Ordinal)));
            }
            if (Environment.GetEnvironmentVariable("BENCH_PLAIN") == "1")
            {
                runs.Add(Measure("playbook analyze --engine plain", "dotnet", analyze + " --engine plain"));
            }

            if (pandasScript is not null && HasPandas(out var version))
            {
                runs.Add(Measure($"pandas {version} (python3, 1 thread)", "/usr/bin/python3", $"{pandasScript} {dir}"));
            }

            var baseline = runs[0];
            Console.WriteLine($"{"engine (median of runs)",-34} {"seconds",8} {"peak MiB",9} {"time × first",14}");
            foreach (var (engine, seconds, peak) in runs)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{engine,-34} {seconds,8:0.00} {peak,9:0} {seconds / baseline.Seconds,14:0.00}"));
            }

            return 0;
        }

        /// <summary>Runs an engine BENCH_RUNS times (default 3): the median wall time and the highest peak.</summary>
        private static (string, double, double) Measure(string engine, string file, string arguments)
        {
            var runs = int.TryParse(Environment.GetEnvironmentVariable("BENCH_RUNS"), out var r) && r > 0 ? r : 3;
            var results = Enumerable.Range(0, runs).Select(_ => MeasureOnce(engine, file, arguments)).ToList();
            var seconds = results.Select(x => x.Seconds).Order().ToList();
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{engine}: {string.Join(" ", results.Select(x => $"{x.Seconds:0.00}s/{x.PeakMiB:0}MiB"))}"));
            return (engine, seconds[seconds.Count / 2], results.Max(x => x.PeakMiB));
        }

        private static (double Seconds, double PeakMiB) MeasureOnce(string engine, string file, string arguments)
        {
            // GNU time reports the child's peak resident set (wait4's ru_maxrss) exactly; without
            // it, VmHWM is sampled from /proc every 50 ms.
            var gnuTime = File.Exists("/usr/bin/time");
            var start = gnuTime ? new ProcessStartInfo("/usr/bin/time", $"-f \"peak-kb %M\" {file} {arguments}") : new ProcessStartInfo(file, arguments);
            start.RedirectStandardOutput = true;
            start.RedirectStandardError = true;
            var clock = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            long peak = 0;
            while (!process.WaitForExit(50))
            {
                peak = Math.Max(peak, HighWaterMark(process.Id));
            }

            clock.Stop();
            if (process.ExitCode != 0)
            {
                Console.Error.WriteLine($"{engine} exited {process.ExitCode}: {error.Result}");
            }

            _ = output.Result;
            var reported = error.Result.Split('\n').LastOrDefault(l => l.StartsWith("peak-kb ", StringComparison.Ordinal));
            if (reported is not null)
            {
                peak = long.Parse(reported["peak-kb ".Length..], CultureInfo.InvariantCulture);
            }

            return (clock.Elapsed.TotalSeconds, peak / 1024.0);
        }

        private static bool HasPandas(out string version)
        {
            version = "";
            try
            {
                using var process = Process.Start(new ProcessStartInfo("/usr/bin/python3", "-c \"import pandas; print(pandas.__version__)\"") { RedirectStandardOutput = true, RedirectStandardError = true })!;
                version = process.StandardOutput.ReadToEnd().Trim();
                process.WaitForExit();
                return process.ExitCode == 0;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return false;
            }
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
