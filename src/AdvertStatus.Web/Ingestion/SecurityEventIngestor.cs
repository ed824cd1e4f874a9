using AdvertStatus.Core.SecurityEvents;
using AdvertStatus.Core.Sources;
using AdvertStatus.Web.Data;
using AdvertStatus.Web.Findings;
using AdvertStatus.Web.Lockouts;
using AdvertStatus.Web.Sources;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Ingestion;

/// <summary>
/// Stores a validated batch of lockout, bad-password and unlock events, skipping re-sent ones, and in
/// the same transaction updates the lockout tallies and findings.
/// </summary>
internal sealed class SecurityEventIngestor(IngestionWriter writer, RuleEngine rules, FindingFeed feed, ILogger<SecurityEventIngestor> logger)
{
    /// <summary>
    /// Stores the kept events (IDs in <see cref="SecurityEventCatalog"/>); <paramref name="ignored"/> is how
    /// many events of other IDs the request carried, reported back to the agent.
    /// </summary>
    public async Task<IngestionResult> IngestAsync(IReadOnlyList<SecurityEvent> events, int ignored, CancellationToken cancellationToken)
    {
        foreach (var evt in events)
        {
            evt.Fingerprint = evt.ComputeFingerprint();
        }

        var (result, findings) = await writer.WriteAsync((db, ct) => IngestOnceAsync(db, events, ignored, ct), cancellationToken);
        if (findings.Length > 0)
        {
            feed.Nudge(); // this instance's own clients hear of it now, the others at their next poll
        }

        return result;
    }

    private async Task<(IngestionResult, long[])> IngestOnceAsync(AdvertStatusDbContext db, IReadOnlyList<SecurityEvent> events, int ignored, CancellationToken cancellationToken)
    {
        var stored = new Dictionary<(string, long), string?>();
        foreach (var chunk in events.Chunk(MachineDirectory.ChunkSize))
        {
            var computers = chunk.Select(e => e.Computer).Distinct().ToList();
            var ids = chunk.Select(e => e.EventRecordId).Distinct().ToList();
            var found = await db.SecurityEvents
                .Where(e => computers.Contains(e.Computer) && ids.Contains(e.EventRecordId))
                .Select(e => new { e.Computer, e.EventRecordId, e.Fingerprint })
                .ToListAsync(cancellationToken);
            foreach (var row in found)
            {
                stored[(row.Computer, row.EventRecordId)] = row.Fingerprint;
            }
        }

        var split = IdempotencySplit<SecurityEvent>.Of(events, e => (e.Computer, e.EventRecordId), e => e.Fingerprint, stored);
        var fresh = split.Fresh.ToList();
        await ResolveDomainsAsync(db, fresh, cancellationToken);
        foreach (var evt in fresh)
        {
            evt.Id = 0;
        }

        db.SecurityEvents.AddRange(fresh);
        if (events.Count > 0) // a batch of only ignored event IDs has no item to date it by
        {
            await SourceRecorder.RecordAsync(db, DataSourceKind.DomainController, events.Select(e => e.Computer), events[0].ReceivedAt, cancellationToken);
        }
        await LockoutSummaryUpdater.AddAsync(db, fresh, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        var findings = await rules.OnSecurityEventsAsync(db, fresh, cancellationToken);
        ConflictLog.Warn(logger, "security events", split.Conflicts, e => $"{e.Computer}/{e.EventRecordId}");
        return (new IngestionResult(fresh.Count, split.Duplicates, split.Conflicts.Count, ignored), [.. findings.Select(f => f.Id)]);
    }

    /// <summary>
    /// Events that do not name the account's domain (a 4776, or a 644 without caller domain) get the
    /// domain whose registered DCs include the computer that logged them.
    /// </summary>
    private static async Task ResolveDomainsAsync(AdvertStatusDbContext db, List<SecurityEvent> events, CancellationToken cancellationToken)
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
