using AdvertStatus.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Components.Preferences;

/// <summary>Reads and keeps a signed-in user's dashboard choices.</summary>
public sealed class UserPreferences(IDbContextFactory<AdvertStatusDbContext> contexts, TimeProvider clock)
{
    public async Task<string?> GetAsync(string userId, string key, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.UserPreferences.AsNoTracking()
            .Where(p => p.UserId == userId && p.Key == key)
            .Select(p => p.Value)
            .SingleOrDefaultAsync(cancellationToken);
    }

    public async Task SetAsync(string userId, string key, string value, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var preference = await db.UserPreferences.SingleOrDefaultAsync(p => p.UserId == userId && p.Key == key, cancellationToken);
        if (preference is null)
        {
            preference = db.UserPreferences.Add(new UserPreference { UserId = userId, Key = key, Value = value }).Entity;
        }

        preference.Value = value;
        preference.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
    }
}
