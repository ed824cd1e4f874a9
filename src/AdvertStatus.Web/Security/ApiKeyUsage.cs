using System.Collections.Concurrent;
using AdvertStatus.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Security;

/// <summary>
/// Remembers when each key was last used and writes that in one small update per key and flush, so
/// <see cref="ApiKey.LastUsedAt"/> stays current without a database write per request.
/// </summary>
public sealed class ApiKeyUsage(IDbContextFactory<AdvertStatusDbContext> contexts)
{
    private readonly ConcurrentDictionary<int, DateTime> _pending = new();

    public void Touch(int keyId, DateTime now) =>
        _pending.AddOrUpdate(keyId, now, (_, seen) => now > seen ? now : seen);

    /// <summary>Writes what was seen since the last flush. Only moves a time forward, so instances cannot undo each other.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_pending.IsEmpty)
        {
            return;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        foreach (var keyId in _pending.Keys)
        {
            if (!_pending.TryRemove(keyId, out var seen))
            {
                continue;
            }

            await db.ApiKeys
                .Where(k => k.Id == keyId && (k.LastUsedAt == null || k.LastUsedAt < seen))
                .ExecuteUpdateAsync(k => k.SetProperty(x => x.LastUsedAt, seen), cancellationToken);
        }
    }
}
