using AdvertStatus.Web.Security;

namespace AdvertStatus.Web.ApiKeys;

/// <summary>A key as the admin API lists it: never the key material.</summary>
public sealed record ApiKeyItem(
    int Id,
    string Name,
    IReadOnlyList<string> Scopes,
    IReadOnlyList<string>? Sites,
    DateTime CreatedAt,
    DateTime? LastUsedAt,
    DateTime? RevokedAt)
{
    public static ApiKeyItem From(ApiKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new(key.Id, key.Name, ApiKeyScopes.Parse(key.Scopes), key.SiteCodes.Count == 0 ? null : [.. key.SiteCodes],
            key.CreatedAt, key.LastUsedAt, key.RevokedAt);
    }
}
