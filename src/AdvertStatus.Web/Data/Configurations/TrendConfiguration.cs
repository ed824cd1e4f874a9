using AdvertStatus.Web.Trends;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdvertStatus.Web.Data.Configurations;

internal sealed class TrendSnapshotConfiguration : IEntityTypeConfiguration<TrendSnapshot>
{
    public void Configure(EntityTypeBuilder<TrendSnapshot> builder)
    {
        builder.HasKey(s => new { s.Hour, s.SiteCode });
        builder.Property(s => s.SiteCode).HasMaxLength(3);
        // "One site over a range" reads by site first.
        builder.HasIndex(s => new { s.SiteCode, s.Hour });
    }
}

internal sealed class TrendHourConfiguration : IEntityTypeConfiguration<TrendHour>
{
    public void Configure(EntityTypeBuilder<TrendHour> builder)
    {
        builder.HasKey(h => h.Hour);
        builder.Property(h => h.TakenBy).HasMaxLength(Lengths.Name);
    }
}

internal sealed class FailureHourConfiguration : IEntityTypeConfiguration<FailureHour>
{
    public void Configure(EntityTypeBuilder<FailureHour> builder) => builder.HasKey(h => h.Hour);
}
