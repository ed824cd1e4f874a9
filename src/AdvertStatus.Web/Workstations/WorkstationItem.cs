using AdvertStatus.Core.Coverage;

namespace AdvertStatus.Web.Workstations;

/// <summary>One row of <c>GET /api/v1/workstations</c>. <see cref="Rules"/> names the findings that are not resolved.</summary>
public sealed record WorkstationItem(
    string MachineName,
    string? SiteCode,
    string? Domain,
    string? ClientOs,
    string? Platform,
    string? Smsapm32Version,
    Verdict Verdict,
    IReadOnlyList<string> Rules,
    DateTime LastSeen);
