using AdvertStatus.Core.StatusMessages;
using AdvertStatus.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Ingestion;

/// <summary>Stores a validated batch of status messages in one transaction, skipping re-sent ones.</summary>
internal sealed class StatusIngestor(IDbContextFactory<AdvertStatusDbContext> contexts)
{
    public Task<IngestionResult> IngestAsync(IReadOnlyList<StatusMessage> messages, CancellationToken cancellationToken) =>
        UniqueConflict.RetryAsync(ct => IngestOnceAsync(messages, ct), cancellationToken);

    private async Task<IngestionResult> IngestOnceAsync(IReadOnlyList<StatusMessage> messages, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        var unique = messages.DistinctBy(m => (m.MachineName, m.RecordId)).ToList();
        var stored = await StoredKeysAsync(db, unique, cancellationToken);
        var fresh = unique.Where(m => !stored.Contains((m.MachineName, m.RecordId))).ToList();

        foreach (var message in fresh)
        {
            message.Id = 0; // a retried attempt must not carry a key from the failed one
        }

        db.StatusMessages.AddRange(fresh);
        await MachineDirectory.RecordSightingsAsync(
            db, [.. fresh.Select(m => new Sighting(m.MachineName, m.SiteCode, m.Domain, m.ClientOs, m.Time))], cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new IngestionResult(fresh.Count, messages.Count - fresh.Count);
    }

    private static async Task<HashSet<(string, string)>> StoredKeysAsync(AdvertStatusDbContext db, List<StatusMessage> messages, CancellationToken cancellationToken)
    {
        var keys = new HashSet<(string, string)>();
        foreach (var chunk in messages.Chunk(MachineDirectory.ChunkSize))
        {
            var names = chunk.Select(m => m.MachineName).Distinct().ToList();
            var ids = chunk.Select(m => m.RecordId).Distinct().ToList();
            var found = await db.StatusMessages
                .Where(m => names.Contains(m.MachineName) && ids.Contains(m.RecordId))
                .Select(m => new { m.MachineName, m.RecordId })
                .ToListAsync(cancellationToken);
            keys.UnionWith(found.Select(f => (f.MachineName, f.RecordId)));
        }

        return keys;
    }
}
