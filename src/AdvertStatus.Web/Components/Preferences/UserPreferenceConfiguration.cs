using AdvertStatus.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdvertStatus.Web.Components.Preferences;

internal sealed class UserPreferenceConfiguration : IEntityTypeConfiguration<UserPreference>
{
    public void Configure(EntityTypeBuilder<UserPreference> builder)
    {
        builder.ToTable("UserPreferences");
        builder.HasKey(p => new { p.UserId, p.Key });
        builder.Property(p => p.UserId).HasMaxLength(450);
        builder.Property(p => p.Key).HasMaxLength(64);
        builder.Property(p => p.Value).HasMaxLength(1000);
        // A user's preferences go with the user.
        builder.HasOne<AppUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
