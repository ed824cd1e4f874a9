using System.Diagnostics;
using AdvertStatus.Core.AdvertisementStatus;
using AdvertStatus.Core.StatusMessages;
using AdvertStatus.Web.Audit;
using AdvertStatus.Web.Data;
using AdvertStatus.Web.Findings;
using AdvertStatus.Web.Ingestion;
using AdvertStatus.Web.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdvertStatus.Web.Retention;

/// <summary>
/// Purges raw data older than <see cref="RetentionOptions.DataMaxAge"/> (status messages, security
/// events, inventory history except each machine's latest report), audit entries older than
/// <see cref="RetentionOptions.AuditMaxAge"/> and the finding openings every webhook has passed, in small batches
/// queued on the ingestion writer, so ingestion commits in between and two batches never contend for the lock.
/// Only the instance that holds the projector's lease purges, under that lease: retention folds messages into the
/// tallies the projector counts, and rows the projector has not projected yet are never purged.
/// </summary>
/// <remarks>
/// What was derived from the purged rows keeps its meaning:
/// <list type="bullet">
/// <item>advertisement tallies: a pair's aged-out messages are folded into its <c>Aged*</c> columns in the
/// same transaction that deletes them, and every later recount continues from there;</item>
/// <item>findings: their evidence rows (descriptions, counts) are kept, and a finding whose messages or
/// events aged out is marked, so its evidence list says so;</item>
/// <item>lockout summaries are kept incrementally and never re-read the events.</item>
/// </list>
/// </remarks>
internal sealed partial class RetentionJob(
    IngestionWriter writer, IngestionProjector projector, IOptions<RetentionOptions> retention, IOptions<IngestionOptions> ingestion, TimeProvider clock,
    ILogger<RetentionJob> logger) : BackgroundService
{
    private static readonly int[] TalliedMessageIds = [.. StatusColumns.MessageIds];

    /// <summary>How long a finding opening stays after every webhook has passed it.</summary>
    private static readonly TimeSpan OpeningGrace = TimeSpan.FromHours(1);

    /// <summary>Purges everything past its age now; returns what went.</summary>
    public async Task<RetentionResult> PurgeAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var cutoff = now - retention.Value.DataMaxAge;
        var auditCutoff = now - retention.Value.AuditMaxAge;
        var batch = retention.Value.BatchSize;
        var watch = Stopwatch.StartNew();

        await writer.WriteAsync((db, ct) => MarkAgedEvidenceAsync(db, cutoff, ct), cancellationToken);
        var messages = await RepeatAsync(db => FoldAndPurgeTalliedMessagesAsync(db, cutoff, batch, CancellationToken.None), cancellationToken);
        // Rows of a batch the projector has not projected yet stay, however old their times: their tallies, machines
        // and findings do not exist yet.
        messages += await RepeatAsync(db => DeleteBatchAsync(db.StatusMessages
            .Where(m => m.Time < cutoff && (m.AdvertisementId == null || !TalliedMessageIds.Contains(m.MessageId))
                && !db.Set<IngestionBatch>().Any(b => b.Id == m.BatchId && b.ProjectedAt == null))
            .OrderBy(m => m.Id), batch), cancellationToken);
        var events = await RepeatAsync(db => DeleteBatchAsync(db.SecurityEvents
            .Where(e => e.TimeCreated < cutoff && !db.Set<IngestionBatch>().Any(b => b.Id == e.BatchId && b.ProjectedAt == null))
            .OrderBy(e => e.Id), batch), cancellationToken);
        // A machine's latest report is its current picture (verdict, platform): it stays however old.
        var inventory = await RepeatAsync(db => DeleteBatchAsync(db.InventoryReports
            .Where(r => r.Time < cutoff && db.InventoryReports.Any(newer => newer.MachineName == r.MachineName && newer.Time > r.Time)
                && !db.Set<IngestionBatch>().Any(b => b.Id == r.BatchId && b.ProjectedAt == null))
            .OrderBy(r => r.Id), batch), cancellationToken);
        var audit = await RepeatAsync(db => DeleteBatchAsync(db.AuditLog
            .Where(a => a.Time < auditCutoff)
            .OrderBy(a => a.Id), batch), cancellationToken);
        // An opening every webhook's cursor has passed is told (or filtered out, or given up); one older than the raw
        // data is past any retry. The hour's grace covers a webhook being created now: it starts after the change
        // number it read, and an opening numbered after that must still be there once the webhook is saved.
        var toldBefore = now - OpeningGrace;
        var openings = await RepeatAsync(db => DeleteBatchAsync(db.FindingOpenings
            .Where(o => o.OpenedAt < cutoff || (o.OpenedAt < toldBefore && !db.Set<Webhook>().Any(w => w.DeliveredThrough < o.Sequence)))
            .OrderBy(o => o.Sequence), batch), cancellationToken);

        var result = new RetentionResult(messages, events, inventory, audit, openings, watch.Elapsed);
        if (result.Total > 0)
        {
            LogPurged(logger, messages, events, inventory, audit, openings, cutoff, watch.Elapsed.TotalSeconds);
        }

        return result;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!retention.Value.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(retention.Value.Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (!projector.HoldsLease)
            {
                continue;   // another instance projects, and purges
            }

            try
            {
                await PurgeAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogPurgeFailed(logger, ex);   // a busy database: the next run carries on where this one stopped
            }
        }
    }

    /// <summary>Runs one batch at a time through the writer, each its own short transaction, until a batch says it was the last.</summary>
    private async Task<long> RepeatAsync(Func<AdvertStatusDbContext, Task<(int Deleted, bool More)>> purgeBatch, CancellationToken cancellationToken)
    {
        long total = 0;
        bool more;
        do
        {
            (var deleted, more) = await writer.WriteAsync((db, _) => purgeBatch(db), cancellationToken);
            total += deleted;
        }
        while (more);

        return total;
    }

    private static async Task<(int Deleted, bool More)> DeleteBatchAsync<T>(IQueryable<T> oldestFirst, int batch)
    {
        var deleted = await oldestFirst.Take(batch).ExecuteDeleteAsync(CancellationToken.None);
        return (deleted, deleted >= batch);
    }

    /// <summary>Findings whose messages or events are about to age out say so from now on.</summary>
    private static async Task<int> MarkAgedEvidenceAsync(AdvertStatusDbContext db, DateTime cutoff, CancellationToken cancellationToken) =>
        await db.Findings
            .Where(f => (f.EvidenceAgedOutBefore == null || f.EvidenceAgedOutBefore < cutoff)
                && db.FindingEvidence.Any(e => e.FindingId == f.Id && e.Time < cutoff))
            .ExecuteUpdateAsync(set => set.SetProperty(f => f.EvidenceAgedOutBefore, cutoff), cancellationToken);

    /// <summary>
    /// For up to <paramref name="batch"/> advertisement + machine pairs with aged-out messages: folds those
    /// messages into the pair's aged tally, then deletes them, in one transaction that holds the projector's lease,
    /// so no projection counts the same pairs meanwhile.
    /// </summary>
    private async Task<(int Deleted, bool More)> FoldAndPurgeTalliedMessagesAsync(AdvertStatusDbContext db, DateTime cutoff, int batch, CancellationToken cancellationToken)
    {
        if (!await ProjectorLeases.TryHoldAsync(db, projector.Instance, ingestion.Value.ProjectorLease, cancellationToken))
        {
            return (0, false);
        }

        // The pairs of the oldest aged-out messages, found through the time index; a pair's other aged
        // messages go with it, so a transaction holds about a batch of rows (pairs hold a handful each).
        var pairs = (await db.StatusMessages
                .Where(m => m.Time < cutoff && m.AdvertisementId != null && TalliedMessageIds.Contains(m.MessageId)
                    && !db.Set<IngestionBatch>().Any(b => b.Id == m.BatchId && b.ProjectedAt == null))
                .OrderBy(m => m.Time)
                .Take(batch)
                .Select(m => new { AdvertisementId = m.AdvertisementId!, m.MachineName })
                .ToListAsync(cancellationToken))
            .Distinct()
            .Take(InList.ChunkSize)
            .ToList();
        if (pairs.Count == 0)
        {
            return (0, false);
        }

        var adverts = pairs.Select(p => p.AdvertisementId).Distinct().ToList();
        var machines = pairs.Select(p => p.MachineName).Distinct().ToList();
        var wanted = pairs.Select(p => (p.AdvertisementId, p.MachineName)).ToHashSet();
        var aged = (await db.StatusMessages.AsNoTracking()
                .Where(m => m.Time < cutoff && adverts.Contains(m.AdvertisementId!) && machines.Contains(m.MachineName) && TalliedMessageIds.Contains(m.MessageId)
                    && !db.Set<IngestionBatch>().Any(b => b.Id == m.BatchId && b.ProjectedAt == null))
                .Select(m => new StatusMessage
                {
                    Id = m.Id, RecordId = m.RecordId, MachineName = m.MachineName, SiteCode = m.SiteCode,
                    AdvertisementId = m.AdvertisementId, MessageId = m.MessageId, Time = m.Time, Win32Code = m.Win32Code,
                })
                .ToListAsync(cancellationToken))
            .Where(m => wanted.Contains((m.AdvertisementId!, m.MachineName)))
            .ToList();
        var rows = (await db.AdvertisementMachineStatuses
                .Where(s => adverts.Contains(s.AdvertisementId) && machines.Contains(s.MachineName))
                .ToListAsync(cancellationToken))
            .ToDictionary(s => (s.AdvertisementId, s.MachineName));

        foreach (var pair in aged.GroupBy(m => (m.AdvertisementId!, m.MachineName)))
        {
            if (rows.TryGetValue(pair.Key, out var row))
            {
                row.AgeOut(MachineTally.From(pair, row.AgedTally), cutoff);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        var deleted = 0;
        foreach (var ids in aged.Select(m => m.Id).Chunk(InList.ChunkSize))
        {
            deleted += await db.StatusMessages.Where(m => ids.Contains(m.Id)).ExecuteDeleteAsync(cancellationToken);
        }

        // Only a look that finds no aged pair ends the loop: a short batch may just have met the pair limit.
        return (deleted, true);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention purged {Messages} status messages, {Events} security events, {Inventory} inventory reports and {Audit} audit entries older than {Cutoff:u}, and {Openings} finding openings every webhook has passed, in {Seconds:0.0} s")]
    private static partial void LogPurged(ILogger logger, long messages, long events, long inventory, long audit, long openings, DateTime cutoff, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The retention purge failed; the next run carries on")]
    private static partial void LogPurgeFailed(ILogger logger, Exception exception);
}

/// <summary>What one purge removed, and how long it took.</summary>
public sealed record RetentionResult(long StatusMessages, long SecurityEvents, long InventoryReports, long AuditEntries, long FindingOpenings, TimeSpan Elapsed)
{
    public long Total => StatusMessages + SecurityEvents + InventoryReports + AuditEntries + FindingOpenings;
}
