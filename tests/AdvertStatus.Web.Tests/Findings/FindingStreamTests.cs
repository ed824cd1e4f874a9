using System.Net;
using System.Text.Json;
using AdvertStatus.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Tests.Findings;

/// <summary>GET /api/v1/findings/stream: Server-Sent Events of finding changes, fed from the database's change numbers.</summary>
public abstract class FindingStreamTests(TestDatabase database)
{
    private const string Stream = "/api/v1/findings/stream";
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_finding_made_after_connecting_arrives_with_its_change_number_as_the_id()
    {
        await using var app = database.NewApp();
        var (response, events) = await EventSource.OpenAsync(app.CreateAgent(), Stream);
        await using var _ = events!;

        await AcceptedBatch.ReadAsync(await app.PostJsonAsync("/api/v1/status-messages", new[] { Samples.StatusMessage("STREAM01", "1") }));
        var received = await events!.NextAsync(Soon);

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("finding", received.Event);
        Assert.True(long.Parse(received.Id!, System.Globalization.CultureInfo.InvariantCulture) > 0);
        using var finding = JsonDocument.Parse(received.Data);
        Assert.Equal("STREAM01", finding.RootElement.GetProperty("machineName").GetString());
        Assert.Equal("Error1317", finding.RootElement.GetProperty("rule").GetString());
        Assert.Equal("Open", finding.RootElement.GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_finding_ingested_on_one_instance_reaches_a_stream_opened_on_the_other()
    {
        await using var app = database.NewApp();
        await using var other = app.CreateSecondInstance();
        var (_, events) = await EventSource.OpenAsync(other.CreateAgent(), Stream);
        await using var _ = events!;
        var machine = Unique.Machine("ACROSS");

        await AcceptedBatch.ReadAsync(await app.PostJsonAsync("/api/v1/status-messages", new[] { Samples.StatusMessage(machine, "1") }));
        var received = await events!.NextAsync(Soon);

        using var finding = JsonDocument.Parse(received.Data);
        Assert.Equal(machine, finding.RootElement.GetProperty("machineName").GetString());
    }

    [Fact]
    public async Task Every_finding_a_batch_opens_or_changes_gets_a_change_number_of_its_own_after_all_earlier_ones()
    {
        // New findings are numbered by the recorder, changed ones by SaveChanges: both draw from one counter.
        await using var app = database.NewApp();
        await AcceptedBatch.ReadAsync(await app.PostJsonAsync("/api/v1/status-messages", new[] { Samples.StatusMessage("NUMBER01", "1") }));
        var before = await app.QueryAsync(db => db.Findings.MaxAsync(f => f.ChangeSequence));

        await AcceptedBatch.ReadAsync(await app.PostJsonAsync("/api/v1/status-messages",
            new[] { Samples.StatusMessage("NUMBER01", "2"), Samples.StatusMessage("NUMBER02", "1"), Samples.StatusMessage("NUMBER03", "1") }));
        var numbers = await app.QueryAsync(db => db.Findings.Where(f => f.ChangeSequence > before).Select(f => new { f.MachineName, f.ChangeSequence }).ToListAsync());

        Assert.Equal(["NUMBER01", "NUMBER02", "NUMBER03"], numbers.Select(n => n.MachineName).Distinct().Order());
        Assert.Equal(numbers.Count, numbers.Select(n => n.ChangeSequence).Distinct().Count());
        Assert.Equal(before + numbers.Count, numbers.Max(n => n.ChangeSequence));   // no gap, no number twice
    }

    [Fact]
    public async Task Only_changes_after_connecting_are_sent_and_an_acknowledgement_is_a_change()
    {
        await using var app = database.NewApp();
        await AcceptedBatch.ReadAsync(await app.PostJsonAsync("/api/v1/status-messages", new[] { Samples.StatusMessage("BEFORE01", "1") }));
        var id = await FindingIdAsync(app, "BEFORE01");
        var (_, events) = await EventSource.OpenAsync(app.CreateAgent(), Stream);
        await using var _ = events!;

        var operatorKey = await app.AddApiKeyAsync("operate,read");
        using var operatorClient = app.CreateAgent(operatorKey);
        (await operatorClient.PostAsync($"/api/v1/findings/{id}/acknowledge", null, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        var received = await events!.NextAsync(Soon);

        using var finding = JsonDocument.Parse(received.Data);
        Assert.Equal(id, finding.RootElement.GetProperty("id").GetInt64());
        Assert.Equal("Acknowledged", finding.RootElement.GetProperty("state").GetString());
    }

    [Fact]
    public async Task Reconnecting_with_Last_Event_ID_replays_exactly_what_was_missed()
    {
        await using var app = database.NewApp();
        string lastSeen;
        var (_, first) = await EventSource.OpenAsync(app.CreateAgent(), Stream);
        await using (first!)
        {
            await AcceptedBatch.ReadAsync(await app.PostJsonAsync("/api/v1/status-messages", new[] { Samples.StatusMessage("SEEN01", "1") }));
            lastSeen = (await first!.NextAsync(Soon)).Id!;
        }

        await AcceptedBatch.ReadAsync(await app.PostJsonAsync("/api/v1/status-messages", new[] { Samples.StatusMessage("MISSED01", "1") }));
        await AcceptedBatch.ReadAsync(await app.PostJsonAsync("/api/v1/status-messages", new[] { Samples.StatusMessage("MISSED02", "1") }));
        var (_, resumed) = await EventSource.OpenAsync(app.CreateAgent(), Stream, lastEventId: lastSeen);
        await using var _ = resumed!;

        var machines = new[] { await resumed!.NextAsync(Soon), await resumed.NextAsync(Soon) }
            .Select(e => JsonDocument.Parse(e.Data).RootElement.GetProperty("machineName").GetString());
        Assert.Equal(["MISSED01", "MISSED02"], machines);
    }

    [Fact]
    public async Task A_site_limited_key_hears_only_of_its_sites()
    {
        await using var app = database.NewApp();
        var nycReader = await app.AddApiKeyAsync("read", "NYC");
        var (_, events) = await EventSource.OpenAsync(app.CreateAgent(nycReader), Stream);
        await using var _ = events!;

        await AcceptedBatch.ReadAsync(await app.PostJsonAsync("/api/v1/status-messages", new[] { Samples.StatusMessage("LABPC01", "1", site: "LAB") }));
        await AcceptedBatch.ReadAsync(await app.PostJsonAsync("/api/v1/status-messages", new[] { Samples.StatusMessage("NYCPC01", "1", site: "NYC") }));
        var received = await events!.NextAsync(Soon);

        Assert.Equal("NYCPC01", JsonDocument.Parse(received.Data).RootElement.GetProperty("machineName").GetString());
    }

    [Fact]
    public async Task An_idle_stream_sends_keep_alive_comments()
    {
        await using var app = database.NewApp(("Findings:StreamKeepAlive", "00:00:01"));
        var (_, events) = await EventSource.OpenAsync(app.CreateAgent(), Stream);
        await using var _ = events!;

        await events!.WaitForCommentAsync("keep-alive", Soon);

        Assert.Equal(["connected", "keep-alive"], events.Comments.Take(2));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("1.5")]
    public async Task A_malformed_Last_Event_ID_is_a_400_naming_the_header(string lastEventId)
    {
        await using var app = database.NewApp();

        var (response, _) = await EventSource.OpenAsync(app.CreateAgent(), Stream, lastEventId);

        var problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.Errors.ContainsKey("Last-Event-ID"));
    }

    [Fact]
    public async Task The_stream_needs_the_read_scope()
    {
        await using var app = database.NewApp();
        var ingestOnly = await app.AddApiKeyAsync("ingest");

        var (anonymous, _) = await EventSource.OpenAsync(app.CreateAgent(apiKey: null), Stream);
        var (ingester, _) = await EventSource.OpenAsync(app.CreateAgent(ingestOnly), Stream);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, ingester.StatusCode);
    }

    private static async Task<long> FindingIdAsync(AdvertStatusApp app, string machine)
    {
        using var page = JsonDocument.Parse(await app.CreateAgent().GetStringAsync($"/api/v1/findings?machine={machine}", TestContext.Current.CancellationToken));
        return page.RootElement.GetProperty("items")[0].GetProperty("id").GetInt64();
    }

}

public sealed class FindingStreamOnSqliteTests(SqliteDatabase database) : FindingStreamTests(database), IClassFixture<SqliteDatabase>;

public sealed class FindingStreamOnSqlServerTests(SqlServerDatabase database) : FindingStreamTests(database), IClassFixture<SqlServerDatabase>;
