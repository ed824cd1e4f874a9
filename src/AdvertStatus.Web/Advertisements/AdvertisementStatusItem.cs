namespace AdvertStatus.Web.Advertisements;

/// <summary>One row of <c>GET /api/v1/advertisements</c>: the SMS console's Advertisement Status columns.</summary>
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
    int ProgramSuccess);
