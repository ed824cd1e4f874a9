using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AdvertStatus.Web.Api;
using AdvertStatus.Web.ApiKeys;
using AdvertStatus.Web.Audit;
using AdvertStatus.Web.Security;
using AdvertStatus.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Tests.Security;

public abstract class ApiKeyAdministrationTests(AdvertStatusApp app)
{
    private const string Route = "/api/v1/admin/api-keys";

    private async Task<HttpClient> AdminAsync() => app.CreateAgent(await app.AddApiKeyAsync("admin"));

    private static async Task<CreatedApiKey> CreateAsync(HttpClient admin, object request)
    {
        var response = await admin.PostAsJsonAsync(Route, request, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {body}");
        Assert.Equal($"{Route}/{JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt32()}", response.Headers.Location?.ToString());
        return JsonSerializer.Deserialize<CreatedApiKey>(body, ApiReader.Json)!;
    }

    [Fact]
    public async Task Creates_a_key_shown_once_that_works_with_exactly_its_scopes()
    {
        using var admin = await AdminAsync();

        var created = await CreateAsync(admin, new { name = "LAB forwarder", scopes = new[] { "ingest" }, sites = (string[]?)null });
        using var agent = app.CreateAgent(created.Key);

        Assert.Equal(["ingest"], created.Scopes);
        Assert.Null(created.Sites);
        Assert.Equal(1, (await AcceptedBatch.ReadAsync(await agent.PostAsJsonAsync("/api/v1/status-messages", Samples.StatusMessage(Unique.Machine(), "1"), TestContext.Current.CancellationToken))).Accepted);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/api/v1/findings", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Creates_a_key_for_a_site_that_has_sent_nothing_yet_and_the_key_then_sends_for_it()
    {
        using var admin = await AdminAsync();
        var site = "N" + Unique.Id()[..2].ToUpperInvariant();   // a roll-out: the key first, then the agent

        var created = await CreateAsync(admin, new { name = "new site forwarder", scopes = new[] { "ingest" }, sites = new[] { site.ToLowerInvariant() } });
        using var agent = app.CreateAgent(created.Key);
        var sent = await AcceptedBatch.ReadAsync(await agent.PostAsJsonAsync("/api/v1/status-messages",
            Samples.StatusMessage(Unique.Machine(), "1", site: site), TestContext.Current.CancellationToken));

        Assert.Equal([site], created.Sites);
        Assert.Equal(1, sent.Accepted);
    }

    [Fact]
    public async Task Lists_keys_without_key_material()
    {
        using var admin = await AdminAsync();
        var created = await CreateAsync(admin, new { name = "listed", scopes = new[] { "read" } });

        var body = await admin.GetStringAsync(Route, TestContext.Current.CancellationToken);
        var items = JsonSerializer.Deserialize<ItemList<ApiKeyItem>>(body, ApiReader.Json)!.Items;

        Assert.Contains(items, k => k.Id == created.Id && k.Name == "listed");
        Assert.DoesNotContain(created.Key, body, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKeyHasher.Hash(created.Key), body, StringComparison.Ordinal);
        Assert.DoesNotContain("\"key\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revokes_a_key_on_this_and_another_instance_within_a_second()
    {
        using var admin = await AdminAsync();
        var created = await CreateAsync(admin, new { name = "to revoke", scopes = new[] { "read" } });
        await using var other = app.CreateSecondInstance();
        using var here = app.CreateAgent(created.Key);
        using var there = other.CreateAgent(created.Key);
        Assert.Equal(HttpStatusCode.OK, (await there.GetAsync("/api/v1/findings", TestContext.Current.CancellationToken)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"{Route}/{created.Id}", TestContext.Current.CancellationToken)).StatusCode);
        var revokedAt = Stopwatch.StartNew();
        var hereStatus = (await here.GetAsync("/api/v1/findings", TestContext.Current.CancellationToken)).StatusCode;
        HttpStatusCode thereStatus;
        do
        {
            thereStatus = (await there.GetAsync("/api/v1/findings", TestContext.Current.CancellationToken)).StatusCode;
        }
        while (thereStatus != HttpStatusCode.Unauthorized && revokedAt.Elapsed < TimeSpan.FromSeconds(3));

        Assert.Equal(HttpStatusCode.Unauthorized, hereStatus);
        Assert.Equal(HttpStatusCode.Unauthorized, thereStatus);
        Assert.True(revokedAt.Elapsed <= TimeSpan.FromSeconds(1), $"the other instance refused the key after {revokedAt.ElapsedMilliseconds} ms");
        Assert.NotNull(JsonSerializer.Deserialize<ItemList<ApiKeyItem>>(await admin.GetStringAsync(Route, TestContext.Current.CancellationToken), ApiReader.Json)!
            .Items.Single(k => k.Id == created.Id).RevokedAt);
    }

    [Fact]
    public async Task Answers_404_for_revoking_an_unknown_key()
    {
        using var admin = await AdminAsync();

        await Problem.ReadAsync(await admin.DeleteAsync($"{Route}/987654321", TestContext.Current.CancellationToken), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Keeps_last_used_without_a_write_per_request_and_shows_it_in_the_list()
    {
        using var admin = await AdminAsync();
        var created = await CreateAsync(admin, new { name = "used", scopes = new[] { "read" } });
        using var agent = app.CreateAgent(created.Key);
        for (var i = 0; i < 5; i++)
        {
            await agent.GetAsync("/api/v1/hotfixes", TestContext.Current.CancellationToken);
        }

        var storedBeforeFlush = await app.QueryAsync(db => db.ApiKeys.Where(k => k.Id == created.Id).Select(k => k.LastUsedAt).SingleAsync());
        var listed = JsonSerializer.Deserialize<ItemList<ApiKeyItem>>(await admin.GetStringAsync(Route, TestContext.Current.CancellationToken), ApiReader.Json)!
            .Items.Single(k => k.Id == created.Id);

        Assert.Null(storedBeforeFlush);
        Assert.Equal(AdvertStatusApp.Now.UtcDateTime, listed.LastUsedAt);
    }

    [Fact]
    public async Task Audits_creation_and_revocation_with_the_actor()
    {
        var adminKey = await app.AddApiKeyAsync("admin");
        using var admin = app.CreateAgent(adminKey);
        var adminName = await app.QueryAsync(db => db.ApiKeys.Where(k => k.KeyHash == ApiKeyHasher.Hash(adminKey)).Select(k => k.Name).SingleAsync());
        var created = await CreateAsync(admin, new { name = "audited", scopes = new[] { "read" } });

        await admin.DeleteAsync($"{Route}/{created.Id}", TestContext.Current.CancellationToken);
        var entries = (await ApiReader.GetAsync<Page<AuditItem>>(admin, $"/api/v1/admin/audit?actor=key:{adminName}")).Items;

        Assert.Equal([AuditActions.ApiKeyRevoke, AuditActions.ApiKeyCreate], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal($"apikey:{created.Id}", e.Target));
    }

    [Theory]
    [InlineData("""{"name":"","scopes":["read"]}""", "name")]
    [InlineData("""{"scopes":["read"]}""", "name")]
    [InlineData("""{"name":"x","scopes":[]}""", "scopes")]
    [InlineData("""{"name":"x","scopes":["read","delete"]}""", "scopes[1]")]
    [InlineData("""{"name":"x","scopes":["read"],"sites":["Q-Q"]}""", "sites[0]")]
    [InlineData("""{"name":"x","scopes":["read"],"sites":["LAB",null]}""", "sites[1]")]
    [InlineData("""{"name":"x","scopes":["read"],"sites":["toolong"]}""", "sites[0]")]
    [InlineData("""{"name":"x","scopes":"read"}""", "scopes")]
    [InlineData("""{"name":"x","scopes":["read"]""", "body")]
    public async Task Refuses_bad_input_naming_the_field_and_creates_nothing(string body, string field)
    {
        using var admin = await AdminAsync();
        var before = await app.QueryAsync(db => db.ApiKeys.CountAsync());

        var problem = await Problem.ReadAsync(
            await admin.PostAsync(Route, new StringContent(body, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken),
            HttpStatusCode.BadRequest);

        Assert.True(problem.Errors.ContainsKey(field), $"errors: {string.Join(", ", problem.Errors.Keys)}");
        Assert.Equal(before, await app.QueryAsync(db => db.ApiKeys.CountAsync()));
    }
}

/// <summary>Runs alone: the revocation spec times a promise (refused from at most 1 s later), which busy neighbours on two cores would decide.</summary>
[Collection(nameof(MeasuredAlone))]
public sealed class ApiKeyAdministrationOnSqliteTests(AdvertStatusApp app) : ApiKeyAdministrationTests(app), IClassFixture<AdvertStatusApp>;

public sealed class ApiKeyAdministrationOnSqlServerTests : ApiKeyAdministrationTests, IClassFixture<SqlServerApp>
{
    public ApiKeyAdministrationOnSqlServerTests(SqlServerApp app)
        : base(app) => SqlServerContainer.SkipUnlessAvailable();
}
