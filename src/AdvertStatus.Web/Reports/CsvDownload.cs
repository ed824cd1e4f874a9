using Microsoft.JSInterop;

namespace AdvertStatus.Web.Reports;

/// <summary>
/// Sends a report to the browser as a file download over the circuit. The CSV is written to a temporary
/// file first (streamed from the database, so memory stays flat) and then streamed to the browser, which
/// saves it under the report's dated file name. The API's report routes are left to API keys.
/// </summary>
public sealed class CsvDownload(IJSRuntime js, TimeProvider clock)
{
    public async Task DownloadAsync(CsvExport export, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(export);
        var path = Path.GetTempFileName();
        await using var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await export.WriteAsync(file, cancellationToken);
        file.Position = 0;
        using var stream = new DotNetStreamReference(file, leaveOpen: true);
        await js.InvokeVoidAsync("advertStatus.downloadFile", cancellationToken, export.FileName(clock.GetUtcNow().UtcDateTime), stream);
    }
}
