using AdvertStatus.Web.Findings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdvertStatus.Web.Data.Configurations;

internal sealed class ChangeCounterConfiguration : IEntityTypeConfiguration<ChangeCounter>
{
    public void Configure(EntityTypeBuilder<ChangeCounter> builder)
    {
        builder.HasKey(c => c.Name);
        builder.Property(c => c.Name).HasMaxLength(32);
        builder.Property(c => c.Value).IsConcurrencyToken();
        builder.HasData(new ChangeCounter { Name = ChangeCounter.FindingsFeed, Value = 0 });
    }
}
