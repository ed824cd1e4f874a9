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

    public async Task<CoverageReport> GetAsync(Hotfix hotfix, string? site, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hotfix);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var machines = db.Machines.AsNoTracking().Where(m => m.Role == MachineRole.Client && m.SiteCode != null);
        if (site is not null)
        {
            machines = machines.Where(m => m.SiteCode == site);
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

        var sites = db.Sites.AsNoTracking();
        if (site is not null)
        {
            sites = sites.Where(s => s.SiteCode == site);
        }

        var servers = (await sites.OrderBy(s => s.SiteCode).Select(s => new { s.SiteCode, s.Smsapm32SourceVersion }).ToListAsync(cancellationToken))
            .Select(s => new SiteServerCoverage(s.SiteCode, s.Smsapm32SourceVersion, fixedBuilds.VerdictFor(s.Smsapm32SourceVersion)))
            .ToList();

        return new CoverageReport(
            hotfix.Id,
            rows,
            CoverageCounts.Of(rows.Sum(r => r.Fixed), rows.Sum(r => r.Vulnerable), rows.Sum(r => r.Unknown)),
            servers);
    }
}
