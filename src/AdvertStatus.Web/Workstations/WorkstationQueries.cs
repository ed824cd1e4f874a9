using AdvertStatus.Core.Coverage;
using AdvertStatus.Core.Findings;
using AdvertStatus.Core.Inventory;
using AdvertStatus.Core.Machines;
using AdvertStatus.Web.Api;
using AdvertStatus.Web.Data;
using AdvertStatus.Web.Findings;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Workstations;

/// <summary>Workstation queries for the API, the dashboard and the CSV reports; one context per call.</summary>
public sealed class WorkstationQueries(IDbContextFactory<AdvertStatusDbContext> contexts, FindingQueries findings, FixedBuildSet fixedBuilds)
{
    /// <summary>How many messages and events the detail view returns (newest first).</summary>
    public const int TimelineCap = 200;

    /// <summary>Client machines matching the filter, ordered by name (the keyset).</summary>
    public static IQueryable<Machine> Filter(AdvertStatusDbContext db, WorkstationFilter filter)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(filter);
        var machines = db.Machines.AsNoTracking().Where(m => m.Role == MachineRole.Client);
        if (filter.Site is { } site)
        {
            machines = machines.Where(m => m.SiteCode == site);
        }

        if (filter.Sites is { } sites)
        {
            var allowed = sites.ToList();
            machines = machines.Where(m => m.SiteCode != null && allowed.Contains(m.SiteCode));
        }

        if (filter.Domain is { } domain)
        {
            machines = machines.Where(m => m.Domain == domain);
        }

        if (filter.Verdict is { } verdict)
        {
            machines = machines.Where(m => m.Verdict == verdict);
        }

        if (filter.Text is { } text)
        {
            var upper = text.Trim().ToUpperInvariant();
            machines = machines.Where(m => m.MachineName.Contains(upper) || (m.Domain != null && m.Domain.Contains(upper)));
        }

        if (filter.AffectedOnly || filter.Rule is not null)
        {
            var rule = filter.Rule;
            machines = machines.Where(m => db.Findings.Any(f =>
                f.MachineName == m.MachineName && f.State != FindingState.Resolved && (rule == null || f.Rule == rule)));
        }

