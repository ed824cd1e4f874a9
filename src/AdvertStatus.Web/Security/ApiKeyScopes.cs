namespace AdvertStatus.Web.Security;

/// <summary>What an API key may do; each scope is also the name of the authorization policy that requires it.</summary>
public static class ApiKeyScopes
{
    public const string Ingest = "ingest";
    public const string Read = "read";

    /// <summary>The claim type carrying one scope each.</summary>
    public const string ScopeClaim = "scope";

    /// <summary>The claim type carrying one allowed site code each (absent = all sites).</summary>
    public const string SiteClaim = "site";
}
