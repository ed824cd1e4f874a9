using AdvertStatus.Core.AdvertisementStatus;
using AdvertStatus.Core.StatusMessages;
using AdvertStatus.Web.Data;
using AdvertStatus.Web.Ingestion;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Advertisements;

/// <summary>
/// Recounts the console columns of each advertisement + machine pair that a batch touched, from that
/// pair's own messages: small, exact under re-sends and any arrival order.
/// </summary>
internal static class AdvertisementStatusUpdater
{
    /// <summary>What a recount writes; the aged tally belongs to retention, which writes it when messages age out.</summary>
    private static readonly string[] Recounted =
    [
        nameof(AdvertisementMachineStatus.SiteCode), nameof(AdvertisementMachineStatus.Received), nameof(AdvertisementMachineStatus.Failures),
        nameof(AdvertisementMachineStatus.ProgramsStarted), nameof(AdvertisementMachineStatus.ProgramErrors), nameof(AdvertisementMachineStatus.ProgramSuccess),
        nameof(AdvertisementMachineStatus.LastMessageId), nameof(AdvertisementMachineStatus.LastTime), nameof(AdvertisementMachineStatus.LastWin32Code),
    ];

    public static async Task UpdateAsync(AdvertStatusDbContext db, IReadOnlyList<StatusMessage> fresh, CancellationToken cancellationToken)
    {
        var pairs = fresh
            .Where(m => m.AdvertisementId is not null && StatusColumns.ColumnOf(m.MessageId) is not null)
            .Select(m => (Advert: m.AdvertisementId!, m.MachineName, m.SiteCode))
            .DistinctBy(p => (p.Advert, p.MachineName))
            .ToList();
        var ids = StatusColumns.MessageIds.ToList();

        foreach (var chunk in pairs.Chunk(MachineDirectory.ChunkSize))
        {
            var adverts = chunk.Select(p => p.Advert).Distinct().ToList();
            var machines = chunk.Select(p => p.MachineName).Distinct().ToList();
            // Only what the tally reads: materialising whole messages (text, JSON columns) cost more than the recount.
            var messages = (await db.StatusMessages
                    .Where(m => machines.Contains(m.MachineName) && adverts.Contains(m.AdvertisementId!) && ids.Contains(m.MessageId))
                    .Select(m => new StatusMessage
                    {
                        Id = m.Id,
                        RecordId = m.RecordId,
                        MachineName = m.MachineName,
                        SiteCode = m.SiteCode,
                        AdvertisementId = m.AdvertisementId,
                        MessageId = m.MessageId,
                        Time = m.Time,
                        Win32Code = m.Win32Code,
                    })
                    .ToListAsync(cancellationToken))
                .ToLookup(m => (m.AdvertisementId!, m.MachineName));
            var rows = (await db.AdvertisementMachineStatuses.AsNoTracking()
                    .Where(s => machines.Contains(s.MachineName) && adverts.Contains(s.AdvertisementId))
                    .ToListAsync(cancellationToken))
                .ToDictionary(s => (s.AdvertisementId, s.MachineName));

            var recounted = new List<AdvertisementMachineStatus>(chunk.Length);
            foreach (var (advert, machine, site) in chunk)
            {
                var row = rows.GetValueOrDefault((advert, machine)) ?? new AdvertisementMachineStatus { AdvertisementId = advert, MachineName = machine };
                row.SiteCode = site;
                row.Apply(MachineTally.From(messages[(advert, machine)], row.AgedTally));
                recounted.Add(row);
            }

            // Untracked, one prepared upsert: change tracking cost ~40 µs a row here (docs/performance.md).
            await RowInserter.UpsertAsync(db, recounted, Recounted, cancellationToken);
        }
    }
}
