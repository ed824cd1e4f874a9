using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdvertStatus.Web.Findings;

internal sealed class FindingOpeningConfiguration : IEntityTypeConfiguration<FindingOpening>
{
    public void Configure(EntityTypeBuilder<FindingOpening> builder)
    {
        builder.ToTable("FindingOpenings");
        builder.HasKey(o => o.Sequence);
        builder.Property(o => o.Sequence).ValueGeneratedNever();
        builder.HasOne(o => o.Finding).WithMany().HasForeignKey(o => o.FindingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(o => o.OpenedAt);   // retention deletes by age
    }
}
