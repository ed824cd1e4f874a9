using AdvertStatus.Web.Api;
using AdvertStatus.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AdvertStatus.Web.Findings;

/// <summary><c>GET /api/v1/findings</c> and the acknowledge / resolve state changes.</summary>
public static class FindingsEndpoints
{
    public static IEndpointRouteBuilder MapFindingsEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/findings").WithTags("Findings");
        api.MapGet("/", ListFindingsAsync).RequireAuthorization(ApiKeyScopes.Read);
        api.MapFindingStream();
        api.MapGet("/{id:long}", GetFindingAsync).RequireAuthorization(ApiKeyScopes.Read);
        api.MapPost("/{id:long}/acknowledge", AcknowledgeAsync).RequireAuthorization(ApiKeyScopes.Operate);
        api.MapPost("/{id:long}/resolve", ResolveAsync).RequireAuthorization(ApiKeyScopes.Operate);
        return app;
    }

    /// <summary>Reads the list filters from the query string, within the caller's sites; shared with the CSV report.</summary>
    internal static FindingFilter ReadFilter(
        QueryParameters query, IReadOnlySet<string>? sites, string? rule, string? state, string? machine, string? site, string? acknowledgedBy, string? from, string? to)
    {
        var (activeFrom, activeUntil) = (query.Time("from", from), query.Time("to", to));
        if (activeFrom > activeUntil)
        {
            query.Fail("from", "from must not be after to.");
        }

        return new(query.Rule(rule), query.State(state), QueryParameters.Upper(machine), QueryParameters.Upper(site), sites,
            string.IsNullOrWhiteSpace(acknowledgedBy) ? null : acknowledgedBy.Trim(), activeFrom, activeUntil);
    }

    private static async Task<Results<Ok<Page<FindingItem>>, ValidationProblem>> ListFindingsAsync(
        HttpContext http, FindingQueries findings, string? rule, string? state, string? machine, string? site, string? acknowledgedBy, string? from, string? to,
        string? cursor, string? limit, CancellationToken cancellationToken)
    {
        var query = new QueryParameters();
        var filter = ReadFilter(query, Access.SitesOf(http.User), rule, state, machine, site, acknowledgedBy, from, to);
        var size = query.Limit(limit);
        var before = query.IdCursor(cursor);
        return query.HasErrors
            ? query.Problem()
            : TypedResults.Ok(await findings.ListAsync(filter, before, size, cancellationToken));
    }

    private static async Task<Results<Ok<FindingItem>, ProblemHttpResult>> GetFindingAsync(
        HttpContext http, FindingQueries findings, long id, CancellationToken cancellationToken) =>
        await findings.GetAsync(id, cancellationToken, Access.SitesOf(http.User)) is { } finding ? TypedResults.Ok(finding) : NotFound(id);

    private static Task<Results<Ok<FindingItem>, ProblemHttpResult>> AcknowledgeAsync(
        HttpContext http, FindingQueries findings, long id, CancellationToken cancellationToken) =>
        ChangeAsync(http, findings, id, FindingAction.Acknowledge, "A resolved finding cannot be acknowledged; it re-opens by itself if the problem recurs.", cancellationToken);

    private static Task<Results<Ok<FindingItem>, ProblemHttpResult>> ResolveAsync(
        HttpContext http, FindingQueries findings, long id, CancellationToken cancellationToken) =>
        ChangeAsync(http, findings, id, FindingAction.Resolve, "The finding cannot be resolved.", cancellationToken);

    private static async Task<Results<Ok<FindingItem>, ProblemHttpResult>> ChangeAsync(
        HttpContext http, FindingQueries findings, long id, FindingAction action, string conflict, CancellationToken cancellationToken)
    {
        var (finding, allowed) = await findings.ChangeStateAsync(id, action, Access.ActorOf(http.User), cancellationToken, Access.SitesOf(http.User));
        if (finding is null)
        {
            return NotFound(id);
        }

        return allowed
            ? TypedResults.Ok(finding)
            : TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The finding is in the wrong state.", detail: conflict);
    }

    private static ProblemHttpResult NotFound(long id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such finding.", detail: $"There is no finding {id}.");
}
