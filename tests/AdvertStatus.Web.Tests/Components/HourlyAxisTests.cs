using AdvertStatus.Web.Components.Widgets;

namespace AdvertStatus.Web.Tests.Components;

public class HourlyAxisTests
{
    private static readonly DateTime Start = new(2026, 11, 17, 12, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime[] Week = [.. Enumerable.Range(0, 168).Select(h => Start.AddHours(h))];

    [Fact]
    public void A_week_with_a_day_of_data_begins_six_hours_before_the_first_data_and_says_so()
    {
        var failures = Week.Select((h, i) => i == 150 ? 3.0 : 0).ToArray();
        var lockouts = Week.Select((h, i) => i == 160 ? 1.0 : 0).ToArray();

        var axis = HourlyAxis.Of(Week, failures, lockouts);

        Assert.Equal(144, axis.Skip);
        Assert.Equal(Week[144], axis.ShownFrom);
        Assert.Equal(24, axis.Labels.Count);
        Assert.Equal(3.0, axis.Values(failures)[6]);
        Assert.Equal("last 7 days, from Nov 23 12:00Z (the first data)", axis.Period(TimeRange.Parse("7d", null, null, Start.AddDays(7))));
    }

    [Fact]
    public void Data_from_the_start_or_none_keeps_the_whole_range()
    {
        var early = Week.Select((h, i) => i == 2 ? 1.0 : 0).ToArray();

        Assert.Equal(0, HourlyAxis.Of(Week, early).Skip);
        Assert.Null(HourlyAxis.Of(Week, new double[168]).ShownFrom);
    }

    [Theory]
    [InlineData(0, 1, "Nov 24")]
    [InlineData(6, 1, "06:00")]
    [InlineData(7, 1, "")]
    [InlineData(0, 7, "Nov 24")]
    [InlineData(6, 7, "")]
    public void Labels_are_six_hourly_over_two_days_and_daily_beyond(int hour, int spanDays, string expected) =>
        Assert.Equal(expected, HourlyAxis.Label(new DateTime(2026, 11, 24, hour, 0, 0, DateTimeKind.Utc), TimeSpan.FromDays(spanDays)));
}
