using System.Globalization;
using AdvertStatus.Web.Api;
using AdvertStatus.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AdvertStatus.Web.Trends;

/// <summary><c>GET /api/v1/trends?from&amp;to&amp;site</c>: the hourly snapshots, the whole fleet's or one site's.</summary>
public static class TrendsEndpoints
{
    public static readonly TimeSpan DefaultRange = TimeSpan.FromDays(7);

    public static IServiceCollection AddTrends(this IServiceCollection services)
    {
        services.AddSingleton<TrendQueries>();
        services.AddSingleton<TrendSnapshots>();
        services.AddHostedService(sp => sp.GetRequiredService<TrendSnapshots>());
        return services;
    }

    public static IEndpointRouteBuilder MapTrendsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/trends", ListAsync).WithTags("Trends").RequireAuthorization(ApiKeyScopes.Read);
        return app;
    }

    private static async Task<Results<Ok<ItemList<TrendItem>>, ValidationProblem>> ListAsync(
        HttpContext http, TrendQueries trends, TimeProvider clock, string? from, string? to, string? site, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var end = Time(to, "to", errors) ?? clock.GetUtcNow().UtcDateTime;
        var start = Time(from, "from", errors) ?? end - DefaultRange;
        if (errors.Count == 0 && start > end)
        {
            errors["from"] = ["from must not be after to."];
        }
        else if (errors.Count == 0 && end - start > TrendQueries.MaxRange)
        {
            errors["from"] = [$"The range from from to to must not exceed {TrendQueries.MaxRange.TotalDays:0} days."];
        }

        // A site-limited caller reads its own sites; another site is as unknown to it as a typo.
        var limit = Access.SitesOf(http.User);
        IReadOnlyCollection<string>? sites = limit is null ? null : [.. limit];
        if (QueryParameters.Upper(site) is { } one)
        {
            if ((limit is not null && !limit.Contains(one)) || !await trends.SiteExistsAsync(one, cancellationToken))
            {
                errors["site"] = [$"There is no site {one}."];
            }

            sites = [one];
        }

        return errors.Count > 0
            ? TypedResults.ValidationProblem(errors, title: "One or more query parameters are invalid.")
            : TypedResults.Ok(new ItemList<TrendItem>(await trends.ListAsync(start, end, sites, cancellationToken)));
    }

    private static DateTime? Time(string? value, string name, Dictionary<string, string[]> errors)
    {
        if (value is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return time.UtcDateTime;
        }

        errors[name] = [$"{name} must be an ISO 8601 time, such as 2026-11-24T00:00:00Z."];
        return null;
    }
}
