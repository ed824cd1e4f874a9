using AdvertStatus.Core.Advertisements;
using AdvertStatus.Core.Sources;
using AdvertStatus.Core.StatusMessages;
using AdvertStatus.Web.Advertisements;
using AdvertStatus.Web.Data;
using AdvertStatus.Web.Findings;
using AdvertStatus.Web.Sources;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Ingestion;

/// <summary>
/// Stores a validated batch of status messages, skipping re-sent ones, and in the same transaction
/// updates machines, advertisement status and findings.
/// </summary>
/// <remarks>
/// The messages are stored in the request's own savepoint; the projection (machines, advertisements, sources,
/// tallies, rules) runs once for every batch of the group commit (<see cref="IngestionWriter"/>), as it would
/// for one batch holding all of them. Its cost is mostly per query, so sharing it is what lets a busy
/// instance keep up (docs/performance.md).
/// </remarks>
internal sealed class StatusIngestor(IngestionWriter writer, RuleEngine rules, FindingFeed feed, ILogger<StatusIngestor> logger)
    : IGroupProjection<StatusIngestor.StoredBatch>
{
    /// <param name="messages">The validated batch.</param>
    /// <param name="sites">The sending key's site limit (null: every site); a machine of another site is not re-homed.</param>
    /// <param name="cancellationToken">Aborts the batch before its commit.</param>
    public async Task<IngestionResult> IngestAsync(IReadOnlyList<StatusMessage> messages, IReadOnlySet<string>? sites, CancellationToken cancellationToken)
    {
        foreach (var message in messages)
        {
            message.Fingerprint = message.ComputeFingerprint();
        }

        var stored = await writer.WriteAsync((db, ct) => StoreAsync(db, messages, sites, ct), this, cancellationToken);
        if (stored.RaisedFindings)
        {
            feed.Nudge(); // this instance's own clients hear of it now, the others at their next poll
        }

        return stored.Result;
    }

    /// <summary>What a batch stored, for the group's projection and the answer.</summary>
    internal sealed record StoredBatch(IReadOnlyList<StatusMessage> Messages, List<StatusMessage> Fresh, IReadOnlySet<string>? Sites, IngestionResult Result)
    {
        /// <summary>Set by the projection: whether the group's rules opened or changed a finding.</summary>
        public bool RaisedFindings { get; set; }
    }

    private async Task<StoredBatch> StoreAsync(
        AdvertStatusDbContext db, IReadOnlyList<StatusMessage> messages, IReadOnlySet<string>? sites, CancellationToken cancellationToken)
    {
        // The first message of each key is a candidate; the insert skips a key already stored. Only the
        // keys it skipped are looked up, to tell a re-send from a conflict: usually none.
        var candidates = IdempotencySplit<StatusMessage>.Of(messages, KeyOf, m => m.Fingerprint, NoneStored).Fresh;
        foreach (var message in candidates)
        {
            message.Id = 0; // a retried attempt must not carry a key from the failed one
        }

        // The messages are the bulk of a batch: inserted untracked, one prepared statement.
        var inserted = await RowInserter.InsertNewAsync(db, candidates, cancellationToken);
        var skipped = candidates.Except(inserted).ToList();
        var stored = await StoredFingerprintsAsync(db, skipped, cancellationToken);
        var split = IdempotencySplit<StatusMessage>.Of(messages, KeyOf, m => m.Fingerprint, stored);
        ConflictLog.Warn(logger, "status messages", split.Conflicts, m => $"{m.MachineName}/{m.RecordId}");
        return new StoredBatch(messages, [.. split.Fresh], sites, new IngestionResult(split.Fresh.Count, split.Duplicates, split.Conflicts.Count));
    }

    /// <summary>Brings machines, advertisements, sources, tallies and findings up to date with the batches of one group commit.</summary>
    public async Task ProjectAsync(AdvertStatusDbContext db, IReadOnlyList<StoredBatch> batches, CancellationToken cancellationToken)
    {
        var fresh = batches.SelectMany(b => b.Fresh).ToList();
        // A key limited to some sites may not re-home a machine: its sightings are checked against its own limit.
        foreach (var limit in batches.GroupBy(b => b.Sites, SiteLimitComparer.Instance))
        {
            await MachineDirectory.RecordSightingsAsync(
                db, [.. limit.SelectMany(b => b.Fresh).Select(m => new Sighting(m.MachineName, m.SiteCode, m.Domain, m.ClientOs, m.Time))], limit.Key, cancellationToken);
        }

        await RecordAdvertisementsAsync(db, fresh, cancellationToken);
        var received = batches.SelectMany(b => b.Messages).ToList();
        if (received.Count > 0) // an empty batch has no item to date it by
        {
            await SourceRecorder.RecordAsync(db, DataSourceKind.Site, received.Select(m => m.SiteCode), received.Max(m => m.ReceivedAt), cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await AdvertisementStatusUpdater.UpdateAsync(db, fresh, cancellationToken);
        var findings = await rules.OnStatusMessagesAsync(db, fresh, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var batch in batches)
        {
            batch.RaisedFindings = findings.Count > 0;
        }
    }

    /// <summary>Site limits by their sites, not by reference: each request brings its own set.</summary>
    private sealed class SiteLimitComparer : IEqualityComparer<IReadOnlySet<string>?>
    {
        public static readonly SiteLimitComparer Instance = new();

        public bool Equals(IReadOnlySet<string>? x, IReadOnlySet<string>? y) => ReferenceEquals(x, y) || (x is not null && y is not null && x.SetEquals(y));

        public int GetHashCode(IReadOnlySet<string>? limit) => limit is null ? 0 : limit.Count;
    }

    private static readonly Dictionary<(string, string), string?> NoneStored = [];

    private static (string, string) KeyOf(StatusMessage message) => (message.MachineName, message.RecordId);

    /// <summary>
    /// Advertisements are often known from client messages before (or without) the site server posting
    /// them; the names in the messages fill the gaps, and a posted definition always wins.
    /// </summary>
    private static async Task RecordAdvertisementsAsync(AdvertStatusDbContext db, List<StatusMessage> fresh, CancellationToken cancellationToken)
    {
        var seen = fresh.Where(m => m.AdvertisementId is not null).GroupBy(m => m.AdvertisementId!).ToList();
        foreach (var chunk in seen.Chunk(MachineDirectory.ChunkSize))
        {
            var ids = chunk.Select(g => g.Key).ToList();
            var known = await db.Advertisements.Where(a => ids.Contains(a.AdvertisementId)).ToDictionaryAsync(a => a.AdvertisementId, cancellationToken);
            foreach (var group in chunk)
            {
                if (!known.TryGetValue(group.Key, out var advert))
                {
                    advert = db.Advertisements.Add(new Advertisement { AdvertisementId = group.Key, SiteCode = group.First().SiteCode, UpdatedAt = group.Max(m => m.ReceivedAt) }).Entity;
                }

                advert.PackageId ??= group.Select(m => m.PackageId).FirstOrDefault(p => p is not null);
                advert.PackageName ??= group.Select(m => m.PackageName).FirstOrDefault(p => p is not null);
                advert.ProgramName ??= group.Select(m => m.ProgramName).FirstOrDefault(p => p is not null);
                advert.CollectionId ??= group.Select(m => m.CollectionId).FirstOrDefault(p => p is not null);
            }
        }
    }

    private static async Task<Dictionary<(string, string), string?>> StoredFingerprintsAsync(
        AdvertStatusDbContext db, IReadOnlyList<StatusMessage> messages, CancellationToken cancellationToken)
    {
        var stored = new Dictionary<(string, string), string?>();
        var asked = messages.Select(KeyOf).ToHashSet();
        foreach (var chunk in messages.Chunk(MachineDirectory.ChunkSize))
        {
            var names = chunk.Select(m => m.MachineName).Distinct().ToList();
            var ids = chunk.Select(m => m.RecordId).Distinct().ToList();
            var found = await db.StatusMessages
                .Where(m => names.Contains(m.MachineName) && ids.Contains(m.RecordId))
                .Select(m => new { m.MachineName, m.RecordId, m.Fingerprint })
                .ToListAsync(cancellationToken);
            // Names × ids can match rows this batch just inserted: only the asked keys count.
            foreach (var row in found.Where(r => asked.Contains((r.MachineName, r.RecordId))))
            {
                stored[(row.MachineName, row.RecordId)] = row.Fingerprint;
            }
        }

        return stored;
    }
}
