using AdvertStatus.Core.StatusMessages;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Ingestion;

/// <summary>
/// Appends a validated batch of status messages, skipping re-sent ones, and answers once it is durably committed.
/// Machines, advertisement status and findings follow when the projector has projected the batch (ADR 0011).
/// </summary>
internal sealed class StatusIngestor(IngestionWriter writer, IngestionProjector projector, AppendedBatches appended, ILogger<StatusIngestor> logger)
{
    private static readonly AppendLog<StatusMessage, (string, string)> Log = new(
        IngestionKind.StatusMessages, "status messages",
        m => (m.MachineName, m.RecordId), m => $"{m.MachineName}/{m.RecordId}",
        m => m.Fingerprint = m.ComputeFingerprint(), m => m.Fingerprint, m => m.SiteCode,
        (m, batch) => (m.Id, m.BatchId) = (0, batch),
        async (db, chunk, ct) =>
        {
            var names = chunk.Select(m => m.MachineName).Distinct().ToList();
            var ids = chunk.Select(m => m.RecordId).Distinct().ToList();
            var found = await db.StatusMessages
                .Where(m => names.Contains(m.MachineName) && ids.Contains(m.RecordId))
                .Select(m => new { m.MachineName, m.RecordId, m.Fingerprint })
                .ToListAsync(ct);
            return [.. found.Select(r => ((r.MachineName, r.RecordId), r.Fingerprint))];
        });

    /// <param name="messages">The validated batch.</param>
    /// <param name="sites">The sending key's site limit (null: every site); a machine of another site may not be re-homed.</param>
    /// <param name="receivedAt">When the batch arrived.</param>
    /// <param name="cancellationToken">Aborts the batch before its commit.</param>
    public Task<IngestionResult> IngestAsync(IReadOnlyList<StatusMessage> messages, IReadOnlySet<string>? sites, DateTime receivedAt, CancellationToken cancellationToken) =>
        Log.IngestAsync(writer, projector, logger, messages, receivedAt,
            (db, ct) => MachineDirectory.EnsureMayTouchAsync(db, messages.Select(m => m.MachineName), sites, ct),
            cancellationToken,
            // Kept before the commit: the projector may take the batch the moment it is committed.
            result => appended.Keep(result.Sequence, result.CommitToken, result.Split.Fresh, m => m.Id));
}
