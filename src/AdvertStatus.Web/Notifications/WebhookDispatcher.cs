using AdvertStatus.Web.Data;
using AdvertStatus.Web.Findings;
using AdvertStatus.Web.Ingestion;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdvertStatus.Web.Notifications;

/// <summary>
/// Delivers finding openings (<see cref="FindingOpening"/>) to every webhook, in change order per webhook, at least
/// once. The cursor and the retry state are each webhook's row, so a restart continues where delivery stopped; the
/// <see cref="ProjectionLease.Webhooks"/> lease makes one instance the deliverer, so two instances do not both send.
/// </summary>
/// <remarks>
/// A failing event holds its webhook's queue (order is kept) but not the other webhooks': each is delivered on its
/// own. Quick retries happen inside one attempt (the HTTP client's resilience handler); after that the event waits
/// a growing backoff, or the receiver's Retry-After, and is retried until <see cref="WebhookDeliveryOptions.RetryFor"/>
/// has passed, then the webhook moves on and keeps the error. Times here are wall-clock: they are about real
/// seconds between attempts and processes.
/// </remarks>
public sealed partial class WebhookDispatcher(
    IDbContextFactory<AdvertStatusDbContext> contexts,
    FindingFeed feed,
    FindingQueries findings,
    WebhookSender sender,
    PublicLinks links,
    IOptions<NotificationOptions> options,
    ILogger<WebhookDispatcher> logger) : BackgroundService
{
    /// <summary>At most this many events per webhook per pass, so one long backlog does not starve the lease renewal.</summary>
    private const int EventsPerPass = 200;

    private static readonly TimeProvider WallClock = TimeProvider.System;

    private readonly string _instance = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
    private DateTime _leaseValidUntil = DateTime.MinValue;

    private WebhookDeliveryOptions Settings => options.Value.Webhooks;

    /// <summary>The openings <paramref name="webhook"/> has still to be sent, in order: after its cursor, of its rules and sites.</summary>
    public static IQueryable<FindingOpening> Pending(AdvertStatusDbContext db, Webhook webhook)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(webhook);
        var cursor = webhook.DeliveredThrough;
        var pending = db.FindingOpenings.AsNoTracking().Where(o => o.Sequence > cursor);
        if (webhook.Rules.Count > 0)
        {
            var rules = webhook.Rules.ToList();
            pending = pending.Where(o => rules.Contains(o.Finding!.Rule));
        }

        if (webhook.Sites.Count > 0)
        {
            var sites = webhook.Sites.ToList();
            pending = pending.Where(o => o.Finding!.SiteCode != null && sites.Contains(o.Finding.SiteCode));
        }

        return pending.OrderBy(o => o.Sequence);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Settings.Enabled)
        {
            return;
        }

        var changed = NewSignal();
        using var subscription = feed.Subscribe(_ => changed.TrySetResult());
        var failing = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            var signal = changed.Task;
            try
            {
                if (await HoldLeaseAsync(stoppingToken))
                {
                    await using var db = await contexts.CreateDbContextAsync(stoppingToken);
                    var ids = await db.Webhooks.Select(w => w.Id).ToListAsync(stoppingToken);
                    await Task.WhenAll(ids.Select(id => DeliverAsync(id, stoppingToken)));
                }

                failing = false;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                if (!failing)
                {
                    LogPassFailed(logger, ex);
                }

                failing = true;
            }

            try
            {
                await Task.WhenAny(signal, Task.Delay(Settings.PollInterval, stoppingToken));
            }
            catch (OperationCanceledException)
            {
                break;
            }

            if (signal.IsCompleted)
            {
                changed = NewSignal();
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            // A clean stop hands the deliveries over at once instead of after the lease expires.
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            await ProjectorLeases.ReleaseAsync(db, ProjectionLease.Webhooks, _instance, cancellationToken);
        }
        catch (Exception ex)
        {
            LogReleaseFailed(logger, ex);
        }
    }

    /// <summary>Renews the lease when less than half of it is left (one write per half lease, not per pass).</summary>
    private async Task<bool> HoldLeaseAsync(CancellationToken cancellationToken)
    {
        var now = WallClock.GetUtcNow().UtcDateTime;
        if (_leaseValidUntil - now > Settings.Lease / 2)
        {
            return true;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await ProjectorLeases.TryHoldAsync(db, ProjectionLease.Webhooks, _instance, Settings.Lease, cancellationToken))
        {
            _leaseValidUntil = now + Settings.Lease;
            return true;
        }

        _leaseValidUntil = DateTime.MinValue;
        return false;
    }

    private async Task DeliverAsync(int webhookId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        for (var sent = 0; sent < EventsPerPass; sent++)
        {
            var webhook = await db.Webhooks.SingleOrDefaultAsync(w => w.Id == webhookId, cancellationToken);
            if (webhook is null || webhook.NextAttemptAt > WallClock.GetUtcNow().UtcDateTime || !await HoldLeaseAsync(cancellationToken))
            {
                return;   // deleted, waiting for its backoff, or another instance delivers now
            }

            // Read before the pending look: openings commit in sequence order, so every opening up to here is
            // committed and the look below sees it.
            var latest = await db.FindingOpenings.MaxAsync(o => (long?)o.Sequence, cancellationToken) ?? 0;
            var next = await Pending(db, webhook).Select(o => new { o.Sequence, o.FindingId, o.Reopened }).FirstOrDefaultAsync(cancellationToken);
            if (next is null)
            {
                await PassFilteredOutAsync(db, webhook, latest, cancellationToken);
                return;
            }

            var finding = await findings.GetAsync(next.FindingId, cancellationToken);
            var delivery = new WebhookEvent($"{webhook.Id}.{next.Sequence}", next.Reopened ? WebhookEvent.Reopened : WebhookEvent.Opened,
                finding, WebhookBodies.LinkTo(links.BaseUrl(), finding));
            var outcome = finding is null
                ? DeliveryOutcome.Success   // removed since (retention): nothing left to tell
                : await sender.SendAsync(webhook, delivery, cancellationToken);
            if (!Record(webhook, next.Sequence, delivery.DeliveryId, outcome))
            {
                await SaveAsync(db, cancellationToken);
                return;
            }

            if (!await SaveAsync(db, cancellationToken))
            {
                return;
            }

            db.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// A webhook with nothing pending moves its cursor past the openings its rules and sites left out, so retention
    /// may purge them (it keeps what any cursor has not passed). Written only when the cursor moves.
    /// </summary>
    private static async Task PassFilteredOutAsync(AdvertStatusDbContext db, Webhook webhook, long latest, CancellationToken cancellationToken)
    {
        if (latest > webhook.DeliveredThrough)
        {
            webhook.DeliveredThrough = latest;
            await SaveAsync(db, cancellationToken);
        }
    }

    /// <summary>Moves the cursor or schedules the retry; true when the webhook may go on to its next event.</summary>
    private bool Record(Webhook webhook, long sequence, string deliveryId, DeliveryOutcome outcome)
    {
        var now = WallClock.GetUtcNow().UtcDateTime;
        if (outcome.Delivered)
        {
            webhook.DeliveredThrough = sequence;
            webhook.LastSuccessAt = now;
            (webhook.Attempts, webhook.FailingSince, webhook.NextAttemptAt) = (0, null, null);
            return true;
        }

        webhook.LastErrorAt = now;
        var failingSince = webhook.FailingSince ?? now;
        if (outcome.Retry && now - failingSince < Settings.RetryFor)
        {
            webhook.Attempts++;
            webhook.FailingSince = failingSince;
            var backoff = TimeSpan.FromTicks(Math.Min(Settings.MaxBackoff.Ticks, Settings.FirstBackoff.Ticks * (1L << Math.Min(webhook.Attempts - 1, 20))));
            webhook.NextAttemptAt = now + (outcome.RetryAfter is { } after && after > backoff ? after : backoff);
            webhook.LastError = Cut($"Delivery {deliveryId}, attempt {webhook.Attempts}: {outcome.Error}; next attempt {webhook.NextAttemptAt:yyyy-MM-dd HH:mm:ss} UTC.");
            return false;
        }

        webhook.LastError = Cut(outcome.Retry
            ? $"Delivery {deliveryId} given up after {webhook.Attempts + 1} attempts since {failingSince:yyyy-MM-dd HH:mm} UTC: {outcome.Error}"
            : $"Delivery {deliveryId} refused, not retried: {outcome.Error}");
        webhook.DeliveredThrough = sequence;
        (webhook.Attempts, webhook.FailingSince, webhook.NextAttemptAt) = (0, null, null);
        LogGaveUp(logger, webhook.Id, webhook.Name, deliveryId);
        return true;
    }

    /// <summary>False when the webhook was deleted meanwhile (nothing to record).</summary>
    private static async Task<bool> SaveAsync(AdvertStatusDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }

    private static string Cut(string text) => text.Length <= 1000 ? text : text[..1000];

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A webhook delivery pass failed; the next pass tries again")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The webhook lease could not be released; another instance takes over when it expires")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {WebhookId} ({WebhookName}) moved past delivery {DeliveryId} without delivering it")]
    private static partial void LogGaveUp(ILogger logger, int webhookId, string webhookName, string deliveryId);
}
