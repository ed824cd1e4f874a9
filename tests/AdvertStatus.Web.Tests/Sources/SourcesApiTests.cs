using System.Net;
using System.Text.Json;
using AdvertStatus.Web.Tests.Infrastructure;

namespace AdvertStatus.Web.Tests.Sources;

/// <summary>GET /api/v1/sources: per site and per DC the time of the last data received, and which have gone silent.</summary>
public class SourcesApiTests
{
    [Fact]
    public async Task Sites_and_DCs_show_when_they_last_sent_and_go_silent_after_24_hours_of_nothing()
    {
        await using var app = new AdvertStatusApp();
        await AcceptedBatch.ReadAsync(await app.PostJsonAsync("/api/v1/status-messages", new[] { Samples.StatusMessage("SRC01", "1", site: "LAB") }));
        await AcceptedBatch.ReadAsync(await app.PostJsonAsync("/api/v1/security-events", new[] { Samples.Lockout4740("DC01", 1, "SRC01") }));
        app.Clock.Advance(TimeSpan.FromHours(23));
        await AcceptedBatch.ReadAsync(await app.PostJsonAsync("/api/v1/status-messages", new[] { Samples.StatusMessage("SRC02", "1", site: "NYC") }));

        app.Clock.Advance(TimeSpan.FromHours(2));   // LAB and DC01: 25 h quiet; NYC: 2 h
        using var list = await GetAsync(app.CreateAgent(), "/api/v1/sources");

        var items = list.RootElement.GetProperty("items").EnumerateArray()
            .Select(i => (Kind: i.GetProperty("kind").GetString(), Name: i.GetProperty("name").GetString(), Silent: i.GetProperty("silent").GetBoolean(), Last: i.GetProperty("lastReceivedAt").GetDateTime()))
            .ToList();
        Assert.Equal(
            [("Site", "LAB", true), ("DomainController", "DC01", true), ("Site", "NYC", false)],
            items.Select(i => (i.Kind, i.Name, i.Silent)));
        Assert.Equal(AdvertStatusApp.Now.UtcDateTime, items[0].Last);
        Assert.Equal(AdvertStatusApp.Now.UtcDateTime.AddHours(23), items[2].Last);
        Assert.Equal("1.00:00:00", list.RootElement.GetProperty("silentAfter").GetString());
    }

    [Fact]
    public async Task Re_sent_data_still_proves_a_source_alive()
    {
        await using var app = new AdvertStatusApp();
        var batch = new[] { Samples.StatusMessage("SRC01", "1", site: "LAB") };
        await AcceptedBatch.ReadAsync(await app.PostJsonAsync("/api/v1/status-messages", batch));
        app.Clock.Advance(TimeSpan.FromHours(30));

        await AcceptedBatch.ReadAsync(await app.PostJsonAsync("/api/v1/status-messages", batch));   // a duplicate, nothing new stored
        using var list = await GetAsync(app.CreateAgent(), "/api/v1/sources?silent=true");

        Assert.Empty(list.RootElement.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Counts_received_stored_re_sent_and_conflicting_items_separately()
    {
        await using var app = new AdvertStatusApp();
        var batch = Enumerable.Range(1, 3).Select(i => Samples.StatusMessage($"SEP{i:00}", "1", site: "SEP")).ToArray();
        await AcceptedBatch.ReadAsync(await app.PostJsonAsync("/api/v1/status-messages", batch));
        await AcceptedBatch.ReadAsync(await app.PostJsonAsync("/api/v1/status-messages", batch));   // re-sent as it was
        var conflicting = Samples.StatusMessage("SEP01", "1", messageId: 10008, site: "SEP");        // a stored key, other content
        await AcceptedBatch.ReadAsync(await app.PostJsonAsync("/api/v1/status-messages", new[] { conflicting }));

        using var list = await GetAsync(app.CreateAgent(), "/api/v1/sources");
        var site = list.RootElement.GetProperty("items").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "SEP");

        Assert.Equal((7, 3, 3, 1), (site.GetProperty("itemsReceived").GetInt64(), site.GetProperty("itemsStored").GetInt64(),
            site.GetProperty("duplicates").GetInt64(), site.GetProperty("conflicts").GetInt64()));
    }

    [Fact]
    public async Task A_site_limited_key_sees_its_sites_and_no_DCs()
    {
        await using var app = new AdvertStatusApp();
        await AcceptedBatch.ReadAsync(await app.PostJsonAsync("/api/v1/status-messages", new[] { Samples.StatusMessage("SRC01", "1", site: "LAB"), Samples.StatusMessage("SRC02", "1", site: "NYC") }));
        await AcceptedBatch.ReadAsync(await app.PostJsonAsync("/api/v1/security-events", new[] { Samples.Lockout4740("DC01", 1, "SRC01") }));
        var nycKey = await app.AddApiKeyAsync("read", "NYC");

        using var list = await GetAsync(app.CreateAgent(nycKey), "/api/v1/sources");

        Assert.Equal(["NYC"], list.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()));
    }

    [Theory]
    [InlineData("kind=Printer", "kind")]
    [InlineData("kind=1", "kind")]
    [InlineData("silent=maybe", "silent")]
    public async Task Bad_parameters_are_a_400_naming_them(string query, string parameter)
    {
        await using var app = new AdvertStatusApp();

        var response = await app.CreateAgent().GetAsync($"/api/v1/sources?{query}", TestContext.Current.CancellationToken);

        var problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.Errors.ContainsKey(parameter));
    }

    [Fact]
    public async Task The_sources_need_the_read_scope()
    {
        await using var app = new AdvertStatusApp();
        var ingestOnly = await app.AddApiKeyAsync("ingest");

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateAgent(apiKey: null).GetAsync("/api/v1/sources", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.CreateAgent(ingestOnly).GetAsync("/api/v1/sources", TestContext.Current.CancellationToken)).StatusCode);
    }

    private static async Task<JsonDocument> GetAsync(HttpClient client, string route)
    {
        using (client)
        {
            return await ApiReader.GetAsync<JsonDocument>(client, route);
        }
    }
}
