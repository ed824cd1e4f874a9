namespace AdvertStatus.Core.Advertisements;

/// <summary>An SMS advertisement as the site server reports it.</summary>
public sealed class Advertisement
{
    public required string AdvertisementId { get; set; }
    public string? SiteCode { get; set; }
    public string? PackageId { get; set; }
    public string? PackageName { get; set; }
    public string? ProgramName { get; set; }
    public string? CollectionId { get; set; }
    public bool UsesSoftwareInstallationAccount { get; set; }

    /// <summary><c>DOMAIN\user</c>, or a local account with no domain part.</summary>
    public string? SoftwareInstallationAccount { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>True when the installation account names no domain (the KB's NOTE about the fixed build).</summary>
    public bool HasLocalInstallationAccount =>
        UsesSoftwareInstallationAccount
        && !string.IsNullOrWhiteSpace(SoftwareInstallationAccount)
        && !SoftwareInstallationAccount.Contains('\\', StringComparison.Ordinal)
        && !SoftwareInstallationAccount.Contains('@', StringComparison.Ordinal);
}
