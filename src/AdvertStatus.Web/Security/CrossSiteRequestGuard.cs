using Microsoft.AspNetCore.Antiforgery;

namespace AdvertStatus.Web.Security;

/// <summary>
/// Refuses cross-site request forgery. An unsafe request (POST, PUT, PATCH, DELETE) to <c>/api</c> or <c>/account</c>
/// that a browser sends with the sign-in cookie must come from this origin: <c>Sec-Fetch-Site: same-origin</c>, or an
/// <c>Origin</c> equal to this site's, or (for a client that sends neither) a valid antiforgery token. SameSite=Lax
/// alone let a form on another port of the same host, or any same-site page, act as the signed-in user. Requests
/// with an API key carry no ambient credential and are not affected.
/// </summary>
internal static class CrossSiteRequestGuard
{
    public static IApplicationBuilder UseCrossSiteRequestGuard(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (IsGuarded(http.Request) && !await ComesFromThisSiteAsync(http))
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails =
                {
                    Status = StatusCodes.Status403Forbidden,
                    Title = "Cross-site request refused.",
                    Detail = "A change made with the sign-in cookie must come from this site's own pages (same Origin) or carry an " +
                        "antiforgery token. Scripts and agents use an API key (X-Api-Key) instead of the cookie.",
                },
            });
            return;
        }

        await next(http);
    });

    private static bool IsGuarded(HttpRequest request) =>
        !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method))
        && (request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/account"))
        && request.Cookies.ContainsKey(AccountPaths.CookieName)
        && !request.Headers.ContainsKey(ApiKeyAuthenticationHandler.HeaderName);

    private static async Task<bool> ComesFromThisSiteAsync(HttpContext http)
    {
        var request = http.Request;
        if (request.Headers.TryGetValue("Sec-Fetch-Site", out var site))
        {
            return string.Equals(site.ToString(), "same-origin", StringComparison.OrdinalIgnoreCase);
        }

        if (request.Headers.Origin is { Count: > 0 } origin)
        {
            return Uri.TryCreate(origin.ToString(), UriKind.Absolute, out var from)
                && string.Equals(from.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
                && string.Equals(from.Host, request.Host.Host, StringComparison.OrdinalIgnoreCase)
                && from.Port == (request.Host.Port ?? (request.IsHttps ? 443 : 80));
        }

        return await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http);
    }
}