        return machines.OrderBy(m => m.MachineName);
    }

    public async Task<Page<WorkstationItem>> ListAsync(WorkstationFilter filter, string? after, int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = Filter(db, filter);
        if (after is not null)
        {
            query = query.Where(m => m.MachineName.CompareTo(after) > 0);
        }

        var machines = await query.Take(limit + 1).ToListAsync(cancellationToken);
        var page = machines.Take(limit).ToList();
        var rules = await OpenRulesAsync(db, [.. page.Select(m => m.MachineName)], cancellationToken);
        var items = page.Select(m => ToItem(m, rules)).ToList();
        return new Page<WorkstationItem>(items, machines.Count > limit ? Cursor.Encode(page[^1].MachineName) : null);
    }

    /// <summary>
    /// A numbered page for the dashboard grid, sorted by a column (name, site, domain, last seen, verdict).
    /// Every sort ends on the machine name so pages never overlap.
    /// </summary>
    public async Task<(IReadOnlyList<WorkstationItem> Items, int Total)> PageAsync(
        WorkstationFilter filter, string? sortBy, bool descending, int skip, int take, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = Filter(db, filter);
        var total = await query.CountAsync(cancellationToken);
        IOrderedQueryable<Machine> sorted = sortBy switch
        {
            nameof(WorkstationItem.SiteCode) => descending ? query.OrderByDescending(m => m.SiteCode) : query.OrderBy(m => m.SiteCode),
            nameof(WorkstationItem.Domain) => descending ? query.OrderByDescending(m => m.Domain) : query.OrderBy(m => m.Domain),
            nameof(WorkstationItem.LastSeen) => descending ? query.OrderByDescending(m => m.LastSeen) : query.OrderBy(m => m.LastSeen),
            nameof(WorkstationItem.Verdict) => descending ? query.OrderByDescending(m => m.Verdict) : query.OrderBy(m => m.Verdict),
            nameof(WorkstationItem.Smsapm32Version) => descending ? query.OrderByDescending(m => m.Smsapm32Version) : query.OrderBy(m => m.Smsapm32Version),
            _ => descending ? query.OrderByDescending(m => m.MachineName) : query.OrderBy(m => m.MachineName),
        };
        var machines = await sorted.ThenBy(m => m.MachineName).Skip(skip).Take(take).ToListAsync(cancellationToken);
        var rules = await OpenRulesAsync(db, [.. machines.Select(m => m.MachineName)], cancellationToken);
        return ([.. machines.Select(m => ToItem(m, rules))], total);
    }

    /// <summary>The site codes seen, for the dashboard's site filter.</summary>
    public async Task<IReadOnlyList<string>> SitesAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Sites.OrderBy(s => s.SiteCode).Select(s => s.SiteCode).ToListAsync(cancellationToken);
    }

    /// <summary>The machine's detail; null when unknown or, for a site-limited caller, of another site (indistinguishable on purpose).</summary>
    public async Task<WorkstationDetail?> GetAsync(string machineName, CancellationToken cancellationToken, IReadOnlySet<string>? sites = null)
    {
        var name = machineName.Trim().ToUpperInvariant();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var machine = await db.Machines.AsNoTracking().SingleOrDefaultAsync(m => m.MachineName == name, cancellationToken);
        if (machine is null || (sites is not null && (machine.SiteCode is null || !sites.Contains(machine.SiteCode))))
        {
            return null;
        }

        var rules = await OpenRulesAsync(db, [name], cancellationToken);
        var machineFindings = await findings.ListAsync(new FindingFilter(Machine: name), null, QueryParameters.MaxLimit, cancellationToken);
        var messages = await db.StatusMessages.AsNoTracking()
            .Where(m => m.MachineName == name)
            .OrderByDescending(m => m.Time).ThenByDescending(m => m.Id)
            .Take(TimelineCap)
            .Select(m => new StatusMessageEntry(m.Id, m.RecordId, m.Time, m.MessageId, m.Severity == null ? null : m.Severity.ToString(),
                m.AdvertisementId, m.PackageName, m.ProgramName, m.Win32Error, m.Win32Code, m.Text))
            .ToListAsync(cancellationToken);
        var events = await db.SecurityEvents.AsNoTracking()
            .Where(e => e.SourceMachine == name)
            .OrderByDescending(e => e.TimeCreated).ThenByDescending(e => e.Id)
            .Take(TimelineCap)
            .Select(e => new SecurityEventEntry(e.Id, e.EventId, e.Kind.ToString(), e.TimeCreated, e.Computer, e.TargetUserName, e.AccountDomain, e.Status))
            .ToListAsync(cancellationToken);
        var snapshots = await db.InventoryReports.AsNoTracking()
            .Where(r => r.MachineName == name)
            .OrderByDescending(r => r.Time)
            .Take(TimelineCap)
            .ToListAsync(cancellationToken);

        var latest = snapshots.FirstOrDefault();
        var files = latest?.Files.Select(f => new InventoryFileEntry(f.Name, f.Version, f.Path)).ToList() ?? [];
        var inventory = snapshots.Select(r =>
        {
            var version = r.Files.FirstOrDefault(f => f.Name.Equals("Smsapm32.exe", StringComparison.OrdinalIgnoreCase))?.Version;
            return new InventoryEntry(r.Time, r.ClientOs, version, fixedBuilds.VerdictFor(version));
        }).ToList();

        var item = ToItem(machine, rules);
        return new WorkstationDetail(item.MachineName, item.SiteCode, item.Domain, item.ClientOs, item.Platform, item.Smsapm32Version,
            item.Verdict, item.Rules, item.LastSeen, machineFindings.Items, messages, events, files, inventory);
    }

    /// <summary>The names of each machine's findings that are not resolved, in one query for the whole page.</summary>
    internal static async Task<ILookup<string, string>> OpenRulesAsync(AdvertStatusDbContext db, IReadOnlyCollection<string> machineNames, CancellationToken cancellationToken)
    {
        var rows = await db.Findings.AsNoTracking()
            .Where(f => f.MachineName != null && machineNames.Contains(f.MachineName) && f.State != FindingState.Resolved)
            .Select(f => new { f.MachineName, f.Rule })
            .Distinct()
            .ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.Rule, StringComparer.Ordinal).ToLookup(r => r.MachineName!, r => r.Rule);
    }

    private static WorkstationItem ToItem(Machine m, ILookup<string, string> rules) =>
        new(m.MachineName, m.SiteCode, m.Domain, m.ClientOs, m.Platform, m.Smsapm32Version, m.Verdict, [.. rules[m.MachineName]], m.LastSeen);
}
