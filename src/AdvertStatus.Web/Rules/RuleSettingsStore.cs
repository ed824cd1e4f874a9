using AdvertStatus.Core.Rules;
using AdvertStatus.Web.Audit;
using AdvertStatus.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdvertStatus.Web.Rules;

/// <summary>
/// The rule thresholds in force: what an Admin saved, else configuration. The rules read them inside
/// each ingestion transaction (one primary-key look-up per batch), so a change applies to every batch
/// that starts after it commits, on every instance, with no cache to go stale.
/// </summary>
public sealed class RuleSettingsStore(IDbContextFactory<AdvertStatusDbContext> contexts, IOptions<RulesOptions> configured, TimeProvider clock)
{
    /// <summary>The thresholds for work in <paramref name="db"/>'s transaction.</summary>
    public async Task<RuleSettings> CurrentAsync(AdvertStatusDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var saved = await db.RuleSettings.AsNoTracking().SingleOrDefaultAsync(s => s.Id == SavedRuleSettings.SingletonId, cancellationToken);
        return saved is null ? configured.Value.ToSettings() : ToSettings(saved);
    }

    public async Task<RuleSettingsResponse> GetAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var saved = await db.RuleSettings.AsNoTracking().SingleOrDefaultAsync(s => s.Id == SavedRuleSettings.SingletonId, cancellationToken);
        return saved is null
            ? RuleSettingsResponse.From(configured.Value.ToSettings(), null, null)
            : RuleSettingsResponse.From(ToSettings(saved), saved.UpdatedAt, saved.UpdatedBy);
    }

    /// <summary>Validates, saves and audits; the errors by field when the request is refused (nothing changes then).</summary>
    public async Task<(RuleSettingsResponse? Saved, Dictionary<string, string[]> Errors)> SaveAsync(
        RuleSettingsRequest request, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = request.Validate();
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var before = await CurrentAsync(db, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var saved = await db.RuleSettings.SingleOrDefaultAsync(s => s.Id == SavedRuleSettings.SingletonId, cancellationToken);
        if (saved is null)
        {
            saved = db.RuleSettings.Add(new SavedRuleSettings()).Entity;
        }

        saved.LockoutThreshold = request.LockoutThreshold!.Value;
        saved.LockoutWindowMinutes = request.LockoutWindowMinutes!.Value;
        saved.CorrelationWindowMinutes = request.CorrelationWindowMinutes!.Value;
        saved.UpdatedAt = now;
        saved.UpdatedBy = actor;
        AuditLog.Add(db, now, actor, AuditActions.SettingsRules, "settings:rules",
            $"{Describe(before)} → {Describe(ToSettings(saved))}");
        await db.SaveChangesAsync(cancellationToken);
        return (RuleSettingsResponse.From(ToSettings(saved), saved.UpdatedAt, saved.UpdatedBy), errors);
    }

    private static RuleSettings ToSettings(SavedRuleSettings saved) =>
        new(saved.LockoutThreshold, TimeSpan.FromMinutes(saved.LockoutWindowMinutes), TimeSpan.FromMinutes(saved.CorrelationWindowMinutes));

    private static string Describe(RuleSettings s) =>
        $"lockoutThreshold={s.LockoutThreshold}, lockoutWindowMinutes={s.LockoutWindow.TotalMinutes}, correlationWindowMinutes={s.CorrelationWindow.TotalMinutes}";
}
