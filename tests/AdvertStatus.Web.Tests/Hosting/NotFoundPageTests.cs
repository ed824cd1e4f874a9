using System.Net;
using AdvertStatus.Web.Tests.Infrastructure;

namespace AdvertStatus.Web.Tests.Hosting;

/// <summary>An unknown address: a page inside the dashboard's layout for a person, ProblemDetails for the API.</summary>
public class NotFoundPageTests(AdvertStatusApp app) : IClassFixture<AdvertStatusApp>
{
    [Fact]
    public async Task A_signed_in_user_gets_the_404_page_inside_the_layout()
    {
        using var user = await app.SignInAsync();

        var response = await user.GetAsync("/no-such-page", TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<title>Not found · AdvertStatus</title>", html, StringComparison.Ordinal);
        Assert.Contains("There is nothing at this address", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/workstations\"", html, StringComparison.Ordinal);   // the navigation of the layout
    }

    [Fact]
    public async Task The_API_answers_an_unknown_route_with_ProblemDetails()
    {
        using var client = app.CreateAgent();

        var response = await client.GetAsync("/api/v1/no-such-route", TestContext.Current.CancellationToken);

        await Problem.ReadAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_sign_in_rather_than_shown_anything()
    {
        using var anonymous = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await anonymous.GetAsync("/no-such-page", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }
}
