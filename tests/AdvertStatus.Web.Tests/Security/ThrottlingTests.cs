using System.Net;
using System.Net.Http.Json;
using AdvertStatus.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace AdvertStatus.Web.Tests.Security;

/// <summary>An app with small limits, so a test can reach them in a few requests.</summary>
public sealed class TightLimitsApp : AdvertStatusApp
{
    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        builder.UseSetting("Security:FailedAuthPermitLimit", "5");
        builder.UseSetting("Security:FailedAuthWindowSeconds", "60");
        builder.UseSetting("Security:IngestRequestsPerSecondPerKey", "1");
        builder.UseSetting("Security:IngestBurstPerKey", "2");
    }
}

public class ThrottlingTests
{
    [Fact]
    public async Task Throttles_failed_keys_per_client_address_with_Retry_After_but_never_a_valid_key()
    {
        await using var app = new TightLimitsApp();
        using var guesser = app.CreateAgent("guessed-key");
        using var valid = app.CreateAgent(await app.AddApiKeyAsync("read"));
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            statuses.Add((await guesser.GetAsync("/api/v1/findings", TestContext.Current.CancellationToken)).StatusCode);
        }

        var throttled = await guesser.GetAsync("/api/v1/findings", TestContext.Current.CancellationToken);
        var good = await valid.GetAsync("/api/v1/findings", TestContext.Current.CancellationToken);

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 5), HttpStatusCode.TooManyRequests], statuses);
        var problem = await Problem.ReadAsync(throttled, HttpStatusCode.TooManyRequests);
        Assert.Equal(429, problem.Status);
        Assert.InRange(throttled.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 60);
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
    }

    [Fact]
    public async Task Throttles_sign_in_attempts_per_client_address()
    {
        await using var app = new TightLimitsApp();
        using var browser = app.CreateBrowser();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            // Each attempt is two anonymous requests: the page (for its token) and the post.
            try
            {
                statuses.Add((await SignIn.PostAsync(browser, "nobody@test.local", "guess-" + i)).StatusCode);
            }
            catch (HttpRequestException ex) when (ex.StatusCode == HttpStatusCode.TooManyRequests)
            {
                statuses.Add(HttpStatusCode.TooManyRequests);
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Limits_ingestion_per_key_without_touching_other_keys()
    {
        await using var app = new TightLimitsApp();
        using var busy = app.CreateAgent(await app.AddApiKeyAsync("ingest"));
        using var quiet = app.CreateAgent(await app.AddApiKeyAsync("ingest"));
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await busy.PostAsJsonAsync("/api/v1/status-messages", Samples.StatusMessage(Unique.Machine(), "1"), TestContext.Current.CancellationToken)).StatusCode);
        }

        var throttled = await busy.PostAsJsonAsync("/api/v1/status-messages", Samples.StatusMessage(Unique.Machine(), "1"), TestContext.Current.CancellationToken);
        var other = await quiet.PostAsJsonAsync("/api/v1/status-messages", Samples.StatusMessage(Unique.Machine(), "1"), TestContext.Current.CancellationToken);

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.NotNull(throttled.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.Accepted, other.StatusCode);
    }
}
