using AdvertStatus.Web.Findings;
using AdvertStatus.Web.Workstations;

namespace AdvertStatus.Web.Reports;

/// <summary>
/// What to export: the report and the filters of the list it mirrors. The dashboard builds one from
/// its grid's filters, the API from the query string, so both export the same rows. <see cref="Sites"/>
/// is the caller's site limit (null: every site).
/// </summary>
public sealed record ReportRequest(
    ReportName Report,
    WorkstationFilter? Workstations = null,
    FindingFilter? Findings = null,
    string? Account = null,
    string? Domain = null,
    string? Site = null,
    IReadOnlySet<string>? Sites = null);
