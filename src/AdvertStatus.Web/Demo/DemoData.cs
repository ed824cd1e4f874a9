using AdvertStatus.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Demo;

/// <summary>This feature's tables on the shared context (the demo dataset marker); their configuration sits beside them.</summary>
internal static class DemoData
{
    extension(AdvertStatusDbContext db)
    {
        public DbSet<DemoDataset> DemoDatasets => db.Set<DemoDataset>();
    }
}
