using System.ComponentModel.DataAnnotations;
using AdvertStatus.Core.Domains;
using AdvertStatus.Web.Data;
using AdvertStatus.Web.Ingestion.Validation;

namespace AdvertStatus.Web.Ingestion;

/// <summary>A domain and its lockout policy as a DC agent posts it to <c>/api/v1/domains</c>.</summary>
public sealed record DomainRequest
{
    [Required, StringLength(Lengths.Name, MinimumLength = 1), VisibleText]
    public string? Name { get; init; }

    public DomainMode? Mode { get; init; }

    [MaxLength(500), EachStringLength(Lengths.Name), VisibleText]
    public IReadOnlyList<string>? DomainControllers { get; init; }

    [Range(0, 999)] public int? LockoutThreshold { get; init; }
    [Range(0, 99999)] public int? LockoutObservationMinutes { get; init; }
    [Range(0, 99999)] public int? LockoutDurationMinutes { get; init; }

    public DirectoryDomain ToDomain(DateTime receivedAt) => new()
    {
        Name = Name!.Trim().ToUpperInvariant(),
        Mode = Mode,
        DomainControllers = [.. (DomainControllers ?? []).Where(dc => !string.IsNullOrWhiteSpace(dc)).Select(dc => dc.Trim().ToUpperInvariant()).Distinct()],
        LockoutThreshold = LockoutThreshold,
        LockoutObservationMinutes = LockoutObservationMinutes,
        LockoutDurationMinutes = LockoutDurationMinutes,
        UpdatedAt = receivedAt,
    };
}
