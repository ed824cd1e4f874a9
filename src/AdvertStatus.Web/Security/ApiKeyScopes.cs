namespace AdvertStatus.Web.Security;

/// <summary>What an API key may do; each scope is also the name of the authorization policy that requires it.</summary>
public static class ApiKeyScopes
{
    /// <summary>The ingestion routes.</summary>
    public const string Ingest = "ingest";

    /// <summary>The query API, CSV reports and the stream.</summary>
    public const string Read = "read";

    /// <summary>Acknowledge and resolve findings.</summary>
    public const string Operate = "operate";

    /// <summary>The admin API: keys, users, rule settings, audit.</summary>
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Ingest, Read, Operate, Admin];

    /// <summary>The claim type carrying one scope each.</summary>
    public const string ScopeClaim = "scope";

    /// <summary>The claim type carrying one allowed site code each (absent = all sites).</summary>
    public const string SiteClaim = "site";

    /// <summary>The claim type carrying the key's id, for usage tracking and audit.</summary>
    public const string KeyIdClaim = "apikey_id";

    public static bool IsKnown(string? scope) => All.Contains(scope?.Trim().ToLowerInvariant());

    /// <summary>Scopes from a comma- or space-separated list, lower-cased, in the canonical order.</summary>
    public static IReadOnlyList<string> Parse(string? list) =>
        [.. All.Intersect((list ?? "").Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => s.ToLowerInvariant()))];

    /// <summary>How scopes are stored on <see cref="ApiKey.Scopes"/>.</summary>
    public static string Format(IEnumerable<string> scopes) => string.Join(' ', All.Intersect(scopes.Select(s => s.Trim().ToLowerInvariant())));
}
