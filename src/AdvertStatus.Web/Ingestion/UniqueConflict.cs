using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Ingestion;

/// <summary>
/// Two requests carrying the same new key (a re-sent batch racing its original, or two instances behind
/// a load balancer) can both pass the duplicate check; the unique index stops the second. Retrying the
/// whole batch then sees the winner's rows and counts them as duplicates, so nothing accepted is lost.
/// </summary>
internal static class UniqueConflict
{
    private const int Attempts = 4;

    public static async Task<T> RetryAsync<T>(Func<CancellationToken, Task<T>> attempt, CancellationToken cancellationToken)
    {
        for (var i = 1; ; i++)
        {
            try
            {
                return await attempt(cancellationToken);
            }
            catch (DbUpdateException ex) when (i < Attempts && IsUniqueViolation(ex))
            {
            }
        }
    }

    private static bool IsUniqueViolation(DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == 19, // SQLITE_CONSTRAINT (unique or primary key)
        SqlException sql => sql.Number is 2601 or 2627,         // duplicate key in unique index / constraint
        _ => false,
    };
}
