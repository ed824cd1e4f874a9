namespace AdvertStatus.Web.Trends;

internal static class TrendsServiceExtensions
{
    /// <summary>The trend queries and the hourly snapshot job.</summary>
    public static IServiceCollection AddTrends(this IServiceCollection services)
    {
        services.AddSingleton<TrendQueries>();
        services.AddSingleton<TrendSnapshots>();
        services.AddHostedService(sp => sp.GetRequiredService<TrendSnapshots>());
        return services;
    }
}
