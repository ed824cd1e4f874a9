namespace AdvertStatus.Web.Security;

/// <summary>Where a person signs in and out, and the cookie that carries the sign-in: shared by the layout, the pages and Users.</summary>
public static class AccountPaths
{
    public const string Login = "/account/login";
    public const string Logout = "/account/logout";
    public const string CookieName = "AdvertStatus.Auth";

    /// <summary>Only a path on this site: not <c>//host</c> nor <c>/\host</c>, which browsers treat as other sites.</summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
