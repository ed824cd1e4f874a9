using AdvertStatus.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Ingestion;

/// <summary>This feature's tables on the shared context (the ingestion journal and the projector lease); their configuration sits beside them.</summary>
internal static class IngestionData
{
    extension(AdvertStatusDbContext db)
    {
        public DbSet<IngestionBatch> IngestionBatches => db.Set<IngestionBatch>();
        public DbSet<ProjectionLease> ProjectionLeases => db.Set<ProjectionLease>();
    }
}
