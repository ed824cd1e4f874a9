using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace AdvertStatus.Web.Users;

/// <summary>
/// <c>POST /account/logout</c>: the sign-out form in the app bar posts here (with its antiforgery
/// token, which a form-bound parameter makes the framework check).
/// </summary>
public static class AccountEndpoints
{
    public const string LoginPath = "/account/login";
    public const string LogoutPath = "/account/logout";

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(LogoutPath, SignOutAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<RedirectHttpResult> SignOutAsync(SignInManager<AppUser> signIn, [FromForm] string? returnUrl)
    {
        await signIn.SignOutAsync();
        return TypedResults.LocalRedirect(LoginPath + (IsLocal(returnUrl) ? "?ReturnUrl=" + Uri.EscapeDataString(returnUrl!) : ""));
    }

    /// <summary>Only a path on this site: not <c>//host</c> nor <c>/\host</c>, which browsers treat as other sites.</summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
