using AdvertStatus.Web.Api;
using AdvertStatus.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AdvertStatus.Web.Workstations;

/// <summary><c>GET /api/v1/workstations</c> and <c>GET /api/v1/workstations/{machineName}</c>.</summary>
public static class WorkstationsEndpoints
{
    public static IEndpointRouteBuilder MapWorkstationsEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/workstations").RequireAuthorization(ApiKeyScopes.Read).WithTags("Workstations");
        api.MapGet("/", ListWorkstationsAsync);
        api.MapGet("/{machineName}", GetWorkstationAsync);
        return app;
    }

    /// <summary>Reads the list filters from the query string; shared with the CSV report.</summary>
    internal static WorkstationFilter ReadFilter(
        QueryParameters query, IReadOnlySet<string>? sites, string? site, string? domain, string? affected, string? verdict, string? rule, string? q) =>
        new(QueryParameters.Upper(site), QueryParameters.Upper(domain), query.Flag("affected", affected), query.Verdict(verdict), query.Rule(rule),
            string.IsNullOrWhiteSpace(q) ? null : q.Trim(), sites);

    private static async Task<Results<Ok<Page<WorkstationItem>>, ValidationProblem>> ListWorkstationsAsync(
        HttpContext http, WorkstationQueries workstations, string? site, string? domain, string? affected, string? verdict, string? rule, string? q,
        string? cursor, string? limit, CancellationToken cancellationToken)
    {
        var query = new QueryParameters();
        var filter = ReadFilter(query, Access.SitesOf(http.User), site, domain, affected, verdict, rule, q);
        var size = query.Limit(limit);
        var after = query.Cursor(cursor, 1);
        return query.HasErrors
            ? query.Problem()
            : TypedResults.Ok(await workstations.ListAsync(filter, after?[0], size, cancellationToken));
    }

    private static async Task<Results<Ok<WorkstationDetail>, ProblemHttpResult>> GetWorkstationAsync(
        HttpContext http, WorkstationQueries workstations, string machineName, CancellationToken cancellationToken) =>
        await workstations.GetAsync(machineName, cancellationToken, Access.SitesOf(http.User)) is { } detail
            ? TypedResults.Ok(detail)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such workstation.", detail: $"No data has been received for {machineName}.");
}
