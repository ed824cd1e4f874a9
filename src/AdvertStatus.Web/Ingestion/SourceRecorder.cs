using AdvertStatus.Core.Sources;
using AdvertStatus.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Ingestion;

/// <summary>Adds what projected batches brought to their sites' and DCs' counts, inside the projection's transaction.</summary>
internal static class SourceRecorder
{
    /// <summary>
    /// Adds each batch's per-source counts (received, stored, duplicates, conflicts). Counted from the journal rows
    /// the projection marks projected in the same transaction, so no commit, retried or not, counts a batch twice.
    /// </summary>
    public static async Task RecordAsync(AdvertStatusDbContext db, IReadOnlyList<IngestionBatch> batches, CancellationToken cancellationToken)
    {
        var counts = batches
            .SelectMany(b => b.Sources.Select(s => (Kind: KindOf(b.Kind), b.ReceivedAt, Count: s)))
            .GroupBy(c => (c.Kind, c.Count.Name))
            .ToList();
        foreach (var kind in counts.GroupBy(c => c.Key.Kind))
        {
            var names = kind.Select(c => c.Key.Name).ToList();
            var known = await db.DataSources.Where(s => s.Kind == kind.Key && names.Contains(s.Name)).ToDictionaryAsync(s => s.Name, cancellationToken);
            foreach (var source in kind)
            {
                if (!known.TryGetValue(source.Key.Name, out var stored))
                {
                    var first = source.Min(c => c.ReceivedAt);
                    stored = db.DataSources.Add(new DataSource { Kind = kind.Key, Name = source.Key.Name, FirstReceivedAt = first, LastReceivedAt = first }).Entity;
                }

                foreach (var (_, receivedAt, count) in source)
                {
                    stored.Add(receivedAt, count);
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static DataSourceKind KindOf(IngestionKind kind) => kind == IngestionKind.SecurityEvents ? DataSourceKind.DomainController : DataSourceKind.Site;
}
