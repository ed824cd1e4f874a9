namespace AdvertStatus.Core.Rules;

/// <summary>The thresholds the rules use; the web layer binds them from <c>Rules:*</c>.</summary>
/// <param name="LockoutThreshold">Lockouts that make a repeated lockout (default 3).</param>
/// <param name="LockoutWindow">The span they must fall within (default 60 minutes).</param>
/// <param name="CorrelationWindow">How far apart a 1317 failure and an account event may be (default ±30 minutes).</param>
public sealed record RuleSettings(int LockoutThreshold, TimeSpan LockoutWindow, TimeSpan CorrelationWindow)
{
    public static RuleSettings Default { get; } = new(3, TimeSpan.FromMinutes(60), TimeSpan.FromMinutes(30));
}
