using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AdvertStatus.Web.Ingestion;
using AdvertStatus.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Tests.Ingestion;

/// <summary>
/// A 202 means the batch is durably stored; its findings and lists follow once the projector has projected it. The
/// answer numbers the batch, the progress route tells how far projection has come, and a request may ask to be
/// answered after its projection (<c>Prefer: wait</c>).
/// </summary>
public class IngestionProgressTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_batch_is_stored_at_its_202_and_its_finding_appears_once_the_progress_reaches_its_sequence()
    {
        await using var app = new AdvertStatusApp();
        // Projection is held off by another instance's lease, so the gap between the 202 and the projection is certain.
        await app.QueryAsync(db => HoldLeaseElsewhereAsync(db, TimeSpan.FromSeconds(3)));
        using var agent = Agent(app);
        var machine = Unique.Machine("SEQ");

        var response = await agent.PostAsJsonAsync("/api/v1/status-messages", new[] { Samples.StatusMessage(machine, "1") }, Cancel);
        var sequence = await SequenceOfAsync(response);
        var atOnce = await ProgressAsync(agent);
        var storedAtOnce = await app.QueryAsync(db => db.StatusMessages.CountAsync(m => m.MachineName == machine, Cancel));
        var findingAtOnce = await FindingCountAsync(agent, machine);
        var waited = await WaitForProgressAsync(agent, sequence, TimeSpan.FromSeconds(20));

        Assert.Equal(1, storedAtOnce);
        Assert.True(atOnce.GetProperty("projectedThrough").GetInt64() < sequence);
        Assert.Equal(1, atOnce.GetProperty("pendingBatches").GetInt32());
        Assert.Equal(0, findingAtOnce);
        Assert.True(waited.GetProperty("projectedThrough").GetInt64() >= sequence);
        Assert.Equal(0, waited.GetProperty("pendingItems").GetInt64());
        Assert.Equal(1, await FindingCountAsync(agent, machine));
    }

    [Fact]
    public async Task A_request_that_prefers_to_wait_is_answered_after_its_projection()
    {
        await using var app = new AdvertStatusApp();
        using var agent = Agent(app);
        var machine = Unique.Machine("WAIT");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/status-messages") { Content = JsonContent.Create(new[] { Samples.StatusMessage(machine, "1") }) };
        request.Headers.Add("Prefer", "wait=10");

        var response = await agent.SendAsync(request, Cancel);

        await SequenceOfAsync(response);
        Assert.Equal("wait=10", Assert.Single(response.Headers.GetValues("Preference-Applied")));
        Assert.Equal(1, await FindingCountAsync(agent, machine));
    }

    [Fact]
    public async Task Sequences_grow_with_each_batch_and_reference_data_stored_at_once_has_none()
    {
        await using var app = new AdvertStatusApp();
        using var agent = Agent(app);

        var first = await SequenceOfAsync(await agent.PostAsJsonAsync("/api/v1/status-messages", new[] { Samples.StatusMessage(Unique.Machine(), "1") }, Cancel));
        var second = await SequenceOfAsync(await agent.PostAsJsonAsync("/api/v1/security-events", new[] { Samples.Lockout4740("DC01", Unique.Number(), Unique.Machine()) }, Cancel));
        var domain = await agent.PostAsJsonAsync("/api/v1/domains", new { name = "CORP", mode = "Native", domainControllers = new[] { "DC01" } }, Cancel);

        Assert.True(second > first);
        Assert.Equal(HttpStatusCode.Accepted, domain.StatusCode);
        Assert.False(JsonDocument.Parse(await domain.Content.ReadAsStringAsync(Cancel)).RootElement.TryGetProperty("sequence", out _));
    }

    [Theory]
    [InlineData("ingest", HttpStatusCode.OK)]
    [InlineData("read", HttpStatusCode.OK)]
    [InlineData("operate", HttpStatusCode.Forbidden)]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    public async Task The_progress_is_for_agents_and_readers(string? scope, HttpStatusCode expected)
    {
        await using var app = new AdvertStatusApp();
        using var client = app.CreateAgent(scope is null ? null : await app.AddApiKeyAsync(scope));

        var response = await client.GetAsync("/api/v1/ingestion/progress", Cancel);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task A_batch_appended_before_a_crash_is_projected_once_by_the_next_instance()
    {
        const string Key = "progress-crash-key";
        var database = Path.Combine(Path.GetTempPath(), $"advertstatus-progress-{Guid.NewGuid():N}.db");
        var machine = Unique.Machine("CRASH");
        try
        {
            long sequence;
            await using (var first = await ServerProcess.StartAsync(database, Key))
            {
                await HoldLeaseElsewhereAsync(database, TimeSpan.FromSeconds(3));
                using var agent = new HttpClient { BaseAddress = first.Address };
                agent.DefaultRequestHeaders.Add("X-Api-Key", Key);
                sequence = await SequenceOfAsync(await agent.PostAsJsonAsync("/api/v1/status-messages", new[] { Samples.StatusMessage(machine, "1") }, Cancel));
                Assert.True((await ProgressAsync(agent)).GetProperty("projectedThrough").GetInt64() < sequence);
                await first.KillAsync();
            }

            await using var second = await ServerProcess.StartAsync(database, Key);
            using var reader = new HttpClient { BaseAddress = second.Address };
            reader.DefaultRequestHeaders.Add("X-Api-Key", Key);
            await WaitForProgressAsync(reader, sequence, TimeSpan.FromSeconds(30));

            Assert.Equal(1, await FindingCountAsync(reader, machine));
            using var sources = JsonDocument.Parse(await reader.GetStringAsync("/api/v1/sources", Cancel));
            var lab = sources.RootElement.GetProperty("items").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "LAB");
            Assert.Equal(1, lab.GetProperty("itemsReceived").GetInt64());
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

    /// <summary>A client of the app without the tests' usual <c>Prefer: wait</c>: it sees the gap between append and projection.</summary>
    private static HttpClient Agent(AdvertStatusApp app)
    {
        var client = app.CreateAgent();
        client.DefaultRequestHeaders.Remove("Prefer");
        return client;
    }

    private static async Task<long> SequenceOfAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("sequence").GetInt64();
    }

    private static async Task<JsonElement> ProgressAsync(HttpClient client) =>
        JsonDocument.Parse(await client.GetStringAsync("/api/v1/ingestion/progress", Cancel)).RootElement.Clone();

    /// <summary>Polls the progress route as a client that wants to read its own writes does.</summary>
    private static async Task<JsonElement> WaitForProgressAsync(HttpClient client, long sequence, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var progress = await ProgressAsync(client);
            if (progress.GetProperty("projectedThrough").GetInt64() >= sequence || DateTime.UtcNow > deadline)
            {
                return progress;
            }

            await Task.Delay(50, Cancel);
        }
    }

    private static async Task<int> FindingCountAsync(HttpClient client, string machine) =>
        JsonDocument.Parse(await client.GetStringAsync($"/api/v1/findings?machine={machine}", Cancel)).RootElement.GetProperty("items").GetArrayLength();

    /// <summary>Lets another (pretend) instance hold the projector's lease for <paramref name="duration"/>, wall clock.</summary>
    private static Task<int> HoldLeaseElsewhereAsync(Web.Data.AdvertStatusDbContext db, TimeSpan duration) =>
        db.ProjectionLeases.ExecuteUpdateAsync(set => set.SetProperty(l => l.Holder, "another instance").SetProperty(l => l.ExpiresAt, DateTime.UtcNow + duration), Cancel);

    private static async Task HoldLeaseElsewhereAsync(string database, TimeSpan duration)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync(Cancel);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE ProjectionLeases SET Holder = 'another instance', ExpiresAt = $expires";
        command.Parameters.AddWithValue("$expires", (DateTime.UtcNow + duration).ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture));
        await command.ExecuteNonQueryAsync(Cancel);
    }
}
