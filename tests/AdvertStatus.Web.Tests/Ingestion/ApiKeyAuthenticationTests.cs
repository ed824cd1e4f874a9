using System.Net;
using AdvertStatus.Web.Security;
using AdvertStatus.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Tests.Ingestion;

public class ApiKeyAuthenticationTests(AdvertStatusApp app) : IClassFixture<AdvertStatusApp>
{
    private const string Route = "/api/v1/status-messages";

    [Fact]
    public async Task Rejects_a_request_without_a_key_with_401_ProblemDetails()
    {
        var machine = Unique.Machine();

        var problem = await Problem.ReadAsync(await app.PostJsonAsync(Route, Samples.StatusMessage(machine, "1"), apiKey: null), HttpStatusCode.Unauthorized);

        Assert.Equal(401, problem.Status);
        Assert.Equal("This route needs an API key in the X-Api-Key header, or a dashboard sign-in.", problem.Detail);
        Assert.Equal(0, await app.QueryAsync(db => db.StatusMessages.CountAsync(m => m.MachineName == machine)));
    }

    [Fact]
    public async Task Rejects_an_unknown_key_with_401_that_says_the_key_is_not_known()
    {
        var problem = await Problem.ReadAsync(await app.PostJsonAsync(Route, Samples.StatusMessage(Unique.Machine(), "1"), apiKey: "not-a-key"), HttpStatusCode.Unauthorized);

        Assert.Equal("The API key in the X-Api-Key header is not known here: check it for a typo, or ask an Admin for a key (Settings, API keys).", problem.Detail);
    }

    [Fact]
    public async Task Rejects_a_revoked_key_with_401_that_says_it_was_revoked()
    {
        var key = await app.AddApiKeyAsync(ApiKeyScopes.Ingest);
        var hash = ApiKeyHasher.Hash(key);
        await app.QueryAsync(db => db.ApiKeys.Where(k => k.KeyHash == hash).ExecuteUpdateAsync(u => u.SetProperty(k => k.RevokedAt, AdvertStatusApp.Now.UtcDateTime)));
        await Task.Delay(ApiKeyAuthenticationHandler.CacheFor * 2, TestContext.Current.CancellationToken);   // past the look-up cache

        var problem = await Problem.ReadAsync(await app.PostJsonAsync(Route, Samples.StatusMessage(Unique.Machine(), "1"), key), HttpStatusCode.Unauthorized);

        Assert.StartsWith("The API key in the X-Api-Key header has been revoked.", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stores_only_the_hash_of_the_bootstrap_key()
    {
        await app.PostJsonAsync(Route, Samples.StatusMessage(Unique.Machine(), "1"));

        var keys = await app.QueryAsync(db => db.ApiKeys.Select(k => k.KeyHash).ToListAsync());

        Assert.Contains(ApiKeyHasher.Hash(AdvertStatusApp.ApiKey), keys);
        Assert.DoesNotContain(AdvertStatusApp.ApiKey, keys);
    }

    [Fact]
    public async Task Rejects_a_key_without_the_ingest_scope_with_403_that_names_the_scope_needed_and_held()
    {
        var key = await app.AddApiKeyAsync(ApiKeyScopes.Read);

        var problem = await Problem.ReadAsync(await app.PostJsonAsync(Route, Samples.StatusMessage(Unique.Machine(), "1"), key), HttpStatusCode.Forbidden);

        Assert.Matches("^The API key 'test-[0-9a-f]+' lacks the 'ingest' scope this route needs; it has read\\. An Admin can create a key with that scope\\.$", problem.Detail);
    }

    [Fact]
    public async Task Refuses_a_signed_in_Viewer_an_admin_route_with_403_that_names_the_scope()
    {
        var (email, password) = await app.AddUserAsync(Roles.Viewer);
        using var viewer = await app.SignInAsync(email, password);

        var problem = await Problem.ReadAsync(await viewer.GetAsync("/api/v1/admin/audit", TestContext.Current.CancellationToken), HttpStatusCode.Forbidden);

        Assert.Equal("Your role does not grant the 'admin' scope this route needs. An Admin can change your role.", problem.Detail);
    }

    [Fact]
    public async Task Rejects_a_batch_with_a_site_the_key_is_not_allowed_for_and_stores_nothing()
    {
        var key = await app.AddApiKeyAsync(ApiKeyScopes.Ingest, "LAB");
        var machine = Unique.Machine();

        var problem = await Problem.ReadAsync(
            await app.PostJsonAsync(Route, new[] { Samples.StatusMessage(machine, "1", site: "LAB"), Samples.StatusMessage(machine, "2", site: "NYC") }, key),
            HttpStatusCode.Forbidden);

        Assert.Contains("NYC", problem.Detail, StringComparison.Ordinal);
        Assert.Equal(0, await app.QueryAsync(db => db.StatusMessages.CountAsync(m => m.MachineName == machine)));
    }

    [Fact]
    public async Task Accepts_a_site_limited_key_for_its_own_site_in_any_case()
    {
        var key = await app.AddApiKeyAsync(ApiKeyScopes.Ingest, "LAB");

        var accepted = await AcceptedBatch.ReadAsync(await app.PostJsonAsync(Route, Samples.StatusMessage(Unique.Machine(), "1", site: "lab"), key));

        Assert.Equal(1, accepted.Accepted);
    }
}
