using System.Security.Claims;

namespace AdvertStatus.Web.Security;

/// <summary>Reads the site limits an API key carries.</summary>
internal static class SiteScope
{
    /// <summary>The first site code in <paramref name="siteCodes"/> the caller may not send for, or null when all are allowed.</summary>
    public static string? FirstForbidden(ClaimsPrincipal user, IEnumerable<string> siteCodes)
    {
        var allowed = user.FindAll(ApiKeyScopes.SiteClaim).Select(c => c.Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return allowed.Count == 0 ? null : siteCodes.FirstOrDefault(code => !allowed.Contains(code));
    }
}
