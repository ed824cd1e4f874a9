namespace AdvertStatus.Core.Domains;

/// <summary>A Windows domain as its DCs report it, with the lockout policy that decides when accounts lock.</summary>
public sealed class DirectoryDomain
{
    /// <summary>NetBIOS domain name, upper-case.</summary>
    public required string Name { get; set; }

    public DomainMode? Mode { get; set; }
    public IList<string> DomainControllers { get; set; } = [];
    public int? LockoutThreshold { get; set; }
    public int? LockoutObservationMinutes { get; set; }
    public int? LockoutDurationMinutes { get; set; }
    public DateTime UpdatedAt { get; set; }
}
