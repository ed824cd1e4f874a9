using AdvertStatus.Core.Coverage;
using AdvertStatus.Core.Findings;
using AdvertStatus.Core.Rules;
using AdvertStatus.Core.SecurityEvents;
using AdvertStatus.Web.Coverage;
using AdvertStatus.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Trends;

/// <summary>
/// Takes the hourly trend snapshot: at the first check of each hour, how many workstations are
/// affected, the open findings per rule, the lockouts of the hour before and the hotfix coverage, for
/// the fleet and each site. Every instance checks; the hour's marker row lets exactly one of them
/// write it, and an instance that was down catches up on the current hour only (history is not invented).
/// </summary>
public sealed partial class TrendSnapshots(
    IDbContextFactory<AdvertStatusDbContext> contexts, CoverageQueries coverage, TimeProvider clock, ILogger<TrendSnapshots> logger) : BackgroundService
{
    public static readonly TimeSpan CheckInterval = TimeSpan.FromMinutes(1);

    /// <summary>Takes the current hour's snapshot unless some instance already has; true when this call took it.</summary>
    public async Task<bool> TakeAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var hour = new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0, DateTimeKind.Utc);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.TrendHours.AnyAsync(h => h.Hour == hour, cancellationToken))
        {
            return false;
        }

        var rows = await MeasureAsync(db, hour, cancellationToken);
        db.TrendHours.Add(new TrendHour { Hour = hour, TakenAt = now, TakenBy = $"{Environment.MachineName}/{Environment.ProcessId}" });
        db.TrendSnapshots.AddRange(rows);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex) when (DatabaseConflict.Is(ex))
        {
            return false;   // another instance took this hour between our check and our save
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The cadence is machine time; the hour a snapshot belongs to is the app's clock (a test's fake
        // clock moved by weeks would otherwise fire this timer once per minute it skipped).
        using var timer = new PeriodicTimer(CheckInterval);
        do
        {
            try
            {
                await TakeAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogSnapshotFailed(logger, ex);   // a busy database: the next check tries again
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task<List<TrendSnapshot>> MeasureAsync(AdvertStatusDbContext db, DateTime hour, CancellationToken cancellationToken)
    {
        var open = await db.Findings.AsNoTracking()
            .Where(f => f.State != FindingState.Resolved)
            .GroupBy(f => new { f.SiteCode, f.Rule })
            .Select(g => new { g.Key.SiteCode, g.Key.Rule, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var affected = await db.Findings.AsNoTracking()
            .Where(f => f.State != FindingState.Resolved && f.MachineName != null)
            .Select(f => new { f.SiteCode, f.MachineName })
            .Distinct()
            .GroupBy(f => f.SiteCode)
            .Select(g => new { SiteCode = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var token = ClientTokenAccount.Key;
        var lockouts = await db.SecurityEvents.AsNoTracking()
            .CountAsync(e => e.AccountKey == token && e.Kind == SecurityEventKind.Lockout && e.TimeCreated >= hour.AddHours(-1) && e.TimeCreated < hour, cancellationToken);
        var report = await coverage.GetAsync(HotfixCatalog.Q307434, null, cancellationToken);

        var sites = report.Sites.Select(r => r.SiteCode)
            .Concat(open.Select(o => o.SiteCode)).Concat(affected.Select(a => a.SiteCode))
            .OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var rows = sites.Select(site => Row(hour, site,
            affected.Where(a => a.SiteCode == site).Sum(a => a.Count),
            open.Where(o => o.SiteCode == site).ToDictionary(o => o.Rule, o => o.Count),
            lockouts: null,
            report.Sites.Where(r => r.SiteCode == site).Select(r => (r.Fixed, r.Vulnerable, r.Unknown)))).ToList();
        rows.Add(Row(hour, TrendSnapshot.Fleet,
            affected.Sum(a => a.Count),
            open.GroupBy(o => o.Rule).ToDictionary(g => g.Key, g => g.Sum(o => o.Count)),
            lockouts,
            report.Sites.Select(r => (r.Fixed, r.Vulnerable, r.Unknown))));
        return rows;
    }

    private static TrendSnapshot Row(
        DateTime hour, string site, int affected, Dictionary<string, int> open, int? lockouts, IEnumerable<(int Fixed, int Vulnerable, int Unknown)> coverage)
    {
        var counts = coverage.ToList();
        return new TrendSnapshot
        {
            Hour = hour,
            SiteCode = site,
            AffectedWorkstations = affected,
            OpenError1317 = open.GetValueOrDefault(RuleNames.Error1317),
            OpenQ307434 = open.GetValueOrDefault(RuleNames.Q307434),
            OpenQ264714 = open.GetValueOrDefault(RuleNames.Q264714),
            OpenLocalInstallAccountAfterFix = open.GetValueOrDefault(RuleNames.LocalInstallAccountAfterFix),
            OpenRepeatedLockout = site == TrendSnapshot.Fleet ? open.GetValueOrDefault(RuleNames.RepeatedLockout) : 0,
            Lockouts = lockouts,
            Fixed = counts.Sum(c => c.Fixed),
            Vulnerable = counts.Sum(c => c.Vulnerable),
            Unknown = counts.Sum(c => c.Unknown),
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The hourly trend snapshot could not be taken; the next check tries again")]
    private static partial void LogSnapshotFailed(ILogger logger, Exception exception);
}
