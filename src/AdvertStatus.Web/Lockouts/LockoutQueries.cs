using System.Runtime.CompilerServices;
using AdvertStatus.Core.Rules;
using AdvertStatus.Core.SecurityEvents;
using AdvertStatus.Web.Components.Widgets;
using AdvertStatus.Core.Time;
using AdvertStatus.Web.Api;
using AdvertStatus.Web.Data;
using AdvertStatus.Web.Findings;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Lockouts;

/// <summary>Lockout tallies per domain and account, ordered by domain then account (the keyset).</summary>
public sealed class LockoutQueries(IDbContextFactory<AdvertStatusDbContext> contexts)
{
    public static IQueryable<LockoutSummary> Filter(AdvertStatusDbContext db, string? account, string? domain)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = db.LockoutSummaries.AsNoTracking();
        if (ClientTokenAccount.KeyOf(account) is { } key)
        {
            rows = rows.Where(s => s.AccountKey == key);
        }

        if (domain is not null)
        {
            rows = rows.Where(s => s.Domain == domain);
        }

        return rows.OrderBy(s => s.Domain).ThenBy(s => s.AccountKey);
    }

    /// <summary>
    /// For a site-limited caller the stored tallies would show other sites' machines, so its tallies are
    /// built from the lockouts its own sites' machines caused, with the same <see cref="LockoutSummary.Add"/>
    /// the stored tallies use. In (domain, account) order, like <see cref="Filter"/>.
    /// </summary>
    public static async IAsyncEnumerable<LockoutSummary> ForSitesAsync(
        AdvertStatusDbContext db, IReadOnlySet<string> sites, string? account, string? domain,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(sites);
        var allowed = sites.ToList();
        var key = ClientTokenAccount.KeyOf(account);
        var events = await db.SecurityEvents.AsNoTracking()
            .Where(e => e.Kind == SecurityEventKind.Lockout && e.AccountKey != null && (key == null || e.AccountKey == key)
                && db.Machines.Any(m => m.MachineName == e.SourceMachine && m.SiteCode != null && allowed.Contains(m.SiteCode)))
            .ToListAsync(cancellationToken);
        var summaries = events
            .GroupBy(e => (Domain: e.AccountDomain ?? LockoutSummaryUpdater.UnknownDomain, Key: e.AccountKey!))
            .Where(g => domain is null || g.Key.Domain == domain)
            .OrderBy(g => g.Key.Domain, StringComparer.Ordinal).ThenBy(g => g.Key.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var summary = new LockoutSummary { Domain = g.Key.Domain, AccountKey = g.Key.Key, Account = g.First().TargetUserName! };
                foreach (var lockout in g.OrderBy(e => e.TimeCreated))
                {
                    summary.Add(lockout);
                }

                return summary;
            });
        foreach (var summary in summaries)
        {
            yield return summary;
        }
    }

    public async Task<Page<LockoutItem>> ListAsync(
        string? account, string? domain, string[]? after, int limit, CancellationToken cancellationToken, IReadOnlySet<string>? sites = null)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        List<LockoutSummary> rows;
        if (sites is not null)
        {
            rows = await ForSitesAsync(db, sites, account, domain, cancellationToken)
                .Where(s => after is not [var d, var k] || string.CompareOrdinal(s.Domain, d) > 0 || (s.Domain == d && string.CompareOrdinal(s.AccountKey, k) > 0))
                .Take(limit + 1)
                .ToListAsync(cancellationToken);
        }
        else
        {
            var query = Filter(db, account, domain);
            if (after is [var lastDomain, var lastKey])
            {
                query = query.Where(s => s.Domain.CompareTo(lastDomain) > 0 || (s.Domain == lastDomain && s.AccountKey.CompareTo(lastKey) > 0));
            }

            rows = await query.Take(limit + 1).ToListAsync(cancellationToken);
        }

        var page = rows.Take(limit).ToList();
        return new Page<LockoutItem>(
            [.. page.Select(ToItem)],
            rows.Count > limit ? Cursor.Encode(page[^1].Domain, page[^1].AccountKey) : null);
    }

    /// <summary>
    /// Lockouts per domain controller (any account, or <paramref name="account"/>): how many each DC logged,
    /// from which caller computers, first and last, most first. For the DC view of the Lockouts page,
    /// where a storm that one DC sees is told apart from one spread over all of them.
    /// </summary>
    public async Task<IReadOnlyList<ControllerLockouts>> ByControllerAsync(string? account, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var lockouts = db.SecurityEvents.AsNoTracking().Where(e => e.Kind == SecurityEventKind.Lockout);
        if (ClientTokenAccount.KeyOf(account) is { } key)
        {
            lockouts = lockouts.Where(e => e.AccountKey == key);
        }

        var rows = await lockouts
            .GroupBy(e => new { e.Computer, e.AccountDomain, e.SourceMachine })
            .Select(g => new { g.Key.Computer, g.Key.AccountDomain, g.Key.SourceMachine, Count = g.Count(), First = g.Min(e => e.TimeCreated), Last = g.Max(e => e.TimeCreated) })
            .ToListAsync(cancellationToken);
        return [.. rows
            .GroupBy(r => r.Computer)
            .Select(g => new ControllerLockouts(
                g.Key,
                g.Select(r => r.AccountDomain).FirstOrDefault(d => d is not null),
                g.Sum(r => r.Count),
                [.. g.GroupBy(r => r.SourceMachine ?? "(unknown)")
                    .Select(c => new CallerComputerCount(c.Key, c.Sum(r => r.Count)))
                    .OrderByDescending(c => c.Count).ThenBy(c => c.Name, StringComparer.Ordinal)],
                g.Min(r => r.First),
                g.Max(r => r.Last)))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Controller, StringComparer.Ordinal)];
    }

    public static LockoutItem ToItem(LockoutSummary s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(
            s.Domain.Length == 0 ? null : s.Domain,
            s.Account,
            s.Count,
            [.. s.CallerComputers.OrderByDescending(c => c.Count).ThenBy(c => c.Name, StringComparer.Ordinal).Select(c => new CallerComputerCount(c.Name, c.Count))],
            [.. s.DomainControllers.Order(StringComparer.Ordinal)],
            s.FirstLockout,
            s.LastLockout);
    }

    /// <summary>The token account's lockouts per hour over <paramref name="range"/>, for this page's chart and the overview's.</summary>
    public async Task<(IReadOnlyList<DateTime> Hours, IReadOnlyList<double> Lockouts)> PerHourAsync(TimeRange range, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(range);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var hours = range.Hours();
        return (hours, PerHour(await LockoutTimesAsync(db, range, cancellationToken), hours));
    }

    private static Task<List<DateTime>> LockoutTimesAsync(AdvertStatusDbContext db, TimeRange range, CancellationToken cancellationToken)
    {
        var token = ClientTokenAccount.Key;
        return db.SecurityEvents
            .Where(e => e.AccountKey == token && e.Kind == SecurityEventKind.Lockout && e.TimeCreated >= range.From && e.TimeCreated < range.To)
            .Select(e => e.TimeCreated)
            .ToListAsync(cancellationToken);
    }


    private static double[] PerHour(List<DateTime> times, IReadOnlyList<DateTime> hours)
    {
        var counts = times.GroupBy(UtcHour.Of).ToDictionary(g => g.Key, g => g.Count());
        return [.. hours.Select(h => (double)counts.GetValueOrDefault(h))];
    }
}
