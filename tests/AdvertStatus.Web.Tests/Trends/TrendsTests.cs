using System.Net;
using System.Text.Json;
using AdvertStatus.Web.Tests.Infrastructure;
using AdvertStatus.Web.Trends;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdvertStatus.Web.Tests.Trends;

/// <summary>Hourly trend snapshots and GET /api/v1/trends: the burn-down after a fix, per fleet and per site, taken once per hour whatever the number of instances.</summary>
public class TrendsTests
{
    private static readonly DateTime Thirteen = AdvertStatusApp.Now.UtcDateTime.AddHours(1);

    [Fact]
    public async Task Hourly_snapshots_show_the_affected_machines_burning_down_for_the_fleet_and_each_site()
    {
        await using var app = new AdvertStatusApp();
        await AcceptedBatch.ReadAsync(await app.PostJsonAsync("/api/v1/status-messages", new[]
        {
            Samples.StatusMessage("TRENDA", "1", site: "LAB"), Samples.StatusMessage("TRENDB", "1", site: "LAB"), Samples.StatusMessage("TRENDC", "1", site: "NYC"),
        }));
        var lockout = Samples.Lockout4740("DC01", 1, "TRENDA");
        lockout["timeCreated"] = "2026-11-24T12:30:00Z";
        await AcceptedBatch.ReadAsync(await app.PostJsonAsync("/api/v1/security-events", new[] { lockout }));

        await SnapshotAtAsync(app, Thirteen);
        await ResolveAsync(app, "TRENDA");
        await SnapshotAtAsync(app, Thirteen.AddHours(1));

        using var fleet = await GetAsync(app, "/api/v1/trends?from=2026-11-24T13:00:00Z&to=2026-11-24T14:00:00Z");
        var rows = fleet.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([3, 2], rows.Select(r => r.GetProperty("affectedWorkstations").GetInt32()));
        Assert.Equal([3, 2], rows.Select(r => r.GetProperty("openFindings").GetProperty("Error1317").GetInt32()));
        Assert.Equal(1, rows[0].GetProperty("lockouts").GetInt32());
        Assert.All(rows, r => Assert.Equal(JsonValueKind.Null, r.GetProperty("site").ValueKind));
        Assert.Equal(Thirteen, rows[0].GetProperty("hour").GetDateTime());

        using var lab = await GetAsync(app, "/api/v1/trends?from=2026-11-24T13:00:00Z&to=2026-11-24T14:00:00Z&site=lab");
        var labRows = lab.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([2, 1], labRows.Select(r => r.GetProperty("affectedWorkstations").GetInt32()));
        Assert.All(labRows, r => Assert.Equal("LAB", r.GetProperty("site").GetString()));
        Assert.All(labRows, r => Assert.Equal(JsonValueKind.Null, r.GetProperty("lockouts").ValueKind));
    }

