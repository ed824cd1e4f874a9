using AdvertStatus.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace AdvertStatus.Web.Tests.Security;

/// <summary>The app on real Kestrel, since only a real server would add a <c>Server</c> header.</summary>
public sealed class KestrelApp : AdvertStatusApp, IAsyncLifetime
{
    public HttpClient Http { get; private set; } = default!;

    public ValueTask InitializeAsync()
    {
        UseKestrel(0);
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(address) };
        return ValueTask.CompletedTask;
    }

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        Http.Dispose();
        await base.DisposeAsync();
    }
}

public class SecurityHeadersTests(KestrelApp app) : IClassFixture<KestrelApp>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/account/login")]
    [InlineData("/api/v1/findings")]
    [InlineData("/api/v1/no-such-route")]
    [InlineData("/health/live")]
    public async Task Every_answer_carries_the_security_headers_and_no_Server_header(string route)
    {
        using var response = await app.Http.GetAsync(route, TestContext.Current.CancellationToken);
        string Header(string name) => response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : "";

        Assert.Equal("nosniff", Header("X-Content-Type-Options"));
        Assert.Equal("DENY", Header("X-Frame-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header("Referrer-Policy"));
        Assert.Contains("default-src 'self'", Header("Content-Security-Policy"), StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", Header("Content-Security-Policy"), StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", Header("Content-Security-Policy").Split(';').Single(d => d.Trim().StartsWith("script-src", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Server"), $"Server: {Header("Server")}");
    }
}
