using AdvertStatus.Web.Security;
using Microsoft.AspNetCore.Authorization;

namespace AdvertStatus.Web.Hosting;

/// <summary>
/// Says in a refusal's ProblemDetails what the caller can do about it: a 401 names the header a key goes in and
/// whether the key sent was unknown or revoked; a 403 names the scope the route needs and what the caller has.
/// </summary>
internal static class AccessProblems
{
    public static void Explain(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problem = context.ProblemDetails;
        if (problem.Detail is not null)
        {
            return;   // a refusal that already explains itself (a key limited to other sites)
        }

        var http = context.HttpContext;
        var header = ApiKeyAuthenticationHandler.HeaderName;
        problem.Detail = problem.Status switch
        {
            StatusCodes.Status401Unauthorized when http.Request.Headers.ContainsKey(header) =>
                http.Items[ApiKeyAuthenticationHandler.FailureItem] is ApiKeyAuthenticationHandler.RevokedMessage
                    ? $"The API key in the {header} header has been revoked. Ask an Admin for a new key (Settings, API keys)."
                    : $"The API key in the {header} header is not known here: check it for a typo, or ask an Admin for a key (Settings, API keys).",
            StatusCodes.Status401Unauthorized =>
                $"This route needs an API key in the {header} header, or a dashboard sign-in.",
            StatusCodes.Status403Forbidden => Forbidden(http),
            _ => null,
        };
    }

    private static string? Forbidden(HttpContext http)
    {
        var needed = (http.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>() ?? [])
            .Select(a => a.Policy)
            .Where(ApiKeyScopes.All.Contains)
            .Distinct()
            .ToList();
        if (needed.Count == 0)
        {
            return null;
        }

        var scopes = string.Join(" and ", needed.Select(s => $"'{s}'"));
        var user = http.User;
        if (user.Identity?.AuthenticationType == ApiKeyAuthenticationHandler.SchemeName)
        {
            var has = user.FindAll(ApiKeyScopes.ScopeClaim).Select(c => c.Value).ToList();
            return $"The API key '{user.Identity.Name}' lacks the {scopes} scope this route needs; it has {(has.Count == 0 ? "no scope" : string.Join(", ", has))}. An Admin can create a key with that scope.";
        }

        return $"Your role does not grant the {scopes} scope this route needs. An Admin can change your role.";
    }
}
