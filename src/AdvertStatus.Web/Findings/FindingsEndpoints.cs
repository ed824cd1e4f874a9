using AdvertStatus.Core.Findings;
using AdvertStatus.Web.Api;
using AdvertStatus.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AdvertStatus.Web.Findings;

/// <summary><c>GET /api/v1/findings</c> and the acknowledge / resolve state changes.</summary>
public static class FindingsEndpoints
{
    public static IEndpointRouteBuilder MapFindingsEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/findings").RequireAuthorization(ApiKeyScopes.Read).WithTags("Findings");
        api.MapGet("/", ListFindingsAsync);
        api.MapGet("/{id:long}", GetFindingAsync);
        api.MapPost("/{id:long}/acknowledge", AcknowledgeAsync);
        api.MapPost("/{id:long}/resolve", ResolveAsync);
        return app;
    }

    private static async Task<Results<Ok<Page<FindingItem>>, ValidationProblem>> ListFindingsAsync(
        FindingQueries findings, string? rule, string? state, string? machine, string? site, string? cursor, string? limit, CancellationToken cancellationToken)
    {
        var query = new QueryParameters();
        var filter = new FindingFilter(query.Rule(rule), query.State(state), QueryParameters.Upper(machine), QueryParameters.Upper(site));
        var size = query.Limit(limit);
        var before = query.IdCursor(cursor);
        return query.HasErrors
            ? query.Problem()
            : TypedResults.Ok(await findings.ListAsync(filter, before, size, cancellationToken));
    }

    private static async Task<Results<Ok<FindingItem>, ProblemHttpResult>> GetFindingAsync(FindingQueries findings, long id, CancellationToken cancellationToken) =>
        await findings.GetAsync(id, cancellationToken) is { } finding ? TypedResults.Ok(finding) : NotFound(id);

    private static Task<Results<Ok<FindingItem>, ProblemHttpResult>> AcknowledgeAsync(FindingQueries findings, long id, CancellationToken cancellationToken) =>
        ChangeAsync(findings, id, (f, now) => f.Acknowledge(now), "A resolved finding cannot be acknowledged; it re-opens by itself if the problem recurs.", cancellationToken);

    private static Task<Results<Ok<FindingItem>, ProblemHttpResult>> ResolveAsync(FindingQueries findings, long id, CancellationToken cancellationToken) =>
        ChangeAsync(findings, id, (f, now) => f.Resolve(now), "The finding cannot be resolved.", cancellationToken);

    private static async Task<Results<Ok<FindingItem>, ProblemHttpResult>> ChangeAsync(
        FindingQueries findings, long id, Func<Finding, DateTime, bool> change, string conflict, CancellationToken cancellationToken)
    {
        var (finding, allowed) = await findings.ChangeStateAsync(id, change, cancellationToken);
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