    [Fact]
    public async Task Two_instances_on_one_database_write_one_snapshot_per_hour()
    {
        await using var first = new AdvertStatusApp();
        await AcceptedBatch.ReadAsync(await first.PostJsonAsync("/api/v1/status-messages", new[] { Samples.StatusMessage("TRENDA", "1") }));
        await using var second = new SecondInstance(first.DatabasePath);
        _ = second.CreateClient();   // start it: its own snapshot service checks too
        first.Clock.SetUtcNow(Thirteen);
        second.Clock.SetUtcNow(Thirteen);

        var taken = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            (i % 2 == 0 ? first : second).Services.GetRequiredService<TrendSnapshots>().TakeAsync(TestContext.Current.CancellationToken)));
        taken = [.. taken, await first.Services.GetRequiredService<TrendSnapshots>().TakeAsync(TestContext.Current.CancellationToken)];

        Assert.True(taken.Count(t => t) <= 1);
        Assert.Equal(1, await first.QueryAsync(db => db.TrendHours.CountAsync(h => h.Hour == Thirteen, TestContext.Current.CancellationToken)));
        Assert.Equal(1, await first.QueryAsync(db => db.TrendSnapshots.CountAsync(s => s.Hour == Thirteen && s.SiteCode == TrendSnapshot.Fleet, TestContext.Current.CancellationToken)));
    }

    [Theory]
    [InlineData("from=2026-11-25T00:00:00Z&to=2026-11-24T00:00:00Z", "from")]
    [InlineData("from=yesterday", "from")]
    [InlineData("to=2026-13-45", "to")]
    [InlineData("from=2024-01-01T00:00:00Z&to=2026-11-24T00:00:00Z", "from")]
    [InlineData("site=ZZZ", "site")]
    public async Task Bad_parameters_are_a_400_naming_them(string query, string parameter)
    {
        await using var app = new AdvertStatusApp();

        var response = await app.CreateAgent().GetAsync($"/api/v1/trends?{query}", TestContext.Current.CancellationToken);

        var problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.Errors.ContainsKey(parameter), string.Join(", ", problem.Errors.Keys));
    }

    [Fact]
    public async Task A_site_limited_key_reads_its_own_sites_only()
    {
        await using var app = new AdvertStatusApp();
        await AcceptedBatch.ReadAsync(await app.PostJsonAsync("/api/v1/status-messages", new[] { Samples.StatusMessage("TRENDA", "1", site: "LAB"), Samples.StatusMessage("TRENDC", "1", site: "NYC") }));
        await SnapshotAtAsync(app, Thirteen);
        using var nyc = app.CreateAgent(await app.AddApiKeyAsync("read", "NYC"));

        var own = JsonDocument.Parse(await nyc.GetStringAsync("/api/v1/trends?from=2026-11-24T13:00:00Z&to=2026-11-24T13:00:00Z", TestContext.Current.CancellationToken));
        var other = await nyc.GetAsync("/api/v1/trends?site=LAB", TestContext.Current.CancellationToken);

        Assert.Equal(["NYC"], own.RootElement.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("site").GetString()));
        Assert.True((await Problem.ReadAsync(other, HttpStatusCode.BadRequest)).Errors.ContainsKey("site"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateAgent(apiKey: null).GetAsync("/api/v1/trends", TestContext.Current.CancellationToken)).StatusCode);
        using var ingestOnly = app.CreateAgent(await app.AddApiKeyAsync("ingest"));
        Assert.Equal(HttpStatusCode.Forbidden, (await ingestOnly.GetAsync("/api/v1/trends", TestContext.Current.CancellationToken)).StatusCode);
    }

    /// <summary>Moves the clock to <paramref name="hour"/> and makes sure its snapshot exists (taken here or by the app's own timer).</summary>
    private static async Task SnapshotAtAsync(AdvertStatusApp app, DateTime hour)
    {
        app.Clock.SetUtcNow(hour);
        await app.Services.GetRequiredService<TrendSnapshots>().TakeAsync(TestContext.Current.CancellationToken);
        Assert.Equal(1, await app.QueryAsync(db => db.TrendHours.CountAsync(h => h.Hour == hour, TestContext.Current.CancellationToken)));
    }

    private static async Task ResolveAsync(AdvertStatusApp app, string machine)
    {
        using var operatorClient = app.CreateAgent(await app.AddApiKeyAsync("operate,read"));
        using var page = JsonDocument.Parse(await operatorClient.GetStringAsync($"/api/v1/findings?machine={machine}", TestContext.Current.CancellationToken));
        foreach (var finding in page.RootElement.GetProperty("items").EnumerateArray())
        {
            (await operatorClient.PostAsync($"/api/v1/findings/{finding.GetProperty("id").GetInt64()}/resolve", null, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        }
    }

    private static async Task<JsonDocument> GetAsync(AdvertStatusApp app, string route)
    {
        using var client = app.CreateAgent();
        return await ApiReader.GetAsync<JsonDocument>(client, route);
    }
}
