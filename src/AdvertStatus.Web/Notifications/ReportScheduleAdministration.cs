using AdvertStatus.Web.Audit;
using AdvertStatus.Web.Data;
using AdvertStatus.Web.Reports;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Notifications;

/// <summary>Creates, lists, deletes and sends report schedules for the admin API and the Settings page; every change is audited.</summary>
public sealed partial class ReportScheduleAdministration(
    IDbContextFactory<AdvertStatusDbContext> contexts, IEnumerable<ICsvReport> reports, TimeProvider clock, ReportScheduler scheduler, ILogger<ReportScheduleAdministration> logger)
{
    /// <summary>The names of the reports a schedule may send.</summary>
    public IReadOnlyList<string> ReportNames => [.. reports.Select(r => r.Name)];

    public async Task<(ReportScheduleItem? Created, Dictionary<string, string[]> Errors)> CreateAsync(ReportScheduleRequest request, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = request.Validate(reports);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var cron = ReportScheduleRequest.ParseCron(request.Cron!);
        var now = clock.GetUtcNow().UtcDateTime;
        var schedule = new ReportSchedule
        {
            Name = request.Name!.Trim(),
            Report = ReportScheduleRequest.Find(reports, request.Report)!.Name,
            Query = request.NormalizedQuery(),
            Cron = request.Cron!.Trim(),
            Recipients = [.. request.NormalizedRecipients()],
            CreatedAt = now,
            CreatedBy = actor,
            NextDueAt = cron.GetNextOccurrence(now) ?? DateTime.MaxValue,
        };
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.ReportSchedules.Add(schedule);
        await db.SaveChangesAsync(cancellationToken);
        AuditLog.Add(db, now, actor, AuditActions.ReportScheduleCreate, $"report-schedule:{schedule.Id}", Describe(schedule));
        await db.SaveChangesAsync(cancellationToken);
        return (ReportScheduleItem.From(schedule), errors);
    }

    public async Task<IReadOnlyList<ReportScheduleItem>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var schedules = await db.ReportSchedules.AsNoTracking().OrderByDescending(s => s.Id).ToListAsync(cancellationToken);
        return [.. schedules.Select(ReportScheduleItem.From)];
    }

    /// <summary>False when there is no such schedule.</summary>
    public async Task<bool> DeleteAsync(int id, string actor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var schedule = await db.ReportSchedules.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (schedule is null)
        {
            return false;
        }

        db.ReportSchedules.Remove(schedule);
        AuditLog.Add(db, clock.GetUtcNow().UtcDateTime, actor, AuditActions.ReportScheduleDelete, $"report-schedule:{id}", Describe(schedule));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Sends the report now, in the background (the caller gets its 202 straight away), without moving the schedule's
    /// next time; the outcome shows as its last sent or last error. False when there is no such schedule.
    /// </summary>
    public async Task<bool> SendNowAsync(int id, string actor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var schedule = await db.ReportSchedules.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (schedule is null)
        {
            return false;
        }

        AuditLog.Add(db, clock.GetUtcNow().UtcDateTime, actor, AuditActions.ReportScheduleSend, $"report-schedule:{id}", schedule.Name);
        await db.SaveChangesAsync(cancellationToken);
        _ = Task.Run(async () =>
        {
            try
            {
                await scheduler.SendAsync(schedule, CancellationToken.None);
            }
            catch (Exception ex)
            {
                LogSendFailed(logger, id, ex);
            }
        }, CancellationToken.None);
        return true;
    }

    private static string Describe(ReportSchedule s) =>
        $"{s.Name} ({s.Report}{(s.Query.Length == 0 ? "" : "?" + s.Query)}; {s.Cron}; to {string.Join(",", s.Recipients)})";

    [LoggerMessage(Level = LogLevel.Error, Message = "Report schedule {ScheduleId} could not be sent now")]
    private static partial void LogSendFailed(ILogger logger, int scheduleId, Exception exception);
}
