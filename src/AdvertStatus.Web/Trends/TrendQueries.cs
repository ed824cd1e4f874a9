using AdvertStatus.Core.Rules;
using AdvertStatus.Web.Coverage;
using AdvertStatus.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Trends;

/// <summary>Reads the hourly snapshots back, oldest first.</summary>
public sealed class TrendQueries(IDbContextFactory<AdvertStatusDbContext> contexts)
{
    /// <summary>The longest range one request may ask for.</summary>
    public static readonly TimeSpan MaxRange = TimeSpan.FromDays(400);

    /// <param name="from">Inclusive.</param>
    /// <param name="to">Inclusive.</param>
    /// <param name="sites">Which sites' rows (null: the whole-fleet rows).</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<IReadOnlyList<TrendItem>> ListAsync(DateTime from, DateTime to, IReadOnlyCollection<string>? sites, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var wanted = sites?.ToList() ?? [TrendSnapshot.Fleet];
        var rows = await db.TrendSnapshots.AsNoTracking()
            .Where(s => wanted.Contains(s.SiteCode) && s.Hour >= from && s.Hour <= to)
            .OrderBy(s => s.Hour).ThenBy(s => s.SiteCode)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(ToItem)];
    }

    /// <summary>True when some snapshot or machine names the site (an unknown one is a client's typo).</summary>
    public async Task<bool> SiteExistsAsync(string site, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Sites.AnyAsync(s => s.SiteCode == site, cancellationToken)
            || await db.TrendSnapshots.AnyAsync(s => s.SiteCode == site, cancellationToken);
    }

    private static TrendItem ToItem(TrendSnapshot s) => new(
        s.Hour,
        s.SiteCode == TrendSnapshot.Fleet ? null : s.SiteCode,
        s.AffectedWorkstations,
        new Dictionary<string, int>
        {
            [RuleNames.Error1317] = s.OpenError1317,
            [RuleNames.Q307434] = s.OpenQ307434,
            [RuleNames.Q264714] = s.OpenQ264714,
            [RuleNames.LocalInstallAccountAfterFix] = s.OpenLocalInstallAccountAfterFix,
            [RuleNames.RepeatedLockout] = s.OpenRepeatedLockout,
        },
        s.Lockouts,
        s.Fixed,
        s.Vulnerable,
        s.Unknown,
        CoverageCounts.Percent(s.Fixed, s.Fixed + s.Vulnerable + s.Unknown));
}
