using System.Diagnostics;
using System.Net;
using AdvertStatus.Web.Data;
using AdvertStatus.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Tests.Hosting;

/// <summary>
/// Another process holds SQLite's write lock for longer than any agent would wait (architecture §7):
/// ingestion answers 503 with Retry-After within 15 s and stores nothing, readiness goes unhealthy,
/// reads keep working, and once the lock is gone everything recovers by itself.
/// </summary>
public class BusyDatabaseTests
{
    [Fact]
    public async Task A_locked_database_gets_503_with_Retry_After_within_15_seconds_and_recovers_by_itself()
    {
        await using var app = new AdvertStatusApp();
        using var agent = app.CreateAgent();
        await AcceptedBatch.ReadAsync(await app.PostJsonAsync("/api/v1/status-messages", new[] { Samples.StatusMessage("BUSY01", "1") }));
        var batch = new[] { Samples.StatusMessage("BUSY02", "1") };

        await using (var holder = await HoldWriteLockAsync(app.DatabasePath))
        {
            var clock = Stopwatch.StartNew();
            var refused = await app.PostJsonAsync("/api/v1/status-messages", batch);
            var waited = clock.Elapsed;

            var problem = await Problem.ReadAsync(refused, HttpStatusCode.ServiceUnavailable);
            Assert.True(waited < TimeSpan.FromSeconds(15), $"The 503 took {waited.TotalSeconds:0.0} s.");
            Assert.Equal(TimeSpan.FromSeconds(10), refused.Headers.RetryAfter?.Delta);
            Assert.Contains("Nothing of this request was stored", problem.Detail, StringComparison.Ordinal);

            // Requests right behind the failed attempt are refused at once, not after another wait.
            clock.Restart();
            var next = await app.PostJsonAsync("/api/v1/status-messages", batch);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, next.StatusCode);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"The second 503 took {clock.Elapsed.TotalSeconds:0.0} s.");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await agent.GetAsync("/health/ready", TestContext.Current.CancellationToken)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync("/api/v1/findings", TestContext.Current.CancellationToken)).StatusCode);
        }

        await WaitUntilReadyAsync(agent);
        await AcceptedBatch.ReadAsync(await app.PostJsonAsync("/api/v1/status-messages", batch));
        Assert.Equal(1, await app.QueryAsync(db => db.StatusMessages.CountAsync(m => m.MachineName == "BUSY02", TestContext.Current.CancellationToken)));
    }

    [Fact]
    public void Only_a_busy_or_unreachable_database_counts_as_unavailable()
    {
        Assert.True(DatabaseHealth.IsUnavailable(new SqliteException("database is locked", 5)));
        Assert.True(DatabaseHealth.IsUnavailable(new DbUpdateException("save failed", new SqliteException("database table is locked", 6))));
        Assert.True(DatabaseHealth.IsUnavailable(new SqliteException("unable to open database file", 14)));
        Assert.True(DatabaseHealth.IsUnavailable(new TimeoutException()));
        Assert.False(DatabaseHealth.IsUnavailable(new DbUpdateException("save failed", new SqliteException("UNIQUE constraint failed", 19))));
        Assert.False(DatabaseHealth.IsUnavailable(new InvalidOperationException("a bug")));
    }

    /// <summary>A second connection, as another process would have, that takes the write lock and keeps it until disposed.</summary>
    private static async Task<SqliteConnection> HoldWriteLockAsync(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var begin = connection.CreateCommand();
        begin.CommandText = "BEGIN IMMEDIATE;";
        await begin.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        return connection;   // disposing it rolls the transaction back and releases the lock
    }

    private static async Task WaitUntilReadyAsync(HttpClient client)
    {
        var deadline = Stopwatch.StartNew();
        while ((await client.GetAsync("/health/ready", TestContext.Current.CancellationToken)).StatusCode != HttpStatusCode.OK)
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(15), "Readiness did not recover within 15 s of the lock's release.");
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
    }
}
