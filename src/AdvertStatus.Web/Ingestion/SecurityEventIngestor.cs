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
        IngestionKind.SecurityEvents, "security events",
        e => (e.Computer, e.EventRecordId), e => $"{e.Computer}/{e.EventRecordId}",
        e => e.Fingerprint = e.ComputeFingerprint(), e => e.Fingerprint, e => e.Computer,
        (e, batch) => (e.Id, e.BatchId) = (0, batch),
        async (db, chunk, ct) =>
        {
            var computers = chunk.Select(e => e.Computer).Distinct().ToList();
            var ids = chunk.Select(e => e.EventRecordId).Distinct().ToList();
            var found = await db.SecurityEvents
                .Where(e => computers.Contains(e.Computer) && ids.Contains(e.EventRecordId))
                .Select(e => new { e.Computer, e.EventRecordId, e.Fingerprint })
                .ToListAsync(ct);
            return [.. found.Select(r => ((r.Computer, r.EventRecordId), r.Fingerprint))];
        });

    /// <summary>
    /// Stores the kept events (IDs in <see cref="SecurityEventCatalog"/>); <paramref name="ignored"/> is how
    /// many events of other IDs the request carried, reported back to the agent.
    /// </summary>
    public async Task<IngestionResult> IngestAsync(IReadOnlyList<SecurityEvent> events, int ignored, DateTime receivedAt, CancellationToken cancellationToken) =>
        events.Count == 0
            ? new IngestionResult(0, 0, 0, ignored)   // only event IDs it does not keep: nothing to store or project
            : await Log.IngestAsync(writer, projector, logger, events, receivedAt, (db, ct) => ResolveDomainsAsync(db, events, ct), cancellationToken, ignored: ignored);

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
