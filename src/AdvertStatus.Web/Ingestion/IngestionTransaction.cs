using AdvertStatus.Web.Data;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Ingestion;

/// <summary>
/// Runs one ingestion in a single transaction: the new rows are inserted, the rules read them back
/// together with history, and findings and summaries are written before the commit, so a 202 means
/// the data and everything derived from it are stored together.
/// </summary>
/// <remarks>
/// Two requests can race: both pass the duplicate check for one new key (the unique index stops the
/// second), or both update one finding (the concurrency token stops the second). The loser retries
/// the whole batch on a fresh context and then sees the winner's rows, so nothing accepted is lost and
/// nothing is counted twice. On SQLite the transaction is IMMEDIATE, so batches simply queue.
/// </remarks>
internal static class IngestionTransaction
{
    private const int Attempts = 5;

    public static async Task<T> RunAsync<T>(
        IDbContextFactory<AdvertStatusDbContext> contexts,
        Func<AdvertStatusDbContext, CancellationToken, Task<T>> work,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            try
            {
                // SQL Server's retrying execution strategy only allows user transactions inside it.
                return await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
                {
                    await using var transaction = await db.Database.BeginTransactionAsync(ct);
                    var result = await work(db, ct);
                    await transaction.CommitAsync(ct);
                    return result;
                }, cancellationToken);
            }
            catch (DbUpdateException ex) when (attempt < Attempts && IsConflict(ex))
            {
            }
        }
    }

    private static bool IsConflict(DbUpdateException exception) => exception is DbUpdateConcurrencyException || exception.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == 19, // SQLITE_CONSTRAINT (unique or primary key)
        SqlException sql => sql.Number is 2601 or 2627,         // duplicate key in unique index / constraint
        _ => false,
    };
}
