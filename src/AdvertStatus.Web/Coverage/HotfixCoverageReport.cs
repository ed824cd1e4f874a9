using AdvertStatus.Core.Coverage;
using AdvertStatus.Web.Api;
using AdvertStatus.Web.Reports;

namespace AdvertStatus.Web.Coverage;

/// <summary><c>hotfix-coverage.csv</c>: Q307434 coverage per site and platform, optionally for one <c>site</c>.</summary>
public sealed class HotfixCoverageReport(CoverageQueries coverage) : ICsvReport
{
    public string Name => "hotfix-coverage";

    public CsvExport Prepare(QueryParameters query, IQueryCollection values, IReadOnlySet<string>? sites)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Export(QueryParameters.Upper(values["site"]), sites);
    }

    /// <summary>Coverage of <paramref name="site"/> (null: every site), as callers of <paramref name="sites"/> see it.</summary>
    public CsvExport Export(string? site, IReadOnlySet<string>? sites) => new(Name, async (output, cancellationToken) =>
    {
        var report = await coverage.GetAsync(HotfixCatalog.Q307434, site, cancellationToken, sites);
        await using var csv = CsvReport.Open(output);
        await csv.WriteRecordsAsync(report.Sites.Select(r => new HotfixCoverageRow
        {
            SiteCode = r.SiteCode,
            Platform = r.Platform,
            Fixed = r.Fixed,
            Vulnerable = r.Vulnerable,
            Unknown = r.Unknown,
            PercentFixed = r.PercentFixed,
        }), cancellationToken);
        await csv.FlushAsync(cancellationToken);
    });
}
