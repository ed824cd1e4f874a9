using AdvertStatus.Web.Data;
using AdvertStatus.Core.AdvertisementStatus;
using AdvertStatus.Core.Machines;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdvertStatus.Web.Advertisements;

internal sealed class AdvertisementMachineStatusConfiguration : IEntityTypeConfiguration<AdvertisementMachineStatus>
{
    public void Configure(EntityTypeBuilder<AdvertisementMachineStatus> builder)
    {
        builder.HasKey(s => new { s.AdvertisementId, s.MachineName });
        builder.Property(s => s.AdvertisementId).HasMaxLength(Lengths.ObjectId);
        builder.Property(s => s.MachineName).HasMaxLength(MachineNames.MaxLength);
        builder.Property(s => s.SiteCode).HasMaxLength(3);
        builder.HasIndex(s => s.MachineName);
    }
}
