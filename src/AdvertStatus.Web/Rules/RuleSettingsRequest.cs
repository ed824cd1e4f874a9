namespace AdvertStatus.Web.Rules;

/// <summary><c>PUT /api/v1/admin/settings/rules</c>: all three values, each within the range configuration allows.</summary>
public sealed record RuleSettingsRequest(int? LockoutThreshold, int? LockoutWindowMinutes, int? CorrelationWindowMinutes)
{
    public const int MaxLockoutThreshold = 1000;
    public const int MaxLockoutWindowMinutes = 7 * 24 * 60;
    public const int MaxCorrelationWindowMinutes = 24 * 60;

    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        Check(errors, "lockoutThreshold", LockoutThreshold, 2, MaxLockoutThreshold, "lockouts (a repeat needs at least two)");
        Check(errors, "lockoutWindowMinutes", LockoutWindowMinutes, 1, MaxLockoutWindowMinutes, "minutes");
        Check(errors, "correlationWindowMinutes", CorrelationWindowMinutes, 1, MaxCorrelationWindowMinutes, "minutes");
        return errors;
    }

    private static void Check(Dictionary<string, string[]> errors, string field, int? value, int min, int max, string unit)
    {
        if (value is null)
        {
            errors[field] = [$"{field} is required."];
        }
        else if (value < min || value > max)
        {
            errors[field] = [$"{field} must be from {min} to {max} {unit}."];
        }
    }
}
