using AdvertStatus.Core.Sources;
using AdvertStatus.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AdvertStatus.Web.Sources;

/// <summary><c>GET /api/v1/sources</c>: every site and DC, when it last sent data, and whether it has gone silent.</summary>
public static class SourcesEndpoints
{
    public static IEndpointRouteBuilder MapSourcesEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/sources", ListAsync).WithTags("Sources").RequireAuthorization(ApiKeyScopes.Read);
        app.MapDelete("/api/v1/admin/sites/{code}", RemoveSiteAsync).WithTags("Sources").RequireAuthorization(ApiKeyScopes.Admin);
        return app;
    }

    /// <summary>Removes a site (a typo'd phantom, usually) with its data: 200 with what went, 404 when unknown, 409 while batches wait.</summary>
    private static async Task<Results<Ok<SiteRemovalResult>, ProblemHttpResult>> RemoveSiteAsync(
        HttpContext http, SiteRemoval removal, string code, CancellationToken cancellationToken)
    {
        try
        {
            return await removal.RemoveAsync(code, Access.ActorOf(http.User), cancellationToken) is { } removed
                ? TypedResults.Ok(removed)
                : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such site.", detail: $"No data was ever received for site '{code.Trim().ToUpperInvariant()}'.");
        }
        catch (SiteRemovalBusyException busy)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The site's data is still arriving.", detail: busy.Message);
        }
    }

    private static async Task<Results<Ok<SourceList>, ValidationProblem>> ListAsync(
        HttpContext http, SourceQueries sources, string? kind, string? silent, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        DataSourceKind? onlyKind = null;
        if (kind is not null)
        {
            if (Enum.TryParse<DataSourceKind>(kind, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(kind, out _))
            {
                onlyKind = parsed;
            }
            else
            {
                errors["kind"] = ["kind must be Site or DomainController."];
            }
        }

        var silentOnly = false;
        if (silent is not null && !bool.TryParse(silent, out silentOnly))
        {
            errors["silent"] = ["silent must be true or false."];
        }

        return errors.Count > 0
            ? TypedResults.ValidationProblem(errors, title: "One or more query parameters are invalid.")
            : TypedResults.Ok(await sources.ListAsync(onlyKind, silentOnly, Access.SitesOf(http.User), cancellationToken));
    }
}
