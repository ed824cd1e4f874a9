using AdvertStatus.Core.Findings;
using AdvertStatus.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AdvertStatus.Web.Findings;

/// <summary>
/// Gives every finding a save creates or changes the next number of the change feed (<see cref="FindingFeed"/>),
/// whoever saves it: the rules, an operator's acknowledgement, retention. Registered as an interceptor of the
/// shared context, so Data need not know findings.
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
            Number(changed, db.ChangeCounters.Single(c => c.Name == ChangeCounter.FindingsFeed));
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is AdvertStatusDbContext db && Changed(db) is { Count: > 0 } changed)
        {
            Number(changed, await db.ChangeCounters.SingleAsync(c => c.Name == ChangeCounter.FindingsFeed, cancellationToken));
        }

        return result;
    }

    private static List<Finding> Changed(AdvertStatusDbContext db)
    {
        db.ChangeTracker.DetectChanges();
        return [.. db.ChangeTracker.Entries<Finding>().Where(e => e.State is EntityState.Added or EntityState.Modified).Select(e => e.Entity)];
    }

    private static void Number(List<Finding> changed, ChangeCounter counter)
    {
        foreach (var finding in changed.OrderBy(f => f.Id))
        {
            finding.ChangeSequence = ++counter.Value;
        }
    }
}
