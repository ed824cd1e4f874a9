using AdvertStatus.Core.SecurityEvents;
using AdvertStatus.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Ingestion;

/// <summary>Stores a validated batch of lockout, bad-password and unlock events, skipping re-sent ones.</summary>
internal sealed class SecurityEventIngestor(IDbContextFactory<AdvertStatusDbContext> contexts)
{
    /// <summary>
    /// Stores the kept events (IDs in <see cref="SecurityEventCatalog"/>); <paramref name="ignored"/> is how
    /// many events of other IDs the request carried, reported back to the agent.
    /// </summary>
    public Task<IngestionResult> IngestAsync(IReadOnlyList<SecurityEvent> events, int ignored, CancellationToken cancellationToken) =>
        UniqueConflict.RetryAsync(ct => IngestOnceAsync(events, ignored, ct), cancellationToken);

    private async Task<IngestionResult> IngestOnceAsync(IReadOnlyList<SecurityEvent> events, int ignored, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        var unique = events.DistinctBy(e => (e.Computer, e.EventRecordId)).ToList();
        var stored = new HashSet<(string, long)>();
        foreach (var chunk in unique.Chunk(MachineDirectory.ChunkSize))
        {
            var computers = chunk.Select(e => e.Computer).Distinct().ToList();
            var ids = chunk.Select(e => e.EventRecordId).Distinct().ToList();
            var found = await db.SecurityEvents
                .Where(e => computers.Contains(e.Computer) && ids.Contains(e.EventRecordId))
                .Select(e => new { e.Computer, e.EventRecordId })
                .ToListAsync(cancellationToken);
            stored.UnionWith(found.Select(f => (f.Computer, f.EventRecordId)));
        }

        var fresh = unique.Where(e => !stored.Contains((e.Computer, e.EventRecordId))).ToList();
        foreach (var evt in fresh)
        {
            evt.Id = 0;
        }

        db.SecurityEvents.AddRange(fresh);
        await db.SaveChangesAsync(cancellationToken);
        return new IngestionResult(fresh.Count, events.Count - fresh.Count, ignored);
    }
}
