using AdvertStatus.Web.Data;
using AdvertStatus.Core.Ingestion;
using AdvertStatus.Core.Inventory;
using AdvertStatus.Core.Machines;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdvertStatus.Web.Ingestion;

internal sealed class InventoryReportConfiguration : IEntityTypeConfiguration<InventoryReport>
{
    public void Configure(EntityTypeBuilder<InventoryReport> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Fingerprint).HasMaxLength(ContentFingerprint.Length).IsFixedLength();
        builder.Property(r => r.MachineName).HasMaxLength(MachineNames.MaxLength);
        builder.Property(r => r.SiteCode).HasMaxLength(3);
        builder.Property(r => r.Domain).HasMaxLength(Lengths.Name);
        builder.Property(r => r.ClientOs).HasMaxLength(Lengths.Name);
        builder.Property(r => r.Platform).HasMaxLength(16);
        builder.Property(r => r.Role).HasConversion<string>().HasMaxLength(16);
        builder.OwnsMany(r => r.Files, f => f.ToJson());
        builder.OwnsMany(r => r.Components, c => c.ToJson());

        // Idempotency and the machine's inventory history, newest first.
        builder.HasIndex(r => new { r.MachineName, r.Time }).IsUnique();

        // The projector reads a batch's rows by it (ADR 0011); it only grows, so new entries land at the index's end.
        builder.HasIndex(r => r.BatchId);
    }
}
