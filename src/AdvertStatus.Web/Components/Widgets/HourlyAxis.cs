using System.Globalization;

namespace AdvertStatus.Web.Components.Widgets;

/// <summary>
/// The time axis of an hourly chart. A week of hours holding a day of data would be 85 % empty bars, so the chart
/// begins six hours before its first data and its title says so; labels stay readable at hundreds of points.
/// </summary>
public sealed record HourlyAxis(int Skip, IReadOnlyList<string> Labels, DateTime? ShownFrom)
{
    private const int LeadHours = 6;

    /// <param name="hours">The range's hours, oldest first.</param>
    /// <param name="series">The values per hour of each series drawn on the axis.</param>
    public static HourlyAxis Of(IReadOnlyList<DateTime> hours, params IReadOnlyList<double>[] series)
    {
        ArgumentNullException.ThrowIfNull(hours);
        var first = Enumerable.Range(0, hours.Count).FirstOrDefault(i => series.Any(s => s[i] > 0), -1);
        var skip = first < 0 ? 0 : Math.Max(0, first - LeadHours);
        var shown = hours.Skip(skip).ToList();
        var span = shown.Count == 0 ? TimeSpan.Zero : shown[^1] - shown[0];
        return new HourlyAxis(skip, [.. shown.Select(h => Label(h, span))], skip > 0 ? shown[0] : null);
    }

    /// <summary>The values of a series from where the axis begins.</summary>
    public double[] Values(IEnumerable<double> series) => [.. series.Skip(Skip)];

    /// <summary>"last 7 days", or "last 7 days, from Nov 24 03:00Z (the first data)" when the chart begins later.</summary>
    public string Period(TimeRange range)
    {
        ArgumentNullException.ThrowIfNull(range);
        var label = range.Key == TimeRange.Custom ? range.Label : range.Label.ToLowerInvariant();
        return label + (ShownFrom is { } from ? $", from {from.ToString("MMM d HH:mm", CultureInfo.InvariantCulture)}Z (the first data)" : "");
    }

    /// <summary>Every six hours over a day or two (the date at midnight), one label a day over longer spans.</summary>
    public static string Label(DateTime hour, TimeSpan span) => span <= TimeSpan.FromDays(2)
        ? (hour.Hour % 6 != 0 ? "" : hour.Hour == 0 ? hour.ToString("MMM d", CultureInfo.InvariantCulture) : hour.ToString("HH:mm", CultureInfo.InvariantCulture))
        : (hour.Hour == 0 ? hour.ToString("MMM d", CultureInfo.InvariantCulture) : "");
}
