namespace AdvertStatus.Web.Reports;

internal static class ReportFormats
{
    /// <summary>ISO 8601 UTC, which every spreadsheet and script reads the same way.</summary>
    public const string Time = "yyyy-MM-ddTHH:mm:ssZ";
}
