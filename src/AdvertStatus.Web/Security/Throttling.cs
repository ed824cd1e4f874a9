using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace AdvertStatus.Web.Security;

/// <summary>
/// The framework's rate limiter in two parts. Requests that carry no valid credentials (anonymous, an
/// unknown or revoked key, a sign-in attempt) share a fixed window per client address, so guessing keys
/// or passwords is slow; an authenticated request never touches that window, so a good key is never
/// refused because of someone else's failures. Ingestion has a token bucket per key. Every 429 carries
/// <c>Retry-After</c>.
/// </summary>
internal static class Throttling
{
    public const string IngestPerKeyPolicy = "ingest-per-key";

    public static IServiceCollection AddThrottling(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<SecurityOptions>>((limiter, security) =>
        {
            var settings = security.Value;
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                http.User.Identity?.IsAuthenticated == true
                    ? RateLimitPartition.GetNoLimiter("authenticated")
                    : RateLimitPartition.GetFixedWindowLimiter(
                        "anonymous:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                        _ => new FixedWindowRateLimiterOptions
                        {
                            PermitLimit = settings.FailedAuthPermitLimit,
                            Window = TimeSpan.FromSeconds(settings.FailedAuthWindowSeconds),
                            QueueLimit = 0,
                        }));
            limiter.AddPolicy(IngestPerKeyPolicy, http => RateLimitPartition.GetTokenBucketLimiter(
                "key:" + (http.User.FindFirst(ApiKeyScopes.KeyIdClaim)?.Value ?? "none"),
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = settings.IngestBurstPerKey,
                    TokensPerPeriod = settings.IngestRequestsPerSecondPerKey,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                }));
            limiter.OnRejected = RejectAsync;
        });
        return services;
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        var http = context.HttpContext;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests.",
                Detail = $"Try again in {seconds} s.",
            },
        });
    }
}
