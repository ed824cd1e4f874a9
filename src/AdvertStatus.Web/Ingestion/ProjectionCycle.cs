using AdvertStatus.Core.Coverage;
using AdvertStatus.Core.Findings;
using AdvertStatus.Core.SecurityEvents;
using AdvertStatus.Core.StatusMessages;
using AdvertStatus.Web.Advertisements;
using AdvertStatus.Web.Data;
using AdvertStatus.Web.Lockouts;
using AdvertStatus.Web.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdvertStatus.Web.Ingestion;

/// <summary>
/// One projection, in one transaction: the oldest pending batches (up to <see cref="IngestionOptions.MaxItemsPerProjection"/>
/// items) are projected onto machines, sites, advertisements, tallies, lockout summaries, sources and findings,
/// and marked projected. A crash before the commit leaves them pending, so they are projected again, once.
/// </summary>
/// <remarks>
/// Inventory goes first: a snapshot decides a machine's site, OS and verdict, which sightings must not overwrite
/// and the rules read. The rules run last, over everything the cycle stored: they are exact under any order and
/// re-sends, so projecting several requests as one batch gives what projecting them one by one gives.
/// </remarks>
internal sealed class ProjectionCycle(RuleEngine rules, FixedBuildSet fixedBuilds, AppendedBatches appended, IOptions<IngestionOptions> options, TimeProvider clock)
{
    /// <summary>Batches one cycle takes at most, whatever their size: bounds the IN-lists that read their rows.</summary>
    private const int MaxBatches = 400;

