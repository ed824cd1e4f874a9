using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;

namespace AdvertStatus.Web.Data;

/// <summary>
/// Whether the database is answering, as the last writes found it. While it is locked or unreachable,
/// ingestion fails fast with 503 for <see cref="Cooldown"/> after each failed attempt instead of
/// queueing every request behind another timeout, and readiness reports it; the next attempt after
/// the cooldown finds out whether it is back, so recovery needs nobody.
/// </summary>
/// <remarks>
/// Measured on the machine's monotonic clock, not the app's <see cref="TimeProvider"/>: the cooldown is
/// about real seconds of a real lock, and business time may be frozen (tests) or moved.
/// </remarks>
public sealed class DatabaseHealth
{
    /// <summary>How long after a failed attempt requests are refused without trying.</summary>
    public static readonly TimeSpan Cooldown = TimeSpan.FromSeconds(5);

    /// <summary>What a refused client is told to wait (the Retry-After header).</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(10);

    private long _unavailableAtMs;

    /// <summary>True within <see cref="Cooldown"/> of the last failure that <see cref="IsUnavailable"/> recognised.</summary>
    public bool RecentlyUnavailable =>
        Interlocked.Read(ref _unavailableAtMs) is var at && at != 0 && Environment.TickCount64 - at < (long)Cooldown.TotalMilliseconds;

    public void ReportUnavailable() => Interlocked.Exchange(ref _unavailableAtMs, Math.Max(1, Environment.TickCount64));

    public void ReportAvailable() => Interlocked.Exchange(ref _unavailableAtMs, 0);

    /// <summary>
    /// True for a database that is busy (locked past the busy timeout), timed out, or cannot be reached;
    /// false for everything else (constraint violations, bugs), which must not hide behind a 503.
    /// </summary>
    public static bool IsUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case DatabaseUnavailableException:
                case TimeoutException:
                case RetryLimitExceededException:
                case SqliteException { SqliteErrorCode: 5 or 6 or 14 }:   // SQLITE_BUSY, SQLITE_LOCKED, SQLITE_CANTOPEN
                case SqlException { Number: -2 or -1 or 2 or 53 or 64 or 233 or 1205 or 4060 or 10053 or 10054 or 10060 or 40197 or 40501 or 40613 }:
                    return true;
            }
        }

        return false;
    }
}

/// <summary>Refused without trying: the database failed moments ago (<see cref="DatabaseHealth.Cooldown"/>).</summary>
public sealed class DatabaseUnavailableException(string message) : Exception(message);
