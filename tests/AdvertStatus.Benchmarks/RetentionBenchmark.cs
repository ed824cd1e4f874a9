using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AdvertStatus.Core.AdvertisementStatus;
using AdvertStatus.Core.StatusMessages;
using AdvertStatus.Web.Data;
using AdvertStatus.Web.Retention;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdvertStatus.Benchmarks;

/// <summary>
/// The retention purge against live ingestion: a million status messages older than the 90 days
/// are bulk-loaded (200,000 advertisement + machine pairs of 5 messages, each pair with its tally row), then one agent
/// posts 500-message batches before and during the purge. Prints the purge's duration and rate and
/// the agent's batch latency without and with the purge running, measured in the same run.
/// </summary>
internal static class RetentionBenchmark
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task RunAsync(string[] args)
    {
        var total = Cli.Option(args, "--messages", 1_000_000);
        var pairs = Cli.Option(args, "--pairs", 200_000);
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_ADVERTSTATUS_WEB", Path.Combine(Repository.Root, "src", "AdvertStatus.Web"));
        await using var app = new BenchmarkApp(new Dictionary<string, string> { ["Retention:Enabled"] = "false" });
        using var agent = app.CreateClient();
        agent.DefaultRequestHeaders.Add("X-Api-Key", BenchmarkApp.Key);
        var contexts = app.Services.GetRequiredService<IDbContextFactory<AdvertStatusDbContext>>();

        var load = Stopwatch.StartNew();
        await LoadOldMessagesAsync(contexts, total, pairs);
        Cli.Print("retention.load_seconds", load.Elapsed.TotalSeconds);

        var next = 0;
        var before = await IngestWhileAsync(agent, () => Task.Delay(TimeSpan.FromSeconds(15)), () => next++);
        var purge = app.Services.GetRequiredService<RetentionJob>();
        RetentionResult? result = null;
        var during = await IngestWhileAsync(agent, async () => result = await purge.PurgeAsync(CancellationToken.None), () => next++);

        Cli.Print("retention.purged_messages", result!.StatusMessages);
        Cli.Print("retention.purge_seconds", result.Elapsed.TotalSeconds);
        Cli.Print("retention.purged_per_s", result.StatusMessages / result.Elapsed.TotalSeconds);
        Cli.Print("retention.ingest_msgs_per_s_before", before.PerSecond);
        Cli.Print("retention.ingest_msgs_per_s_during", during.PerSecond);
        Cli.Print("retention.batch_p50_ms_before", before.Percentile(50));
        Cli.Print("retention.batch_p99_ms_before", before.Percentile(99));
        Cli.Print("retention.batch_p50_ms_during", during.Percentile(50));
        Cli.Print("retention.batch_p99_ms_during", during.Percentile(99));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"# {total:N0} old status messages over {pairs:N0} pairs, one agent of 500-message batches, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd}"));
    }

    /// <summary>One agent posting 500 fresh messages per batch, back to back, until <paramref name="work"/> ends.</summary>
    private static async Task<Run> IngestWhileAsync(HttpClient agent, Func<Task> work, Func<int> nextBatch)
    {
        var latencies = new List<double>();
        var running = work();
        var watch = Stopwatch.StartNew();
        while (!running.IsCompleted)
        {
            var batch = nextBatch();
            var body = JsonSerializer.SerializeToUtf8Bytes(Enumerable.Range(0, 500).Select(i => new
            {
                recordId = string.Create(CultureInfo.InvariantCulture, $"{batch}-{i}"),
                machineName = string.Create(CultureInfo.InvariantCulture, $"LIVE{(batch * 500 + i) / 4:0000000}"),
                siteCode = "LAB",
                time = DateTime.UtcNow.AddMinutes(-5),
                messageId = 10002 + (i % 3 * 3),
                severity = "Informational",
                advertisementId = "LAB20002",
            }), Json);
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            var sent = Stopwatch.StartNew();
            using var response = await agent.PostAsync("/api/v1/status-messages", content);
            response.EnsureSuccessStatusCode();
            latencies.Add(sent.Elapsed.TotalMilliseconds);
        }

        await running;
        latencies.Sort();
        return new Run(latencies.Count * 500 / watch.Elapsed.TotalSeconds, latencies);
    }

    private static async Task LoadOldMessagesAsync(IDbContextFactory<AdvertStatusDbContext> contexts, int total, int pairs)
    {
        var old = DateTime.UtcNow.AddDays(-100);
        await using var db = await contexts.CreateDbContextAsync();
        for (var at = 0; at < total; at += 50_000)
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var rows = Enumerable.Range(at, Math.Min(50_000, total - at)).Select(i => new StatusMessage
            {
                RecordId = i.ToString(CultureInfo.InvariantCulture),
                MachineName = string.Create(CultureInfo.InvariantCulture, $"OLD{i % pairs:0000000}"),
                SiteCode = "LAB",
                Time = old.AddSeconds(i % 86_400),   // all within one day, 100 days ago
                ReceivedAt = old.AddSeconds(i % 86_400),
                MessageId = 10002 + (i / pairs % 3 * 3),
                Severity = Severity.Informational,
                AdvertisementId = "LAB20001",
            }).ToList();
            await db.Rows.InsertAsync(rows, CancellationToken.None);
            await transaction.CommitAsync();
        }

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await db.Rows.InsertAsync([.. Enumerable.Range(0, pairs).Select(p => new AdvertisementMachineStatus
            {
                AdvertisementId = "LAB20001",
                MachineName = string.Create(CultureInfo.InvariantCulture, $"OLD{p:0000000}"),
                SiteCode = "LAB",
                Received = total / pairs / 3,
            })], CancellationToken.None);
            await transaction.CommitAsync();
        }
    }

    private sealed record Run(double PerSecond, List<double> SortedLatencies)
    {
        public double Percentile(int p) => SortedLatencies[Math.Min(SortedLatencies.Count - 1, (int)Math.Ceiling(p / 100.0 * SortedLatencies.Count) - 1)];
    }
}
