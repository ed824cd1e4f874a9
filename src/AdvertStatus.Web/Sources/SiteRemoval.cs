using AdvertStatus.Core.Sources;
using AdvertStatus.Web.Audit;
using AdvertStatus.Web.Data;
using AdvertStatus.Web.Ingestion;
using AdvertStatus.Web.Trends;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Sources;

/// <summary>What removing a site took away.</summary>
public sealed record SiteRemovalResult(
    string SiteCode, int StatusMessages, int InventoryReports, int Findings, int AdvertisementStatuses, int Advertisements,
    int MachinesRemoved, int MachinesRehomed, int TrendSnapshots);

/// <summary>
/// Removes a site with the data reported under it: a typo'd site code in an agent's settings ("LBA" for "LAB") makes
/// a phantom site that would otherwise stay in every count. Its status messages, inventory, findings, advertisement
/// status, advertisements and trend snapshots go; a machine homed there moves to the site of its newest remaining
/// data, or goes when none remains. The hourly failure counts and the lockouts are not per site and stay.
/// </summary>
public sealed class SiteRemoval(IDbContextFactory<AdvertStatusDbContext> contexts, TimeProvider clock)
{
    /// <returns>What was removed; null when no such site is known.</returns>
    /// <exception cref="SiteRemovalBusyException">A batch is still waiting for the projector, and may hold the site's data.</exception>
    public async Task<SiteRemovalResult?> RemoveAsync(string siteCode, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(siteCode);
        var code = siteCode.Trim().ToUpperInvariant();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.DataSources.AnyAsync(s => s.Kind == DataSourceKind.Site && s.Name == code, cancellationToken)
            && !await db.Sites.AnyAsync(s => s.SiteCode == code, cancellationToken))
        {
            return null;
        }

        // The transaction with the framework's retrying strategy (SQL Server retries transient errors as a whole).
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var messages = await db.StatusMessages.Where(m => m.SiteCode == code).ExecuteDeleteAsync(cancellationToken);
            var inventory = await db.InventoryReports.Where(r => r.SiteCode == code).ExecuteDeleteAsync(cancellationToken);
            // Evidence and openings go with their finding (cascade).
            var findings = await db.Findings.Where(f => f.SiteCode == code).ExecuteDeleteAsync(cancellationToken);
            var statuses = await db.AdvertisementMachineStatuses.Where(s => s.SiteCode == code).ExecuteDeleteAsync(cancellationToken);
            var adverts = await db.Advertisements.Where(a => a.SiteCode == code).ExecuteDeleteAsync(cancellationToken);
            var removed = await db.Machines
                .Where(m => m.SiteCode == code
                    && !db.StatusMessages.Any(s => s.MachineName == m.MachineName)
                    && !db.InventoryReports.Any(r => r.MachineName == m.MachineName))
                .ExecuteDeleteAsync(cancellationToken);
            var rehomed = await db.Machines
                .Where(m => m.SiteCode == code)
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.SiteCode, m => db.StatusMessages
                    .Where(s => s.MachineName == m.MachineName)
                    .OrderByDescending(s => s.Time)
                    .Select(s => s.SiteCode)
                    .FirstOrDefault()
                    ?? db.InventoryReports
                        .Where(r => r.MachineName == m.MachineName)
                        .OrderByDescending(r => r.Time)
                        .Select(r => r.SiteCode)
                        .FirstOrDefault()), cancellationToken);
            var trends = await db.Set<TrendSnapshot>().Where(t => t.SiteCode == code).ExecuteDeleteAsync(cancellationToken);
            await db.Sites.Where(s => s.SiteCode == code).ExecuteDeleteAsync(cancellationToken);
            await db.DataSources.Where(s => s.Kind == DataSourceKind.Site && s.Name == code).ExecuteDeleteAsync(cancellationToken);

            // Asked last, after the deletes: on SQLite the first delete took the write lock, so no batch can be appended
            // between this look and the commit. A pending batch would be projected after the removal and bring the
            // site back; leaving without a commit rolls everything back.
            if (await db.Set<IngestionBatch>().AnyAsync(b => b.ProjectedAt == null, cancellationToken))
            {
                throw new SiteRemovalBusyException();
            }

            var result = new SiteRemovalResult(code, messages, inventory, findings, statuses, adverts, removed, rehomed, trends);
            AuditLog.Add(db, clock.GetUtcNow().UtcDateTime, actor, AuditActions.SiteRemove, $"site:{code}",
                $"{messages} status messages, {inventory} inventory reports, {findings} findings, {statuses} advertisement statuses, "
                + $"{adverts} advertisements, {removed} machines removed, {rehomed} moved to another site");
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return result;
        });
    }
}

/// <summary>Batches are waiting for the projector: a site's data cannot be removed until they are projected.</summary>
public sealed class SiteRemovalBusyException()
    : Exception("Batches are still being projected, and may hold data of this site. Try again in a few seconds.");
