using AdvertStatus.Web.Reports;

namespace AdvertStatus.Web.Advertisements;

internal static class AdvertisementsServiceExtensions
{
    /// <summary>The advertisement status list and its report.</summary>
    public static IServiceCollection AddAdvertisements(this IServiceCollection services)
    {
        services.AddSingleton<AdvertisementQueries>();
        services.AddCsvReport<AdvertisementStatusReport>();
        return services;
    }
}
