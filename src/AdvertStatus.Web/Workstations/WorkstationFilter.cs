using AdvertStatus.Core.Coverage;

namespace AdvertStatus.Web.Workstations;

/// <summary>
/// The workstation list filters (API query string, dashboard grid and CSV export alike). <see cref="Sites"/>
/// is the caller's site limit, not a filter a client chooses: null means every site.
/// </summary>
public sealed record WorkstationFilter(
    string? Site = null,
    string? Domain = null,
    bool AffectedOnly = false,
    Verdict? Verdict = null,
    string? Rule = null,
    string? Text = null,
    IReadOnlySet<string>? Sites = null);
