using Playbook.Ingest;

namespace Playbook.Tests;

/// <summary>
/// The engines every orders reader test runs on: the plain engine, the parallel engine with one
/// worker and chunks so small that records are cut at every place, and the parallel engine on all
/// cores with its real chunk size. Each gives a ledger and a load report; the plain engine's rows
/// are also checked one by one where a test needs them.
/// </summary>
public static class Engines
{
    public const string Plain = "plain";
    public const string FastOneWorkerTinyChunks = "fast-1-worker-64-chars";
    public const string FastAllCores = "fast-all-cores";

    public static TheoryData<string> All() => [Plain, FastOneWorkerTinyChunks, FastAllCores];

    /// <summary>Reads an orders file into a ledger with the engine named.</summary>
    public static LedgerLoadResult Read(string engine, string path, ReadOptions? options = null, DateOnly? from = null, DateOnly? to = null) => engine switch
    {
        Plain => Tables.ReadLedger(path, options, from, to, ReaderEngine.Plain),
        FastOneWorkerTinyChunks => Tables.ReadLedger(path, options, from, to, ReaderEngine.Auto, 1, 64),
        FastAllCores => Tables.ReadLedger(path, options, from, to, ReaderEngine.Auto, Environment.ProcessorCount, FastOrderReader.ChunkChars),
        _ => throw new ArgumentOutOfRangeException(nameof(engine), engine, "no such engine"),
    };
}
