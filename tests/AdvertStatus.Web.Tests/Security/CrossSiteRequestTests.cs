using System.Net;
using AdvertStatus.Core.Findings;
using AdvertStatus.Web.Api;
using AdvertStatus.Web.Findings;
using AdvertStatus.Web.Security;
using AdvertStatus.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Tests.Security;

/// <summary>
/// A change made with the sign-in cookie must come from the app's own pages. A form on another site, or on another
/// port of the same host (same-site, not same-origin), is refused before it acts; the audit log then blames nobody.
/// </summary>
public sealed class CrossSiteRequestTests(AdvertStatusApp app) : IClassFixture<AdvertStatusApp>
{
    private async Task<(HttpClient Browser, long FindingId)> SignedInOperatorWithFindingAsync()
    {
        var machine = Unique.Machine();
        await AcceptedBatch.ReadAsync(await app.PostJsonAsync("/api/v1/status-messages", Samples.StatusMessage(machine, "1")));
        var (email, password) = await app.AddUserAsync(Roles.Operator);
        var browser = app.CreateBrowser();
        await SignIn.PostAsync(browser, email, password);
        using var reader = app.CreateAgent();
        var finding = (await ApiReader.GetAsync<Page<FindingItem>>(reader, $"/api/v1/findings?machine={machine}&rule=Error1317")).Items.Single();
        return (browser, finding.Id);
    }

    private Task<FindingState> StateAsync(long id) => app.QueryAsync(db => db.Findings.Where(f => f.Id == id).Select(f => f.State).SingleAsync());

    [Theory]
    [InlineData("Origin", "http://evil.example")]               // a page on another site
    [InlineData("Origin", "http://localhost:8081")]             // another port of the same host
    [InlineData("Origin", "https://localhost:8081")]
    [InlineData("Sec-Fetch-Site", "same-site")]                 // a sibling subdomain or port, as the browser reports it
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData(null, null)]                                    // neither header and no antiforgery token
    public async Task Refuses_a_cookie_authenticated_change_from_elsewhere_and_changes_nothing(string? header, string? value)
    {
        var (browser, id) = await SignedInOperatorWithFindingAsync();
        using (browser)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/findings/{id}/acknowledge");
            if (header is not null)
            {
                request.Headers.Add(header, value);
            }

            var problem = await Problem.ReadAsync(await browser.SendAsync(request, TestContext.Current.CancellationToken), HttpStatusCode.Forbidden);

            Assert.Equal("Cross-site request refused.", problem.Title);
            Assert.Equal(FindingState.Open, await StateAsync(id));
        }
    }

    [Theory]
    [InlineData("Origin", "{base}")]
    [InlineData("Sec-Fetch-Site", "same-origin")]
    public async Task Accepts_the_same_change_from_the_apps_own_origin(string header, string value)
    {
        var (browser, id) = await SignedInOperatorWithFindingAsync();
        using (browser)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/findings/{id}/acknowledge");
            request.Headers.Add(header, value.Replace("{base}", browser.BaseAddress!.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal));

            var response = await browser.SendAsync(request, TestContext.Current.CancellationToken);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(FindingState.Acknowledged, await StateAsync(id));
        }
    }

    [Fact]
    public async Task Leaves_API_key_requests_alone_whatever_their_origin()
    {
        var (browser, id) = await SignedInOperatorWithFindingAsync();
        browser.Dispose();
        using var agent = app.CreateAgent(await app.AddApiKeyAsync("read operate"));
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/findings/{id}/acknowledge");
        request.Headers.Add("Origin", "http://evil.example");

        var response = await agent.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
