namespace AdvertStatus.Web.Security;

/// <summary>An agent's API key. Only the SHA-256 of the key is stored.</summary>
public sealed class ApiKey
{
    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>Lower-case hex SHA-256 of the key.</summary>
    public required string KeyHash { get; set; }

    /// <summary>Space-separated scopes: <c>ingest</c>, <c>read</c>, <c>operate</c>, <c>admin</c>.</summary>
    public required string Scopes { get; set; }

    /// <summary>Site codes the key may send data for; empty means every site.</summary>
    public IList<string> SiteCodes { get; set; } = [];

    public DateTime CreatedAt { get; set; }

    /// <summary>When the key was last accepted, to about a minute: usage is flushed in the background, not written per request.</summary>
    public DateTime? LastUsedAt { get; set; }

    /// <summary>Set once; a revoked key is refused from then on and never comes back.</summary>
    public DateTime? RevokedAt { get; set; }
}
