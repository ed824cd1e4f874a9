using AdvertStatus.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdvertStatus.Web.Audit;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditLog");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Actor).HasMaxLength(Lengths.Name + 8);
        builder.Property(a => a.Action).HasMaxLength(64);
        builder.Property(a => a.Target).HasMaxLength(Lengths.Name + 16);
        builder.Property(a => a.Detail).HasMaxLength(Lengths.Text);

        // The audit page filters by actor or action, newest first (keyset on the id).
        builder.HasIndex(a => new { a.Actor, a.Id });
        builder.HasIndex(a => new { a.Action, a.Id });
        builder.HasIndex(a => a.Time);
    }
}
