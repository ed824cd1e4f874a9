using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdvertStatus.Web.Demo;

internal sealed class DemoDatasetConfiguration : IEntityTypeConfiguration<DemoDataset>
{
    public void Configure(EntityTypeBuilder<DemoDataset> builder)
    {
        builder.ToTable("DemoDatasets");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
    }
}