    public async Task<ProjectionOutcome> RunAsync(AdvertStatusDbContext db, string instance, CancellationToken cancellationToken)
    {
        if (!await ProjectorLeases.TryHoldAsync(db, instance, options.Value.ProjectorLease, cancellationToken))
        {
            return ProjectionOutcome.NotHolder;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var batches = await PendingAsync(db, cancellationToken);
        if (batches.Count == 0)
        {
            await db.IngestionBatches.Where(b => b.ProjectedAt < now - options.Value.ProjectedBatchRetention).ExecuteDeleteAsync(cancellationToken);
            return await OutcomeAsync(db, projected: 0, changedFindings: false, cancellationToken);
        }

        var ids = batches.Select(b => b.Id).ToList();
        var fixedMachines = await ProjectInventoryAsync(db, IdsOf(batches, IngestionKind.Inventory), cancellationToken);
        var messages = await ProjectStatusMessagesAsync(db, [.. batches.Where(b => b.Kind == IngestionKind.StatusMessages)], cancellationToken);
        var events = await ProjectSecurityEventsAsync(db, IdsOf(batches, IngestionKind.SecurityEvents), cancellationToken);
        await SourceRecorder.RecordAsync(db, batches, cancellationToken);

        var findings = new List<Finding>();
        findings.AddRange(await rules.OnMachinesFixedAsync(db, fixedMachines, cancellationToken));
        findings.AddRange(await rules.OnStatusMessagesAsync(db, messages, cancellationToken));
        findings.AddRange(await rules.OnSecurityEventsAsync(db, events, cancellationToken));

        await db.IngestionBatches.Where(b => ids.Contains(b.Id)).ExecuteUpdateAsync(set => set.SetProperty(b => b.ProjectedAt, now), cancellationToken);
        var last = ids.Max();
        await db.ProjectionLeases.Where(l => l.Name == ProjectionLease.Projector && l.ProjectedThrough < last)
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.ProjectedThrough, last), cancellationToken);
        return await OutcomeAsync(db, batches.Sum(b => b.Stored), findings.Count > 0, cancellationToken);
    }

    /// <summary>The oldest pending batches, as many as make up one cycle's items (at least one).</summary>
    private async Task<List<IngestionBatch>> PendingAsync(AdvertStatusDbContext db, CancellationToken cancellationToken)
    {
        var pending = await db.IngestionBatches.AsNoTracking().Where(b => b.ProjectedAt == null).OrderBy(b => b.Id).Take(MaxBatches).ToListAsync(cancellationToken);
        var taken = new List<IngestionBatch>();
        var items = 0;
        foreach (var batch in pending)
        {
            if (taken.Count > 0 && items + batch.Stored > options.Value.MaxItemsPerProjection)
            {
                break;
            }

            taken.Add(batch);
            items += batch.Stored;
        }

        return taken;
    }

    private static List<long> IdsOf(List<IngestionBatch> batches, IngestionKind kind) => [.. batches.Where(b => b.Kind == kind).Select(b => b.Id)];

    /// <summary>Each machine's current picture and verdict move to its latest snapshot; returns the machines that just became Fixed.</summary>
    private async Task<List<string>> ProjectInventoryAsync(AdvertStatusDbContext db, List<long> batchIds, CancellationToken cancellationToken)
    {
        if (batchIds.Count == 0)
        {
            return [];
        }

        var reports = await db.InventoryReports.AsNoTracking().Where(r => batchIds.Contains(r.BatchId)).OrderBy(r => r.Time).ToListAsync(cancellationToken);
        var becameFixed = InventoryProjection.Apply(
            reports,
            await MachineDirectory.LoadOrCreateAsync(db, reports.Select(r => r.MachineName), cancellationToken),
            await MachineDirectory.TouchSitesAsync(db, reports.Select(r => (r.SiteCode, r.Time)), cancellationToken),
            fixedBuilds);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();   // the sightings below write machines untracked: nothing stale may be saved after them
        return becameFixed;
    }

    /// <summary>Machines, sites, advertisements and tallies for the cycle's status messages; returns the messages for the rules.</summary>
    private async Task<List<StatusMessage>> ProjectStatusMessagesAsync(AdvertStatusDbContext db, List<IngestionBatch> batches, CancellationToken cancellationToken)
    {
        if (batches.Count == 0)
        {
            return [];
        }

        var messages = new List<StatusMessage>();
        var unread = new List<long>();
        foreach (var batch in batches)
        {
            if (appended.Take<StatusMessage>(batch) is { } rows)
            {
                messages.AddRange(rows);
            }
            else
            {
                unread.Add(batch.Id);
            }
        }

        messages.AddRange(await ReadMessagesAsync(db, unread, cancellationToken));
        await MachineDirectory.RecordSightingsAsync(db, [.. messages.Select(m => new Sighting(m.MachineName, m.SiteCode, m.Domain, m.ClientOs, m.Time))], cancellationToken);
        await AdvertisementDirectory.RecordFromMessagesAsync(db, messages, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        await AdvertisementStatusUpdater.UpdateAsync(db, messages, cancellationToken);
        return messages;
    }

    /// <summary>The messages of batches this instance did not append (or no longer holds), with only what the projection and the rules read.</summary>
    private static async Task<List<StatusMessage>> ReadMessagesAsync(AdvertStatusDbContext db, List<long> batchIds, CancellationToken cancellationToken)
    {
        if (batchIds.Count == 0)
        {
            return [];
        }

        // Materialising whole messages (text, JSON columns) costs more than projecting them.
        return await db.StatusMessages.AsNoTracking().Where(m => batchIds.Contains(m.BatchId))
            .Select(m => new StatusMessage
            {
                Id = m.Id, RecordId = m.RecordId, MachineName = m.MachineName, SiteCode = m.SiteCode, Time = m.Time, ReceivedAt = m.ReceivedAt,
                MessageId = m.MessageId, Win32Code = m.Win32Code, AdvertisementId = m.AdvertisementId, PackageId = m.PackageId,
                PackageName = m.PackageName, ProgramName = m.ProgramName, CollectionId = m.CollectionId, ClientOs = m.ClientOs, Domain = m.Domain,
                BatchId = m.BatchId,
            })
            .ToListAsync(cancellationToken);
    }

    /// <summary>The lockout summaries for the cycle's security events; returns the events for the rules.</summary>
    private static async Task<List<SecurityEvent>> ProjectSecurityEventsAsync(AdvertStatusDbContext db, List<long> batchIds, CancellationToken cancellationToken)
    {
        if (batchIds.Count == 0)
        {
            return [];
        }

        var events = await db.SecurityEvents.AsNoTracking().Where(e => batchIds.Contains(e.BatchId)).ToListAsync(cancellationToken);
        await LockoutSummaryUpdater.AddAsync(db, events, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return events;
    }

    /// <summary>Where the projection stands after this cycle, inside its transaction.</summary>
    private static async Task<ProjectionOutcome> OutcomeAsync(AdvertStatusDbContext db, int projected, bool changedFindings, CancellationToken cancellationToken)
    {
        var progress = await IngestionProgress.ReadAsync(db, cancellationToken);
        return new ProjectionOutcome(true, projected, progress.ProjectedThrough, progress.PendingItems, progress.PendingBatches > 0, changedFindings);
    }
}

/// <summary>What one cycle did: whether this instance holds the lease, items projected, where progress stands, whether more waits.</summary>
internal sealed record ProjectionOutcome(bool Holder, int Projected, long ProjectedThrough, long PendingItems, bool More, bool ChangedFindings)
{
    public static readonly ProjectionOutcome NotHolder = new(false, 0, -1, 0, false, false);
}
