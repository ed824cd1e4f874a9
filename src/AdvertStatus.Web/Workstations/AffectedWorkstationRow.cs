using AdvertStatus.Web.Reports;
using CsvHelper;

namespace AdvertStatus.Web.Workstations;

/// <summary>A row of <c>affected-workstations.csv</c>; the property order is the column order of the contract.</summary>
[CsvRecord]
public sealed partial record AffectedWorkstationRow
{
    public required string MachineName { get; init; }
    public string? SiteCode { get; init; }
    public string? Domain { get; init; }
    public string? ClientOs { get; init; }

    /// <summary>Open (not resolved) findings, separated by <c>;</c>.</summary>
    public string? Rules { get; init; }

    public string? AdvertisementIds { get; init; }
    public long? LastWin32Error { get; init; }

    /// <summary>Lockouts of SMSCliToknAcct&amp; whose caller was this machine.</summary>
    public int LockoutCount { get; init; }

    [CsvFormat(CsvReport.Time)]
    public DateTime? LastLockout { get; init; }

    public string? Smsapm32Version { get; init; }
    public required string Verdict { get; init; }
}
