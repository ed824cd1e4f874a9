using AdvertStatus.Web.Data;
using AdvertStatus.Core.Ingestion;
using AdvertStatus.Core.Machines;
using AdvertStatus.Core.SecurityEvents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdvertStatus.Web.Ingestion;

internal sealed class SecurityEventConfiguration : IEntityTypeConfiguration<SecurityEvent>
{
    public void Configure(EntityTypeBuilder<SecurityEvent> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Fingerprint).HasMaxLength(ContentFingerprint.Length).IsFixedLength();
        builder.Property(e => e.Kind).HasConversion<int>();
        builder.Property(e => e.Computer).HasMaxLength(Lengths.Name);
        builder.Property(e => e.TargetUserName).HasMaxLength(Lengths.Name);
        builder.Property(e => e.TargetDomainName).HasMaxLength(Lengths.Name);
        builder.Property(e => e.TargetSid).HasMaxLength(Lengths.Name);
        builder.Property(e => e.CallerComputerName).HasMaxLength(Lengths.Name);
        builder.Property(e => e.Workstation).HasMaxLength(Lengths.Name);
        builder.Property(e => e.IpAddress).HasMaxLength(64);
        builder.Property(e => e.Status).HasMaxLength(64);
        builder.Property(e => e.SubStatus).HasMaxLength(64);
        builder.Property(e => e.ProcessName).HasMaxLength(Lengths.Text);
        builder.Property(e => e.SubjectUserName).HasMaxLength(Lengths.Name);
        builder.Property(e => e.SubjectDomainName).HasMaxLength(Lengths.Name);
        builder.Property(e => e.SourceMachine).HasMaxLength(MachineNames.MaxLength);
        builder.Property(e => e.AccountDomain).HasMaxLength(Lengths.Name);

        // Idempotency: a record id is unique within the log of the computer that wrote it.
        builder.HasIndex(e => new { e.Computer, e.EventRecordId }).IsUnique();
        // "Lockouts and bad passwords this workstation caused" (correlation, timeline).
        builder.HasIndex(e => new { e.SourceMachine, e.TimeCreated });
        builder.Property(e => e.AccountKey).HasMaxLength(Lengths.Name);

        // Lockout windows per account.
        builder.HasIndex(e => new { e.AccountKey, e.Kind, e.TimeCreated });

        // The projector reads a batch's rows by it (ADR 0011); it only grows, so new entries land at the index's end.
        builder.HasIndex(e => e.BatchId);
    }
}
