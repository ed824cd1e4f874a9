using AdvertStatus.Web.Reports;

namespace AdvertStatus.Web.Workstations;

internal static class WorkstationsServiceExtensions
{
    /// <summary>The workstation list and detail, and the affected-workstations report.</summary>
    public static IServiceCollection AddWorkstations(this IServiceCollection services)
    {
        services.AddSingleton<WorkstationQueries>();
        services.AddCsvReport<AffectedWorkstationsReport>();
        return services;
    }
}
