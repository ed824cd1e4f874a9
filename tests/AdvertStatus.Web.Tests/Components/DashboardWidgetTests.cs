using AdvertStatus.Core.Coverage;
using AdvertStatus.Core.Findings;
using AdvertStatus.Web.Components.Widgets;
using AdvertStatus.Web.Workstations;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace AdvertStatus.Web.Tests.Components;

public class DashboardWidgetTests : BunitContext
{
    public DashboardWidgetTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;   // MudBlazor calls JS on render
    }

    [Theory]
    [InlineData(Verdict.Fixed, "mud-chip-color-success")]
    [InlineData(Verdict.Vulnerable, "mud-chip-color-error")]
    [InlineData(Verdict.Unknown, "mud-chip-color-default")]
    public void Colours_a_verdict_by_what_it_means(Verdict verdict, string colourClass)
    {
        var chip = Render<VerdictChip>(p => p.Add(c => c.Verdict, verdict));

        Assert.Contains(colourClass, chip.Find(".mud-chip").ClassName, StringComparison.Ordinal);
        Assert.Equal(verdict.ToString(), chip.Find(".mud-chip").TextContent.Trim());
    }

    [Theory]
    [InlineData(FindingState.Open, "mud-chip-color-error")]
    [InlineData(FindingState.Acknowledged, "mud-chip-color-warning")]
    [InlineData(FindingState.Resolved, "mud-chip-color-success")]
    public void Colours_a_finding_state(FindingState state, string colourClass)
    {
        var chip = Render<StateChip>(p => p.Add(c => c.State, state));

        Assert.Contains(colourClass, chip.Find(".mud-chip").ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public void Tells_an_empty_dashboard_how_to_send_data()
    {
        var empty = Render<EmptyState>(p => p.Add(c => c.Title, "No agent has reported yet"));

        Assert.Contains("No agent has reported yet", empty.Markup, StringComparison.Ordinal);
        Assert.Contains("/api/v1/status-messages", empty.Find("pre").TextContent, StringComparison.Ordinal);
        Assert.Contains("X-Api-Key", empty.Find("pre").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Merges_messages_events_and_inventory_into_one_timeline_newest_first()
    {
        var t = new DateTime(2026, 11, 24, 9, 0, 0, DateTimeKind.Utc);
        var detail = new WorkstationDetail("WKS01", "LAB", "CORP", "Windows 2000 Professional", "i386", "2.00.1493.3002", Verdict.Vulnerable, ["Q307434"], t,
            [],
            [new StatusMessageEntry(1, "1", t.AddMinutes(5), 10003, "Error", "LAB20001", "Office 2000", "Setup", 1317, 1317, null),
             new StatusMessageEntry(2, "2", t, 10002, null, "LAB20001", null, null, null, null, "Advertisement LAB20001 was received from site LAB."),
             new StatusMessageEntry(4, "4", t.AddMinutes(1), 10008, null, "LAB20002", null, null, null, null, null)],
            [new SecurityEventEntry(3, 4740, "Lockout", t.AddMinutes(6), "DC01", "SMSCliToknAcct&", "CORP", null)],
            [],
            [new InventoryEntry(t.AddDays(-1), "Windows 2000 Professional", "2.00.1493.3002", Verdict.Vulnerable)]);

        var timeline = TimelineEntry.From(detail);

        Assert.Equal(
            ["Lockout 4740 on DC01", "10003 Error while preparing to run the program · error 1317", "10008 Program completed successfully (exit code 0)", "10002 Advertisement received", "Inventory"],
            timeline.Select(e => e.Title));
        Assert.Equal([Color.Error, Color.Error, Color.Success, Color.Info, Color.Default], timeline.Select(e => e.Color));   // a success is green, only a success
        Assert.Equal("Advertisement LAB20001 was received from site LAB.", timeline[3].Detail);
    }

    [Fact]
    public void A_page_that_failed_on_a_busy_database_says_so_and_offers_a_retry()
    {
        var retried = false;
        var problem = Render<AdvertStatus.Web.Components.Layout.PageProblem>(p => p
            .Add(c => c.Error, new Microsoft.Data.Sqlite.SqliteException("database is locked", 5))
            .Add(c => c.OnRetry, () => retried = true));

        Assert.Contains("The database is busy or unreachable", problem.Find("#page-problem").TextContent, StringComparison.Ordinal);
        problem.Find("#page-retry").Click();
        Assert.True(retried);
    }

    [Fact]
    public void Any_other_page_failure_stays_generic()
    {
        var problem = Render<AdvertStatus.Web.Components.Layout.PageProblem>(p => p.Add(c => c.Error, new InvalidOperationException("secret detail")));

        Assert.Contains("This page failed to load", problem.Find("#page-problem").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("secret detail", problem.Markup, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(29.0, Color.Error)]
    [InlineData(60.0, Color.Warning)]
    [InlineData(95.0, Color.Success)]
    public void Colours_coverage_against_its_target_not_always_green(double percent, Color expected)
    {
        Assert.Equal(expected, StatusPalette.CoverageColor(percent, target: 95));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(3, 1)]
    [InlineData(10, 2)]
    [InlineData(47, 10)]
    [InlineData(1000, 200)]
    public void Steps_the_hourly_axis_in_readable_whole_numbers(double max, int step)
    {
        Assert.Equal(step, StatusPalette.NiceStep(max));
    }
}
