using AdvertStatus.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdvertStatus.Web.Trends;

internal sealed class TrendSnapshotConfiguration : IEntityTypeConfiguration<TrendSnapshot>
{
    public void Configure(EntityTypeBuilder<TrendSnapshot> builder)
    {
        builder.ToTable("TrendSnapshots");
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
        builder.ToTable("TrendHours");
        builder.HasKey(h => h.Hour);
        builder.Property(h => h.TakenBy).HasMaxLength(Lengths.Name);
    }
}
