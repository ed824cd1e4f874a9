using AdvertStatus.Core.Coverage;
using AdvertStatus.Core.Inventory;
using AdvertStatus.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Coverage;

/// <summary>Coverage from the machines table (one row per machine, verdict kept at ingestion): a GROUP BY, never a message scan.</summary>
public sealed class CoverageQueries(IDbContextFactory<AdvertStatusDbContext> contexts, FixedBuildSet fixedBuilds)
{
    /// <summary>Machines with no platform in their inventory are reported under this platform.</summary>
    public const string UnknownPlatform = "unknown";

    /// <summary>Coverage per site and platform; a site-limited caller (<paramref name="sites"/>) sees only its sites.</summary>
    public async Task<CoverageReport> GetAsync(Hotfix hotfix, string? site, CancellationToken cancellationToken, IReadOnlySet<string>? sites = null)
    {
        ArgumentNullException.ThrowIfNull(hotfix);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var allowed = sites?.ToList();
        var machines = db.Machines.AsNoTracking().Where(m => m.Role == MachineRole.Client && m.SiteCode != null);
        if (site is not null)
        {
            machines = machines.Where(m => m.SiteCode == site);
        }

        if (allowed is not null)
        {
            machines = machines.Where(m => allowed.Contains(m.SiteCode!));
        }

        var counts = await machines
            .GroupBy(m => new { m.SiteCode, m.Platform, m.Verdict })
            .Select(g => new { g.Key.SiteCode, g.Key.Platform, g.Key.Verdict, Count = g.Count() })
            .ToListAsync(cancellationToken);

        var rows = counts
            .GroupBy(c => (Site: c.SiteCode!, Platform: c.Platform ?? UnknownPlatform))
            .Select(g =>
            {
                int Of(Verdict v) => g.Where(c => c.Verdict == v).Sum(c => c.Count);
                var total = CoverageCounts.Of(Of(Verdict.Fixed), Of(Verdict.Vulnerable), Of(Verdict.Unknown));
                return new CoverageRow(g.Key.Site, g.Key.Platform, total.Fixed, total.Vulnerable, total.Unknown, total.PercentFixed);
            })
            .OrderBy(r => r.SiteCode, StringComparer.Ordinal).ThenBy(r => r.Platform, StringComparer.Ordinal)
            .ToList();

        var siteRows = db.Sites.AsNoTracking();
        if (site is not null)
        {
            siteRows = siteRows.Where(s => s.SiteCode == site);
        }

        if (allowed is not null)
        {
            siteRows = siteRows.Where(s => allowed.Contains(s.SiteCode));
        }

        var servers = (await siteRows.OrderBy(s => s.SiteCode).Select(s => new { s.SiteCode, s.Smsapm32SourceVersion }).ToListAsync(cancellationToken))
            .Select(s => new SiteServerCoverage(s.SiteCode, s.Smsapm32SourceVersion, fixedBuilds.VerdictFor(s.Smsapm32SourceVersion)))
            .ToList();

        return new CoverageReport(
            hotfix.Id,
            rows,
            CoverageCounts.Of(rows.Sum(r => r.Fixed), rows.Sum(r => r.Vulnerable), rows.Sum(r => r.Unknown)),
            servers);
    }
}
