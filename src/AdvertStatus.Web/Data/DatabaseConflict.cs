using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Data;

/// <summary>
/// Recognises a write that lost a race to another instance, on either provider and on every path: EF Core's
/// <see cref="DbUpdateException"/> and <see cref="DbUpdateConcurrencyException"/>, and the bare provider
/// exceptions that raw statements, the row writers and <c>ExecuteUpdate</c>/<c>ExecuteDelete</c> throw.
/// </summary>
internal static class DatabaseConflict
{
    /// <summary>SQLITE_CONSTRAINT's extended codes for a unique index and a primary key.</summary>
    private const int SqliteUniqueViolation = 2067;
    private const int SqlitePrimaryKeyViolation = 1555;

    /// <summary>True when <paramref name="exception"/> (or one it wraps) is a lost race for a key or a stale version.</summary>
    public static bool Is(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case DbUpdateConcurrencyException:
                case SqliteException { SqliteExtendedErrorCode: SqliteUniqueViolation or SqlitePrimaryKeyViolation }:
                case SqlException { Number: 2601 or 2627 }:   // duplicate key in a unique index / constraint
                    return true;
            }
        }

        return false;
    }
}
