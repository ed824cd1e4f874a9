using AdvertStatus.Core.Machines;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdvertStatus.Web.Data.Configurations;

internal sealed class MachineConfiguration : IEntityTypeConfiguration<Machine>
{
    public void Configure(EntityTypeBuilder<Machine> builder)
    {
        builder.HasKey(m => m.MachineName);
        builder.Property(m => m.MachineName).HasMaxLength(MachineNames.MaxLength);
        builder.Property(m => m.SiteCode).HasMaxLength(3);
        builder.Property(m => m.Domain).HasMaxLength(Lengths.Name);
        builder.Property(m => m.ClientOs).HasMaxLength(Lengths.Name);
        builder.Property(m => m.Platform).HasMaxLength(16);
        builder.Property(m => m.Role).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Smsapm32Version).HasMaxLength(64);

        // Workstation list filters and coverage per site and platform.
        builder.HasIndex(m => new { m.SiteCode, m.Platform });
        builder.HasIndex(m => m.Domain);
    }
}
