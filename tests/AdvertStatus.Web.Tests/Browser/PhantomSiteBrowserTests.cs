using System.Net.Http.Json;
using AdvertStatus.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Microsoft.Playwright.Assertions;

namespace AdvertStatus.Web.Tests.Browser;

/// <summary>A typo'd site code seen on the overview, and removed by an Admin, in a real Chromium on an app of its own.</summary>
public class PhantomSiteBrowserTests(MutableBrowserFixture browser) : IClassFixture<MutableBrowserFixture>
{
    [Fact(Skip = BrowserRequirement.Reason, SkipUnless = nameof(BrowserRequirement.Available), SkipType = typeof(BrowserRequirement))]
    public async Task A_new_site_is_flagged_on_the_overview_and_an_Admin_removes_it_after_confirming_while_a_Viewer_cannot()
    {
        browser.App.Clock.Advance(TimeSpan.FromDays(2));   // the KB scenario's sites are two days old
        var typo = Samples.StatusMessage("WKS01", "typo-1", messageId: 10002, site: "LBA");
        typo["win32Error"] = null;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/status-messages") { Content = JsonContent.Create(new[] { typo }) };
        request.Headers.Add("Prefer", "wait=30");
        Assert.True((await browser.Agent.SendAsync(request, TestContext.Current.CancellationToken)).IsSuccessStatusCode);

        var (email, password) = await browser.App.AddUserAsync(AdvertStatus.Web.Security.Roles.Viewer);
        var viewer = await browser.OpenAsync("/", email, password);
        await Expect(viewer.Locator("#new-sites")).ToContainTextAsync("LBA (first data");
        await Expect(viewer.Locator("#new-sites .remove-site")).ToHaveCountAsync(0);

        var page = await browser.OpenAsync("/");
        await Expect(page.Locator("#new-sites")).ToContainTextAsync("If one is a typo in an agent's site code");
        await page.ClickAsync("#new-sites .remove-site");
        await Expect(page.Locator(".mud-dialog")).ToContainTextAsync("Remove site LBA?");
        await page.Locator(".mud-dialog button", new() { HasText = "Cancel" }).ClickAsync();
        Assert.Equal(1, await browser.App.QueryAsync(db => db.StatusMessages.CountAsync(m => m.SiteCode == "LBA")));

        await page.ClickAsync("#new-sites .remove-site");
        await page.Locator(".mud-dialog button", new() { HasText = "Remove LBA" }).ClickAsync();

        await Expect(page.Locator("#new-sites")).ToHaveCountAsync(0);
        Assert.Equal(0, await browser.App.QueryAsync(db => db.StatusMessages.CountAsync(m => m.SiteCode == "LBA")));
        Assert.Equal("LAB", await browser.App.QueryAsync(db => db.Machines.Where(m => m.MachineName == "WKS01").Select(m => m.SiteCode).SingleAsync()));
    }
}
