using AdvertStatus.Core.Findings;
using AdvertStatus.Web.Api;
using AdvertStatus.Web.Findings;
using AdvertStatus.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace AdvertStatus.Web.Tests.Browser;

/// <summary>Browser tests that change data, on an app of their own.</summary>
public class DashboardChangeBrowserTests(MutableBrowserFixture browser) : IClassFixture<MutableBrowserFixture>
{
    [Fact(Skip = BrowserRequirement.Reason, SkipUnless = nameof(BrowserRequirement.Available), SkipType = typeof(BrowserRequirement))]
    public async Task Acknowledging_a_finding_changes_its_state()
    {
        var page = await browser.OpenAsync("/findings?rule=RepeatedLockout");
        var row = page.Locator("#findings-grid tbody tr.mud-table-row").First;
        await Expect(row.Locator(".state-chip")).ToHaveTextAsync("Open");

        await row.Locator("button.acknowledge").ClickAsync();

        await Expect(row.Locator(".state-chip")).ToHaveTextAsync("Acknowledged");
        var stored = await ApiReader.GetAsync<Page<FindingItem>>(browser.Agent, "/api/v1/findings?rule=RepeatedLockout");
        Assert.Equal(FindingState.Acknowledged, Assert.Single(stored.Items).State);
    }

    [Fact(Skip = BrowserRequirement.Reason, SkipUnless = nameof(BrowserRequirement.Available), SkipType = typeof(BrowserRequirement))]
    public async Task A_finding_ingested_over_HTTP_appears_without_a_reload()
    {
        var page = await browser.OpenAsync("/findings");
        var rows = page.Locator("#findings-grid tbody tr.mud-table-row");
        await Expect(rows.First).ToBeVisibleAsync();
        var machine = Unique.Machine("LIVE");

        await AcceptedBatch.ReadAsync(await browser.App.PostJsonAsync("/api/v1/status-messages", Samples.StatusMessage(machine, "1")));

        await Expect(rows.Filter(new() { HasText = machine })).ToHaveCountAsync(1);
        var overview = await browser.OpenAsync("/");
        await Expect(overview.Locator("#newest-findings")).ToContainTextAsync(machine);
    }

    [Fact(Skip = BrowserRequirement.Reason, SkipUnless = nameof(BrowserRequirement.Available), SkipType = typeof(BrowserRequirement))]
    public async Task The_findings_page_number_is_in_the_URL()
    {
        var messages = Enumerable.Range(0, 30).Select(i => Samples.StatusMessage(Unique.Machine("PAGE"), "1")).ToArray();
        await AcceptedBatch.ReadAsync(await browser.App.PostJsonAsync("/api/v1/status-messages", messages));

        var page = await browser.OpenAsync("/findings?page=2");
        await Expect(page.Locator("#findings-grid")).ToContainTextAsync(new System.Text.RegularExpressions.Regex("26-\\d+ of \\d+"));

        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("previous", System.Text.RegularExpressions.RegexOptions.IgnoreCase) }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/findings$"));
        await Expect(page.Locator("#findings-grid")).ToContainTextAsync(new System.Text.RegularExpressions.Regex("1-25 of \\d+"));
    }
}
