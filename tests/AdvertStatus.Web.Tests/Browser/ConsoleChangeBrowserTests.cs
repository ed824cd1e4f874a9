using AdvertStatus.Web.Audit;
using Microsoft.EntityFrameworkCore;
using static Microsoft.Playwright.Assertions;

namespace AdvertStatus.Web.Tests.Browser;

/// <summary>Working on findings in bulk, in a real Chromium, on an app of its own (it changes data).</summary>
public class ConsoleChangeBrowserTests(MutableBrowserFixture browser) : IClassFixture<MutableBrowserFixture>
{
    [Fact(Skip = BrowserRequirement.Reason, SkipUnless = nameof(BrowserRequirement.Available), SkipType = typeof(BrowserRequirement))]
    public async Task Bulk_acknowledge_asks_first_then_acknowledges_every_selected_finding_with_the_comment_audited()
    {
        var page = await browser.OpenAsync("/findings?rule=Error1317&state=Open");
        var rows = page.Locator("#findings-grid tbody tr.mud-table-row");
        await Expect(rows).ToHaveCountAsync(4);

        await rows.Nth(0).Locator("input[type=checkbox]").CheckAsync();
        await rows.Nth(1).Locator("input[type=checkbox]").CheckAsync();
        await Expect(page.Locator("#bulk-acknowledge")).ToHaveTextAsync("Acknowledge selected (2)");

        // Cancelling changes nothing.
        await page.ClickAsync("#bulk-acknowledge");
        await page.ClickAsync("#bulk-cancel");
        await Expect(page.Locator("#findings-total")).ToHaveTextAsync("4 findings");

        await page.ClickAsync("#bulk-acknowledge");
        await Expect(page.Locator(".mud-dialog")).ToContainTextAsync("Acknowledge 2 findings?");
        await page.FillAsync("#bulk-comment", "Hotfix Q307434 scheduled for Friday");
        await page.ClickAsync("#bulk-confirm");

        await Expect(page.Locator("#findings-total")).ToHaveTextAsync("2 findings");   // still Open: the other two
        var audited = await browser.App.QueryAsync(db => db.AuditLog
            .Where(a => a.Action == AuditActions.FindingAcknowledge)
            .Select(a => a.Detail)
            .ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal(2, audited.Count(d => d!.EndsWith(": Hotfix Q307434 scheduled for Friday", StringComparison.Ordinal)));
        Assert.Empty(browser.ErrorsOf(page));
    }

    [Fact(Skip = BrowserRequirement.Reason, SkipUnless = nameof(BrowserRequirement.Available), SkipType = typeof(BrowserRequirement))]
    public async Task A_finding_is_acknowledged_from_its_workstations_page_and_says_by_whom()
    {
        var page = await browser.OpenAsync("/workstations/WKS05");   // its finding is not one the bulk test may take
        var card = page.Locator(".finding-card", new() { HasText = "LocalInstallAccountAfterFix" });
        await Expect(card.Locator(".mud-chip")).ToHaveTextAsync("Open");

        await card.Locator("button.acknowledge").ClickAsync();

        await Expect(card.Locator(".mud-chip")).ToHaveTextAsync("Acknowledged");
        await Expect(card).ToContainTextAsync(Infrastructure.AdvertStatusApp.AdminEmail);
        await Expect(card.Locator("button.acknowledge")).ToBeDisabledAsync();
    }

    [Fact(Skip = BrowserRequirement.Reason, SkipUnless = nameof(BrowserRequirement.Available), SkipType = typeof(BrowserRequirement))]
    public async Task A_hidden_column_stays_hidden_for_that_user_only()
    {
        var page = await browser.OpenAsync("/workstations");
        var osHeader = page.Locator("#workstations-grid thead th", new() { HasText = "Client OS" });
        await Expect(osHeader).ToHaveCountAsync(1);

        await page.Locator(".column-client-os input").UncheckAsync();
        await Expect(osHeader).ToHaveCountAsync(0);
        await browser.GotoAsync(page, "/workstations");
        await Expect(page.Locator("#workstations-grid tbody tr.mud-table-row").First).ToBeVisibleAsync();
        await Expect(osHeader).ToHaveCountAsync(0);   // remembered

        var (email, password) = await browser.App.AddUserAsync(AdvertStatus.Web.Users.Roles.Viewer);
        var other = await browser.OpenAsync("/workstations", email, password);
        await Expect(other.Locator("#workstations-grid thead th", new() { HasText = "Client OS" })).ToHaveCountAsync(1);
    }
}
