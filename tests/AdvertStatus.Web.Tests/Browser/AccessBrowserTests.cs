using System.Net;
using System.Net.Http.Json;
using AdvertStatus.Web.Security;
using AdvertStatus.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AdvertStatus.Web.Tests.Browser;

/// <summary>Each role in a real Chromium: what it is offered, and that every page runs under the CSP without a script error.</summary>
public class AccessBrowserTests(MutableBrowserFixture browser) : IClassFixture<MutableBrowserFixture>
{
    private static readonly string[] Pages = ["/", "/workstations", "/workstations/WKS01", "/findings", "/lockouts", "/advertisements", "/coverage", "/settings"];

    private async Task<IPage> OpenAsAsync(string role, string path)
    {
        if (role == Roles.Admin)
        {
            return await browser.OpenAsync(path);
        }

        var (email, password) = await browser.App.AddUserAsync(role);
        return await browser.OpenAsync(path, email, password);
    }

    [Theory(Skip = BrowserRequirement.Reason, SkipUnless = nameof(BrowserRequirement.Available), SkipType = typeof(BrowserRequirement))]
    [InlineData("Viewer")]
    [InlineData("Operator")]
    [InlineData("Admin")]
    public async Task Every_page_runs_for_each_role_without_a_CSP_violation_or_script_error(string role)
    {
        var page = await OpenAsAsync(role, "/");
        foreach (var path in Pages)
        {
            await browser.GotoAsync(page, path);
            await Expect(page.Locator("h5").First).ToBeVisibleAsync();
            await Expect(page.Locator("#signed-in-user")).ToContainTextAsync(role);
        }

        await page.WaitForTimeoutAsync(500);   // late errors (charts, live updates) have a moment to show
        Assert.True(browser.ErrorsOf(page).Count == 0, string.Join("\n", browser.ErrorsOf(page)));
    }

    [Fact(Skip = BrowserRequirement.Reason, SkipUnless = nameof(BrowserRequirement.Available), SkipType = typeof(BrowserRequirement))]
    public async Task The_sign_in_page_and_the_API_reference_run_without_a_CSP_violation()
    {
        var page = await browser.NewPageAsync();

        await page.GotoAsync(browser.BaseUrl + "/");
        await Expect(page.Locator("#login-submit")).ToBeVisibleAsync();
        await page.GotoAsync(browser.BaseUrl + "/scalar/v1");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.EndsWith("/scalar/v1", page.Url, StringComparison.Ordinal);
        Assert.True(browser.ErrorsOf(page).Count == 0, string.Join("\n", browser.ErrorsOf(page)));
    }

    [Fact(Skip = BrowserRequirement.Reason, SkipUnless = nameof(BrowserRequirement.Available), SkipType = typeof(BrowserRequirement))]
    public async Task A_Viewer_is_offered_no_acknowledge_button_and_no_administration()
    {
        var viewer = await OpenAsAsync(Roles.Viewer, "/findings");
        await Expect(viewer.Locator("#findings-grid tbody tr.mud-table-row").First).ToBeVisibleAsync();
        var admin = await OpenAsAsync(Roles.Admin, "/findings");
        await Expect(admin.Locator("#findings-grid tbody tr.mud-table-row").First).ToBeVisibleAsync();

        Assert.Equal(0, await viewer.Locator("button.acknowledge").CountAsync());
        Assert.True(await admin.Locator("button.acknowledge").CountAsync() > 0);
        await browser.GotoAsync(viewer, "/settings");
        await Expect(viewer.Locator("#rule-settings")).ToBeVisibleAsync();
        await Expect(viewer.Locator("#api-keys")).ToHaveCountAsync(0);
        await Expect(viewer.Locator("#users")).ToHaveCountAsync(0);
        await Expect(viewer.Locator("#lockout-threshold")).ToHaveCountAsync(0);
        await Expect(viewer.Locator("#webhooks")).ToHaveCountAsync(0);
        await Expect(viewer.Locator("#report-schedules")).ToHaveCountAsync(0);
    }

    [Fact(Skip = BrowserRequirement.Reason, SkipUnless = nameof(BrowserRequirement.Available), SkipType = typeof(BrowserRequirement))]
    public async Task An_Admin_adds_a_webhook_in_Settings_and_its_test_event_arrives()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var name = "browser hook " + Unique.Id()[..6];
        var page = await OpenAsAsync(Roles.Admin, "/settings");

        await Expect(page.Locator("#create-webhook")).ToBeEnabledAsync();
        await page.Locator("#webhook-name").FillAsync(name);
        await page.Locator("#webhook-url").FillAsync(receiver.Url("/from-settings"));
        await page.Locator("#webhook-secret").FillAsync("a-secret-of-sixteen-plus");
        await page.Locator("#webhook-secret").PressAsync("Tab");
        await page.Locator("#create-webhook").ClickAsync();
        var row = page.Locator("#webhook-list tr", new() { HasText = name });
        await Expect(row).ToContainTextAsync("json, signed");
        await Expect(row.Locator(".webhook-backlog")).ToHaveTextAsync("0");
        await row.Locator(".test-webhook").ClickAsync();
        var test = (await receiver.WaitForAsync(r => r.Count >= 1, TimeSpan.FromSeconds(10), "the test event")).Single();

