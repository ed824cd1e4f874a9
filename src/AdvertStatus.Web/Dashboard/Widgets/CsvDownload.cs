using AdvertStatus.Web.Reports;
using Microsoft.JSInterop;

namespace AdvertStatus.Web.Dashboard.Widgets;

/// <summary>
/// Sends a report to the browser as a file download over the circuit. The CSV is written to a temporary
/// file first (streamed from the database, so memory stays flat) and then streamed to the browser, which
/// saves it under the report's dated file name. The API's report routes are left to API keys.
/// </summary>
public sealed class CsvDownload(CsvReports reports, IJSRuntime js, TimeProvider clock)
{
    public async Task DownloadAsync(ReportRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = Path.GetTempFileName();
        await using var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await reports.WriteAsync(request, file, cancellationToken);
        file.Position = 0;
        using var stream = new DotNetStreamReference(file, leaveOpen: true);
        await js.InvokeVoidAsync("advertStatus.downloadFile", cancellationToken, ReportNames.FileName(request.Report, clock.GetUtcNow().UtcDateTime), stream);
    }
}
