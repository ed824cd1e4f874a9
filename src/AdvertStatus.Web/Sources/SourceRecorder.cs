using AdvertStatus.Core.Sources;
using AdvertStatus.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Sources;

/// <summary>Notes, inside an ingestion transaction, which sites or DCs a batch came from; saved with the batch.</summary>
internal static class SourceRecorder
{
    public static async Task RecordAsync(
        AdvertStatusDbContext db, DataSourceKind kind, IEnumerable<string?> namesOfItems, DateTime receivedAt, CancellationToken cancellationToken)
    {
        var counts = namesOfItems.Where(n => !string.IsNullOrWhiteSpace(n))
            .GroupBy(n => n!.Trim().ToUpperInvariant())
            .ToDictionary(g => g.Key, g => g.Count());
        if (counts.Count == 0)
        {
            return;
        }

        var names = counts.Keys.ToList();
        var known = await db.DataSources.Where(s => s.Kind == kind && names.Contains(s.Name)).ToDictionaryAsync(s => s.Name, cancellationToken);
        foreach (var (name, items) in counts)
        {
            if (!known.TryGetValue(name, out var source))
            {
                source = db.DataSources.Add(new DataSource { Kind = kind, Name = name, FirstReceivedAt = receivedAt, LastReceivedAt = receivedAt }).Entity;
            }

            source.Received(receivedAt, items);
        }
    }
}
