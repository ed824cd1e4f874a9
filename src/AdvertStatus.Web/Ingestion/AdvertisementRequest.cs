using System.ComponentModel.DataAnnotations;
using AdvertStatus.Core.Advertisements;
using AdvertStatus.Core.Machines;
using AdvertStatus.Web.Data;
using AdvertStatus.Web.Ingestion.Validation;

namespace AdvertStatus.Web.Ingestion;

/// <summary>An advertisement as a site server posts it to <c>/api/v1/advertisements</c>.</summary>
public sealed record AdvertisementRequest
{
    [Required, StringLength(Lengths.ObjectId, MinimumLength = 1)]
    public string? AdvertisementId { get; init; }

    [Required, SiteCode]
    public string? SiteCode { get; init; }

    [StringLength(Lengths.ObjectId)] public string? PackageId { get; init; }
    [StringLength(Lengths.Text)] public string? PackageName { get; init; }
    [StringLength(Lengths.Text)] public string? ProgramName { get; init; }
    [StringLength(Lengths.ObjectId)] public string? CollectionId { get; init; }
    public bool? UsesSoftwareInstallationAccount { get; init; }

    /// <summary><c>DOMAIN\user</c>, or a local account with no domain.</summary>
    [StringLength(Lengths.Name)] public string? SoftwareInstallationAccount { get; init; }

    public Advertisement ToAdvertisement(DateTime receivedAt) => new()
    {
        AdvertisementId = AdvertisementId!.Trim().ToUpperInvariant(),
        SiteCode = SiteCodes.Normalize(SiteCode!),
        PackageId = PackageId?.Trim().ToUpperInvariant(),
        PackageName = PackageName,
        ProgramName = ProgramName,
        CollectionId = CollectionId?.Trim().ToUpperInvariant(),
        UsesSoftwareInstallationAccount = UsesSoftwareInstallationAccount ?? false,
        SoftwareInstallationAccount = string.IsNullOrWhiteSpace(SoftwareInstallationAccount) ? null : SoftwareInstallationAccount.Trim(),
        UpdatedAt = receivedAt,
    };
}
