using AdvertStatus.Core.Findings;
using AdvertStatus.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AdvertStatus.Web.Findings;

/// <summary>
/// Gives every finding a save creates or changes the next number of the change feed (<see cref="FindingFeed"/>),
/// whoever saves it: the rules, an operator's acknowledgement, retention, and records each one that opens or
/// re-opens as a <see cref="FindingOpening"/> in the same save. Registered as an interceptor of the shared context,
/// so Data need not know findings.
/// </summary>
/// <remarks>
/// The counter row is saved with the findings, guarded by its old value: if another instance took numbers in
/// between, the save fails as a concurrency conflict and is retried by the caller (the ingestion writer and the
/// state changes both retry those), so no number is handed out twice and numbers follow commit order.
/// </remarks>
internal sealed class FindingChangeNumbering : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is AdvertStatusDbContext db && Changed(db) is { Count: > 0 } changed)
        {
            Number(db, changed, db.ChangeCounters.Single(c => c.Name == ChangeCounter.FindingsFeed));
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is AdvertStatusDbContext db && Changed(db) is { Count: > 0 } changed)
        {
            Number(db, changed, await db.ChangeCounters.SingleAsync(c => c.Name == ChangeCounter.FindingsFeed, cancellationToken));
        }

        return result;
    }

    private static List<EntityEntry<Finding>> Changed(AdvertStatusDbContext db)
    {
        db.ChangeTracker.DetectChanges();
        return [.. db.ChangeTracker.Entries<Finding>().Where(e => e.State is EntityState.Added or EntityState.Modified)];
    }

    private static void Number(AdvertStatusDbContext db, List<EntityEntry<Finding>> changed, ChangeCounter counter)
    {
        foreach (var entry in changed.OrderBy(e => e.Entity.Id))
        {
            var finding = entry.Entity;
            finding.ChangeSequence = ++counter.Value;
            var opened = entry.State == EntityState.Added;
            var reopened = !opened && finding.State == FindingState.Open
                && entry.Property(f => f.State).OriginalValue == FindingState.Resolved;
            if (opened || reopened)
            {
                db.FindingOpenings.Add(new FindingOpening
                {
                    Sequence = finding.ChangeSequence, Finding = finding, Reopened = reopened, OpenedAt = finding.StateChangedAt,
                });
            }
        }
    }
}
