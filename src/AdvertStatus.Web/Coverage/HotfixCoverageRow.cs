using CsvHelper;

namespace AdvertStatus.Web.Coverage;

/// <summary>A row of <c>hotfix-coverage.csv</c>.</summary>
[CsvRecord]
public sealed partial record HotfixCoverageRow
{
    public required string SiteCode { get; init; }
    public required string Platform { get; init; }
    public int Fixed { get; init; }
    public int Vulnerable { get; init; }
    public int Unknown { get; init; }
    public double PercentFixed { get; init; }
}
