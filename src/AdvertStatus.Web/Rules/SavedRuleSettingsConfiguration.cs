using AdvertStatus.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdvertStatus.Web.Rules;

internal sealed class SavedRuleSettingsConfiguration : IEntityTypeConfiguration<SavedRuleSettings>
{
    public void Configure(EntityTypeBuilder<SavedRuleSettings> builder)
    {
        builder.ToTable("RuleSettings");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.UpdatedBy).HasMaxLength(Lengths.Name + 8);
    }
}
