using AdvertStatus.Core.AdvertisementStatus;
using AdvertStatus.Core.StatusMessages;
using AdvertStatus.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Advertisements;

/// <summary>
/// Keeps the console columns of each advertisement + machine pair that a batch touched. Messages that
/// arrive in order continue the pair's tally where it stopped; a message from before the last counted
/// one makes the pair be recounted from its own messages. Either way the columns are exact under
/// re-sends and any arrival order (the tally depends only on the set of messages).
/// </summary>
internal static class AdvertisementStatusUpdater
{
    /// <summary>What a count writes; the aged tally belongs to retention, which writes it when messages age out.</summary>
    private static readonly string[] Counted =
    [
        nameof(AdvertisementMachineStatus.SiteCode), nameof(AdvertisementMachineStatus.Received), nameof(AdvertisementMachineStatus.Failures),
        nameof(AdvertisementMachineStatus.ProgramsStarted), nameof(AdvertisementMachineStatus.ProgramErrors), nameof(AdvertisementMachineStatus.ProgramSuccess),
        nameof(AdvertisementMachineStatus.LastMessageId), nameof(AdvertisementMachineStatus.LastTime), nameof(AdvertisementMachineStatus.LastWin32Code),
        nameof(AdvertisementMachineStatus.SucceededThisRun),
    ];

    public static async Task UpdateAsync(AdvertStatusDbContext db, IReadOnlyList<StatusMessage> fresh, CancellationToken cancellationToken)
    {
        var added = fresh
            .Where(m => m.AdvertisementId is not null && StatusColumns.ColumnOf(m.MessageId) is not null)
            .GroupBy(m => (Advert: m.AdvertisementId!, m.MachineName))
            .ToList();
        // One advertisement per read, so it fetches exactly the pairs asked (a seek on the key each), where a list of
        // advertisements times a list of machines fetched every pair of their product: nine times as many rows for a
        // forwarder's batch.
        foreach (var chunk in added.GroupBy(p => p.Key.Advert).SelectMany(advert => advert.Chunk(InList.ChunkSize)))
        {
            var advert = chunk[0].Key.Advert;
            var machines = chunk.Select(p => p.Key.MachineName).ToList();
            // Read without locks: only the projector, which holds the lease, counts pairs (ADR 0011).
            var rows = (await db.AdvertisementMachineStatuses.AsNoTracking()
                    .Where(s => s.AdvertisementId == advert && machines.Contains(s.MachineName))
                    .ToListAsync(cancellationToken))
                .ToDictionary(s => (s.AdvertisementId, s.MachineName));

            var tallies = new Dictionary<(string, string), MachineTally>();
            var recount = new List<(string Advert, string MachineName)>();
            foreach (var pair in chunk)
            {
                // A pair without a row has no counted message stored yet: the batch that stores its first one writes the row.
                var tally = rows.TryGetValue(pair.Key, out var row) ? row.Continue([.. pair]) : MachineTally.From(pair);
                if (tally is null)
                {
                    recount.Add(pair.Key);
                }
                else
                {
                    tallies[pair.Key] = tally;
                }
            }

            foreach (var (key, tally) in await RecountAsync(db, recount, rows, cancellationToken))
            {
                tallies[key] = tally;
            }

            var written = new List<AdvertisementMachineStatus>(chunk.Length);
            foreach (var pair in chunk)
            {
                var row = rows.GetValueOrDefault(pair.Key) ?? new AdvertisementMachineStatus { AdvertisementId = pair.Key.Advert, MachineName = pair.Key.MachineName };
                row.SiteCode = pair.First().SiteCode;
                row.Apply(tallies[pair.Key]);
                written.Add(row);
            }

            // Untracked, through the row writer: change tracking cost ~40 µs a row here on SQLite (docs/performance.md).
            await db.Rows.UpsertAsync(written, Counted, cancellationToken);
        }
    }


    /// <summary>The pairs' tallies from all their stored messages, continuing from what retention folded away.</summary>
    private static async Task<Dictionary<(string, string), MachineTally>> RecountAsync(
        AdvertStatusDbContext db, List<(string Advert, string MachineName)> pairs, Dictionary<(string, string), AdvertisementMachineStatus> rows,
        CancellationToken cancellationToken)
    {
        if (pairs.Count == 0)
        {
            return [];
        }

        var ids = StatusColumns.MessageIds.ToList();
        var adverts = pairs.Select(p => p.Advert).Distinct().ToList();
        var machines = pairs.Select(p => p.MachineName).Distinct().ToList();
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
        return pairs.ToDictionary(p => (p.Advert, p.MachineName), p => MachineTally.From(messages[p], rows.GetValueOrDefault(p)?.AgedTally));
    }
}
