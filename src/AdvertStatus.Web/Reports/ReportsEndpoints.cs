using AdvertStatus.Web.Api;
using AdvertStatus.Web.Findings;
using AdvertStatus.Web.Security;
using AdvertStatus.Web.Workstations;
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
        HttpContext http, CsvReports reports, TimeProvider clock, string name,
        string? site, string? domain, string? affected, string? verdict, string? rule, string? q,
        string? state, string? machine, string? account, string? acknowledgedBy, string? from, string? to)
    {
        if (ReportNames.Find(name) is not { } report)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such report.",
                detail: $"Reports: {string.Join(", ", ReportNames.All.Select(n => n + ".csv"))}.");
        }

        var query = new QueryParameters();
        var sites = Access.SitesOf(http.User);
        var request = report switch
        {
            // The affected-workstations report lists affected machines unless told otherwise.
            ReportName.AffectedWorkstations => new ReportRequest(report, Workstations:
                WorkstationsEndpoints.ReadFilter(query, http, site, domain, affected ?? "true", verdict, rule, q), Sites: sites),
            ReportName.Findings => new ReportRequest(report, Findings: FindingsEndpoints.ReadFilter(query, http, rule, state, machine, site, acknowledgedBy, from, to), Sites: sites),
            ReportName.Lockouts => new ReportRequest(report, Account: account, Domain: QueryParameters.Upper(domain), Sites: sites),
            ReportName.AdvertisementStatus or ReportName.HotfixCoverage => new ReportRequest(report, Site: QueryParameters.Upper(site), Sites: sites),
            _ => throw new InvalidOperationException($"Report {report} has no request mapping."),
        };
        if (query.HasErrors)
        {
            return query.Problem();
        }

        var fileName = ReportNames.FileName(report, clock.GetUtcNow().UtcDateTime);
        return TypedResults.Stream(
            body => reports.WriteAsync(request, body, http.RequestAborted),
            "text/csv; charset=utf-8",
            fileName);
    }
}
