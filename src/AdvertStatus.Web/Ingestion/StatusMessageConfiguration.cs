using AdvertStatus.Web.Data;
using AdvertStatus.Core.Ingestion;
using AdvertStatus.Core.Machines;
using AdvertStatus.Core.StatusMessages;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdvertStatus.Web.Ingestion;

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

        // Idempotency: an agent's record id is unique per machine. It is also the index of every look-up by machine
        // (timeline, correlation, recounts): a second index by machine, or one by advertisement, cost a random page
        // write per message each, which halved a site forwarder's ingestion (docs/performance.md); the per-machine
        // reads sort a machine's few hundred messages instead.
        builder.HasIndex(m => new { m.MachineName, m.RecordId }).IsUnique();
        // Retention purges the oldest first.
        builder.HasIndex(m => m.Time);

        // The projector reads a batch's rows by it (ADR 0011); it only grows, so new entries land at the index's end.
        builder.HasIndex(m => m.BatchId);
    }
}
