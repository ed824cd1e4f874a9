using AdvertStatus.Core.Rules;
using Microsoft.Extensions.Options;

namespace AdvertStatus.Web.Rules;

internal static class RulesServiceExtensions
{
    /// <summary>The rules engine, its configured thresholds (validated at start-up) and the store of an Admin's changes to them.</summary>
    public static IServiceCollection AddRules(this IServiceCollection services)
    {
        services.AddOptions<RulesOptions>().BindConfiguration(RulesOptions.Section)
            .Validate(RulesOptions.IsValid, "Rules: Lockout:Threshold must be 1-1000, Lockout:WindowMinutes 1-10080, Correlation:WindowMinutes 1-1440.")
            .ValidateOnStart();
        services.AddSingleton<RuleSettings>(sp => sp.GetRequiredService<IOptions<RulesOptions>>().Value.ToSettings());
        services.AddSingleton<RuleSettingsStore>();
        services.AddSingleton<RuleEngine>();
        return services;
    }
}
