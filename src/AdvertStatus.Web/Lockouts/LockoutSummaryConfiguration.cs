using AdvertStatus.Web.Data;
using AdvertStatus.Core.SecurityEvents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdvertStatus.Web.Lockouts;

internal sealed class LockoutSummaryConfiguration : IEntityTypeConfiguration<LockoutSummary>
{
    public void Configure(EntityTypeBuilder<LockoutSummary> builder)
    {
        builder.HasKey(s => new { s.Domain, s.AccountKey });
        builder.Property(s => s.Domain).HasMaxLength(Lengths.Name);
        builder.Property(s => s.AccountKey).HasMaxLength(Lengths.Name);
        builder.Property(s => s.Account).HasMaxLength(Lengths.Name);
        builder.OwnsMany(s => s.CallerComputers, c => c.ToJson());
    }
}
