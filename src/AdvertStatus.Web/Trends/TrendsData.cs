using AdvertStatus.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Trends;

/// <summary>This feature's tables on the shared context (trend snapshots and the hours they were taken); their configuration sits beside them.</summary>
internal static class TrendsData
{
    extension(AdvertStatusDbContext db)
    {
        public DbSet<TrendSnapshot> TrendSnapshots => db.Set<TrendSnapshot>();
        public DbSet<TrendHour> TrendHours => db.Set<TrendHour>();
    }
}
