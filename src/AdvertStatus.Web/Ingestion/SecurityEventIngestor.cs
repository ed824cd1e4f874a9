using AdvertStatus.Core.SecurityEvents;
using AdvertStatus.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Ingestion;

/// <summary>
/// Appends a validated batch of lockout, bad-password and unlock events, skipping re-sent ones, and answers once
/// it is durably committed. Lockout tallies and findings follow when the projector has projected it (ADR 0011).
/// </summary>
internal sealed class SecurityEventIngestor(IngestionWriter writer, IngestionProjector projector, ILogger<SecurityEventIngestor> logger)
{
    private static readonly AppendLog<SecurityEvent, (string, long)> Log = new(
        IngestionKind.SecurityEvents, KeyOf, e => e.Fingerprint, e => e.Computer, StoredFingerprintsAsync);

    /// <summary>
    /// Stores the kept events (IDs in <see cref="SecurityEventCatalog"/>); <paramref name="ignored"/> is how
    /// many events of other IDs the request carried, reported back to the agent.
    /// </summary>
    public async Task<IngestionResult> IngestAsync(IReadOnlyList<SecurityEvent> events, int ignored, DateTime receivedAt, CancellationToken cancellationToken)
    {
        if (events.Count == 0)
        {
            return new IngestionResult(0, 0, 0, ignored);   // only event IDs it does not keep: nothing to store or project
        }

        foreach (var evt in events)
        {
            evt.Fingerprint = evt.ComputeFingerprint();
        }

        var appended = await writer.WriteAsync(async (db, ct) =>
        {
            await ResolveDomainsAsync(db, events, ct);
            return await Log.AppendAsync(db, events, receivedAt, (e, batch) => (e.Id, e.BatchId) = (0, batch), ct);
        }, cancellationToken);
        ConflictLog.Warn(logger, "security events", appended.Split.Conflicts, e => $"{e.Computer}/{e.EventRecordId}");
        projector.Nudge(appended.Split.Fresh.Count);
        return appended.ToResult(ignored);
    }

    private static (string, long) KeyOf(SecurityEvent evt) => (evt.Computer, evt.EventRecordId);

    private static async Task<Dictionary<(string, long), string?>> StoredFingerprintsAsync(
        AdvertStatusDbContext db, IReadOnlyList<SecurityEvent> events, CancellationToken cancellationToken)
    {
        var stored = new Dictionary<(string, long), string?>();
        var asked = events.Select(KeyOf).ToHashSet();
        foreach (var chunk in events.Chunk(InList.ChunkSize))
        {
            var computers = chunk.Select(e => e.Computer).Distinct().ToList();
            var ids = chunk.Select(e => e.EventRecordId).Distinct().ToList();
            var found = await db.SecurityEvents
                .Where(e => computers.Contains(e.Computer) && ids.Contains(e.EventRecordId))
                .Select(e => new { e.Computer, e.EventRecordId, e.Fingerprint })
                .ToListAsync(cancellationToken);
            foreach (var row in found.Where(r => asked.Contains((r.Computer, r.EventRecordId))))
            {
                stored[(row.Computer, row.EventRecordId)] = row.Fingerprint;
            }
        }

        return stored;
    }

    /// <summary>
    /// Events that do not name the account's domain (a 4776, or a 644 without caller domain) get the
    /// domain whose registered DCs include the computer that logged them.
    /// </summary>
    private static async Task ResolveDomainsAsync(AdvertStatusDbContext db, IReadOnlyList<SecurityEvent> events, CancellationToken cancellationToken)
    {
        if (events.All(e => e.AccountDomain is not null))
        {
            return;
        }

        var byController = new Dictionary<string, string>();
        foreach (var domain in await db.Domains.AsNoTracking().ToListAsync(cancellationToken))
        {
            foreach (var dc in domain.DomainControllers)
            {
                byController[dc] = domain.Name;
                byController[dc.Split('.')[0]] = domain.Name;
            }
        }

        foreach (var evt in events.Where(e => e.AccountDomain is null))
        {
            evt.AccountDomain = byController.GetValueOrDefault(evt.Computer) ?? byController.GetValueOrDefault(evt.Computer.Split('.')[0]);
        }
    }
}
