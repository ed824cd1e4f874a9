using AdvertStatus.Core.Time;
using System.Globalization;

namespace AdvertStatus.Web.Components.Widgets;

/// <summary>
/// The period the dashboard's time axes show, chosen once in the app bar and carried by the URL
/// (<c>?range=24h|7d|30d</c>, or <c>?from=2026-11-01&amp;to=2026-11-08</c> for a custom span) from page to page.
/// </summary>
public sealed record TimeRange(string Key, DateTime From, DateTime To)
{
    public const string Parameter = "range";
    public const string Custom = "custom";

    /// <summary>The lists' extra choice: no time limit (charts read it as the default week).</summary>
    public const string AnyTime = "all";

    /// <summary>The presets, shortest first; the default is a week.</summary>
    public static readonly IReadOnlyList<(string Key, string Label, TimeSpan Span)> Presets =
    [
        ("24h", "Last 24 hours", TimeSpan.FromHours(24)),
        ("7d", "Last 7 days", TimeSpan.FromDays(7)),
        ("30d", "Last 30 days", TimeSpan.FromDays(30)),
    ];

    /// <summary>The longest custom span, so an hourly chart stays readable and its query bounded.</summary>
    public static readonly TimeSpan MaxSpan = TimeSpan.FromDays(92);

    public string Label => Key == Custom
        ? $"{From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} – {To.AddTicks(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"
        : Presets.First(p => p.Key == Key).Label;

    /// <summary>Hour starts from the hour of <see cref="From"/> to the hour before <see cref="To"/>.</summary>
    public IReadOnlyList<DateTime> Hours()
    {
        var first = UtcHour.Of(From);
        var count = Math.Max(1, (int)Math.Ceiling((To - first).TotalHours));
        return [.. Enumerable.Range(0, count).Select(h => first.AddHours(h))];
    }

    /// <summary>The range an address names (its query), at <paramref name="now"/>.</summary>
    public static TimeRange FromUri(string uri, DateTime now)
    {
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(uri).Query);
        return Parse(query.GetValueOrDefault(Parameter), query.GetValueOrDefault("from"), query.GetValueOrDefault("to"), now);
    }

    /// <summary>The range part of an address's query (<c>?range=…[&amp;from=…&amp;to=…]</c>), or empty: what links carry to the next page.</summary>
    public static string QueryOf(string uri)
    {
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(uri).Query);
        var kept = new[] { Parameter, "from", "to" }.Where(query.ContainsKey).ToDictionary(k => k, k => (string?)query[k].ToString());
        return kept.Count == 0 ? "" : Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("", kept);
    }

    /// <summary>
    /// The period a list keeps, or null for any time: a list shows everything until a range is chosen
    /// (an open finding from last month is still open), then what was active in it.
    /// </summary>
    public static TimeRange? ForList(string? range, string? from, string? to, DateTime now) =>
        MeansAnyTime(range) ? null : Parse(range, from, to, now);

    /// <summary>True when a list shows every time: no range chosen, or "all".</summary>
    public static bool MeansAnyTime(string? range) => range is null or AnyTime;

    /// <summary>
    /// Reads the URL's choice at <paramref name="now"/>. A custom span is whole UTC days, <c>from</c> to
    /// <c>to</c> inclusive; anything unreadable, reversed or too long falls back to the default week.
    /// </summary>
    public static TimeRange Parse(string? range, string? from, string? to, DateTime now)
    {
        if (range == Custom
            && DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
            && DateOnly.TryParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var last)
            && first <= last)
        {
            var start = first.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            var end = last.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            if (end - start <= MaxSpan)
            {
                return new TimeRange(Custom, start, end);
            }
        }

        var preset = Presets.FirstOrDefault(p => p.Key == range);
        if (preset.Key is null)
        {
            preset = Presets[1];
        }

        var until = UtcHour.Of(now).AddHours(1);
        return new TimeRange(preset.Key, until - preset.Span, until);
    }
}
