using AdvertStatus.Web.Api;
using AdvertStatus.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AdvertStatus.Web.Users;

/// <summary><c>/api/v1/admin/users</c>: the same user management as the Settings page, for scripts.</summary>
public static class UsersEndpoints
{
    public static IEndpointRouteBuilder MapUserAdministrationEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/admin/users").RequireAuthorization(ApiKeyScopes.Admin).WithTags("Administration");
        api.MapGet("/", ListUsersAsync);
        api.MapPost("/", CreateUserAsync).Accepts<UserRequest>("application/json");
        api.MapPatch("/{id}", UpdateUserAsync).Accepts<UserUpdateRequest>("application/json");
        return app;
    }

    private static async Task<Ok<ItemList<UserItem>>> ListUsersAsync(UserAdministration users, CancellationToken cancellationToken) =>
        TypedResults.Ok(new ItemList<UserItem>(await users.ListAsync(cancellationToken)));

    private static async Task<Results<Created<UserItem>, ValidationProblem>> CreateUserAsync(
        HttpContext http, UserAdministration users, CancellationToken cancellationToken)
    {
        var request = await JsonBody.ReadAsync<UserRequest>(http.Request, cancellationToken);
        var (created, errors) = await users.CreateAsync(request, Access.ActorOf(http.User), cancellationToken);
        return created is null
            ? TypedResults.ValidationProblem(errors, title: "The user was not created.")
            : TypedResults.Created($"/api/v1/admin/users/{created.Id}", created);
    }

    private static async Task<Results<Ok<UserItem>, ValidationProblem, ProblemHttpResult>> UpdateUserAsync(
        HttpContext http, UserAdministration users, string id, CancellationToken cancellationToken)
    {
        var request = await JsonBody.ReadAsync<UserUpdateRequest>(http.Request, cancellationToken);
        var (updated, errors) = await users.UpdateAsync(id, request, Access.ActorOf(http.User), cancellationToken);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The user was not changed.");
        }

        return updated is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such user.", detail: $"There is no user {id}.")
            : TypedResults.Ok(updated);
    }
}
