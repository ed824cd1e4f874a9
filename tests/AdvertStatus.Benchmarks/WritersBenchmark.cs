using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AdvertStatus.Core.StatusMessages;
using AdvertStatus.Web.Data;
using AdvertStatus.Web.Ingestion;
using LinqToDB.Data;
using LinqToDB.EntityFrameworkCore;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Benchmarks;

/// <summary>
/// The measurement behind ADR 0010: the status messages of both ingestion workloads written to SQLite by each
/// candidate, 500 rows per durable transaction into the app's own migrated schema (WAL, synchronous=FULL, all
/// five indexes), each candidate on a new database, the best of three. Candidates: the app's SQLite row writer
/// (insert-if-new, ids back), EF Core's SaveChanges, and linq2db's bulk copy for SQLite (plain inserts, which is
/// less work than insert-if-new, so the comparison favours it).
/// </summary>
internal static class WritersBenchmark
{
    private static readonly JsonSerializerOptions AgentJson = new(JsonSerializerDefaults.Web);

    public static async Task RunAsync(string[] args)
    {
        var total = Cli.Option(args, "--messages", 100_000);
        LinqToDBForEFTools.Initialize();
        foreach (var shape in new[] { "forwarder", "runs" })
        {
            var rows = Rows(IngestWorkload.Of(shape, total, "W"));
            var results = new Dictionary<string, double>();
            foreach (var (name, write) in Candidates())
            {
                results[name] = Enumerable.Range(0, 3).Select(_ => MeasureAsync(rows, write).GetAwaiter().GetResult()).Max();
                Cli.Print($"writers.{shape}.{name}_msgs_per_s", results[name]);
            }

            foreach (var (name, rate) in results.Where(r => r.Key != "row-writer"))
            {
                Cli.Print($"writers.{shape}.{name}_vs_row_writer", rate / results["row-writer"]);
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"# {total:N0} status messages per shape, 500 per transaction, best of 3, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd}"));
    }

    private static IEnumerable<(string Name, Func<AdvertStatusDbContext, StatusMessage[], Task> Write)> Candidates()
    {
        yield return ("row-writer", async (db, batch) => await db.Rows.InsertNewAsync(batch, CancellationToken.None));
        yield return ("ef-savechanges", async (db, batch) =>
        {
            db.StatusMessages.AddRange(batch);
            await db.SaveChangesAsync();
        });
        yield return ("linq2db-bulkcopy", async (db, batch) =>
            await db.BulkCopyAsync(new BulkCopyOptions { BulkCopyType = LinqToDB.Data.BulkCopyType.MultipleRows }, batch));
    }

    /// <summary>The workload's messages as the app stores them: through the request mapping, with new objects per run.</summary>
    private static List<StatusMessageRequest> Rows(IngestWorkload workload) =>
        JsonSerializer.Deserialize<List<StatusMessageRequest>>(JsonSerializer.SerializeToUtf8Bytes(workload.Messages, AgentJson), IngestionJson.Options)!;

    private static async Task<double> MeasureAsync(List<StatusMessageRequest> requests, Func<AdvertStatusDbContext, StatusMessage[], Task> write)
    {
        var path = Path.Combine(Path.GetTempPath(), $"advertstatus-writers-{Guid.NewGuid():N}.db");
        var options = new DbContextOptionsBuilder<SqliteAdvertStatusDbContext>().UseSqlite($"Data Source={path}").Options;
        try
        {
            await using (var setup = new SqliteAdvertStatusDbContext(options))
            {
                await setup.Database.MigrateAsync();
                await setup.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            }

            var receivedAt = new DateTime(2026, 11, 24, 12, 0, 0, DateTimeKind.Utc);
            var batches = requests.Chunk(500).Select(b => b.Select(r => r.ToStatusMessage(receivedAt)).ToArray()).ToList();
            foreach (var message in batches.SelectMany(b => b))
            {
                message.Fingerprint = message.ComputeFingerprint();
            }

            var watch = Stopwatch.StartNew();
            foreach (var batch in batches)
            {
                await using var db = new SqliteAdvertStatusDbContext(options);
                await db.Database.OpenConnectionAsync();
                await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=FULL;");
                await using var transaction = await db.Database.BeginTransactionAsync();
                await write(db, batch);
                await transaction.CommitAsync();
            }

            return requests.Count / watch.Elapsed.TotalSeconds;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }
        }
    }
}
