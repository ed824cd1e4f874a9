using AdvertStatus.Core.AdvertisementStatus;
using AdvertStatus.Web.Api;
using AdvertStatus.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Advertisements;

/// <summary>Advertisement status from the per-machine summary rows, never from message history.</summary>
public sealed class AdvertisementQueries(IDbContextFactory<AdvertStatusDbContext> contexts)
{
    /// <summary>
    /// Advertisements with their console columns. For a site-limited caller (<paramref name="sites"/>) the
    /// columns count only its sites' machines, and only advertisements of, or run by, its sites appear.
    /// </summary>
    public static IQueryable<AdvertisementStatusItem> Filter(
        AdvertStatusDbContext db, string? site, IReadOnlySet<string>? sites = null, IReadOnlyCollection<string>? ids = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        var adverts = db.Advertisements.AsNoTracking();
        var statuses = db.AdvertisementMachineStatuses.AsNoTracking();
        if (sites is not null)
        {
            var allowed = sites.ToList();
            statuses = statuses.Where(s => s.SiteCode != null && allowed.Contains(s.SiteCode));
            adverts = adverts.Where(a => (a.SiteCode != null && allowed.Contains(a.SiteCode)) || statuses.Any(s => s.AdvertisementId == a.AdvertisementId));
        }

        if (site is not null)
        {
            adverts = adverts.Where(a => a.SiteCode == site);
        }

        if (ids is not null)
        {
            adverts = adverts.Where(a => ids.Contains(a.AdvertisementId));
        }

        return adverts
            .OrderBy(a => a.AdvertisementId)
            .Select(a => new AdvertisementStatusItem(
                a.AdvertisementId, a.SiteCode, a.PackageId, a.PackageName, a.ProgramName, a.CollectionId,
                a.UsesSoftwareInstallationAccount, a.SoftwareInstallationAccount,
                statuses.Count(s => s.AdvertisementId == a.AdvertisementId && s.Received > 0),
                statuses.Count(s => s.AdvertisementId == a.AdvertisementId && s.Failures > 0),
                statuses.Count(s => s.AdvertisementId == a.AdvertisementId && s.ProgramsStarted > 0),
                statuses.Count(s => s.AdvertisementId == a.AdvertisementId && s.ProgramErrors > 0),
                statuses.Count(s => s.AdvertisementId == a.AdvertisementId && s.ProgramSuccess > 0),
                new StatusMessageCounts(
                    statuses.Where(s => s.AdvertisementId == a.AdvertisementId).Sum(s => (int?)s.Received) ?? 0,
                    statuses.Where(s => s.AdvertisementId == a.AdvertisementId).Sum(s => (int?)s.Failures) ?? 0,
                    statuses.Where(s => s.AdvertisementId == a.AdvertisementId).Sum(s => (int?)s.ProgramsStarted) ?? 0,
                    statuses.Where(s => s.AdvertisementId == a.AdvertisementId).Sum(s => (int?)s.ProgramErrors) ?? 0,
                    statuses.Where(s => s.AdvertisementId == a.AdvertisementId).Sum(s => (int?)s.ProgramSuccess) ?? 0)));
    }

    public async Task<Page<AdvertisementStatusItem>> ListAsync(
        string? site, string? after, int limit, CancellationToken cancellationToken, IReadOnlySet<string>? sites = null)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = Filter(db, site, sites);
        if (after is not null)
        {
            query = query.Where(a => a.AdvertisementId.CompareTo(after) > 0);
        }

        var rows = await query.Take(limit + 1).ToListAsync(cancellationToken);
        var page = rows.Take(limit).ToList();
        return new Page<AdvertisementStatusItem>(page, rows.Count > limit ? Cursor.Encode(page[^1].AdvertisementId) : null);
    }

    /// <summary>The advertisements with the most failing machines, ranked on the summary rows.</summary>
    public static async Task<List<AdvertisementStatusItem>> TopFailingAsync(AdvertStatusDbContext db, int count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var top = await db.AdvertisementMachineStatuses
            .GroupBy(s => s.AdvertisementId)
            .Select(g => new { AdvertisementId = g.Key, Failures = g.Count(s => s.Failures > 0) })
            .Where(t => t.Failures > 0)
            .OrderByDescending(t => t.Failures).ThenBy(t => t.AdvertisementId)
            .Take(count)
            .ToListAsync(cancellationToken);
        var ids = top.Select(t => t.AdvertisementId).ToList();
        var items = await Filter(db, null, ids: ids).ToListAsync(cancellationToken);
        return [.. items.OrderByDescending(a => a.Failures).ThenBy(a => a.AdvertisementId, StringComparer.Ordinal)];
    }

    /// <summary>The machines of one advertisement with at least one message in <paramref name="column"/> (all machines when null).</summary>
    public static IQueryable<AdvertisementMachineStatus> Machines(AdvertStatusDbContext db, string advertisementId, StatusColumn? column, IReadOnlySet<string>? sites = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = db.AdvertisementMachineStatuses.AsNoTracking().Where(s => s.AdvertisementId == advertisementId);
        if (sites is not null)
        {
            var allowed = sites.ToList();
            rows = rows.Where(s => s.SiteCode != null && allowed.Contains(s.SiteCode));
        }

        rows = column switch
        {
            StatusColumn.Received => rows.Where(s => s.Received > 0),
            StatusColumn.Failures => rows.Where(s => s.Failures > 0),
            StatusColumn.ProgramsStarted => rows.Where(s => s.ProgramsStarted > 0),
            StatusColumn.ProgramErrors => rows.Where(s => s.ProgramErrors > 0),
            StatusColumn.ProgramSuccess => rows.Where(s => s.ProgramSuccess > 0),
            _ => rows,
        };
        return rows.OrderBy(s => s.MachineName);
    }

    /// <summary>The drill-down; null when the advertisement is unknown or not visible to a site-limited caller.</summary>
    public async Task<Page<AdvertisementMachineItem>?> ListMachinesAsync(
        string advertisementId, StatusColumn? column, string? after, int limit, CancellationToken cancellationToken, IReadOnlySet<string>? sites = null)
    {
        var id = advertisementId.Trim().ToUpperInvariant();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await Filter(db, null, sites, [id]).AnyAsync(cancellationToken))
        {
            return null;
        }

        var query = Machines(db, id, column, sites);
        if (after is not null)
        {
            query = query.Where(s => s.MachineName.CompareTo(after) > 0);
        }

        var rows = await query.Take(limit + 1)
            .Select(s => new AdvertisementMachineItem(s.MachineName, s.SiteCode, s.Received, s.Failures, s.ProgramsStarted, s.ProgramErrors, s.ProgramSuccess,
                s.LastMessageId, s.LastTime, s.LastWin32Code))
            .ToListAsync(cancellationToken);
        var page = rows.Take(limit).ToList();
        return new Page<AdvertisementMachineItem>(page, rows.Count > limit ? Cursor.Encode(page[^1].MachineName) : null);
    }
}
