using AdvertStatus.Web.Reports;
using CsvHelper;

namespace AdvertStatus.Web.Findings;

/// <summary>A row of <c>findings.csv</c>.</summary>
[CsvRecord]
public sealed partial record FindingRow
{
    public long Id { get; init; }
    public required string Rule { get; init; }
    public required string State { get; init; }
    public string? MachineName { get; init; }
    public string? AdvertisementId { get; init; }
    public string? Domain { get; init; }
    public string? Account { get; init; }
    public int Count { get; init; }

    [CsvFormat(CsvReport.Time)]
    public DateTime FirstSeen { get; init; }

    [CsvFormat(CsvReport.Time)]
    public DateTime LastSeen { get; init; }

    public required string Summary { get; init; }

    public string? AcknowledgedBy { get; init; }

    [CsvFormat(CsvReport.Time)]
    public DateTime? AcknowledgedAt { get; init; }

    public string? ResolvedBy { get; init; }

    [CsvFormat(CsvReport.Time)]
    public DateTime? ResolvedAt { get; init; }

    /// <summary>Lockout-based findings: each caller computer with its event count (<c>WKS01 (2); WKS02 (1)</c>).</summary>
    public string CallerComputers { get; init; } = "";

    public string DomainControllers { get; init; } = "";

    /// <summary>The finding's advertisement, or for a Q307434 diagnosis those of its failures.</summary>
    public string AdvertisementIds { get; init; } = "";
}
