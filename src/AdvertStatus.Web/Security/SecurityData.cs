using AdvertStatus.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Security;

/// <summary>This feature's tables on the shared context (API keys); their configuration sits beside them.</summary>
internal static class SecurityData
{
    extension(AdvertStatusDbContext db)
    {
        public DbSet<ApiKey> ApiKeys => db.Set<ApiKey>();
    }
}
