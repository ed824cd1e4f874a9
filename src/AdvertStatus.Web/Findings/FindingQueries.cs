using AdvertStatus.Core.Findings;
using AdvertStatus.Web.Api;
using AdvertStatus.Web.Audit;
using AdvertStatus.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Findings;

/// <summary>Finding queries and state changes; newest first, keyset on the id.</summary>
public sealed class FindingQueries(IDbContextFactory<AdvertStatusDbContext> contexts, TimeProvider clock, FindingFeed feed)
{
    /// <summary>How many evidence descriptions each finding carries in lists.</summary>
    public const int EvidenceCap = 20;

    public static IQueryable<Finding> Filter(AdvertStatusDbContext db, FindingFilter filter)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(filter);
        var findings = db.Findings.AsNoTracking();
        if (filter.Rule is { } rule)
        {
            findings = findings.Where(f => f.Rule == rule);
        }

        if (filter.State is { } state)
        {
            findings = findings.Where(f => f.State == state);
        }

        if (filter.Machine is { } machine)
        {
            findings = findings.Where(f => f.MachineName == machine);
        }

        if (filter.Site is { } site)
        {
            findings = findings.Where(f => f.SiteCode == site);
        }

        if (filter.AcknowledgedBy is { } actor)
        {
            findings = findings.Where(f => f.AcknowledgedBy == actor);
        }

        if (filter.ActiveFrom is { } from)
        {
            findings = findings.Where(f => f.LastSeen >= from);
        }

        if (filter.ActiveUntil is { } until)
        {
            findings = findings.Where(f => f.FirstSeen < until);
        }

        // A site-limited caller sees its sites' machine findings; domain-wide lockout findings are DC data.
        if (filter.Sites is { } sites)
        {
            var allowed = sites.ToList();
            findings = findings.Where(f => f.SiteCode != null && allowed.Contains(f.SiteCode));
        }

