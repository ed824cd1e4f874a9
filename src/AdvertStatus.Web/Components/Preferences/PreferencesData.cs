using AdvertStatus.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Components.Preferences;

/// <summary>This feature's tables on the shared context (per-user preferences); their configuration sits beside them.</summary>
internal static class PreferencesData
{
    extension(AdvertStatusDbContext db)
    {
        public DbSet<UserPreference> UserPreferences => db.Set<UserPreference>();
    }
}
