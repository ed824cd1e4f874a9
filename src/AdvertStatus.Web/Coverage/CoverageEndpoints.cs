using AdvertStatus.Core.Coverage;
using AdvertStatus.Web.Api;
using AdvertStatus.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AdvertStatus.Web.Coverage;

/// <summary><c>GET /api/v1/coverage?hotfix=Q307434</c> and the hotfix catalog <c>GET /api/v1/hotfixes/{id}</c>.</summary>
public static class CoverageEndpoints
{
    public static IEndpointRouteBuilder MapCoverageEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization(ApiKeyScopes.Read).WithTags("Coverage");
        api.MapGet("/coverage", GetCoverageAsync);
        api.MapGet("/hotfixes", () => TypedResults.Ok(HotfixCatalog.All));
        api.MapGet("/hotfixes/{id}", GetHotfix);
        return app;
    }

    private static async Task<Results<Ok<CoverageReport>, ProblemHttpResult>> GetCoverageAsync(
        HttpContext http, CoverageQueries coverage, string? hotfix, string? site, CancellationToken cancellationToken) =>
        HotfixCatalog.Find(hotfix ?? HotfixCatalog.Q307434Id) is { } known
            ? TypedResults.Ok(await coverage.GetAsync(known, QueryParameters.Upper(site), cancellationToken, Access.SitesOf(http.User)))
            : UnknownHotfix(hotfix);

    private static Results<Ok<Hotfix>, ProblemHttpResult> GetHotfix(string id) =>
        HotfixCatalog.Find(id) is { } known ? TypedResults.Ok(known) : UnknownHotfix(id);

    private static ProblemHttpResult UnknownHotfix(string? id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown hotfix.",
            detail: $"'{id}' is not in the hotfix catalog; known: {string.Join(", ", HotfixCatalog.All.Select(h => h.Id))}.");
}
