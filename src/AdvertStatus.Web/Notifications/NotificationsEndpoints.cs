using AdvertStatus.Web.Api;
using AdvertStatus.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AdvertStatus.Web.Notifications;

/// <summary>
/// <c>/api/v1/admin/webhooks</c> and <c>/api/v1/admin/report-schedules</c>: create (201; a webhook's secret is not
/// shown again), list (with delivery state), delete (204), and send a test event or the report now (202). Admin only.
/// </summary>
public static class NotificationsEndpoints
{
    public static IEndpointRouteBuilder MapNotificationsEndpoints(this IEndpointRouteBuilder app)
    {
        var webhooks = app.MapGroup("/api/v1/admin/webhooks").RequireAuthorization(ApiKeyScopes.Admin).WithTags("Notifications");
        webhooks.MapPost("/", CreateWebhookAsync).Accepts<WebhookRequest>("application/json");
        webhooks.MapGet("/", async (WebhookAdministration admin, CancellationToken ct) => TypedResults.Ok(new ItemList<WebhookItem>(await admin.ListAsync(ct))));
        webhooks.MapDelete("/{id:int}", async Task<Results<NoContent, ProblemHttpResult>> (HttpContext http, WebhookAdministration admin, int id, CancellationToken ct) =>
            await admin.DeleteAsync(id, Access.ActorOf(http.User), ct) ? TypedResults.NoContent() : NotFound("webhook", id));
        webhooks.MapPost("/{id:int}/test", async Task<Results<Accepted, ProblemHttpResult>> (HttpContext http, WebhookAdministration admin, int id, CancellationToken ct) =>
            await admin.TestAsync(id, Access.ActorOf(http.User), http.Request, ct) ? TypedResults.Accepted((string?)null) : NotFound("webhook", id));

        var schedules = app.MapGroup("/api/v1/admin/report-schedules").RequireAuthorization(ApiKeyScopes.Admin).WithTags("Notifications");
        schedules.MapPost("/", CreateScheduleAsync).Accepts<ReportScheduleRequest>("application/json");
        schedules.MapGet("/", async (ReportScheduleAdministration admin, CancellationToken ct) => TypedResults.Ok(new ItemList<ReportScheduleItem>(await admin.ListAsync(ct))));
        schedules.MapDelete("/{id:int}", async Task<Results<NoContent, ProblemHttpResult>> (HttpContext http, ReportScheduleAdministration admin, int id, CancellationToken ct) =>
            await admin.DeleteAsync(id, Access.ActorOf(http.User), ct) ? TypedResults.NoContent() : NotFound("report schedule", id));
        schedules.MapPost("/{id:int}/send", async Task<Results<Accepted, ProblemHttpResult>> (HttpContext http, ReportScheduleAdministration admin, int id, CancellationToken ct) =>
            await admin.SendNowAsync(id, Access.ActorOf(http.User), ct) ? TypedResults.Accepted((string?)null) : NotFound("report schedule", id));
        return app;
    }

    private static async Task<Results<Created<WebhookItem>, ValidationProblem>> CreateWebhookAsync(
        HttpContext http, WebhookAdministration admin, CancellationToken cancellationToken)
    {
        var request = await JsonBody.ReadAsync<WebhookRequest>(http.Request, cancellationToken);
        var (created, errors) = await admin.CreateAsync(request, Access.ActorOf(http.User), cancellationToken);
        return created is null
            ? TypedResults.ValidationProblem(errors, title: "The webhook was not created.")
            : TypedResults.Created($"/api/v1/admin/webhooks/{created.Id}", created);
    }

    private static async Task<Results<Created<ReportScheduleItem>, ValidationProblem>> CreateScheduleAsync(
        HttpContext http, ReportScheduleAdministration admin, CancellationToken cancellationToken)
    {
        var request = await JsonBody.ReadAsync<ReportScheduleRequest>(http.Request, cancellationToken);
        var (created, errors) = await admin.CreateAsync(request, Access.ActorOf(http.User), cancellationToken);
        return created is null
            ? TypedResults.ValidationProblem(errors, title: "The report schedule was not created.")
            : TypedResults.Created($"/api/v1/admin/report-schedules/{created.Id}", created);
    }

    private static ProblemHttpResult NotFound(string what, int id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No such {what}.", detail: $"There is no {what} {id}.");
}
