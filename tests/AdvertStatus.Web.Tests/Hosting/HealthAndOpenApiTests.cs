using System.Net;
using System.Text.Json;
using AdvertStatus.Web.Tests.Infrastructure;

namespace AdvertStatus.Web.Tests.Hosting;

public class HealthAndOpenApiTests(AdvertStatusApp app) : IClassFixture<AdvertStatusApp>
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Reports_healthy(string route)
    {
        using var client = app.CreateClient();

        var response = await client.GetAsync(route, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Publishes_an_OpenAPI_document_listing_every_ingestion_route()
    {
        using var client = app.CreateClient();

        var document = await client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken);

        foreach (var route in new[] { "/api/v1/status-messages", "/api/v1/security-events", "/api/v1/inventory", "/api/v1/advertisements", "/api/v1/domains" })
        {
            Assert.Contains($"\"{route}\"", document, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Declares_the_API_key_header_and_the_sign_in_cookie_with_a_real_title()
    {
        using var client = app.CreateClient();

        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken));
        var root = document.RootElement;
        var schemes = root.GetProperty("components").GetProperty("securitySchemes");
        var key = schemes.GetProperty("ApiKey");
        var cookie = schemes.GetProperty("Cookie");

        Assert.Equal("AdvertStatus API", root.GetProperty("info").GetProperty("title").GetString());
        Assert.Equal(("apiKey", "header", "X-Api-Key"), (key.GetProperty("type").GetString(), key.GetProperty("in").GetString(), key.GetProperty("name").GetString()));
        Assert.Equal(("apiKey", "cookie", "AdvertStatus.Auth"), (cookie.GetProperty("type").GetString(), cookie.GetProperty("in").GetString(), cookie.GetProperty("name").GetString()));
        Assert.Contains(root.GetProperty("security").EnumerateArray(), requirement => requirement.TryGetProperty("ApiKey", out _));
    }

    [Fact]
    public async Task Serves_the_API_reference_page()
    {
        using var client = app.CreateClient();

        var response = await client.GetAsync("/scalar/v1", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("text/html", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        // Its scripts run by a per-request nonce, not by 'unsafe-inline'.
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        var scriptSrc = policy.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src", StringComparison.Ordinal));
        Assert.DoesNotContain("unsafe-inline", scriptSrc, StringComparison.Ordinal);
        var nonce = System.Text.RegularExpressions.Regex.Match(scriptSrc, "'nonce-([^']+)'").Groups[1].Value;
        Assert.NotEmpty(nonce);
        Assert.Contains($"nonce=\"{nonce}\"", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        var again = await client.GetAsync("/scalar/v1", TestContext.Current.CancellationToken);
        Assert.DoesNotContain(nonce, string.Join(";", again.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answers_an_unknown_API_route_with_ProblemDetails()
    {
        using var client = app.CreateClient();

        var problem = await Problem.ReadAsync(await client.GetAsync("/api/v1/no-such-thing", TestContext.Current.CancellationToken), HttpStatusCode.NotFound);

        Assert.Equal(404, problem.Status);
    }
}
