using AdvertStatus.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdvertStatus.Web.Ingestion;

internal sealed class ProjectionLeaseConfiguration : IEntityTypeConfiguration<ProjectionLease>
{
    public void Configure(EntityTypeBuilder<ProjectionLease> builder)
    {
        builder.ToTable("ProjectionLeases");
        builder.HasKey(l => l.Name);
        builder.Property(l => l.Name).HasMaxLength(32);
        builder.Property(l => l.Holder).HasMaxLength(Lengths.Name);
        builder.HasData(
            new ProjectionLease { Name = ProjectionLease.Projector, ExpiresAt = DateTime.UnixEpoch, ProjectedThrough = 0 },
            new ProjectionLease { Name = ProjectionLease.Webhooks, ExpiresAt = DateTime.UnixEpoch, ProjectedThrough = 0 });
    }
}