        Assert.Equal("/from-settings", test.Path);
        Assert.StartsWith("sha256=", test.Header("X-AdvertStatus-Signature"), StringComparison.Ordinal);
        await Expect(row.Locator(".webhook-success")).Not.ToHaveTextAsync("never");
        Assert.DoesNotContain("a-secret-of-sixteen-plus", await page.ContentAsync(), StringComparison.Ordinal);
    }

    [Fact(Skip = BrowserRequirement.Reason, SkipUnless = nameof(BrowserRequirement.Available), SkipType = typeof(BrowserRequirement))]
    public async Task An_Admin_adds_a_report_schedule_in_Settings_and_a_bad_cron_is_explained()
    {
        var name = "browser schedule " + Unique.Id()[..6];
        var page = await OpenAsAsync(Roles.Admin, "/settings");

        await Expect(page.Locator("#create-schedule")).ToBeEnabledAsync();
        await page.Locator("#schedule-name").FillAsync(name);
        await page.Locator("#schedule-recipients").FillAsync("sms-admins@corp.example");
        await page.Locator("#schedule-cron").FillAsync("every monday");
        await page.Locator("#schedule-cron").PressAsync("Tab");
        await page.Locator("#create-schedule").ClickAsync();
        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("cron must have five fields");
        await Expect(page.Locator("#schedule-list")).Not.ToContainTextAsync(name);
        await page.Locator("#schedule-cron").FillAsync("0 7 * * 1");
        await page.Locator("#schedule-cron").PressAsync("Tab");
        await page.Locator("#create-schedule").ClickAsync();

        var row = page.Locator("#schedule-list tr", new() { HasText = name });
        await Expect(row).ToContainTextAsync("affected-workstations");
        await Expect(row).ToContainTextAsync("sms-admins@corp.example");
        await Expect(row.Locator(".schedule-sent")).ToHaveTextAsync("never");
    }

    [Fact(Skip = BrowserRequirement.Reason, SkipUnless = nameof(BrowserRequirement.Available), SkipType = typeof(BrowserRequirement))]
    public async Task An_Admin_creates_an_API_key_in_Settings_that_is_shown_once_and_works()
    {
        var page = await OpenAsAsync(Roles.Admin, "/settings");

        await Expect(page.Locator("#create-key")).ToBeEnabledAsync();   // interactive: typing into prerendered HTML would be lost
        await page.Locator("#key-name").FillAsync("browser-made forwarder");
        await page.Locator("#key-name").PressAsync("Tab");
        await page.Locator("#create-key").ClickAsync();
        await Expect(page.Locator("#created-key-value")).Not.ToBeEmptyAsync();
        var key = (await page.Locator("#created-key-value").InnerTextAsync()).Trim();
        using var agent = browser.App.CreateAgent(key);
        var response = await agent.PostAsJsonAsync("/api/v1/status-messages", Samples.StatusMessage(Unique.Machine(), "1"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await Expect(page.Locator("#key-list")).ToContainTextAsync("browser-made forwarder");
        await browser.GotoAsync(page, "/settings");
        Assert.DoesNotContain(key, await page.ContentAsync(), StringComparison.Ordinal);
    }

    [Fact(Skip = BrowserRequirement.Reason, SkipUnless = nameof(BrowserRequirement.Available), SkipType = typeof(BrowserRequirement))]
    public async Task An_Admin_creates_a_key_for_a_site_that_has_sent_nothing_and_Settings_says_so()
    {
        var site = "K" + Unique.Id()[..2].ToUpperInvariant();
        var page = await OpenAsAsync(Roles.Admin, "/settings");

        await Expect(page.Locator("#create-key")).ToBeEnabledAsync();
        await page.Locator("#key-name").FillAsync("roll-out " + site);
        await page.Locator("#key-sites").FillAsync(site.ToLowerInvariant());
        await page.Locator("#key-sites").PressAsync("Tab");
        await page.Locator("#create-key").ClickAsync();

        await Expect(page.Locator("#created-key-value")).Not.ToBeEmptyAsync();
        var row = page.Locator("#key-list tr", new() { HasText = "roll-out " + site });
        await Expect(row.Locator(".key-sites")).ToHaveTextAsync($"{site} — no data yet from this site");
    }

    [Fact(Skip = BrowserRequirement.Reason, SkipUnless = nameof(BrowserRequirement.Available), SkipType = typeof(BrowserRequirement))]
    public async Task Settings_refuses_a_common_password_for_a_new_user_and_says_why()
    {
        var email = $"common-{Unique.Id()}@test.local";
        var page = await OpenAsAsync(Roles.Admin, "/settings");

        await Expect(page.Locator("#create-user")).ToBeEnabledAsync();
        await page.Locator("#user-email").FillAsync(email);
        await page.Locator("#user-password").FillAsync("Password2026!");
        await page.Locator("#user-password").PressAsync("Tab");
        await page.Locator("#create-user").ClickAsync();

        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("most common passwords");
        await Expect(page.Locator("#user-list")).Not.ToContainTextAsync(email);
    }

    [Fact(Skip = BrowserRequirement.Reason, SkipUnless = nameof(BrowserRequirement.Available), SkipType = typeof(BrowserRequirement))]
    public async Task Signing_out_returns_to_the_sign_in_page()
    {
        var page = await OpenAsAsync(Roles.Operator, "/findings");

        await page.Locator("#logout").ClickAsync();

        await Expect(page.Locator("#login-submit")).ToBeVisibleAsync();
        await page.GotoAsync(browser.BaseUrl + "/findings");
        Assert.Contains("/account/login", page.Url, StringComparison.Ordinal);
    }
}
