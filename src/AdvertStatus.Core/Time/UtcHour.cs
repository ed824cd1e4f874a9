namespace AdvertStatus.Core.Time;

/// <summary>Hourly buckets: the failure counters, the trend snapshots and the dashboard's charts all count by the UTC hour.</summary>
public static class UtcHour
{
    /// <summary>The start of the hour <paramref name="time"/> falls in, as UTC.</summary>
    public static DateTime Of(DateTime time) => new(time.Year, time.Month, time.Day, time.Hour, 0, 0, DateTimeKind.Utc);
}
