using AdvertStatus.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Findings;

/// <summary>This feature's tables on the shared context (the findings change counter and the failures counted per hour); their configuration sits beside them.</summary>
internal static class FindingsData
{
    extension(AdvertStatusDbContext db)
    {
        public DbSet<ChangeCounter> ChangeCounters => db.Set<ChangeCounter>();
        public DbSet<FailureHour> FailureHours => db.Set<FailureHour>();
    }
}
