using AdvertStatus.Web.Components.Widgets;
using AdvertStatus.Web.Reports;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AdvertStatus.Web.Findings;

internal static class FindingsServiceExtensions
{
    /// <summary>The finding recorder, the findings list and report, the change numbering of every save, and the live finding feed.</summary>
    public static IServiceCollection AddFindings(this IServiceCollection services)
    {
        services.AddSingleton<IInterceptor, FindingChangeNumbering>();
        services.AddSingleton<FindingRecorder>();
        services.AddSingleton<FindingQueries>();
        services.AddCsvReport<FindingsReport>();
        services.AddSingleton<FindingFeed>();
        services.AddSingleton<IDashboardChanges>(sp => sp.GetRequiredService<FindingFeed>());
        services.AddHostedService(sp => sp.GetRequiredService<FindingFeed>());
        return services;
    }
}
