using AdvertStatus.Core.Coverage;

namespace AdvertStatus.Web.Coverage;

/// <summary>
/// <c>GET /api/v1/coverage?hotfix=Q307434</c>: client verdict counts per site and platform and in total,
/// plus each site server's client component source (a site is covered when that source carries a fixed build).
/// </summary>
public sealed record CoverageReport(string Hotfix, IReadOnlyList<CoverageRow> Sites, CoverageCounts Total, IReadOnlyList<SiteServerCoverage> SiteServers);

public sealed record CoverageRow(string SiteCode, string Platform, int Fixed, int Vulnerable, int Unknown, double PercentFixed);

public sealed record CoverageCounts(int Fixed, int Vulnerable, int Unknown, double PercentFixed)
{
    public static CoverageCounts Of(int @fixed, int vulnerable, int unknown) =>
        new(@fixed, vulnerable, unknown, Percent(@fixed, @fixed + vulnerable + unknown));

    public static double Percent(int part, int whole) => whole == 0 ? 0 : Math.Round(100.0 * part / whole, 1);
}

public sealed record SiteServerCoverage(string SiteCode, string? SourceVersion, Verdict Verdict);
