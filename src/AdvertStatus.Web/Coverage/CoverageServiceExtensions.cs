using AdvertStatus.Core.Coverage;
using AdvertStatus.Web.Reports;
using Microsoft.Extensions.Options;

namespace AdvertStatus.Web.Coverage;

internal static class CoverageServiceExtensions
{
    /// <summary>The fixed builds (validated at start-up), coverage, its report, and the verdict refresher.</summary>
    public static IServiceCollection AddCoverage(this IServiceCollection services)
    {
        services.AddOptions<CoverageOptions>().BindConfiguration(CoverageOptions.Section)
            .Validate(CoverageOptions.IsValid, "Coverage:FixedBuilds must list one or more versions or ascending 'from-to' ranges of four-part versions, and Coverage:TargetPercent lie in (0, 100].")
            .ValidateOnStart();
        services.AddSingleton(sp => FixedBuildSet.Parse(sp.GetRequiredService<IOptions<CoverageOptions>>().Value.FixedBuilds));
        services.AddSingleton<CoverageQueries>();
        services.AddCsvReport<HotfixCoverageReport>();
        services.AddHostedService<VerdictRefresher>();
        return services;
    }
}
