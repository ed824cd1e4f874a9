using AdvertStatus.Web.Reports;

namespace AdvertStatus.Web.Lockouts;

internal static class LockoutsServiceExtensions
{
    /// <summary>The lockouts list and its report.</summary>
    public static IServiceCollection AddLockouts(this IServiceCollection services)
    {
        services.AddSingleton<LockoutQueries>();
        services.AddCsvReport<LockoutsReport>();
        return services;
    }
}
