using AdvertStatus.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdvertStatus.Web.Notifications;

/// <summary>
/// Sends each schedule's report when its time comes. Every instance looks; the one whose guarded update moves the
/// schedule's <see cref="ReportSchedule.NextDueAt"/> past the due time sends it, so each time goes out once. The next
/// time is computed from now, so after downtime the missed times are sent once, not once per missed slot.
/// </summary>
/// <remarks>Due times are business time (the app's clock); how often to look is real time.</remarks>
public sealed partial class ReportScheduler(
    IDbContextFactory<AdvertStatusDbContext> contexts, ReportMailer mailer, TimeProvider clock, IOptions<NotificationOptions> options, ILogger<ReportScheduler> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SendDueAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogPassFailed(logger, ex);
            }

            try
            {
                await Task.Delay(options.Value.SchedulePollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>Claims and sends every schedule due now; returns how many this instance sent.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        List<ReportSchedule> due;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            due = await db.ReportSchedules.AsNoTracking().Where(s => s.NextDueAt <= now).ToListAsync(cancellationToken);
        }

        var sent = 0;
        foreach (var schedule in due)
        {
            await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
            {
                if (!await TryClaimAsync(db, schedule, now, cancellationToken))
                {
                    continue;   // another instance claimed this time, or the schedule was deleted
                }
            }

            await SendAsync(schedule, cancellationToken);
            sent++;
        }

        return sent;
    }

    /// <summary>
    /// Moves <paramref name="schedule"/>'s next time from the one read (<see cref="ReportSchedule.NextDueAt"/>) to the
    /// first after <paramref name="now"/>, only if no one moved it since: true for exactly one caller per due time.
    /// </summary>
    public static async Task<bool> TryClaimAsync(AdvertStatusDbContext db, ReportSchedule schedule, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(schedule);
        var read = schedule.NextDueAt;
        var next = ReportScheduleRequest.ParseCron(schedule.Cron).GetNextOccurrence(now) ?? DateTime.MaxValue;
        return await db.ReportSchedules.Where(s => s.Id == schedule.Id && s.NextDueAt == read)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.NextDueAt, next), cancellationToken) == 1;
    }

    /// <summary>Sends <paramref name="schedule"/>'s report and records the outcome on it; an error is recorded, not thrown.</summary>
    public async Task SendAsync(ReportSchedule schedule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            var count = await mailer.SendAsync(schedule, cancellationToken);
            await db.ReportSchedules.Where(s => s.Id == schedule.Id).ExecuteUpdateAsync(set => set
                .SetProperty(s => s.LastSentAt, now).SetProperty(s => s.LastRowCount, count).SetProperty(s => s.LastError, (string?)null), cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogSendFailed(logger, schedule.Id, schedule.Name, ex);
            var error = ex.Message.Length <= 1000 ? ex.Message : ex.Message[..1000];
            await db.ReportSchedules.Where(s => s.Id == schedule.Id).ExecuteUpdateAsync(set => set
                .SetProperty(s => s.LastError, error).SetProperty(s => s.LastErrorAt, now), cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for due report schedules failed; the next pass tries again")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Report schedule {ScheduleId} ({ScheduleName}) could not be sent")]
    private static partial void LogSendFailed(ILogger logger, int scheduleId, string scheduleName, Exception exception);
}
