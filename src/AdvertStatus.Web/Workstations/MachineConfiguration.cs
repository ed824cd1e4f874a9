using AdvertStatus.Web.Data;
using AdvertStatus.Core.Machines;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdvertStatus.Web.Workstations;

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

        builder.Property(m => m.Verdict).HasConversion<string>().HasMaxLength(16);

        // Coverage per site and platform counts verdicts from this small table, never from messages. The role
        // is in the index, so counting client machines reads the index alone (52 → 10 ms at 100,000
        // workstations, docs/performance.md). It is last on purpose: leading with it made SQLite sort the
        // whole fleet for the workstation list instead of walking the primary key (2 → 48 ms).
        builder.HasIndex(m => new { m.SiteCode, m.Platform, m.Verdict, m.Role });
        builder.HasIndex(m => m.Smsapm32Version);
        builder.HasIndex(m => m.Domain);
    }
}
