using AdvertStatus.Core.Coverage;
using AdvertStatus.Core.Findings;

namespace AdvertStatus.Web.Findings;

/// <summary>
/// One finding as the API shows it. <see cref="Evidence"/> holds short descriptions of the newest
/// contributing messages and events; lockout findings also list caller computers and DCs.
/// </summary>
public sealed record FindingItem(
    long Id,
    string Rule,
    FindingState State,
    string? MachineName,
    string? SiteCode,
    string? AdvertisementId,
    string? Domain,
    string? Account,
    int Count,
    DateTime FirstSeen,
    DateTime LastSeen,
    IReadOnlyList<string> Evidence,
    string Summary,
    Verdict? Verdict,
    IReadOnlyList<CallerComputerCount> CallerComputers,
    IReadOnlyList<string> DomainControllers,
    DateTime UpdatedAt,
    string? AcknowledgedBy,
    DateTime? AcknowledgedAt,
    string? ResolvedBy,
    DateTime? ResolvedAt,
    DateTime? EvidenceAgedOutBefore,
    IReadOnlyList<string> AdvertisementIds);

/// <summary>A caller computer of a lockout finding and how many of its lockouts it caused.</summary>
public sealed record CallerComputerCount(string Name, int Count);
