using System.Diagnostics;
using System.Globalization;
using AdvertStatus.Core.Findings;
using AdvertStatus.Core.Rules;
using AdvertStatus.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdvertStatus.Benchmarks;

/// <summary>
/// <c>findings.csv</c> at a million rows over real HTTP against the raw baseline: a SqliteDataReader
/// reading the same columns of the same rows from the same file. Also the process's memory growth
/// while the export streams (the export must not hold the rows).
/// </summary>
internal static class CsvBenchmark
{
    public static async Task RunAsync(string[] args)
    {
        var rows = Cli.Option(args, "--rows", 1_000_000);
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_ADVERTSTATUS_WEB", Path.Combine(Repository.Root, "src", "AdvertStatus.Web"));
        await using var app = new BenchmarkApp();
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", BenchmarkApp.Key);
        await LoadFindingsAsync(app.Services.GetRequiredService<IDbContextFactory<AdvertStatusDbContext>>(), rows);

        var raw = RawScan(app.DatabasePath);
        Cli.Print("csv.raw_reader_rows_per_s", rows / raw.TotalSeconds);

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = Environment.WorkingSet;
        var peak = before;
        using var sampler = new Timer(_ => peak = Math.Max(peak, Environment.WorkingSet), null, 0, 50);
        var watch = Stopwatch.StartNew();
        using var response = await client.GetAsync("/api/v1/reports/findings.csv", HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        var lines = await CountLinesAsync(body);
        var export = watch.Elapsed;

        Cli.Print("csv.export_rows", lines - 1);
        Cli.Print("csv.export_rows_per_s", (lines - 1) / export.TotalSeconds);
        Cli.Print("csv.ratio_to_raw_reader", raw.TotalSeconds / export.TotalSeconds);
        Cli.Print("csv.memory_growth_mb", (peak - before) / 1024.0 / 1024.0);
        Cli.AtLeast("csv.ratio_to_raw_reader", raw.TotalSeconds / export.TotalSeconds, 0.5);
        Cli.AtMost("csv.memory_growth_mb", (peak - before) / 1024.0 / 1024.0, 100);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"# findings.csv over {rows:N0} findings, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd}"));
    }

    /// <summary>The baseline: the report's columns of every finding, read and touched, nothing else.</summary>
    private static TimeSpan RawScan(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id, Rule, State, MachineName, AdvertisementId, Domain, Account, Count, FirstSeen, LastSeen FROM Findings ORDER BY Id DESC";
        var watch = Stopwatch.StartNew();
        using var reader = command.ExecuteReader();
        long checksum = 0;
        while (reader.Read())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                checksum += reader.IsDBNull(i) ? 0 : reader.GetValue(i).GetHashCode();
            }
        }

        GC.KeepAlive(checksum);
        return watch.Elapsed;
    }

    private static async Task<long> CountLinesAsync(Stream body)
    {
        var buffer = new byte[81_920];
        long lines = 0;
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
        }

        return lines;
    }

    private static async Task LoadFindingsAsync(IDbContextFactory<AdvertStatusDbContext> contexts, int rows)
    {
        var start = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
        await using var db = await contexts.CreateDbContextAsync();
        foreach (var chunk in Enumerable.Range(0, rows).Chunk(50_000))
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.Rows.InsertAsync([.. chunk.Select(i => new Finding
            {
                Rule = RuleNames.Error1317,
                Key = string.Create(CultureInfo.InvariantCulture, $"W{i:0000000}|LAB20001"),
                State = FindingState.Open,
                MachineName = string.Create(CultureInfo.InvariantCulture, $"W{i:0000000}"),
                SiteCode = "LAB",
                AdvertisementId = "LAB20001",
                Count = 1 + (i % 5),
                FirstSeen = start,
                LastSeen = start.AddMinutes(i % 10_000),
                CreatedAt = start,
                UpdatedAt = start,
                StateChangedAt = start,
            })], CancellationToken.None);
            await transaction.CommitAsync();
        }
    }
}
