using AdvertStatus.Web.Data;
using AdvertStatus.Core.Domains;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdvertStatus.Web.Ingestion;

internal sealed class DirectoryDomainConfiguration : IEntityTypeConfiguration<DirectoryDomain>
{
    public void Configure(EntityTypeBuilder<DirectoryDomain> builder)
    {
        builder.ToTable("Domains");
        builder.HasKey(d => d.Name);
        builder.Property(d => d.Name).HasMaxLength(Lengths.Name);
        builder.Property(d => d.Mode).HasConversion<string>().HasMaxLength(16);
    }
}
