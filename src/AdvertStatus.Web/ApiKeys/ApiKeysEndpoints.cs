using AdvertStatus.Web.Api;
using AdvertStatus.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AdvertStatus.Web.ApiKeys;

/// <summary><c>/api/v1/admin/api-keys</c>: create (the key is shown once), list (no key material), revoke.</summary>
public static class ApiKeysEndpoints
{
    public static IEndpointRouteBuilder MapApiKeysEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/admin/api-keys").RequireAuthorization(ApiKeyScopes.Admin).WithTags("Administration");
        api.MapPost("/", CreateApiKeyAsync).Accepts<ApiKeyRequest>("application/json");
        api.MapGet("/", ListApiKeysAsync);
        api.MapDelete("/{id:int}", RevokeApiKeyAsync);
        return app;
    }

    private static async Task<Results<Created<CreatedApiKey>, ValidationProblem>> CreateApiKeyAsync(
        HttpContext http, ApiKeyAdministration keys, CancellationToken cancellationToken)
    {
        var request = await JsonBody.ReadAsync<ApiKeyRequest>(http.Request, cancellationToken);
        var (created, errors) = await keys.CreateAsync(request, Access.ActorOf(http.User), cancellationToken);
        return created is null
            ? TypedResults.ValidationProblem(errors, title: "The key was not created.")
            : TypedResults.Created($"/api/v1/admin/api-keys/{created.Id}", created);
    }

    private static async Task<Ok<ItemList<ApiKeyItem>>> ListApiKeysAsync(ApiKeyAdministration keys, CancellationToken cancellationToken) =>
        TypedResults.Ok(new ItemList<ApiKeyItem>(await keys.ListAsync(cancellationToken)));

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeApiKeyAsync(
        HttpContext http, ApiKeyAdministration keys, int id, CancellationToken cancellationToken) =>
        await keys.RevokeAsync(id, Access.ActorOf(http.User), cancellationToken)
            ? TypedResults.NoContent()
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such API key.", detail: $"There is no API key {id}.");
}
