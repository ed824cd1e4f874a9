namespace AdvertStatus.Web.Advertisements;

/// <summary>
/// One row of <c>GET /api/v1/advertisements</c>: the SMS console's Advertisement Status columns, which
/// count client computers (a machine counts once per column however many messages it sent, domain.md
/// §3.2), with the message counts beside them in <see cref="Messages"/>.
/// </summary>
public sealed record AdvertisementStatusItem(
    string AdvertisementId,
    string? SiteCode,
    string? PackageId,
    string? PackageName,
    string? ProgramName,
    string? CollectionId,
    bool UsesSoftwareInstallationAccount,
    string? SoftwareInstallationAccount,
    int Received,
    int Failures,
    int ProgramsStarted,
    int ProgramErrors,
    int ProgramSuccess,
    StatusMessageCounts Messages);

/// <summary>The same columns counted in status messages (two failures of one machine count twice here, once above).</summary>
public sealed record StatusMessageCounts(int Received, int Failures, int ProgramsStarted, int ProgramErrors, int ProgramSuccess);
