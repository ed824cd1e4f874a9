using System.Net;
using System.Net.Http.Json;
using AdvertStatus.Web.Security;
using AdvertStatus.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdvertStatus.Web.Tests.Security;

/// <summary>An app told its HTTPS port, as it is behind a TLS listener in production.</summary>
public sealed class HttpsPortApp : AdvertStatusApp
{
    protected override void ConfigureSettings(IWebHostBuilder builder) => builder.UseSetting("https_port", "443");
}

/// <summary>The bootstrap key with only the <c>ingest</c> scope.</summary>
public sealed class IngestOnlyBootstrapApp : AdvertStatusApp
{
    protected override void ConfigureSettings(IWebHostBuilder builder) => builder.UseSetting("Ingestion:BootstrapApiKeyScopes", "ingest");
}

/// <summary>
/// Every request arrives from loopback, as from a proxy or a client on the same host, and the anonymous
/// throttle allows 3 requests per window; <paramref name="knownProxy"/> is the one proxy configured, if any.
/// </summary>
public class LoopbackClientApp(string? knownProxy = null) : AdvertStatusApp
{
    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        builder.UseSetting("Security:FailedAuthPermitLimit", "3");
        builder.UseSetting("Security:FailedAuthWindowSeconds", "60");
        if (knownProxy is not null)
        {
            builder.UseSetting("Security:KnownProxies:0", knownProxy);
        }

        builder.ConfigureServices(services => services.AddTransient<Microsoft.AspNetCore.Hosting.IStartupFilter, FromLoopback>());
    }

    private sealed class FromLoopback : Microsoft.AspNetCore.Hosting.IStartupFilter
    {
        public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
        {
            app.Use((http, nextMiddleware) =>
            {
                http.Connection.RemoteIpAddress = IPAddress.Loopback;
                return nextMiddleware(http);
            });
            next(app);
        };
    }
}

public class DeploymentHardeningTests
{
    [Fact]
    public async Task X_Forwarded_For_from_loopback_is_not_trusted_by_default_so_it_cannot_dodge_the_throttle()
    {
        await using var app = new LoopbackClientApp();
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/findings");
            request.Headers.Add("X-Forwarded-For", $"203.0.113.{i + 1}");   // a new address each time
            statuses.Add((await client.SendAsync(request, TestContext.Current.CancellationToken)).StatusCode);
        }

        // All five count against loopback's window: three refusals for lack of a key, then the throttle.
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task X_Forwarded_For_from_a_configured_proxy_is_honoured()
    {
        await using var app = new LoopbackClientApp(knownProxy: "127.0.0.1");
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/findings");
            request.Headers.Add("X-Forwarded-For", $"203.0.113.{i + 1}");
            statuses.Add((await client.SendAsync(request, TestContext.Current.CancellationToken)).StatusCode);
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Unauthorized, s));   // each client its own window
    }

    [Fact]
    public async Task Outside_Development_redirects_HTTP_to_HTTPS_and_sends_HSTS_over_HTTPS()
    {
        await using var app = new HttpsPortApp();
        using var plain = app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("http://advertstatus.example") });
        using var secure = app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://advertstatus.example") });

        var redirected = await plain.GetAsync("/account/login", TestContext.Current.CancellationToken);
        var overTls = await secure.GetAsync("/account/login", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.TemporaryRedirect, redirected.StatusCode);
        Assert.Equal("https://advertstatus.example/account/login", redirected.Headers.Location?.ToString());
        Assert.Contains("max-age=31536000", string.Join(",", overTls.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sign_in_made_on_one_instance_is_honoured_by_another_through_keys_in_the_database()
    {
        await using var app = new AdvertStatusApp();
        await using var other = new SecondInstance(app.DatabasePath);
        using var browser = app.CreateBrowser();
        var signedIn = await SignIn.PostAsync(browser, AdvertStatusApp.AdminEmail, AdvertStatusApp.AdminPassword);
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("AdvertStatus.Auth=", StringComparison.Ordinal)).Split(';')[0];
        using var elsewhere = other.CreateBrowser();
        elsewhere.DefaultRequestHeaders.Add("Cookie", cookie);

        var page = await elsewhere.GetAsync("/settings", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.True(await app.QueryAsync(db => db.DataProtectionKeys.AnyAsync()));
    }

    [Fact]
    public async Task The_bootstrap_key_gets_exactly_the_configured_scopes()
    {
        await using var app = new IngestOnlyBootstrapApp();
        using var agent = app.CreateAgent();

        var ingest = await agent.PostAsJsonAsync("/api/v1/status-messages", Samples.StatusMessage(Unique.Machine(), "1"), TestContext.Current.CancellationToken);
        var read = await agent.GetAsync("/api/v1/findings", TestContext.Current.CancellationToken);

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Forbidden), (ingest.StatusCode, read.StatusCode));
        Assert.Equal("ingest", await app.QueryAsync(db => db.ApiKeys.Where(k => k.Name == "bootstrap").Select(k => k.Scopes).SingleAsync()));
    }
}
