using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AdvertStatus.Web.Tests.Browser;

/// <summary>What a new user and a daily operator tripped over (issue 22), in a real Chromium over the KB scenario.</summary>
public partial class FirstHourBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    /// <summary>The id, rule and machine/domain cells whose text is cut (an ellipsis), as "cell text (shown/needed px)".</summary>
    private const string CutCells = """
        () => [...document.querySelectorAll('#findings-grid tbody tr.mud-table-row')].flatMap(row => {
            const cells = [...row.querySelectorAll('td')];
            return cells.filter(td => td.dataset.label === '#' || td.dataset.label === 'Rule' || td.dataset.label === 'Machine / domain')
                .filter(td => td.scrollWidth > td.clientWidth + 1 || td.getBoundingClientRect().width < 8)
                .map(td => `${td.innerText.trim()} (${td.clientWidth}/${td.scrollWidth} px)`);
        })
        """;

    /// <summary>
    /// The header's column widths, without the last, empty filler column: MudBlazor's details row spans 1000 columns,
    /// and the filler is the column that gives them its width, so the real ones keep theirs.
    /// </summary>
    private const string HeaderWidths = "() => [...document.querySelectorAll('#findings-grid thead th:not(.filler)')].map(th => Math.round(th.getBoundingClientRect().width))";

    [Fact(Skip = BrowserRequirement.Reason, SkipUnless = nameof(BrowserRequirement.Available), SkipType = typeof(BrowserRequirement))]
    public async Task At_1024_pixels_no_findings_rule_or_machine_is_cut_before_or_after_a_row_is_expanded()
    {
        var page = await browser.OpenAsync("/findings");
        await page.SetViewportSizeAsync(1024, 768);
        await Expect(page.Locator("#findings-grid tbody tr.mud-table-row").First).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('#findings-grid .mud-table-container').clientWidth > 900");
        await page.WaitForTimeoutAsync(500);   // the menu's fold animation
        var before = await page.EvaluateAsync<int[]>(HeaderWidths);

        Assert.Empty(await page.EvaluateAsync<string[]>(CutCells));

        await page.Locator("#findings-grid tbody tr.mud-table-row").First.Locator("td").First.Locator("button").ClickAsync();   // the row's expand chevron
        await Expect(page.Locator("#findings-grid tbody .evidence").First).ToBeVisibleAsync();

        Assert.Empty(await page.EvaluateAsync<string[]>(CutCells));
        Assert.Equal(before, await page.EvaluateAsync<int[]>(HeaderWidths));
    }

    [Fact(Skip = BrowserRequirement.Reason, SkipUnless = nameof(BrowserRequirement.Available), SkipType = typeof(BrowserRequirement))]
    public async Task At_1440_pixels_the_workstations_OS_and_open_findings_show_in_full()
    {
        var page = await browser.OpenAsync("/workstations");
        await page.SetViewportSizeAsync(1440, 900);
        await Expect(page.Locator("#workstations-grid tbody tr.mud-table-row").First).ToBeVisibleAsync();

        var cut = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('#workstations-grid tbody .ellipsis')].filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.innerText)");

        Assert.Empty(cut);
    }

    [Fact(Skip = BrowserRequirement.Reason, SkipUnless = nameof(BrowserRequirement.Available), SkipType = typeof(BrowserRequirement))]
    public async Task The_row_actions_are_labelled_buttons_with_tooltips()
    {
        var page = await browser.OpenAsync("/findings?state=Open");
        var row = page.Locator("#findings-grid tbody tr.mud-table-row").First;

        await Expect(row.Locator("button.acknowledge")).ToHaveTextAsync("Ack");
        await Expect(row.Locator("button.resolve")).ToHaveTextAsync("Resolve");
        await row.Locator("button.acknowledge").HoverAsync();
        await Expect(page.Locator(".mud-tooltip", new() { HasText = "Acknowledge" })).ToBeVisibleAsync();
    }

    [Fact(Skip = BrowserRequirement.Reason, SkipUnless = nameof(BrowserRequirement.Available), SkipType = typeof(BrowserRequirement))]
    public async Task A_list_showing_all_time_leaves_the_date_fields_empty_and_a_preset_fills_them()
    {
        var page = await browser.OpenAsync("/findings");

        await Expect(page.Locator("#time-range .range-all")).ToHaveAttributeAsync("aria-current", "true");
        await Expect(page.Locator("#range-from")).ToHaveValueAsync("");
        await Expect(page.Locator("#range-to")).ToHaveValueAsync("");

        await page.ClickAsync("#time-range .range-7d");
        await Expect(page.Locator("#range-from")).ToHaveValueAsync("2026-11-17");
    }

    [Fact(Skip = BrowserRequirement.Reason, SkipUnless = nameof(BrowserRequirement.Available), SkipType = typeof(BrowserRequirement))]
    public async Task Findings_filtered_by_machine_in_the_URL_show_only_that_machine()
    {
        var page = await browser.OpenAsync("/findings?machine=WKS02");
        var machines = page.Locator("#findings-grid tbody tr.mud-table-row td[data-label='Machine / domain'] a");

        await Expect(page.Locator("#filter-machine")).ToHaveValueAsync("WKS02");
        await Expect(machines.First).ToBeVisibleAsync();
        Assert.All(await machines.AllInnerTextsAsync(), text => Assert.Equal("WKS02", text.Trim()));
        await Expect(page.Locator("#findings-grid tbody tr.mud-table-row td[data-label='Machine / domain']").First).ToContainTextAsync("WKS02 · CORP");   // with its domain
        Assert.True(await machines.CountAsync() >= 2, "WKS02 has the Q307434 finding and its 1317 failures");

        await page.FillAsync("#filter-machine", "wks01");
        await page.PressAsync("#filter-machine", "Tab");
        await Expect(page).ToHaveURLAsync(new Regex("machine=WKS01"));
        await Expect(machines.First).ToHaveTextAsync("WKS01");
    }

    [Theory(Skip = BrowserRequirement.Reason, SkipUnless = nameof(BrowserRequirement.Available), SkipType = typeof(BrowserRequirement))]
    [InlineData("#card-affected", "/workstations\\?affected=true$", "#workstations-grid")]
    [InlineData("#card-q307434", "/workstations\\?rule=Q307434$", "#workstations-grid")]
    [InlineData("#card-lockouts", "/lockouts\\?range=24h$", "#lockouts-table")]
    [InlineData("#card-coverage", "/coverage$", "#coverage-table")]
    public async Task An_overview_card_click_lands_on_its_filtered_list(string card, string url, string list)
    {
        var page = await browser.OpenAsync("/");

        await page.ClickAsync(card);

        await Expect(page).ToHaveURLAsync(new Regex(url));
        await Expect(page.Locator(list)).ToBeVisibleAsync();
    }

    [Fact(Skip = BrowserRequirement.Reason, SkipUnless = nameof(BrowserRequirement.Available), SkipType = typeof(BrowserRequirement))]
    public async Task The_overview_says_in_one_sentence_what_is_wrong_and_links_to_the_remediation_list()
    {
        var page = await browser.OpenAsync("/");
        var headline = page.Locator("#headline");

        await Expect(headline).ToHaveTextAsync(new Regex("^2 workstations match Q307434 at 1 site; \\d+ % have the fix \\(target 95 %\\)\\."));
        await headline.Locator("a").First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/workstations\\?rule=Q307434$"));
    }

    [Fact(Skip = BrowserRequirement.Reason, SkipUnless = nameof(BrowserRequirement.Available), SkipType = typeof(BrowserRequirement))]
    public async Task The_theme_chosen_survives_a_reload_and_a_full_navigation()
    {
        var (email, password) = await browser.App.AddUserAsync(AdvertStatus.Web.Security.Roles.Viewer);   // starts light, nothing chosen
        var page = await browser.OpenAsync("/", email, password);
        await page.ClickAsync("#dark-mode-toggle");
        await Expect(page.Locator("#dark-mode-toggle")).ToHaveAttributeAsync("aria-pressed", "true");

        await browser.GotoAsync(page, "/");
        await Expect(page.Locator("#dark-mode-toggle")).ToHaveAttributeAsync("aria-pressed", "true");
        Assert.True(await IsDarkAsync(page), "the page is drawn dark after a reload");

        await browser.GotoAsync(page, "/findings");
        await Expect(page.Locator("#dark-mode-toggle")).ToHaveAttributeAsync("aria-pressed", "true");
        Assert.True(await IsDarkAsync(page), "the page is drawn dark after a full navigation");

        await page.ClickAsync("#dark-mode-toggle");
        await Expect(page.Locator("#dark-mode-toggle")).ToHaveAttributeAsync("aria-pressed", "false");
        await browser.GotoAsync(page, "/lockouts");
        await Expect(page.Locator("#dark-mode-toggle")).ToHaveAttributeAsync("aria-pressed", "false");
    }

    [Fact(Skip = BrowserRequirement.Reason, SkipUnless = nameof(BrowserRequirement.Available), SkipType = typeof(BrowserRequirement))]
    public async Task The_theme_follows_the_browser_dark_preference_until_the_user_chooses_also_on_the_sign_in_page()
    {
        var (email, password) = await browser.App.AddUserAsync(AdvertStatus.Web.Security.Roles.Viewer);   // no theme chosen yet
        var context = await browser.Browser.NewContextAsync(new() { ColorScheme = ColorScheme.Dark, ViewportSize = new() { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();

        await page.GotoAsync(browser.BaseUrl + "/account/login");
        Assert.True(await IsDarkAsync(page), "the sign-in page follows the browser's dark preference");

        await BrowserFixture.SignInAsync(page, browser.BaseUrl, "/", email, password);
        await Expect(page.Locator("#dark-mode-toggle")).ToHaveAttributeAsync("aria-pressed", "true");
        Assert.True(await IsDarkAsync(page), "the dashboard follows the browser's dark preference");
        await context.CloseAsync();
    }

    [Fact(Skip = BrowserRequirement.Reason, SkipUnless = nameof(BrowserRequirement.Available), SkipType = typeof(BrowserRequirement))]
    public async Task The_timeline_names_what_each_message_means_and_draws_a_successful_run_green()
    {
        var page = await browser.OpenAsync("/workstations/WKS05");
        var success = page.Locator("#timeline .timeline-entry", new() { HasText = "10008 Program completed successfully (exit code 0)" });

        await Expect(success.First).ToBeVisibleAsync();
        await Expect(success.First.Locator(".mud-timeline-item-dot-inner")).ToHaveClassAsync(new Regex("mud-timeline-dot-success"));
        await Expect(page.Locator("#timeline .timeline-entry", new() { HasText = "10005 Program started" }).First).ToBeVisibleAsync();
        await Expect(page.Locator("#timeline", new() { HasText = "Status 100" })).ToHaveCountAsync(0);
    }

    [Fact(Skip = BrowserRequirement.Reason, SkipUnless = nameof(BrowserRequirement.Available), SkipType = typeof(BrowserRequirement))]
    public async Task Advertisement_failures_are_red_and_the_caption_says_what_the_bracketed_numbers_are()
    {
        var page = await browser.OpenAsync("/advertisements");
        var lab20001 = page.Locator("#advertisements-table tbody tr", new() { HasText = "LAB20001" });

        await Expect(lab20001.Locator("a.count.Failures")).ToHaveClassAsync(new Regex("mud-error-text"));
        await Expect(lab20001.Locator("a.count.ProgramSuccess, .count.ProgramSuccess").First).Not.ToHaveClassAsync(new Regex("mud-error-text"));
        await Expect(page.Locator("#advertisements-table .columns-unit")).ToContainTextAsync("(in brackets) status messages");
    }

    [Fact(Skip = BrowserRequirement.Reason, SkipUnless = nameof(BrowserRequirement.Available), SkipType = typeof(BrowserRequirement))]
    public async Task The_API_reference_offers_the_API_without_the_vendors_buttons()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(browser.BaseUrl + "/scalar/v1");
        await Expect(page.GetByText("AdvertStatus API").First).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        var text = await page.Locator("body").InnerTextAsync();
        foreach (var vendor in new[] { "Ask AI", "Generate SDK", "Deploy", "Generate MCP" })
        {
            Assert.DoesNotContain(vendor, text, StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>Whether the page's background is dark (MudBlazor draws the theme through CSS variables on the body).</summary>
    private static async Task<bool> IsDarkAsync(IPage page)
    {
        var rgb = await page.EvaluateAsync<int[]>("() => getComputedStyle(document.body).backgroundColor.match(/\\d+/g).slice(0, 3).map(Number)");
        return rgb.Sum() < 3 * 100;
    }
}
