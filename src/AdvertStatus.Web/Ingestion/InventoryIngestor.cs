using AdvertStatus.Core.Inventory;
using AdvertStatus.Web.Data;
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
        IngestionKind.Inventory, KeyOf, r => r.Fingerprint, r => r.SiteCode, StoredFingerprintsAsync);

    /// <param name="reports">The validated batch.</param>
    /// <param name="sites">The sending key's site limit (null: every site); a machine of another site may not be re-homed.</param>
    /// <param name="receivedAt">When the batch arrived.</param>
    /// <param name="cancellationToken">Aborts the batch before its commit.</param>
    public async Task<IngestionResult> IngestAsync(IReadOnlyList<InventoryReport> reports, IReadOnlySet<string>? sites, DateTime receivedAt, CancellationToken cancellationToken)
    {
        foreach (var report in reports)
        {
            report.Fingerprint = report.ComputeFingerprint();
        }

        var appended = await writer.WriteAsync(async (db, ct) =>
        {
            await MachineDirectory.EnsureMayTouchAsync(db, reports.Select(r => r.MachineName), sites, ct);
            return await Log.AppendAsync(db, reports, receivedAt, (r, batch) => (r.Id, r.BatchId) = (0, batch), ct);
        }, cancellationToken);
        ConflictLog.Warn(logger, "inventory reports", appended.Split.Conflicts, r => $"{r.MachineName}/{r.Time:O}");
        projector.Nudge(appended.Split.Fresh.Count);
        return appended.ToResult();
    }

    private static (string, DateTime) KeyOf(InventoryReport report) => (report.MachineName, report.Time);

    private static async Task<Dictionary<(string, DateTime), string?>> StoredFingerprintsAsync(
        AdvertStatusDbContext db, IReadOnlyList<InventoryReport> reports, CancellationToken cancellationToken)
    {
        var stored = new Dictionary<(string, DateTime), string?>();
        var asked = reports.Select(KeyOf).ToHashSet();
        foreach (var chunk in reports.Chunk(InList.ChunkSize))
        {
            var names = chunk.Select(r => r.MachineName).Distinct().ToList();
            var found = await db.InventoryReports
                .Where(r => names.Contains(r.MachineName))
                .Select(r => new { r.MachineName, r.Time, r.Fingerprint })
                .ToListAsync(cancellationToken);
            foreach (var row in found.Where(r => asked.Contains((r.MachineName, r.Time))))
            {
                stored[(row.MachineName, row.Time)] = row.Fingerprint;
            }
        }

        return stored;
    }
}
