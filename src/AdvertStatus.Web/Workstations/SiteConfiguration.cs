using AdvertStatus.Core.Machines;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdvertStatus.Web.Workstations;

internal sealed class SiteConfiguration : IEntityTypeConfiguration<Site>
{
    public void Configure(EntityTypeBuilder<Site> builder)
    {
        builder.HasKey(s => s.SiteCode);
        builder.Property(s => s.SiteCode).HasMaxLength(3);
        builder.Property(s => s.Smsapm32SourceVersion).HasMaxLength(64);
    }
}
