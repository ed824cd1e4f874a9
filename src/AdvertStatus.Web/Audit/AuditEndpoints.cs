using AdvertStatus.Web.Api;
using AdvertStatus.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AdvertStatus.Web.Audit;

/// <summary><c>GET /api/v1/admin/audit</c> (filters <c>actor</c>, <c>action</c>; keyset paging).</summary>
public static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/admin/audit").RequireAuthorization(ApiKeyScopes.Admin).WithTags("Administration")
            .MapGet("/", ListAuditAsync);
        return app;
    }

    private static async Task<Results<Ok<Page<AuditItem>>, ValidationProblem>> ListAuditAsync(
        AuditQueries audit, string? actor, string? action, string? cursor, string? limit, CancellationToken cancellationToken)
    {
        var query = new QueryParameters();
        var size = query.Limit(limit);
        var before = query.IdCursor(cursor);
        return query.HasErrors
            ? query.Problem()
            : TypedResults.Ok(await audit.ListAsync(Blank(actor), Blank(action), before, size, cancellationToken));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
