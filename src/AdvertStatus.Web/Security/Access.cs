using System.Security.Claims;

namespace AdvertStatus.Web.Security;

/// <summary>
/// Who may do what: one authorization policy per scope, met by an API key carrying that scope or by a
/// signed-in user whose role grants it. Agents ingest with keys only; no role grants <c>ingest</c>.
/// </summary>
public static class Access
{
    /// <summary>The roles that grant each scope to a signed-in user.</summary>
    private static readonly Dictionary<string, string[]> RolesGranting = new()
    {
        [ApiKeyScopes.Ingest] = [],
        [ApiKeyScopes.Read] = [Roles.Viewer, Roles.Operator, Roles.Admin],
        [ApiKeyScopes.Operate] = [Roles.Operator, Roles.Admin],
        [ApiKeyScopes.Admin] = [Roles.Admin],
    };

    /// <summary>Whether <paramref name="user"/> (a key or a signed-in person) may act with <paramref name="scope"/>.</summary>
    public static bool Allows(ClaimsPrincipal user, string scope)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Identity?.IsAuthenticated != true)
        {
            return false;
        }

        return user.Identity.AuthenticationType == ApiKeyAuthenticationHandler.SchemeName
            ? user.HasClaim(ApiKeyScopes.ScopeClaim, scope)
            : RolesGranting[scope].Any(user.IsInRole);
    }

    /// <summary>
    /// The site codes the caller may see or send for, or null for every site. Users are not site-limited;
    /// a key is when it carries site claims.
    /// </summary>
    public static IReadOnlySet<string>? SitesOf(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var sites = user.FindAll(ApiKeyScopes.SiteClaim).Select(c => c.Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return sites.Count == 0 ? null : sites;
    }

    /// <summary>How the audit log names the caller: <c>user:&lt;email&gt;</c> or <c>key:&lt;name&gt;</c>.</summary>
    public static string ActorOf(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var name = user.Identity?.Name ?? "anonymous";
        return user.Identity?.AuthenticationType == ApiKeyAuthenticationHandler.SchemeName ? $"key:{name}" : $"user:{name}";
    }
}
