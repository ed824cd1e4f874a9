using AdvertStatus.Core.StatusMessages;
using AdvertStatus.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Ingestion;

/// <summary>
/// Appends a validated batch of status messages, skipping re-sent ones, and answers once it is durably committed.
/// Machines, advertisement status and findings follow when the projector has projected the batch (ADR 0011).
/// </summary>
internal sealed class StatusIngestor(IngestionWriter writer, IngestionProjector projector, AppendedBatches appended, ILogger<StatusIngestor> logger)
{
    private static readonly AppendLog<StatusMessage, (string, string)> Log = new(
        IngestionKind.StatusMessages, KeyOf, m => m.Fingerprint, m => m.SiteCode, StoredFingerprintsAsync);

    /// <param name="messages">The validated batch.</param>
    /// <param name="sites">The sending key's site limit (null: every site); a machine of another site may not be re-homed.</param>
    /// <param name="receivedAt">When the batch arrived.</param>
    /// <param name="cancellationToken">Aborts the batch before its commit.</param>
    public async Task<IngestionResult> IngestAsync(IReadOnlyList<StatusMessage> messages, IReadOnlySet<string>? sites, DateTime receivedAt, CancellationToken cancellationToken)
    {
        foreach (var message in messages)
        {
            message.Fingerprint = message.ComputeFingerprint();
        }

        var stored = await writer.WriteAsync(async (db, ct) =>
        {
            await MachineDirectory.EnsureMayTouchAsync(db, messages.Select(m => m.MachineName), sites, ct);
            var result = await Log.AppendAsync(db, messages, receivedAt, (m, batch) => (m.Id, m.BatchId) = (0, batch), ct);
            // Kept before the commit: the projector may take the batch the moment it is committed.
            appended.Keep(result.Sequence, result.CommitToken, result.Split.Fresh, m => m.Id);
            return result;
        }, cancellationToken);
        ConflictLog.Warn(logger, "status messages", stored.Split.Conflicts, m => $"{m.MachineName}/{m.RecordId}");
        projector.Nudge(stored.Split.Fresh.Count);
        return stored.ToResult();
    }

    private static (string, string) KeyOf(StatusMessage message) => (message.MachineName, message.RecordId);

    private static async Task<Dictionary<(string, string), string?>> StoredFingerprintsAsync(
        AdvertStatusDbContext db, IReadOnlyList<StatusMessage> messages, CancellationToken cancellationToken)
    {
        var stored = new Dictionary<(string, string), string?>();
        var asked = messages.Select(KeyOf).ToHashSet();
        foreach (var chunk in messages.Chunk(InList.ChunkSize))
        {
            var names = chunk.Select(m => m.MachineName).Distinct().ToList();
            var ids = chunk.Select(m => m.RecordId).Distinct().ToList();
            var found = await db.StatusMessages
                .Where(m => names.Contains(m.MachineName) && ids.Contains(m.RecordId))
                .Select(m => new { m.MachineName, m.RecordId, m.Fingerprint })
                .ToListAsync(cancellationToken);
            // Names × ids can match other rows: only the asked keys count.
            foreach (var row in found.Where(r => asked.Contains((r.MachineName, r.RecordId))))
            {
                stored[(row.MachineName, row.RecordId)] = row.Fingerprint;
            }
        }

        return stored;
    }
}
