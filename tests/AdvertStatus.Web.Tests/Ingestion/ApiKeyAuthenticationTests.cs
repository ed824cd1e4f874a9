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
        Assert.Equal(0, await app.QueryAsync(db => db.StatusMessages.CountAsync(m => m.MachineName == machine)));
    }

    [Fact]
    public async Task Rejects_an_unknown_key_with_401()
    {
        await Problem.ReadAsync(await app.PostJsonAsync(Route, Samples.StatusMessage(Unique.Machine(), "1"), apiKey: "not-a-key"), HttpStatusCode.Unauthorized);
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
    public async Task Rejects_a_key_without_the_ingest_scope_with_403()
    {
        var key = await app.AddApiKeyAsync(ApiKeyScopes.Read);

        await Problem.ReadAsync(await app.PostJsonAsync(Route, Samples.StatusMessage(Unique.Machine(), "1"), key), HttpStatusCode.Forbidden);
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
