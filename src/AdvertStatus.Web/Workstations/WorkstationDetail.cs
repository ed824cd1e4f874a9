using AdvertStatus.Core.Coverage;
using AdvertStatus.Web.Findings;

namespace AdvertStatus.Web.Workstations;

/// <summary>
/// <c>GET /api/v1/workstations/{machineName}</c>: the list fields plus everything the timeline needs:
/// findings, status messages and security events (newest first, capped) and inventory snapshots.
/// </summary>
public sealed record WorkstationDetail(
    string MachineName,
    string? SiteCode,
    string? Domain,
    string? ClientOs,
    string? Platform,
    string? Smsapm32Version,
    Verdict Verdict,
    IReadOnlyList<string> Rules,
    DateTime LastSeen,
    IReadOnlyList<FindingItem> Findings,
    IReadOnlyList<StatusMessageEntry> StatusMessages,
    IReadOnlyList<SecurityEventEntry> SecurityEvents,
    IReadOnlyList<InventoryFileEntry> Files,
    IReadOnlyList<InventoryEntry> Inventory);

public sealed record StatusMessageEntry(
    long Id, string RecordId, DateTime Time, int MessageId, string? Severity, string? AdvertisementId,
    string? PackageName, string? ProgramName, long? Win32Error, long? Win32Code, string? Text);

public sealed record SecurityEventEntry(
    long Id, int EventId, string Kind, DateTime TimeCreated, string Computer, string? TargetUserName,
    string? AccountDomain, string? Status);

public sealed record InventoryFileEntry(string Name, string Version, string? Path);

public sealed record InventoryEntry(DateTime Time, string? ClientOs, string? Smsapm32Version, Verdict Verdict);
