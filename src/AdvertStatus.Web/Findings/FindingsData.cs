using AdvertStatus.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Findings;

/// <summary>This feature's tables on the shared context (the findings change counter, the failures counted per hour, and the openings notifications follow); their configuration sits beside them.</summary>
internal static class FindingsData
{
    extension(AdvertStatusDbContext db)
    {
        public DbSet<ChangeCounter> ChangeCounters => db.Set<ChangeCounter>();
        public DbSet<FailureHour> FailureHours => db.Set<FailureHour>();
        public DbSet<FindingOpening> FindingOpenings => db.Set<FindingOpening>();
    }
}
