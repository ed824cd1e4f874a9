using AdvertStatus.Web.Api;
using AdvertStatus.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AdvertStatus.Web.Lockouts;

/// <summary><c>GET /api/v1/lockouts</c> (filters <c>account</c>, <c>domain</c>).</summary>
public static class LockoutsEndpoints
{
    public static IEndpointRouteBuilder MapLockoutsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/lockouts").RequireAuthorization(ApiKeyScopes.Read).WithTags("Lockouts")
            .MapGet("/", ListLockoutsAsync);
        return app;
    }

    private static async Task<Results<Ok<Page<LockoutItem>>, ValidationProblem>> ListLockoutsAsync(
        HttpContext http, LockoutQueries lockouts, string? account, string? domain, string? cursor, string? limit, CancellationToken cancellationToken)
    {
        var query = new QueryParameters();
        var size = query.Limit(limit);
        var after = query.Cursor(cursor, 2);
        return query.HasErrors
            ? query.Problem()
            : TypedResults.Ok(await lockouts.ListAsync(account, QueryParameters.Upper(domain), after, size, cancellationToken, Access.SitesOf(http.User)));
    }
}
