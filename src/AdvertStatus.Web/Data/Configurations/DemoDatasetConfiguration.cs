using AdvertStatus.Web.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdvertStatus.Web.Data.Configurations;

internal sealed class DemoDatasetConfiguration : IEntityTypeConfiguration<DemoDataset>
{
    public void Configure(EntityTypeBuilder<DemoDataset> builder)
    {
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
    }
}
