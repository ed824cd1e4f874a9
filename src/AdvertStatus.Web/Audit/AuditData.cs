using AdvertStatus.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Audit;

/// <summary>This feature's tables on the shared context (the audit log); their configuration sits beside them.</summary>
internal static class AuditData
{
    extension(AdvertStatusDbContext db)
    {
        public DbSet<AuditEntry> AuditLog => db.Set<AuditEntry>();
    }
}
