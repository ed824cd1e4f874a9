namespace AdvertStatus.Web.Reports;

public static class ReportNames
{
    private static readonly Dictionary<string, ReportName> ByRoute = new(StringComparer.OrdinalIgnoreCase)
    {
        ["affected-workstations"] = ReportName.AffectedWorkstations,
        ["findings"] = ReportName.Findings,
        ["lockouts"] = ReportName.Lockouts,
        ["advertisement-status"] = ReportName.AdvertisementStatus,
        ["hotfix-coverage"] = ReportName.HotfixCoverage,
    };

    public static IReadOnlyCollection<string> All => ByRoute.Keys;

    public static ReportName? Find(string? name) => name is not null && ByRoute.TryGetValue(name, out var report) ? report : null;

    public static string RouteName(ReportName report) => ByRoute.First(r => r.Value == report).Key;

    /// <summary><c>advertstatus-affected-workstations-20261124.csv</c>: the report and the day it was taken.</summary>
    public static string FileName(ReportName report, DateTime now) =>
        $"advertstatus-{RouteName(report)}-{now:yyyyMMdd}.csv";
}
