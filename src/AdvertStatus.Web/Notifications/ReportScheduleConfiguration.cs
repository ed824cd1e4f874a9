using AdvertStatus.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdvertStatus.Web.Notifications;

internal sealed class ReportScheduleConfiguration : IEntityTypeConfiguration<ReportSchedule>
{
    public void Configure(EntityTypeBuilder<ReportSchedule> builder)
    {
        builder.ToTable("ReportSchedules");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Name).HasMaxLength(Lengths.Name);
        builder.Property(s => s.Report).HasMaxLength(64);
        builder.Property(s => s.Query).HasMaxLength(ReportScheduleRequest.MaxQueryLength);
        builder.Property(s => s.Cron).HasMaxLength(100);
        builder.Property(s => s.CreatedBy).HasMaxLength(Lengths.Name);
        builder.Property(s => s.LastError).HasMaxLength(1000);
        builder.HasIndex(s => s.NextDueAt);   // what is due
    }
}
