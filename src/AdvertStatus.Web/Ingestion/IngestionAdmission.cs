using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace AdvertStatus.Web.Ingestion;

/// <summary>
/// Lets an ingestion request in only while the instance can take it, before its body is read: at most
/// <see cref="IngestionOptions.MaxConcurrentRequests"/> requests at once, and none while the projector is more
/// than <see cref="IngestionOptions.MaxPendingItems"/> items behind. Otherwise it answers 503 with
/// <c>Retry-After</c> at once, so a flood of agents costs neither memory nor a growing backlog (agents retry).
/// </summary>
internal sealed class IngestionAdmission(IOptions<IngestionOptions> options, IngestionProgress progress) : IEndpointFilter, IDisposable
{
    private readonly ConcurrencyLimiter _limiter = new(new ConcurrencyLimiterOptions { PermitLimit = options.Value.MaxConcurrentRequests, QueueLimit = 0 });

    /// <summary>Requests that may still be let in now.</summary>
    public long AvailablePermits => _limiter.GetStatistics()?.CurrentAvailablePermits ?? 0;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (progress.PendingItems > options.Value.MaxPendingItems)
        {
            return Busy(context.HttpContext, 5,
                $"{progress.PendingItems:N0} stored items are waiting for the projector (more than {options.Value.MaxPendingItems:N0}); nothing was stored.");
        }

        using var lease = _limiter.AttemptAcquire();
        if (!lease.IsAcquired)
        {
            return Busy(context.HttpContext, 1, $"This instance is handling {options.Value.MaxConcurrentRequests} ingestion requests already; nothing was stored.");
        }

        return await next(context);
    }

    public void Dispose() => _limiter.Dispose();

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Busy(HttpContext http, int retryAfterSeconds, string detail)
    {
        http.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Ingestion is busy.",
            detail: detail + " Send it again after the Retry-After interval.");
    }
}