        return findings.OrderByDescending(f => f.Id);
    }

    public async Task<Page<FindingItem>> ListAsync(FindingFilter filter, long? before, int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = Filter(db, filter);
        if (before is { } id)
        {
            query = query.Where(f => f.Id < id);
        }

        var rows = await query.Take(limit + 1).ToListAsync(cancellationToken);
        var page = rows.Take(limit).ToList();
        var items = await ToItemsAsync(db, page, cancellationToken);
        return new Page<FindingItem>(items, rows.Count > limit ? Cursor.Encode(page[^1].Id.ToString(System.Globalization.CultureInfo.InvariantCulture)) : null);
    }

    /// <summary>
    /// A numbered page for the dashboard grid: newest first, or by <paramref name="sortBy"/> (a name of
    /// <see cref="FindingItem"/>'s sortable properties; anything else is the default) with the id breaking
    /// ties, so pages never overlap.
    /// </summary>
    public async Task<(IReadOnlyList<FindingItem> Items, int Total)> PageAsync(
        FindingFilter filter, string? sortBy, bool descending, int skip, int take, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = Sort(Filter(db, filter), sortBy, descending);
        var total = await query.CountAsync(cancellationToken);
        var page = await query.Skip(skip).Take(take).ToListAsync(cancellationToken);
        return (await ToItemsAsync(db, page, cancellationToken), total);
    }

    private static IQueryable<Finding> Sort(IQueryable<Finding> findings, string? field, bool descending) => field switch
    {
        nameof(FindingItem.Id) => descending ? findings.OrderByDescending(f => f.Id) : findings.OrderBy(f => f.Id),
        nameof(FindingItem.Rule) => ThenById(descending ? findings.OrderByDescending(f => f.Rule) : findings.OrderBy(f => f.Rule)),
        nameof(FindingItem.State) => ThenById(descending ? findings.OrderByDescending(f => f.State) : findings.OrderBy(f => f.State)),
        nameof(FindingItem.MachineName) => ThenById(descending ? findings.OrderByDescending(f => f.MachineName) : findings.OrderBy(f => f.MachineName)),
        nameof(FindingItem.Count) => ThenById(descending ? findings.OrderByDescending(f => f.Count) : findings.OrderBy(f => f.Count)),
        nameof(FindingItem.LastSeen) => ThenById(descending ? findings.OrderByDescending(f => f.LastSeen) : findings.OrderBy(f => f.LastSeen)),
        _ => findings,   // Filter's order: newest first
    };

    private static IQueryable<Finding> ThenById(IOrderedQueryable<Finding> findings) => findings.ThenByDescending(f => f.Id);

    /// <summary>
    /// Findings whose latest change is numbered in (<paramref name="after"/>, <paramref name="upTo"/>],
    /// in change order, at most <paramref name="limit"/>, within the caller's sites: what the change
    /// stream sends. A finding changed twice since <paramref name="after"/> comes once, as it is now.
    /// </summary>
    public async Task<IReadOnlyList<(long Sequence, FindingItem Item)>> ChangesAsync(
        long after, long upTo, IReadOnlySet<string>? sites, int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await Filter(db, new FindingFilter(Sites: sites))
            .Where(f => f.ChangeSequence > after && f.ChangeSequence <= upTo)
            .OrderBy(f => f.ChangeSequence)
            .Take(limit)
            .ToListAsync(cancellationToken);
        var items = await ToItemsAsync(db, rows, cancellationToken);
        return [.. rows.Select((f, i) => (f.ChangeSequence, items[i]))];
    }

    /// <summary>The finding; null when there is none or, for a site-limited caller, when it is not of its sites.</summary>
    public async Task<FindingItem?> GetAsync(long id, CancellationToken cancellationToken, IReadOnlySet<string>? sites = null)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var finding = await Filter(db, new FindingFilter(Sites: sites)).SingleOrDefaultAsync(f => f.Id == id, cancellationToken);
        return finding is null ? null : (await ToItemsAsync(db, [finding], cancellationToken))[0];
    }

    /// <summary>
    /// Acknowledges or resolves a finding on behalf of <paramref name="actor"/> and audits it in the same
    /// commit. Null when there is no such finding (or it is not of a site-limited caller's sites); Allowed
    /// is false when the move is not allowed from its state.
    /// </summary>
    public async Task<(FindingItem? Finding, bool Allowed)> ChangeStateAsync(
        long id, FindingAction action, string actor, CancellationToken cancellationToken, IReadOnlySet<string>? sites = null, string? comment = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var finding = await Filter(db, new FindingFilter(Sites: sites)).AsTracking().SingleOrDefaultAsync(f => f.Id == id, cancellationToken);
            if (finding is null)
            {
                return (null, false);
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var allowed = action == FindingAction.Acknowledge ? finding.Acknowledge(now, actor) : finding.Resolve(now, actor);
            if (allowed)
            {
                AuditLog.Add(db, now, actor, action == FindingAction.Acknowledge ? AuditActions.FindingAcknowledge : AuditActions.FindingResolve,
                    $"finding:{id}", $"{finding.Rule} {finding.MachineName ?? $"{finding.Domain}\\{finding.Account}"}"
                        + (string.IsNullOrWhiteSpace(comment) ? "" : $": {comment.Trim()}"));
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
                continue; // new evidence arrived meanwhile: apply the change to the fresh row
            }

            feed.Nudge();
            return ((await ToItemsAsync(db, [finding], cancellationToken))[0], allowed);
        }
    }

    /// <summary>
    /// Acknowledges or resolves several findings for <paramref name="actor"/>, each in its own commit with
    /// its audit entry (and <paramref name="comment"/>); returns how many changed and how many were in a
    /// state that does not allow it (or gone).
    /// </summary>
    public async Task<(int Changed, int Skipped)> ChangeStatesAsync(
        IReadOnlyCollection<long> ids, FindingAction action, string actor, string? comment, CancellationToken cancellationToken, IReadOnlySet<string>? sites = null)
    {
        ArgumentNullException.ThrowIfNull(ids);
        int changed = 0, skipped = 0;
        foreach (var id in ids)
        {
            var (finding, allowed) = await ChangeStateAsync(id, action, actor, cancellationToken, sites, comment);
            if (finding is not null && allowed)
            {
                changed++;
            }
            else
            {
                skipped++;
            }
        }

        return (changed, skipped);
    }

    private static async Task<List<FindingItem>> ToItemsAsync(AdvertStatusDbContext db, List<Finding> findings, CancellationToken cancellationToken)
    {
        var ids = findings.Select(f => f.Id).ToList();

        // The newest evidence of each finding: one short indexed query per finding (FindingId, Time). The
        // single ROW_NUMBER query this replaces numbered every evidence row in the table, so a list page
        // slowed as evidence accumulated (16 → 100 ms from 1M to 10M messages, docs/performance.md).
        var evidence = new Dictionary<long, List<string>>();
        foreach (var id in ids)
        {
            evidence[id] = await db.FindingEvidence.AsNoTracking()
                .Where(e => e.FindingId == id)
                .OrderByDescending(e => e.Time).ThenByDescending(e => e.Id)
                .Take(EvidenceCap)
                .Select(e => e.Description)
                .ToListAsync(cancellationToken);
        }

        var context = await FindingContext.LoadAsync(db, findings, cancellationToken);
        var machineNames = findings.Where(f => f.MachineName is not null).Select(f => f.MachineName!).Distinct().ToList();
        var machines = await db.Machines.AsNoTracking()
            .Where(m => machineNames.Contains(m.MachineName))
            .Select(m => new { m.MachineName, m.Verdict, m.Smsapm32Version })
            .ToDictionaryAsync(m => m.MachineName, cancellationToken);

        return [.. findings.Select(f =>
        {
            var machine = f.MachineName is { } name ? machines.GetValueOrDefault(name) : null;
            return new FindingItem(
                f.Id, f.Rule, f.State, f.MachineName, f.SiteCode, f.AdvertisementId, f.Domain, f.Account, f.Count, f.FirstSeen, f.LastSeen,
                f.EvidenceAgedOutBefore is { } aged
                    ? [.. evidence[f.Id], $"Raw messages and events before {aged:yyyy-MM-dd} have aged out (retention); this evidence and the count still include them."]
                    : evidence[f.Id],
                FindingSummaries.Describe(f, machine?.Verdict, machine?.Smsapm32Version),
                machine?.Verdict,
                context.CallersOf(f),
                context.ControllersOf(f),
                f.UpdatedAt,
                f.AcknowledgedBy,
                f.AcknowledgedAt,
                f.ResolvedBy,
                f.ResolvedAt,
                f.EvidenceAgedOutBefore,
                context.AdvertisementsOf(f));
        })];
    }
}
