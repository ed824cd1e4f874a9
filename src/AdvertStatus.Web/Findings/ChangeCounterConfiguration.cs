using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdvertStatus.Web.Findings;

internal sealed class ChangeCounterConfiguration : IEntityTypeConfiguration<ChangeCounter>
{
    public void Configure(EntityTypeBuilder<ChangeCounter> builder)
    {
        builder.ToTable("ChangeCounters");
        builder.HasKey(c => c.Name);
        builder.Property(c => c.Name).HasMaxLength(32);
        builder.Property(c => c.Value).IsConcurrencyToken();
        builder.HasData(new ChangeCounter { Name = ChangeCounter.FindingsFeed, Value = 0 });
    }
}
