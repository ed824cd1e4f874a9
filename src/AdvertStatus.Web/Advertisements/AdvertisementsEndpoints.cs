using AdvertStatus.Core.AdvertisementStatus;
using AdvertStatus.Web.Api;
using AdvertStatus.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AdvertStatus.Web.Advertisements;

/// <summary><c>GET /api/v1/advertisements</c> and the drill-down <c>GET /api/v1/advertisements/{id}/machines?state=failures</c>.</summary>
public static class AdvertisementsEndpoints
{
    public static IEndpointRouteBuilder MapAdvertisementsEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/advertisements").RequireAuthorization(ApiKeyScopes.Read).WithTags("Advertisements");
        api.MapGet("/", ListAdvertisementsAsync);
        api.MapGet("/{advertisementId}/machines", ListMachinesAsync);
        return app;
    }

    private static async Task<Results<Ok<Page<AdvertisementStatusItem>>, ValidationProblem>> ListAdvertisementsAsync(
        HttpContext http, AdvertisementQueries adverts, string? site, string? cursor, string? limit, CancellationToken cancellationToken)
    {
        var query = new QueryParameters();
        var size = query.Limit(limit);
        var after = query.Cursor(cursor, 1);
        return query.HasErrors
            ? query.Problem()
            : TypedResults.Ok(await adverts.ListAsync(QueryParameters.Upper(site), after?[0], size, cancellationToken, Access.SitesOf(http.User)));
    }

    /// <param name="state">A column: received, failures, programsStarted, programErrors or programSuccess; all machines when absent.</param>
    private static async Task<Results<Ok<Page<AdvertisementMachineItem>>, ValidationProblem, ProblemHttpResult>> ListMachinesAsync(
        HttpContext http, AdvertisementQueries adverts, string advertisementId, string? state, string? cursor, string? limit, CancellationToken cancellationToken)
    {
        var query = new QueryParameters();
        var column = query.Enum<StatusColumn>("state", state);
        var size = query.Limit(limit);
        var after = query.Cursor(cursor, 1);
        if (query.HasErrors)
        {
            return query.Problem();
        }

        return await adverts.ListMachinesAsync(advertisementId, column, after?[0], size, cancellationToken, Access.SitesOf(http.User)) is { } page
            ? TypedResults.Ok(page)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such advertisement.", detail: $"Nothing is known of advertisement {advertisementId}.");
    }
}
