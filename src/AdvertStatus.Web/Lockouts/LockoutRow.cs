using AdvertStatus.Web.Reports;
using CsvHelper;

namespace AdvertStatus.Web.Lockouts;

/// <summary>A row of <c>lockouts.csv</c>; callers read <c>WKS01 (2); WKS02 (1)</c>.</summary>
[CsvRecord]
public sealed partial record LockoutRow
{
    public string? Domain { get; init; }
    public required string Account { get; init; }
    public int Count { get; init; }
    public required string CallerComputers { get; init; }
    public required string DomainControllers { get; init; }

    [CsvFormat(CsvReport.Time)]
    public DateTime FirstLockout { get; init; }

    [CsvFormat(CsvReport.Time)]
    public DateTime LastLockout { get; init; }
}
