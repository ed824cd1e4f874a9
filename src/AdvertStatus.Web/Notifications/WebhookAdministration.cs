using AdvertStatus.Web.Audit;
using AdvertStatus.Web.Data;
using AdvertStatus.Web.Findings;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Notifications;

/// <summary>Creates, lists, deletes and tests webhooks for the admin API and the Settings page; every change is audited.</summary>
public sealed partial class WebhookAdministration(
    IDbContextFactory<AdvertStatusDbContext> contexts, TimeProvider clock, WebhookSender sender, PublicLinks links, ILogger<WebhookAdministration> logger)
{
    /// <summary>
    /// The validation errors by field, or the new webhook. It starts at the current end of the change feed: it is
    /// sent what opens from now on, not the history.
    /// </summary>
    public async Task<(WebhookItem? Created, Dictionary<string, string[]> Errors)> CreateAsync(WebhookRequest request, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var knownSites = (await db.Sites.Select(s => s.SiteCode).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var errors = request.Validate(knownSites);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var webhook = new Webhook
        {
            Name = request.Name!.Trim(),
            Url = request.Url!.Trim(),
            Format = request.Format!.Trim().ToLowerInvariant(),
            Secret = request.Secret,
            Rules = [.. request.NormalizedRules()],
            Sites = [.. request.NormalizedSites()],
            CreatedAt = now,
            CreatedBy = actor,
            DeliveredThrough = await db.ChangeCounters.Where(c => c.Name == ChangeCounter.FindingsFeed).Select(c => c.Value).SingleAsync(cancellationToken),
        };
        db.Webhooks.Add(webhook);
        await db.SaveChangesAsync(cancellationToken);
        AuditLog.Add(db, now, actor, AuditActions.WebhookCreate, $"webhook:{webhook.Id}", Describe(webhook));
        await db.SaveChangesAsync(cancellationToken);
        return ((await ItemsAsync(db, w => w.Id == webhook.Id, cancellationToken)).Single(), errors);
    }

    /// <summary>Every webhook, newest first, with its delivery state and backlog.</summary>
    public async Task<IReadOnlyList<WebhookItem>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await ItemsAsync(db, _ => true, cancellationToken);
    }

    /// <summary>False when there is no such webhook.</summary>
    public async Task<bool> DeleteAsync(int id, string actor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var webhook = await db.Webhooks.SingleOrDefaultAsync(w => w.Id == id, cancellationToken);
        if (webhook is null)
        {
            return false;
        }

        db.Webhooks.Remove(webhook);
        AuditLog.Add(db, clock.GetUtcNow().UtcDateTime, actor, AuditActions.WebhookDelete, $"webhook:{id}", Describe(webhook));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Sends a <c>test</c> event at once, in the background (the caller gets its 202 straight away); the outcome shows
    /// as the webhook's last success or last error. False when there is no such webhook.
    /// </summary>
    public async Task<bool> TestAsync(int id, string actor, HttpRequest? request, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var webhook = await db.Webhooks.AsNoTracking().SingleOrDefaultAsync(w => w.Id == id, cancellationToken);
        if (webhook is null)
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        AuditLog.Add(db, now, actor, AuditActions.WebhookTest, $"webhook:{id}", webhook.Name);
        await db.SaveChangesAsync(cancellationToken);
        var test = new WebhookEvent($"{id}.test.{Guid.NewGuid():N}", WebhookEvent.Test, null, WebhookBodies.LinkTo(links.BaseUrl(request), null));
        _ = Task.Run(() => SendTestAsync(webhook, test), CancellationToken.None);
        return true;
    }

    private async Task SendTestAsync(Webhook webhook, WebhookEvent test)
    {
        try
        {
            var outcome = await sender.SendAsync(webhook, test, CancellationToken.None);
            await using var db = await contexts.CreateDbContextAsync();
            var now = TimeProvider.System.GetUtcNow().UtcDateTime;
            await (outcome.Delivered
                ? db.Webhooks.Where(w => w.Id == webhook.Id).ExecuteUpdateAsync(set => set.SetProperty(w => w.LastSuccessAt, now))
                : db.Webhooks.Where(w => w.Id == webhook.Id).ExecuteUpdateAsync(set => set
                    .SetProperty(w => w.LastError, "test event: " + outcome.Error).SetProperty(w => w.LastErrorAt, now)));
        }
        catch (Exception ex)
        {
            LogTestFailed(logger, webhook.Id, ex);
        }
    }

    private static async Task<IReadOnlyList<WebhookItem>> ItemsAsync(
        AdvertStatusDbContext db, System.Linq.Expressions.Expression<Func<Webhook, bool>> which, CancellationToken cancellationToken)
    {
        var webhooks = await db.Webhooks.AsNoTracking().Where(which).OrderByDescending(w => w.Id).ToListAsync(cancellationToken);
        var items = new List<WebhookItem>(webhooks.Count);
        foreach (var w in webhooks)
        {
            var backlog = await WebhookDispatcher.Pending(db, w).CountAsync(cancellationToken);
            items.Add(new WebhookItem(w.Id, w.Name, w.Url, w.Format, w.Secret is not null, [.. w.Rules], [.. w.Sites], w.CreatedAt, w.CreatedBy,
                w.LastSuccessAt, w.LastError, w.LastErrorAt, w.NextAttemptAt, backlog));
        }

        return items;
    }

    /// <summary>What the audit log keeps: never the secret, and of the URL only the host (a chat webhook's path is a credential).</summary>
    private static string Describe(Webhook w) =>
        $"{w.Name} ({w.Format} to {new Uri(w.Url).Host}; rules: {(w.Rules.Count == 0 ? "all" : string.Join(",", w.Rules))}; sites: {(w.Sites.Count == 0 ? "all" : string.Join(",", w.Sites))}; {(w.Secret is null ? "unsigned" : "signed")})";

    [LoggerMessage(Level = LogLevel.Error, Message = "The test event of webhook {WebhookId} could not be sent")]
    private static partial void LogTestFailed(ILogger logger, int webhookId, Exception exception);
}
