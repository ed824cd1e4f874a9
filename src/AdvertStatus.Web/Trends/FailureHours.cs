using AdvertStatus.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Trends;

/// <summary>Adds failures to their hours, inside the caller's transaction.</summary>
internal static class FailureHours
{
    /// <summary>
    /// Adds <paramref name="times"/> to the count of their hours: one increment per hour, done by the
    /// database, so two instances adding to the same hour both count.
    /// </summary>
    public static async Task AddAsync(AdvertStatusDbContext db, IEnumerable<DateTime> times, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var sql = IncrementSql(db.Database.IsSqlServer());
        foreach (var hour in times.GroupBy(HourOf))
        {
            await db.Database.ExecuteSqlRawAsync(sql, [hour.Key, hour.Count()], cancellationToken);
        }
    }

    /// <summary>The increment with <c>{0}</c> the hour and <c>{1}</c> the count (public for the T-SQL parse test).</summary>
    public static string IncrementSql(bool sqlServer) => sqlServer
        ? "MERGE [FailureHours] WITH (HOLDLOCK) AS [target] USING (VALUES ({0}, {1})) AS [source] ([Hour], [Added]) ON [target].[Hour] = [source].[Hour] " +
            "WHEN MATCHED THEN UPDATE SET [target].[Error1317Failures] = [target].[Error1317Failures] + [source].[Added] " +
            "WHEN NOT MATCHED THEN INSERT ([Hour], [Error1317Failures]) VALUES ([source].[Hour], [source].[Added]);"
        : "INSERT INTO \"FailureHours\" (\"Hour\", \"Error1317Failures\") VALUES ({0}, {1}) " +
            "ON CONFLICT (\"Hour\") DO UPDATE SET \"Error1317Failures\" = \"Error1317Failures\" + excluded.\"Error1317Failures\";";

    public static DateTime HourOf(DateTime time) => new(time.Year, time.Month, time.Day, time.Hour, 0, 0, DateTimeKind.Utc);
}
