using AdvertStatus.Web.Components.Widgets;

namespace AdvertStatus.Web.Tests.Components;

/// <summary>The dashboard's time range as the URL states it.</summary>
public class TimeRangeTests
{
    private static readonly DateTime Now = new(2026, 11, 24, 12, 30, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("24h", 24)]
    [InlineData("7d", 168)]
    [InlineData("30d", 720)]
    [InlineData(null, 168)]
    [InlineData("forever", 168)]
    public void A_preset_ends_with_the_current_hour(string? range, int hours)
    {
        var parsed = TimeRange.Parse(range, null, null, Now);

        Assert.Equal(new DateTime(2026, 11, 24, 13, 0, 0, DateTimeKind.Utc), parsed.To);
        Assert.Equal(hours, parsed.Hours().Count);
        Assert.Equal(parsed.From, parsed.Hours()[0]);
    }

    [Fact]
    public void A_custom_range_is_whole_days_from_and_to_inclusive()
    {
        var parsed = TimeRange.Parse("custom", "2026-11-01", "2026-11-03", Now);

        Assert.Equal((new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 4, 0, 0, 0, DateTimeKind.Utc)), (parsed.From, parsed.To));
        Assert.Equal(72, parsed.Hours().Count);
        Assert.Equal("2026-11-01 – 2026-11-03", parsed.Label);
    }

    [Theory]
    [InlineData("2026-11-03", "2026-11-01")]
    [InlineData("2026-01-01", "2026-11-01")]
    [InlineData("yesterday", "2026-11-01")]
    public void A_reversed_too_long_or_unreadable_custom_range_falls_back_to_a_week(string from, string to)
    {
        Assert.Equal("7d", TimeRange.Parse("custom", from, to, Now).Key);
    }
}
