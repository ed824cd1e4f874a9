using System.Text.RegularExpressions;
using AdvertStatus.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace AdvertStatus.Web.Tests.Browser;

/// <summary>What an administrator sees, in a real Chromium, over the seeded KB scenario (read-only tests).</summary>
public class DashboardBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact(Skip = BrowserRequirement.Reason, SkipUnless = nameof(BrowserRequirement.Available), SkipType = typeof(BrowserRequirement))]
    public async Task Overview_shows_the_seeded_counts()
    {
        var page = await browser.OpenAsync("/");

        await Expect(page.Locator("#card-affected .stat-value")).ToHaveTextAsync("5");
        await Expect(page.Locator("#card-q307434 .stat-value")).ToHaveTextAsync("2");
        await Expect(page.Locator("#card-lockouts .stat-value")).ToHaveTextAsync("3");
        await Expect(page.Locator("#card-coverage .stat-value")).ToHaveTextAsync("50 %");
        await Expect(page.Locator("#top-adverts tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#newest-findings tbody tr")).ToHaveCountAsync(5);
    }

    [Fact(Skip = BrowserRequirement.Reason, SkipUnless = nameof(BrowserRequirement.Available), SkipType = typeof(BrowserRequirement))]
    public async Task Filtering_the_workstation_grid_narrows_it()
    {
        var page = await browser.OpenAsync("/workstations");
        var rows = page.Locator("#workstations-grid tbody tr.mud-table-row");
        await Expect(rows).ToHaveCountAsync(6);

        var search = page.Locator("input#filter-text");
        await search.FillAsync("WKS02");
        await search.PressAsync("Tab");

        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First.Locator(".machine-link")).ToHaveTextAsync("WKS02");
    }

    [Fact(Skip = BrowserRequirement.Reason, SkipUnless = nameof(BrowserRequirement.Available), SkipType = typeof(BrowserRequirement))]
    public async Task Opens_the_grid_already_filtered_from_a_link()
    {
        var page = await browser.OpenAsync("/workstations?verdict=Vulnerable");

        var machines = page.Locator("#workstations-grid tbody tr.mud-table-row .machine-link");
        await Expect(machines).ToHaveTextAsync(["WKS01", "WKS02"]);
    }

    [Fact(Skip = BrowserRequirement.Reason, SkipUnless = nameof(BrowserRequirement.Available), SkipType = typeof(BrowserRequirement))]
    public async Task Detail_page_shows_the_timeline_findings_and_build()
    {
        var page = await browser.OpenAsync("/workstations/WKS01");

        await Expect(page.Locator("#smsapm32-version")).ToHaveTextAsync("2.00.1493.3002");
        await Expect(page.Locator(".finding-card")).ToHaveCountAsync(2);
        await Expect(page.Locator(".finding-summary").First).ToContainTextAsync("Q307434");
        var timeline = page.Locator("#timeline .timeline-entry");
        await Expect(timeline).ToHaveCountAsync(6);   // 3 status messages, 2 lockouts, 1 inventory
        await Expect(timeline.Filter(new() { HasText = "Lockout 4740 on DC01.CORP.LOCAL" })).ToHaveCountAsync(2);
        await Expect(timeline.Filter(new() { HasText = "error 1317" })).ToHaveCountAsync(2);
    }

    [Fact(Skip = BrowserRequirement.Reason, SkipUnless = nameof(BrowserRequirement.Available), SkipType = typeof(BrowserRequirement))]
    public async Task Export_downloads_a_CSV_whose_rows_match_the_grid()
    {
        var page = await browser.OpenAsync("/workstations?affected=true");
        var shown = page.Locator("#workstations-grid tbody tr.mud-table-row .machine-link");
        await Expect(shown).ToHaveCountAsync(5);

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#export-workstations").ClickAsync());

        Assert.Matches(new Regex(@"^advertstatus-affected-workstations-\d{8}\.csv$"), download.SuggestedFilename);
        var rows = Csv.Parse(await File.ReadAllTextAsync(await download.PathAsync(), TestContext.Current.CancellationToken));
        Assert.Equal("MachineName", rows[0][0]);
        Assert.Equal(await shown.AllInnerTextsAsync(), rows.Skip(1).Select(r => r[0]));
    }

    [Fact(Skip = BrowserRequirement.Reason, SkipUnless = nameof(BrowserRequirement.Available), SkipType = typeof(BrowserRequirement))]
    public async Task Advertisement_counts_drill_down_to_the_machines()
    {
        var page = await browser.OpenAsync("/advertisements");

        await page.Locator("#advertisements-table tr", new() { HasText = "LAB20001" }).Locator(".count.Failures").ClickAsync();

        await Expect(page.Locator("#drilldown tbody tr")).ToHaveCountAsync(4);
        await Expect(page).ToHaveURLAsync(new Regex("/advertisements\\?advert=LAB20001&state=failures$"));
        await page.GoBackAsync();
        await Expect(page.Locator("#drilldown")).ToHaveCountAsync(0);
    }
}
