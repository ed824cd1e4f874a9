namespace AdvertStatus.Web.Overview;

internal static class OverviewServiceExtensions
{
    /// <summary>The overview page's figures.</summary>
    public static IServiceCollection AddOverview(this IServiceCollection services)
    {
        services.AddSingleton<OverviewQueries>();
        return services;
    }
}
