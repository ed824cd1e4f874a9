using AdvertStatus.Core.Coverage;
using AdvertStatus.Core.Rules;
using AdvertStatus.Web.Coverage;
using Microsoft.Extensions.Options;

namespace AdvertStatus.Web.Findings;

internal static class FindingsServiceExtensions
{
    /// <summary>The rules with their validated thresholds, the fixed-build set, and the live finding feed.</summary>
    public static IServiceCollection AddFindings(this IServiceCollection services)
    {
        services.AddOptions<RulesOptions>().BindConfiguration(RulesOptions.Section)
            .Validate(RulesOptions.IsValid, "Rules: Lockout:Threshold must be 1-1000, Lockout:WindowMinutes 1-10080, Correlation:WindowMinutes 1-1440.")
            .ValidateOnStart();
        services.AddOptions<CoverageOptions>().BindConfiguration(CoverageOptions.Section)
            .Validate(CoverageOptions.IsValid, "Coverage:FixedBuilds must list one or more versions or ascending 'from-to' ranges of four-part versions, and Coverage:TargetPercent lie in (0, 100].")
            .ValidateOnStart();

        services.AddSingleton<RuleSettings>(sp => sp.GetRequiredService<IOptions<RulesOptions>>().Value.ToSettings());
        services.AddSingleton(sp => FixedBuildSet.Parse(sp.GetRequiredService<IOptions<CoverageOptions>>().Value.FixedBuilds));
        services.AddSingleton<FindingRecorder>();
        services.AddSingleton<RuleEngine>();
        services.AddSingleton<FindingFeed>();
        services.AddHostedService(sp => sp.GetRequiredService<FindingFeed>());
        services.AddHostedService<VerdictRefresher>();
        return services;
    }
}
