using System.ComponentModel.DataAnnotations;
using AdvertStatus.Core.Rules;

namespace AdvertStatus.Web.Rules;

/// <summary>The <c>Rules</c> settings: <c>Rules:Lockout:Threshold</c>, <c>Rules:Lockout:WindowMinutes</c>, <c>Rules:Correlation:WindowMinutes</c>.</summary>
public sealed class RulesOptions
{
    public const string Section = "Rules";

    public LockoutRuleOptions Lockout { get; set; } = new();
    public CorrelationRuleOptions Correlation { get; set; } = new();

    public RuleSettings ToSettings() =>
        new(Lockout.Threshold, TimeSpan.FromMinutes(Lockout.WindowMinutes), TimeSpan.FromMinutes(Correlation.WindowMinutes));

    /// <summary>Validates the nested sections, which DataAnnotations options validation does not reach on its own.</summary>
    public static bool IsValid(RulesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Validator.TryValidateObject(options.Lockout, new ValidationContext(options.Lockout), null, validateAllProperties: true)
            && Validator.TryValidateObject(options.Correlation, new ValidationContext(options.Correlation), null, validateAllProperties: true);
    }
}

public sealed class LockoutRuleOptions
{
    /// <summary>Lockouts of SMSCliToknAcct&amp; that make a repeated lockout.</summary>
    [Range(1, 1000)]
    public int Threshold { get; set; } = RuleSettings.Default.LockoutThreshold;

    [Range(1, 7 * 24 * 60)]
    public int WindowMinutes { get; set; } = (int)RuleSettings.Default.LockoutWindow.TotalMinutes;
}

public sealed class CorrelationRuleOptions
{
    /// <summary>How far apart (either way) a 1317 failure and an account event may be.</summary>
    [Range(1, 24 * 60)]
    public int WindowMinutes { get; set; } = (int)RuleSettings.Default.CorrelationWindow.TotalMinutes;
}
