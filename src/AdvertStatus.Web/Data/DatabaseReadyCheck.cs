using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AdvertStatus.Web.Data;

/// <summary>
/// <c>/health/ready</c>: the database must take a write, not merely answer a read. On SQLite a reader
/// is never blocked by a writer (WAL), so the check takes the write lock and lets it go at once
/// (<c>BEGIN IMMEDIATE; ROLLBACK</c>) with a short wait; on SQL Server it connects. Either way it is
/// unhealthy while ingestion has just found the database unavailable, and healthy again by itself.
/// </summary>
internal sealed class DatabaseReadyCheck(IDbContextFactory<AdvertStatusDbContext> contexts, DatabaseHealth health) : IHealthCheck
{
    private static readonly TimeSpan ProbeWait = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (health.RecentlyUnavailable)
        {
            return HealthCheckResult.Unhealthy("Ingestion found the database locked or unreachable moments ago.");
        }

        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            if (!db.Database.IsSqlite())
            {
                return await db.Database.CanConnectAsync(cancellationToken)
                    ? HealthCheckResult.Healthy()
                    : HealthCheckResult.Unhealthy("The database cannot be reached.");
            }

            await db.Database.OpenConnectionAsync(cancellationToken);
            await using var probe = db.Database.GetDbConnection().CreateCommand();
            probe.CommandTimeout = (int)ProbeWait.TotalSeconds;
            probe.CommandText = $"PRAGMA busy_timeout={(int)ProbeWait.TotalMilliseconds}; BEGIN IMMEDIATE; ROLLBACK;";
            await probe.ExecuteNonQueryAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (DatabaseHealth.IsUnavailable(ex))
        {
            return HealthCheckResult.Unhealthy("The database is locked or unreachable.", ex);
        }
    }
}
