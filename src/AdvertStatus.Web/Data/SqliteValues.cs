using System.Globalization;
using SQLitePCL;

namespace AdvertStatus.Web.Data;

/// <summary>
/// Binds a provider value (after EF's value converters) to a SQLite statement exactly as
/// Microsoft.Data.Sqlite stores it, so rows the inserter writes equal those <c>SaveChanges</c> writes
/// (<c>RowInserterTests</c> compares them column by column).
/// </summary>
internal static class SqliteValues
{
    public static void Bind(sqlite3_stmt statement, int position, object? value)
    {
        var rc = value switch
        {
            null or DBNull => raw.sqlite3_bind_null(statement, position),
            string text => raw.sqlite3_bind_text(statement, position, text),
            long number => raw.sqlite3_bind_int64(statement, position, number),
            int number => raw.sqlite3_bind_int64(statement, position, number),
            short number => raw.sqlite3_bind_int64(statement, position, number),
            byte number => raw.sqlite3_bind_int64(statement, position, number),
            bool flag => raw.sqlite3_bind_int64(statement, position, flag ? 1 : 0),
            double real => raw.sqlite3_bind_double(statement, position, real),
            float real => raw.sqlite3_bind_double(statement, position, real),
            // Microsoft.Data.Sqlite's text forms of times.
            DateTime time => raw.sqlite3_bind_text(statement, position, time.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture)),
            DateTimeOffset time => raw.sqlite3_bind_text(statement, position, time.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFFzzz", CultureInfo.InvariantCulture)),
            byte[] bytes => raw.sqlite3_bind_blob(statement, position, bytes),
            _ => throw new NotSupportedException($"The inserter does not bind {value.GetType().Name} values; add it here as Microsoft.Data.Sqlite binds it."),
        };
        if (rc != raw.SQLITE_OK)
        {
            throw new InvalidOperationException($"SQLite refused value {position} ({rc}).");
        }
    }
}
