namespace AdvertStatus.Web.Sources;

internal static class SourcesServiceExtensions
{
    /// <summary>The sources list and its silence threshold.</summary>
    public static IServiceCollection AddSources(this IServiceCollection services)
    {
        services.AddOptions<SourcesOptions>().BindConfiguration(SourcesOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SourceQueries>();
        services.AddSingleton<SiteRemoval>();
        return services;
    }
}
