using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AdvertStatus.Web.Tests.Browser;

/// <summary>The dashboard as an operations console (issue 11), in a real Chromium over the KB scenario: read-only checks.</summary>
public class ConsoleBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly (string Path, string Heading, string Name)[] Pages =
    [
        ("/", "Overview", "overview"),
        ("/workstations", "Workstations", "workstations"),
        ("/workstations/WKS02", "WKS02", "workstation-detail"),
        ("/findings", "Findings", "findings"),
        ("/lockouts", "Lockouts", "lockouts"),
        ("/advertisements?advert=LAB20001&state=failures", "Advertisement status", "advertisements"),
        ("/coverage", "Q307434 hotfix coverage", "coverage"),
        ("/settings", "Settings", "settings"),
        ("/no-such-page", "Not found", "not-found"),
    ];

    [Fact(Skip = BrowserRequirement.Reason, SkipUnless = nameof(BrowserRequirement.Available), SkipType = typeof(BrowserRequirement))]
    public async Task Every_page_passes_axe_without_serious_or_critical_violations_in_light_and_dark_mode_at_1440_and_1024_pixels_and_is_screenshotted()
    {
        // Set ADVERTSTATUS_SCREENSHOTS to a folder (docs/screenshots) to refresh the README's pictures.
        var folder = Environment.GetEnvironmentVariable("ADVERTSTATUS_SCREENSHOTS") ?? Path.Combine(Path.GetTempPath(), "advertstatus-screenshots");
        Directory.CreateDirectory(folder);
        var problems = new List<string>();
        foreach (var (path, heading, name) in Pages)
        {
            var page = await browser.OpenAsync(path);
            await Expect(page.Locator("h5").First).ToHaveTextAsync(heading);
            await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
            foreach (var mode in new[] { "light", "dark" })
            {
                // The theme is kept per user, so a page may open in either: set the one under test.
                if (await page.Locator("#dark-mode-toggle").GetAttributeAsync("aria-pressed") != (mode == "dark" ? "true" : "false"))
                {
                    await page.ClickAsync("#dark-mode-toggle");
                    await page.Mouse.MoveAsync(0, 0);   // the toggle's tooltip is not part of the page under test
                    await Expect(page.Locator("#dark-mode-toggle")).ToHaveAttributeAsync("aria-pressed", mode == "dark" ? "true" : "false");
                }

                foreach (var width in new[] { 1440, 1024 })
                {
                    await page.SetViewportSizeAsync(width, 900);
                    await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                    await page.WaitForTimeoutAsync(400);   // below 1280 px the menu folds away, animated
                    var file = $"{name}{(mode == "dark" ? "-dark" : "")}{(width == 1024 ? "-1024" : "")}.png";
                    await page.ScreenshotAsync(new() { Path = Path.Combine(folder, file), FullPage = true });
                    var results = await page.RunAxe();
                    problems.AddRange(results.Violations
                        .Where(v => v.Impact is "serious" or "critical")
                        .Select(v => $"{path} ({mode}, {width} px): {v.Id} [{v.Impact}] {v.Help}: {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}"));
                }
            }

            await page.Context.CloseAsync();
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
        Assert.All(Pages, p => Assert.True(new FileInfo(Path.Combine(folder, $"{p.Name}.png")).Length > 10_000, $"{p.Name}.png looks empty"));
    }

    [Fact(Skip = BrowserRequirement.Reason, SkipUnless = nameof(BrowserRequirement.Available), SkipType = typeof(BrowserRequirement))]
    public async Task A_bookmarked_filtered_URL_reproduces_the_same_view_and_the_back_button_returns()
    {
        var page = await browser.OpenAsync("/findings?rule=Q307434");
        var rows = page.Locator("#findings-grid tbody tr.mud-table-row");

        await Expect(page.Locator("#findings-total")).ToHaveTextAsync("2 findings");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(page.Locator("#filter-rule")).ToHaveValueAsync("Q307434");

        await page.ClickAsync("#filter-state");
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Resolved" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("rule=Q307434.*state=Resolved|state=Resolved.*rule=Q307434"));
        await Expect(page.Locator("#findings-total")).ToHaveTextAsync("0 findings");

        await page.GoBackAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/findings\\?rule=Q307434$"));
        await Expect(page.Locator("#findings-total")).ToHaveTextAsync("2 findings");
    }

    [Theory(Skip = BrowserRequirement.Reason, SkipUnless = nameof(BrowserRequirement.Available), SkipType = typeof(BrowserRequirement))]
    [InlineData("/workstations", "#workstations-grid", "Verdict")]
    [InlineData("/findings", "#findings-grid", "State")]
    public async Task A_list_fits_1024_pixels_without_horizontal_scrolling_or_hiding_its_key_column(string path, string grid, string keyColumn)
    {
        var page = await browser.OpenAsync(path);
        await page.SetViewportSizeAsync(1024, 768);
        await Expect(page.Locator($"{grid} tbody tr.mud-table-row").First).ToBeVisibleAsync();
        // Below 1280 px the menu folds away (animated): measure once the list has the width.
        await page.WaitForFunctionAsync($"() => document.querySelector('{grid} .mud-table-container').clientWidth > 900");
        try
        {
            // Layout settles after the menu's animation and the rows' render: poll, then measure for the message.
            await page.WaitForFunctionAsync(
                $"() => {{ const c = document.querySelector('{grid} .mud-table-container'); return c.scrollWidth <= c.clientWidth && document.documentElement.scrollWidth <= document.documentElement.clientWidth; }}",
                null, new() { Timeout = 5_000 });
        }
        catch (TimeoutException)
        {
            // The assertions below say by how much it overflows.
        }

        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        var frame = await page.EvaluateAsync<int[]>($"() => {{ const c = document.querySelector('{grid} .mud-table-container'); return [c.scrollWidth, c.clientWidth]; }}");
        var key = await page.Locator($"{grid} thead th", new() { HasText = keyColumn }).BoundingBoxAsync();

        Assert.True(widths[0] <= widths[1], $"The page is {widths[0]} px wide in a {widths[1]} px window.");
        var columns = await page.EvaluateAsync<string>($"() => [...document.querySelectorAll('{grid} thead th')].map(th => th.innerText.trim() + '=' + Math.round(th.getBoundingClientRect().width)).join(', ')");
        Assert.True(frame[0] <= frame[1], $"The grid is {frame[0]} px wide in its {frame[1]} px frame: it scrolls sideways ({columns}).");
        Assert.NotNull(key);
        Assert.True(key.X + key.Width <= 1024, $"The {keyColumn} column ends at {key.X + key.Width} px.");
    }

    [Fact(Skip = BrowserRequirement.Reason, SkipUnless = nameof(BrowserRequirement.Available), SkipType = typeof(BrowserRequirement))]
    public async Task Lockouts_show_each_domain_controller_with_its_callers_linking_to_their_workstations()
    {
        var page = await browser.OpenAsync("/lockouts");

        await page.GetByRole(AriaRole.Tab, new() { Name = "By domain controller" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("view=controllers"));   // a link opens this tab
        var dc01 = page.Locator("#controllers-table tbody tr", new() { HasText = "DC01.CORP.LOCAL" });

        await Expect(dc01.Locator("td").Nth(2)).ToHaveTextAsync("2");
        await Expect(dc01.Locator(".caller")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("WKS01\\s*×2"));
        await dc01.Locator(".caller a").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/workstations/WKS01$"));

        await browser.GotoAsync(page, "/lockouts?view=controllers&account=jdoe");
        await Expect(page.GetByRole(AriaRole.Tab, new() { Name = "By domain controller" })).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(page.Locator("#filter-account")).ToHaveValueAsync("jdoe");
        await Expect(page.Locator("#controllers-table tbody tr", new() { HasText = "DC01.CORP.LOCAL" })).ToHaveCountAsync(0);   // its lockouts are the token account's
        await Expect(page.Locator("#controllers-table tbody tr", new() { HasText = "DC03.CORP.LOCAL" })).ToHaveCountAsync(1);
    }

    [Fact(Skip = BrowserRequirement.Reason, SkipUnless = nameof(BrowserRequirement.Available), SkipType = typeof(BrowserRequirement))]
    public async Task The_time_range_chosen_once_travels_from_page_to_page()
    {
        var page = await browser.OpenAsync("/");

        await page.ClickAsync("#time-range .range-24h");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("range=24h"));
        await Expect(page.Locator("#chart-failures")).ToContainTextAsync("last 24 hours");

        await page.Locator(".mud-nav-link", new() { HasText = "Lockouts" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/lockouts\\?range=24h$"));
        await Expect(page.Locator("h5").First).ToHaveTextAsync("Lockouts");
        await Expect(page.GetByText("lockouts per hour (UTC), last 24 hours")).ToBeVisibleAsync();

        await page.FillAsync("#range-from", "2026-11-20");
        await page.FillAsync("#range-to", "2026-11-24");
        await page.ClickAsync("#range-apply");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("range=custom&from=2026-11-20&to=2026-11-24"));
        await Expect(page.GetByText("lockouts per hour (UTC), 2026-11-20 – 2026-11-24")).ToBeVisibleAsync();
    }

    [Fact(Skip = BrowserRequirement.Reason, SkipUnless = nameof(BrowserRequirement.Available), SkipType = typeof(BrowserRequirement))]
    public async Task A_sorted_workstations_link_opens_sorted_and_a_new_sort_goes_into_the_URL()
    {
        var page = await browser.OpenAsync("/workstations?sort=MachineName&desc=true");
        var firstMachine = page.Locator("#workstations-grid tbody tr.mud-table-row").First.Locator(".machine-link");

        await Expect(firstMachine).ToHaveTextAsync("WKS06");

        await page.Locator("#workstations-grid thead th", new() { HasText = "Machine" }).Locator(".sortable-column-header").ClickAsync();
        await Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("desc=true"));
        await Expect(firstMachine).ToHaveTextAsync("WKS01");

        await page.GoBackAsync();
        await Expect(firstMachine).ToHaveTextAsync("WKS06");
    }

    [Fact(Skip = BrowserRequirement.Reason, SkipUnless = nameof(BrowserRequirement.Available), SkipType = typeof(BrowserRequirement))]
    public async Task A_sorted_findings_link_opens_sorted_and_a_new_sort_goes_into_the_URL()
    {
        var page = await browser.OpenAsync("/findings?sort=Count&desc=true");
        var counts = page.Locator("#findings-grid tbody td.finding-count");
        await Expect(counts.First).ToBeVisibleAsync();

        var descending = (await counts.AllInnerTextsAsync()).Select(int.Parse).ToList();
        Assert.True(descending.Count > 2 && descending[0] > descending[^1], string.Join(",", descending));
        Assert.Equal(descending.OrderDescending(), descending);

        await page.Locator("#findings-grid thead th", new() { HasText = "Count" }).Locator(".sortable-column-header").ClickAsync();
        await Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("desc=true"));
        await Expect(counts.First).ToHaveTextAsync(descending[^1].ToString(System.Globalization.CultureInfo.InvariantCulture));

        await page.GoBackAsync();
        await Expect(counts.First).ToHaveTextAsync(descending[0].ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact(Skip = BrowserRequirement.Reason, SkipUnless = nameof(BrowserRequirement.Available), SkipType = typeof(BrowserRequirement))]
    public async Task The_findings_list_keeps_to_the_chosen_time_range_and_shows_everything_until_one_is_chosen()
    {
        var page = await browser.OpenAsync("/findings");
        var total = page.Locator("#findings-total");
        await Expect(total).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+ findings$"));
        var all = await total.InnerTextAsync();
        await Expect(page.Locator("#time-range .range-all")).ToHaveAttributeAsync("aria-current", "true");

        await page.FillAsync("#range-from", "2026-11-01");
        await page.FillAsync("#range-to", "2026-11-20");   // the scenario happens on 23 and 24 November
        await page.ClickAsync("#range-apply");
        await Expect(total).ToHaveTextAsync("0 findings active 2026-11-01 – 2026-11-20");
        await Expect(page.Locator("#findings-grid")).ToContainTextAsync("No findings match these filters and this time range.");

        await page.ClickAsync("#time-range .range-7d");
        await Expect(total).ToHaveTextAsync(all.Replace(" findings", " findings active last 7 days", StringComparison.Ordinal));
        await Expect(page.Locator("#export-findings")).ToBeVisibleAsync();

        await page.ClickAsync("#time-range .range-all");
        await Expect(total).ToHaveTextAsync(all);
    }
}
