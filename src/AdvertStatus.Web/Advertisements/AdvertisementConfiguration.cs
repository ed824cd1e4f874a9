using AdvertStatus.Web.Data;
using AdvertStatus.Core.Advertisements;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdvertStatus.Web.Advertisements;

internal sealed class AdvertisementConfiguration : IEntityTypeConfiguration<Advertisement>
{
    public void Configure(EntityTypeBuilder<Advertisement> builder)
    {
        builder.HasKey(a => a.AdvertisementId);
        builder.Property(a => a.AdvertisementId).HasMaxLength(Lengths.ObjectId);
        builder.Property(a => a.SiteCode).HasMaxLength(3);
        builder.Property(a => a.PackageId).HasMaxLength(Lengths.ObjectId);
        builder.Property(a => a.CollectionId).HasMaxLength(Lengths.ObjectId);
        builder.Property(a => a.PackageName).HasMaxLength(Lengths.Text);
        builder.Property(a => a.ProgramName).HasMaxLength(Lengths.Text);
        builder.Property(a => a.SoftwareInstallationAccount).HasMaxLength(Lengths.Name);
        builder.Ignore(a => a.HasLocalInstallationAccount);
    }
}
