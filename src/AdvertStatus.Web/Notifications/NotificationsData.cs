using AdvertStatus.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Notifications;

/// <summary>This feature's tables on the shared context; their configuration sits beside them.</summary>
internal static class NotificationsData
{
    extension(AdvertStatusDbContext db)
    {
        public DbSet<Webhook> Webhooks => db.Set<Webhook>();
        public DbSet<ReportSchedule> ReportSchedules => db.Set<ReportSchedule>();
    }
}
