using System.Globalization;
using System.Text;
using SQLitePCL;

namespace AdvertStatus.Web.Data;

/// <summary>
/// Binds a provider value (after EF's value converters) to a SQLite statement exactly as
/// Microsoft.Data.Sqlite stores it, so rows the row writer writes equal those <c>SaveChanges</c> writes
/// (<c>SqliteRowWriterTests</c> compares them column by column). Text and times are encoded into buffers that are
/// reused, not into a new string or array per value: on the writer thread that allocation cost as much as the insert.
/// </summary>
internal static class SqliteValues
{
    public static void Bind(sqlite3_stmt statement, int position, object? value)
    {
        var rc = value switch
        {
            null or DBNull => raw.sqlite3_bind_null(statement, position),
            string text => BindText(statement, position, text),
            long number => raw.sqlite3_bind_int64(statement, position, number),
            int number => raw.sqlite3_bind_int64(statement, position, number),
            short number => raw.sqlite3_bind_int64(statement, position, number),
            byte number => raw.sqlite3_bind_int64(statement, position, number),
            bool flag => raw.sqlite3_bind_int64(statement, position, flag ? 1 : 0),
            double real => raw.sqlite3_bind_double(statement, position, real),
            float real => raw.sqlite3_bind_double(statement, position, real),
            // Microsoft.Data.Sqlite's text forms of times.
            DateTime time => BindTime(statement, position, time),
            DateTimeOffset time => raw.sqlite3_bind_text(statement, position, time.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFFzzz", CultureInfo.InvariantCulture)),
            byte[] bytes => raw.sqlite3_bind_blob(statement, position, bytes),
            _ => throw new NotSupportedException($"The inserter does not bind {value.GetType().Name} values; add it here as Microsoft.Data.Sqlite binds it."),
        };
        if (rc != raw.SQLITE_OK)
        {
            throw new InvalidOperationException($"SQLite refused value {position} ({rc}).");
        }
    }

    [ThreadStatic]
    private static byte[]? _utf8;

    /// <summary>UTF-8 into a buffer the thread keeps (SQLite copies what is bound), not into a new array per value.</summary>
    private static int BindText(sqlite3_stmt statement, int position, string text)
    {
        var buffer = _utf8 is { } kept && kept.Length >= Encoding.UTF8.GetMaxByteCount(text.Length) ? kept : _utf8 = new byte[Math.Max(4096, Encoding.UTF8.GetMaxByteCount(text.Length))];
        return raw.sqlite3_bind_text(statement, position, buffer.AsSpan(0, Encoding.UTF8.GetBytes(text, buffer)));
    }

    private static int BindTime(sqlite3_stmt statement, int position, DateTime time)
    {
        Span<byte> text = stackalloc byte[32];
        return time.TryFormat(text, out var length, @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture)
            ? raw.sqlite3_bind_text(statement, position, text[..length])
            : raw.sqlite3_bind_text(statement, position, time.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture));
    }
}
