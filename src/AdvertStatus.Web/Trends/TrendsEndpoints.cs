using AdvertStatus.Web.Api;
using AdvertStatus.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AdvertStatus.Web.Trends;

/// <summary><c>GET /api/v1/trends?from&amp;to&amp;site</c>: the hourly snapshots, the whole fleet's or one site's.</summary>
public static class TrendsEndpoints
{
    public static readonly TimeSpan DefaultRange = TimeSpan.FromDays(7);

    public static IEndpointRouteBuilder MapTrendsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/trends", ListAsync).WithTags("Trends").RequireAuthorization(ApiKeyScopes.Read);
        return app;
    }

    private static async Task<Results<Ok<ItemList<TrendItem>>, ValidationProblem>> ListAsync(
        HttpContext http, TrendQueries trends, TimeProvider clock, string? from, string? to, string? site, CancellationToken cancellationToken)
    {
        var query = new QueryParameters();
        var end = query.Time("to", to) ?? clock.GetUtcNow().UtcDateTime;
        var start = query.Time("from", from) ?? end - DefaultRange;
        if (!query.HasErrors && start > end)
        {
            query.Fail("from", "from must not be after to.");
        }
        else if (!query.HasErrors && end - start > TrendQueries.MaxRange)
        {
            query.Fail("from", $"The range from from to to must not exceed {TrendQueries.MaxRange.TotalDays:0} days.");
        }

        // A site-limited caller reads its own sites; another site is as unknown to it as a typo.
        var limit = Access.SitesOf(http.User);
        IReadOnlyCollection<string>? sites = limit is null ? null : [.. limit];
        if (QueryParameters.Upper(site) is { } one)
        {
            if ((limit is not null && !limit.Contains(one)) || !await trends.SiteExistsAsync(one, cancellationToken))
            {
                query.Fail("site", $"There is no site {one}.");
            }

            sites = [one];
        }

        return query.HasErrors
            ? query.Problem()
            : TypedResults.Ok(new ItemList<TrendItem>(await trends.ListAsync(start, end, sites, cancellationToken)));
    }
}
