using AdvertStatus.Web.Data;
using AdvertStatus.Core.Findings;
using AdvertStatus.Core.Machines;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdvertStatus.Web.Findings;

internal sealed class FindingEvidenceConfiguration : IEntityTypeConfiguration<FindingEvidence>
{
    public void Configure(EntityTypeBuilder<FindingEvidence> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Source).HasConversion<int>();
        builder.Property(e => e.Machine).HasMaxLength(MachineNames.MaxLength);
        builder.Property(e => e.Reporter).HasMaxLength(Lengths.Name);
        builder.Property(e => e.Description).HasMaxLength(1000);
        builder.Property(e => e.AdvertisementId).HasMaxLength(Lengths.ObjectId);
        builder.HasOne<Finding>().WithMany().HasForeignKey(e => e.FindingId).OnDelete(DeleteBehavior.Cascade);

        // A message or event is evidence for a finding once, however often a rule sees it.
        builder.HasIndex(e => new { e.FindingId, e.Source, e.SourceId }).IsUnique();
        // The overview's hourly failure series reads a week of evidence, not a week of status messages,
        // so its cost follows the failures, not the fleet's traffic (docs/performance.md).
        builder.HasIndex(e => e.Time);
        // A finding's newest evidence, for lists and details, without reading the rest of it.
        builder.HasIndex(e => new { e.FindingId, e.Time });
    }
}
