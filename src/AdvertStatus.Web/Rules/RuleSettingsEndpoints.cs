using AdvertStatus.Web.Api;
using AdvertStatus.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AdvertStatus.Web.Rules;

/// <summary><c>GET</c>/<c>PUT /api/v1/admin/settings/rules</c>.</summary>
public static class RuleSettingsEndpoints
{
    public static IEndpointRouteBuilder MapRuleSettingsEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/admin/settings/rules").RequireAuthorization(ApiKeyScopes.Admin).WithTags("Administration");
        api.MapGet("/", GetRuleSettingsAsync);
        api.MapPut("/", SaveRuleSettingsAsync).Accepts<RuleSettingsRequest>("application/json");
        return app;
    }

    private static async Task<Ok<RuleSettingsResponse>> GetRuleSettingsAsync(RuleSettingsStore settings, CancellationToken cancellationToken) =>
        TypedResults.Ok(await settings.GetAsync(cancellationToken));

    private static async Task<Results<Ok<RuleSettingsResponse>, ValidationProblem>> SaveRuleSettingsAsync(
        HttpContext http, RuleSettingsStore settings, CancellationToken cancellationToken)
    {
        var request = await JsonBody.ReadAsync<RuleSettingsRequest>(http.Request, cancellationToken);
        var (saved, errors) = await settings.SaveAsync(request, Access.ActorOf(http.User), cancellationToken);
        return saved is null ? TypedResults.ValidationProblem(errors, title: "The rule settings were not changed.") : TypedResults.Ok(saved);
    }
}
