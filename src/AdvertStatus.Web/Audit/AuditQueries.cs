using System.Globalization;
using AdvertStatus.Web.Api;
using AdvertStatus.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Audit;

/// <summary>The audit log, newest first, keyset on the id; filters by exact actor and action.</summary>
public sealed class AuditQueries(IDbContextFactory<AdvertStatusDbContext> contexts)
{
    public async Task<Page<AuditItem>> ListAsync(string? actor, string? action, long? before, int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entries = db.AuditLog.AsNoTracking();
        if (actor is not null)
        {
            entries = entries.Where(a => a.Actor == actor);
        }

        if (action is not null)
        {
            entries = entries.Where(a => a.Action == action);
        }

        if (before is { } id)
        {
            entries = entries.Where(a => a.Id < id);
        }

        var rows = await entries.OrderByDescending(a => a.Id).Take(limit + 1)
            .Select(a => new AuditItem(a.Id, a.Time, a.Actor, a.Action, a.Target, a.Detail))
            .ToListAsync(cancellationToken);
        var page = rows.Take(limit).ToList();
        return new Page<AuditItem>(page, rows.Count > limit ? Cursor.Encode(page[^1].Id.ToString(CultureInfo.InvariantCulture)) : null);
    }
}
