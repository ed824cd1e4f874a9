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

    [Theory(Skip = BrowserRequirement.Reason, SkipUnless = nameof(BrowserRequirement.Available), SkipType = typeof(BrowserRequirement))]
    [InlineData("/workstations", "Client OS")]
    [InlineData("/findings", "Last seen")]
    public async Task A_hidden_column_stays_hidden_for_that_user_only(string path, string column)
    {
        var grid = path == "/findings" ? "#findings-grid" : "#workstations-grid";
        var page = await browser.OpenAsync(path);
        var header = page.Locator($"{grid} thead th", new() { HasText = column });
        await Expect(header).ToHaveCountAsync(1);

        await page.Locator($".column-{column.Replace(' ', '-').ToLowerInvariant()} input").UncheckAsync();
        await Expect(header).ToHaveCountAsync(0);
        await browser.GotoAsync(page, path);
        await Expect(page.Locator($"{grid} tbody tr.mud-table-row").First).ToBeVisibleAsync();
        await Expect(header).ToHaveCountAsync(0);   // remembered

        var (email, password) = await browser.App.AddUserAsync(AdvertStatus.Web.Security.Roles.Viewer);
        var other = await browser.OpenAsync(path, email, password);
        await Expect(other.Locator($"{grid} thead th", new() { HasText = column })).ToHaveCountAsync(1);
    }

    [Fact(Skip = BrowserRequirement.Reason, SkipUnless = nameof(BrowserRequirement.Available), SkipType = typeof(BrowserRequirement))]
    public async Task The_findings_columns_keep_their_widths_after_an_action()
    {
        var page = await browser.OpenAsync("/findings?rule=Q307434");   // findings no other test here changes
        var row = page.Locator("#findings-grid tbody tr.mud-table-row").First;
        await Expect(row.Locator(".mud-chip")).ToHaveTextAsync("Open");
        var before = await HeaderWidthsAsync(page);

        await row.Locator("button.resolve").ClickAsync();

        await Expect(row.Locator(".mud-chip")).ToHaveTextAsync("Resolved");
        await Expect(row).ToContainTextAsync(Infrastructure.AdvertStatusApp.AdminEmail);
        // The grid re-renders its header once more after the row changes (the live refresh); measure after it settles.
        IReadOnlyList<double> after = [];
        for (var attempt = 0; attempt < 50 && !(after = await HeaderWidthsAsync(page)).SequenceEqual(before); attempt++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.Equal(before, after);
    }

    [Fact(Skip = BrowserRequirement.Reason, SkipUnless = nameof(BrowserRequirement.Available), SkipType = typeof(BrowserRequirement))]
    public async Task A_controller_with_many_callers_shows_five_and_a_more_button_within_the_window()
    {
        var callers = Enumerable.Range(1, 8).Select(i => $"CALLER{i:00}").ToList();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/security-events")
        {
            Content = System.Net.Http.Json.JsonContent.Create(callers.Select((caller, i) => Infrastructure.Samples.Lockout4740("DC09.CORP.LOCAL", 90_000 + i, caller))),
        };
        request.Headers.Add("Prefer", "wait=30");   // projected before the page asks
        Assert.True((await browser.Agent.SendAsync(request, TestContext.Current.CancellationToken)).IsSuccessStatusCode);

        var page = await browser.OpenAsync("/lockouts?view=controllers");
        await page.SetViewportSizeAsync(1024, 768);
        var row = page.Locator("#controllers-table tbody tr", new() { HasText = "DC09.CORP.LOCAL" });

        await Expect(row.Locator(".caller")).ToHaveCountAsync(5);
        await Expect(row.Locator(".more-callers")).ToHaveTextAsync("+3 more");
        await row.Locator(".more-callers").ClickAsync();
        await Expect(row.Locator(".caller")).ToHaveCountAsync(8);
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(widths[0] <= widths[1], $"The page is {widths[0]} px wide in a {widths[1]} px window.");
    }

    private static async Task<IReadOnlyList<double>> HeaderWidthsAsync(Microsoft.Playwright.IPage page) =>
        await page.EvaluateAsync<double[]>("() => [...document.querySelectorAll('#findings-grid thead th')].map(th => Math.round(th.getBoundingClientRect().width))");
}
