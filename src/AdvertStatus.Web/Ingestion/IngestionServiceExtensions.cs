namespace AdvertStatus.Web.Ingestion;

internal static class IngestionServiceExtensions
{
    public static IServiceCollection AddIngestion(this IServiceCollection services)
    {
        services.AddSingleton<StatusIngestor>();
        services.AddSingleton<SecurityEventIngestor>();
        services.AddSingleton<InventoryIngestor>();
        services.AddSingleton<ReferenceDataIngestor>();
        return services;
    }
}
