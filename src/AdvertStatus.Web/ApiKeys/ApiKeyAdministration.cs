using AdvertStatus.Web.Audit;
using AdvertStatus.Web.Data;
using AdvertStatus.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace AdvertStatus.Web.ApiKeys;

/// <summary>Creates, lists and revokes API keys for the admin API and the Settings page; every change is audited.</summary>
public sealed class ApiKeyAdministration(
    IDbContextFactory<AdvertStatusDbContext> contexts, IMemoryCache cache, ApiKeyUsage usage, TimeProvider clock)
{
    /// <summary>The validation errors by field, or the new key with its value (shown this once).</summary>
    public async Task<(CreatedApiKey? Created, Dictionary<string, string[]> Errors)> CreateAsync(ApiKeyRequest request, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = request.Validate();
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        var now = clock.GetUtcNow().UtcDateTime;
        var value = ApiKeyHasher.NewKey();
        var key = new ApiKey
        {
            Name = request.Name!.Trim(),
            KeyHash = ApiKeyHasher.Hash(value),
            Scopes = ApiKeyScopes.Format(request.Scopes!.OfType<string>()),
            SiteCodes = [.. request.NormalizedSites()],
            CreatedAt = now,
        };
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        AuditLog.Add(db, now, actor, AuditActions.ApiKeyCreate, $"apikey:{key.Id}", Describe(key));
        await db.SaveChangesAsync(cancellationToken);

        var item = ApiKeyItem.From(key);
        return (new CreatedApiKey(key.Id, key.Name, value, item.Scopes, item.Sites, key.CreatedAt), errors);
    }

    /// <summary>Every key, newest first, with this instance's recent usage written first so the list is current.</summary>
    public async Task<IReadOnlyList<ApiKeyItem>> ListAsync(CancellationToken cancellationToken)
    {
        await usage.FlushAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var keys = await db.ApiKeys.AsNoTracking().OrderByDescending(k => k.Id).ToListAsync(cancellationToken);
        return [.. keys.Select(ApiKeyItem.From)];
    }

    /// <summary>False when there is no such key. Revoking twice is harmless and audited once.</summary>
    public async Task<bool> RevokeAsync(int id, string actor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == id, cancellationToken);
        if (key is null)
        {
            return false;
        }

        if (key.RevokedAt is null)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            key.RevokedAt = now;
            AuditLog.Add(db, now, actor, AuditActions.ApiKeyRevoke, $"apikey:{key.Id}", Describe(key));
            await db.SaveChangesAsync(cancellationToken);
        }

        // This instance refuses it at once; the others within ApiKeyAuthenticationHandler.CacheFor.
        cache.Remove(ApiKeyAuthenticationHandler.CacheKey(key.KeyHash));
        return true;
    }

    private static string Describe(ApiKey key) =>
        $"{key.Name} (scopes: {key.Scopes}; sites: {(key.SiteCodes.Count == 0 ? "all" : string.Join(",", key.SiteCodes))})";
}
