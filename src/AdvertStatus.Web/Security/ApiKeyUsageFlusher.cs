using Microsoft.Extensions.Options;

namespace AdvertStatus.Web.Security;

/// <summary>Flushes <see cref="ApiKeyUsage"/> every <see cref="SecurityOptions.ApiKeyUsageFlushSeconds"/> and at shutdown.</summary>
internal sealed partial class ApiKeyUsageFlusher(ApiKeyUsage usage, IOptions<SecurityOptions> options, TimeProvider clock, ILogger<ApiKeyUsageFlusher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.ApiKeyUsageFlushSeconds), clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushQuietlyAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushQuietlyAsync(cancellationToken);
    }

    private async Task FlushQuietlyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await usage.FlushAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Last-used times are informational; a busy database must not stop the service.
            LogFlushFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record API key usage; will retry")]
    private static partial void LogFlushFailed(ILogger logger, Exception exception);
}
