using AdvertStatus.Core.Coverage;
using AdvertStatus.Core.Findings;
using AdvertStatus.Core.Rules;
using AdvertStatus.Core.SecurityEvents;
using AdvertStatus.Web.Advertisements;
using AdvertStatus.Web.Components.Widgets;
using AdvertStatus.Web.Coverage;
using AdvertStatus.Web.Data;
using AdvertStatus.Web.Findings;
using AdvertStatus.Web.Lockouts;
using AdvertStatus.Web.Sources;
using AdvertStatus.Web.Trends;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Overview;

/// <summary>The numbers and series of the overview page, from indexed ranges and the small summary tables.</summary>
public sealed class OverviewQueries(
    IDbContextFactory<AdvertStatusDbContext> contexts, CoverageQueries coverage, FindingQueries findings, SourceQueries sources, TrendQueries trends,
    LockoutQueries lockouts, TimeProvider clock)
{
    /// <param name="range">The period of the charts (the default week when null).</param>
    public async Task<OverviewData> GetAsync(CancellationToken cancellationToken, TimeRange? range = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        range ??= TimeRange.Parse(null, null, null, now);
        var hours = range.Hours();
        var from = range.From;
        var token = ClientTokenAccount.Key;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        var affected = await db.Findings.Where(f => f.State != FindingState.Resolved && f.MachineName != null).Select(f => f.MachineName).Distinct().CountAsync(cancellationToken);
        var confirmed = await db.Findings.CountAsync(f => f.Rule == RuleNames.Q307434 && f.State != FindingState.Resolved, cancellationToken);
        var confirmedSites = await db.Findings.Where(f => f.Rule == RuleNames.Q307434 && f.State != FindingState.Resolved && f.SiteCode != null)
            .Select(f => f.SiteCode).Distinct().CountAsync(cancellationToken);
        var dayAgo = now.AddHours(-24);
        var lockouts24h = await db.SecurityEvents.CountAsync(e => e.AccountKey == token && e.Kind == SecurityEventKind.Lockout && e.TimeCreated >= dayAgo, cancellationToken);
        // Counted per hour as the failures arrive: a week is 168 rows at any traffic.
        var failures = await db.FailureHours.AsNoTracking()
            .Where(h => h.Hour >= from && h.Hour < range.To)
            .ToDictionaryAsync(h => h.Hour, h => (double)h.Error1317Failures, cancellationToken);
        var (_, lockoutsPerHour) = await lockouts.PerHourAsync(range, cancellationToken);
        var topAdverts = await AdvertisementQueries.TopFailingAsync(db, 5, cancellationToken);
        var hasData = await db.Machines.AnyAsync(cancellationToken) || await db.SecurityEvents.AnyAsync(cancellationToken);
        var total = (await coverage.GetAsync(HotfixCatalog.Q307434, null, cancellationToken)).Total;
        var newest = await findings.ListAsync(new FindingFilter(), null, 5, cancellationToken);
        var fed = await sources.ListAsync(null, silentOnly: false, null, cancellationToken);
        var trend = await trends.ListAsync(from, range.To, null, cancellationToken);

        return new OverviewData(
            hasData, affected, confirmed, confirmedSites, lockouts24h, total,
            hours, [.. hours.Select(h => failures.GetValueOrDefault(h))], lockoutsPerHour,
            topAdverts, newest.Items, fed, trend);
    }
}

/// <summary>Everything the overview shows.</summary>
public sealed record OverviewData(
    bool HasData,
    int AffectedWorkstations,
    int Q307434Confirmed,
    int Q307434Sites,
    int LockoutsLast24Hours,
    CoverageCounts Coverage,
    IReadOnlyList<DateTime> Hours,
    IReadOnlyList<double> FailuresPerHour,
    IReadOnlyList<double> LockoutsPerHour,
    IReadOnlyList<AdvertisementStatusItem> TopFailingAdvertisements,
    IReadOnlyList<FindingItem> NewestFindings,
    SourceList Sources,
    IReadOnlyList<TrendItem> Trend);
