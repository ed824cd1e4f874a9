using AdvertStatus.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Ingestion;

/// <summary>
/// Takes and renews a lease (<see cref="ProjectionLease"/>): the projector's inside the caller's transaction, or
/// another named one (the webhook deliverer's) on its own.
/// </summary>
internal static class ProjectorLeases
{
    /// <summary>
    /// Expiry is about real seconds between processes, measured on the wall clock: business time may be frozen
    /// (tests) or moved, and a frozen clock must not keep a dead holder's lease alive.
    /// </summary>
    private static readonly TimeProvider WallClock = TimeProvider.System;

    /// <summary>
    /// Holds the lease for <paramref name="instance"/> until the transaction ends and for <paramref name="duration"/>
    /// after; false when another live instance holds it. The renewal locks the lease row, so another instance's
    /// projection (or retention) cannot run until this transaction ends.
    /// </summary>
    public static Task<bool> TryHoldAsync(AdvertStatusDbContext db, string instance, TimeSpan duration, CancellationToken cancellationToken) =>
        TryHoldAsync(db, ProjectionLease.Projector, instance, duration, cancellationToken);

    /// <summary>Holds the lease <paramref name="name"/> as <see cref="TryHoldAsync(AdvertStatusDbContext, string, TimeSpan, CancellationToken)"/> does.</summary>
    public static async Task<bool> TryHoldAsync(AdvertStatusDbContext db, string name, string instance, TimeSpan duration, CancellationToken cancellationToken)
    {
        var now = WallClock.GetUtcNow().UtcDateTime;
        var lease = await db.ProjectionLeases.AsNoTracking().SingleAsync(l => l.Name == name, cancellationToken);
        if (lease.Holder is not null && lease.Holder != instance && lease.ExpiresAt > now)
        {
            return false;   // a read, not a write: an instance that does not hold the lease does not queue for the lock every poll
        }

        var expires = now + duration;
        return await db.ProjectionLeases
            .Where(l => l.Name == name && (l.Holder == null || l.Holder == instance || l.ExpiresAt <= now))
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.Holder, instance).SetProperty(l => l.ExpiresAt, expires), cancellationToken) == 1;
    }

    /// <summary>Gives the lease <paramref name="name"/> up at once (a clean stop), so another instance need not wait for it to expire.</summary>
    public static Task ReleaseAsync(AdvertStatusDbContext db, string name, string instance, CancellationToken cancellationToken) =>
        db.ProjectionLeases.Where(l => l.Name == name && l.Holder == instance)
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.Holder, (string?)null).SetProperty(l => l.ExpiresAt, DateTime.UnixEpoch), cancellationToken);
}
