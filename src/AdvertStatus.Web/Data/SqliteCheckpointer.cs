using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Data;

/// <summary>
/// Copies committed pages from SQLite's write-ahead log into the database file, on a connection of its own, so
/// the ingestion writer never does it inside a commit. SQLite's automatic checkpoint (every 1,000 log pages)
/// ran in whichever commit crossed the mark: a 4 MB copy and an fsync on the one thread every batch waits for.
/// The connections turn it off (<see cref="SqlitePragmaInterceptor"/>); a PASSIVE checkpoint never blocks a
/// writer or reader and is durable already, each commit having been synced to the log.
/// </summary>
internal sealed partial class SqliteCheckpointer(IDbContextFactory<AdvertStatusDbContext> contexts, ILogger<SqliteCheckpointer> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var db = await contexts.CreateDbContextAsync(stoppingToken);
                await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(PASSIVE);", stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogCheckpointFailed(logger, ex);   // the log keeps its pages; the next tick copies them
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "A WAL checkpoint failed; the next one copies its pages")]
    private static partial void LogCheckpointFailed(ILogger logger, Exception exception);
}
