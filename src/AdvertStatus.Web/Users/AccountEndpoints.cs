using AdvertStatus.Web.Data;
using AdvertStatus.Web.Security;
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
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(AccountPaths.Logout, SignOutAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<RedirectHttpResult> SignOutAsync(SignInManager<AppUser> signIn, HttpContext http, [FromForm] string? returnUrl)
    {
        // A new security stamp ends every copy of this user's cookie (and their other sessions) at the next check,
        // not only the cookie this browser deletes.
        if (await signIn.UserManager.GetUserAsync(http.User) is { } user)
        {
            await signIn.UserManager.UpdateSecurityStampAsync(user);
        }

        await signIn.SignOutAsync();
        return TypedResults.LocalRedirect(AccountPaths.Login + (AccountPaths.IsLocal(returnUrl) ? "?ReturnUrl=" + Uri.EscapeDataString(returnUrl!) : ""));
    }
}
