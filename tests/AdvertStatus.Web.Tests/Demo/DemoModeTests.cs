using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AdvertStatus.Web.Demo;
using AdvertStatus.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace AdvertStatus.Web.Tests.Demo;

/// <summary><c>dotnet run --project src/AdvertStatus.Web -- --demo</c>, as a real server process on a fresh database file.</summary>
public sealed class DemoModeTests : IDisposable
{
    private const string Key = "demo-test-key";
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"advertstatus-demo-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task Demo_fills_an_empty_database_within_60_seconds_with_every_kind_of_story_and_a_banner()
    {
        var clock = Stopwatch.StartNew();
        await using var server = await ServerProcess.StartAsync(_database, Key, "--demo");
        using var reader = new HttpClient { BaseAddress = server.Address };
        reader.DefaultRequestHeaders.Add("X-Api-Key", Key);
        while (!server.Output.Any(line => line.Contains("Demo data loaded", StringComparison.Ordinal)))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), "The demo did not finish within 60 s:\n" + string.Join('\n', server.Output.TakeLast(20)));
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }

        foreach (var rule in new[] { "Error1317", "Q307434", "Q264714", "RepeatedLockout", "LocalInstallAccountAfterFix" })
        {
            using var findings = await GetAsync(reader, $"/api/v1/findings?rule={rule}&limit=1");
            Assert.True(findings.RootElement.GetProperty("items").GetArrayLength() > 0, $"No {rule} finding in the demo.");
        }

        using var coverage = await GetAsync(reader, "/api/v1/coverage?hotfix=Q307434");
        var total = coverage.RootElement.GetProperty("total");
        Assert.True(total.GetProperty("fixed").GetInt32() > 0 && total.GetProperty("vulnerable").GetInt32() > 0);
        Assert.True(total.GetProperty("fixed").GetInt32() + total.GetProperty("vulnerable").GetInt32() + total.GetProperty("unknown").GetInt32() >= 500);
        using var adverts = await GetAsync(reader, "/api/v1/advertisements");
        var items = adverts.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(items, a => a.GetProperty("programSuccess").GetInt32() > 0);
        Assert.Contains(items, a => a.GetProperty("failures").GetInt32() > 0);

        // The loader's key was temporary, and the database is marked as demo data (the banner reads the mark).
        Assert.Equal(1L, await ScalarAsync("SELECT COUNT(*) FROM ApiKeys WHERE Name LIKE 'demo loader%' AND RevokedAt IS NOT NULL"));
        Assert.Equal(600L, await ScalarAsync("SELECT Machines FROM DemoDatasets"));
    }

    [Fact]
    public async Task A_demo_database_shows_a_banner_on_every_page_and_a_real_one_does_not()
    {
        await using var app = new AdvertStatusApp();
        using var user = await app.SignInAsync();
        Assert.DoesNotContain("id=\"demo-banner\"", await user.GetStringAsync("/", TestContext.Current.CancellationToken), StringComparison.Ordinal);

        await app.QueryAsync(db =>
        {
            db.DemoDatasets.Add(new AdvertStatus.Web.Demo.DemoDataset { Seed = 1, Machines = 600, Items = 4_000, LoadedAt = AdvertStatusApp.Now.UtcDateTime, Seconds = 2 });
            return db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });

        foreach (var page in new[] { "/", "/workstations", "/findings" })
        {
            Assert.Contains("id=\"demo-banner\"", await user.GetStringAsync(page, TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Demo_leaves_a_database_that_holds_data_alone_and_says_so()
    {
        await using (var server = await ServerProcess.StartAsync(_database, Key))
        {
            using var agent = new HttpClient { BaseAddress = server.Address };
            agent.DefaultRequestHeaders.Add("X-Api-Key", Key);
            agent.DefaultRequestHeaders.Add("Prefer", "wait=30");   // its machine exists before the server goes
            await AcceptedBatch.ReadAsync(await agent.PostAsJsonAsync("/api/v1/status-messages", new[] { Samples.StatusMessage("REAL01", "1") }, TestContext.Current.CancellationToken));
        }

        var (exitCode, output) = await ServerProcess.RunToExitAsync(_database, Key, TimeSpan.FromSeconds(60), "--demo");

        Assert.Equal(3, exitCode);
        Assert.Contains(output, line => line.Contains("already holds data", StringComparison.Ordinal));
        Assert.Equal(1L, await ScalarAsync("SELECT COUNT(*) FROM Machines"));
    }

    private static async Task<JsonDocument> GetAsync(HttpClient client, string route)
    {
        var response = await client.GetAsync(route, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={_database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _database, _database + "-wal", _database + "-shm" })
        {
            File.Delete(file);
        }
    }
}
