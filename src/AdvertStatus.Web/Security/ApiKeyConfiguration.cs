using AdvertStatus.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdvertStatus.Web.Security;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.ToTable("ApiKeys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Name).HasMaxLength(Lengths.Name);
        builder.Property(k => k.KeyHash).HasMaxLength(64);
        builder.Property(k => k.Scopes).HasMaxLength(Lengths.Name);
        builder.HasIndex(k => k.KeyHash).IsUnique();
        builder.HasIndex(k => k.Name);
    }
}
