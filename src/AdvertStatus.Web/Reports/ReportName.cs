namespace AdvertStatus.Web.Reports;

/// <summary>The CSV reports, named as in <c>/api/v1/reports/{name}.csv</c>.</summary>
public enum ReportName
{
    AffectedWorkstations,
    Findings,
    Lockouts,
    AdvertisementStatus,
    HotfixCoverage,
}
