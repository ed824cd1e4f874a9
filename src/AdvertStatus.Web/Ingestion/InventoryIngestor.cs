using AdvertStatus.Core.Inventory;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Ingestion;

/// <summary>
/// Appends inventory snapshots (all kept, for the timeline), skipping re-sent ones, and answers once they are
/// durably committed. Each machine's current picture and verdict follow when the projector has projected them
/// (ADR 0011).
/// </summary>
internal sealed class InventoryIngestor(IngestionWriter writer, IngestionProjector projector, ILogger<InventoryIngestor> logger)
{
    private static readonly AppendLog<InventoryReport, (string, DateTime)> Log = new(
        IngestionKind.Inventory, "inventory reports",
        r => (r.MachineName, r.Time), r => $"{r.MachineName}/{r.Time:O}",
        r => r.Fingerprint = r.ComputeFingerprint(), r => r.Fingerprint, r => r.SiteCode,
        (r, batch) => (r.Id, r.BatchId) = (0, batch),
        async (db, chunk, ct) =>
        {
            var names = chunk.Select(r => r.MachineName).Distinct().ToList();
            var found = await db.InventoryReports
                .Where(r => names.Contains(r.MachineName))
                .Select(r => new { r.MachineName, r.Time, r.Fingerprint })
                .ToListAsync(ct);
            return [.. found.Select(r => ((r.MachineName, r.Time), r.Fingerprint))];
        });

    /// <param name="reports">The validated batch.</param>
    /// <param name="sites">The sending key's site limit (null: every site); a machine of another site may not be re-homed.</param>
    /// <param name="receivedAt">When the batch arrived.</param>
    /// <param name="cancellationToken">Aborts the batch before its commit.</param>
    public Task<IngestionResult> IngestAsync(IReadOnlyList<InventoryReport> reports, IReadOnlySet<string>? sites, DateTime receivedAt, CancellationToken cancellationToken) =>
        Log.IngestAsync(writer, projector, logger, reports, receivedAt,
            (db, ct) => MachineDirectory.EnsureMayTouchAsync(db, reports.Select(r => r.MachineName), sites, ct),
            cancellationToken);
}
