using System.Net;
using System.Net.Http.Json;
using AdvertStatus.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Tests.Ingestion;

/// <summary>A 202 means stored: the server is killed without warning right after answering, and everything it accepted is there when it comes back.</summary>
public class CrashDurabilityTests
{
    private const string Key = "crash-test-key";

    [Fact]
    public async Task Every_accepted_batch_survives_the_server_being_killed()
    {
        var database = Path.Combine(Path.GetTempPath(), $"advertstatus-crash-{Guid.NewGuid():N}.db");
        try
        {
            var accepted = 0;
            await using (var server = await ServerProcess.StartAsync(database, Key))
            {
                using var agent = new HttpClient { BaseAddress = server.Address };
                agent.DefaultRequestHeaders.Add("X-Api-Key", Key);
                var sends = Enumerable.Range(0, 8).Select(async batch =>
                {
                    var messages = Enumerable.Range(0, 100).Select(i => Samples.StatusMessage($"CRASH{batch:00}", i.ToString(System.Globalization.CultureInfo.InvariantCulture), messageId: 10002)).ToArray();
                    var response = await agent.PostAsJsonAsync("/api/v1/status-messages", messages, TestContext.Current.CancellationToken);
                    if (response.StatusCode == HttpStatusCode.Accepted)
                    {
                        Interlocked.Add(ref accepted, 100);
                    }
                });
                await Task.WhenAll(sends);
                await server.KillAsync();
            }

            await using (var restarted = await ServerProcess.StartAsync(database, Key))
            {
                SqliteConnection.ClearAllPools();
                await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
                await connection.OpenAsync(TestContext.Current.CancellationToken);
                await using var count = connection.CreateCommand();
                count.CommandText = "SELECT COUNT(*) FROM StatusMessages WHERE MachineName LIKE 'CRASH%'";

                Assert.Equal(800, accepted);
                Assert.Equal(800L, (long)(await count.ExecuteScalarAsync(TestContext.Current.CancellationToken))!);
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { database, database + "-wal", database + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    [Fact]
    public async Task The_app_commits_with_a_full_fsync_so_a_power_cut_loses_nothing_acknowledged()
    {
        await using var app = new AdvertStatusApp();

        var mode = await app.QueryAsync(async db =>
        {
            await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA synchronous";
            return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
        });

        Assert.Equal(2L, mode);   // 2 = FULL: the WAL is fsynced at every commit, not only at checkpoints
    }
}
