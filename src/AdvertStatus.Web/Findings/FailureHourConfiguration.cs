using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdvertStatus.Web.Findings;

internal sealed class FailureHourConfiguration : IEntityTypeConfiguration<FailureHour>
{
    public void Configure(EntityTypeBuilder<FailureHour> builder)
    {
        builder.ToTable("FailureHours");
        builder.HasKey(h => h.Hour);
    }
}
