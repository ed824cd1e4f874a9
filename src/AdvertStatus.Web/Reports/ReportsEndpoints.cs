using AdvertStatus.Web.Api;
using AdvertStatus.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AdvertStatus.Web.Reports;

/// <summary><c>GET /api/v1/reports/{name}.csv</c>, honouring the filters of the matching list.</summary>
public static class ReportsEndpoints
{
    public static IEndpointRouteBuilder MapReportsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/reports").RequireAuthorization(ApiKeyScopes.Read).WithTags("Reports")
            .MapGet("/{name}.csv", GetReport)
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");
        return app;
    }

    private static Results<PushStreamHttpResult, ValidationProblem, ProblemHttpResult> GetReport(
        HttpContext http, IEnumerable<ICsvReport> reports, TimeProvider clock, string name)
    {
        var all = reports.ToList();
        if (all.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase)) is not { } report)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such report.",
                detail: $"Reports: {string.Join(", ", all.Select(r => r.Name + ".csv"))}.");
        }

        var query = new QueryParameters();
        var export = report.Prepare(query, http.Request.Query, Access.SitesOf(http.User));
        if (query.HasErrors)
        {
            return query.Problem();
        }

        return TypedResults.Stream(
            body => export.WriteAsync(body, http.RequestAborted),
            "text/csv; charset=utf-8",
            export.FileName(clock.GetUtcNow().UtcDateTime));
    }
}
