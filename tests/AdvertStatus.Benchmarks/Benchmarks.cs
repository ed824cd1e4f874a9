namespace AdvertStatus.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project tests/AdvertStatus.Benchmarks -- &lt;suite&gt; [options]</c>:
/// <c>ingest [--shape forwarder|runs] [--messages 200000] [--agents 4] [--batch 500] [--runs 3]</c> (the app in its own
/// process against a raw SQLite baseline), <c>writers [--messages 100000]</c> (SQLite row writers compared, ADR 0010),
/// <c>backpressure [--items 5000]</c> (peak memory under 16, 64 and 128 simultaneous large batches),
/// <c>scale [--machines 100000] [--messages 10000000]</c> (lists, coverage and overview at 1M and 10M
/// stored messages), <c>csv [--rows 1000000]</c> (findings.csv against a raw reader scan),
/// <c>rules</c> (the rules' cost against normalisation), <c>retention [--messages 1000000]</c> (the purge
/// against live ingestion) or <c>micro [--filter *]</c> (BenchmarkDotNet
/// micro-benchmarks with allocations). Not top-level statements: the web app's
/// <c>Program</c> is the one WebApplicationFactory needs.
/// </summary>
internal static class Benchmarks
{
    public static async Task<int> Main(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "ingest":
                await IngestBenchmark.RunAsync(args[1..]);
                return 0;
            case "scale":
                await ScaleBenchmark.RunAsync(args[1..]);
                return 0;
            case "csv":
                await CsvBenchmark.RunAsync(args[1..]);
                return 0;
            case "rules":
                await RulesBenchmark.RunAsync();
                return 0;
            case "retention":
                await RetentionBenchmark.RunAsync(args[1..]);
                return 0;
            case "backpressure":
                await BackpressureBenchmark.RunAsync(args[1..]);
                return 0;
            case "writers":
                await WritersBenchmark.RunAsync(args[1..]);
                return 0;
            case "micro":
                MicroBenchmarks.Run(args[1..]);
                return 0;
            default:
                await Console.Error.WriteLineAsync("usage: dotnet run -c Release --project tests/AdvertStatus.Benchmarks -- ingest|writers|backpressure|scale|csv|rules|retention|micro [options]");
                return 2;
        }
    }
}
