using AdvertStatus.Core.Ingestion;
using AdvertStatus.Core.Machines;
using AdvertStatus.Core.StatusMessages;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdvertStatus.Web.Data.Configurations;

internal sealed class StatusMessageConfiguration : IEntityTypeConfiguration<StatusMessage>
{
    public void Configure(EntityTypeBuilder<StatusMessage> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.RecordId).HasMaxLength(Lengths.RecordId);
        builder.Property(m => m.Fingerprint).HasMaxLength(ContentFingerprint.Length).IsFixedLength();
        builder.Property(m => m.MachineName).HasMaxLength(MachineNames.MaxLength);
        builder.Property(m => m.SiteCode).HasMaxLength(3);
        builder.Property(m => m.Severity).HasConversion<long?>();
        builder.Property(m => m.Component).HasMaxLength(Lengths.Text);
        builder.Property(m => m.ModuleName).HasMaxLength(Lengths.Text);
        builder.Property(m => m.AdvertisementId).HasMaxLength(Lengths.ObjectId);
        builder.Property(m => m.PackageId).HasMaxLength(Lengths.ObjectId);
        builder.Property(m => m.CollectionId).HasMaxLength(Lengths.ObjectId);
        builder.Property(m => m.PackageName).HasMaxLength(Lengths.Text);
        builder.Property(m => m.ProgramName).HasMaxLength(Lengths.Text);
        builder.Property(m => m.UserName).HasMaxLength(Lengths.Text);
        builder.Property(m => m.DistributionPoint).HasMaxLength(Lengths.Text);
        builder.Property(m => m.Text).HasMaxLength(Lengths.LongText);
        builder.Property(m => m.ClientOs).HasMaxLength(Lengths.Name);
        builder.Property(m => m.Domain).HasMaxLength(Lengths.Name);
        builder.OwnsMany(m => m.Attributes, a => a.ToJson());

        // Idempotency: an agent's record id is unique per machine.
        builder.HasIndex(m => new { m.MachineName, m.RecordId }).IsUnique();
        // Workstation timeline and "last message" look-ups.
        builder.HasIndex(m => new { m.MachineName, m.Time });
        // Per advertisement + machine recounts. Leading with the advertisement alone (or with the error
        // code) let SQLite scan an advertisement's whole history for one batch: measured 2x slower
        // ingestion at 100k stored messages (docs/performance/rules-benchmark.md).
        builder.HasIndex(m => new { m.AdvertisementId, m.MachineName });
        // Charts over time (1317 failures per hour).
        builder.HasIndex(m => m.Time);
    }
}
