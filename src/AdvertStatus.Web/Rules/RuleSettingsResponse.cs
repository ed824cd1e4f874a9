using AdvertStatus.Core.Rules;

namespace AdvertStatus.Web.Rules;

/// <summary>The thresholds in force, and who last saved them (null while configuration decides).</summary>
public sealed record RuleSettingsResponse(int LockoutThreshold, int LockoutWindowMinutes, int CorrelationWindowMinutes, DateTime? UpdatedAt, string? UpdatedBy)
{
    public static RuleSettingsResponse From(RuleSettings settings, DateTime? updatedAt, string? updatedBy)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new(settings.LockoutThreshold, (int)settings.LockoutWindow.TotalMinutes, (int)settings.CorrelationWindow.TotalMinutes, updatedAt, updatedBy);
    }
}
