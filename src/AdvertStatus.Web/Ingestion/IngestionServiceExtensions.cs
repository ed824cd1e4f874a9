namespace AdvertStatus.Web.Ingestion;

internal static class IngestionServiceExtensions
{
    public static IServiceCollection AddIngestion(this IServiceCollection services)
    {
        services.AddOptions<IngestionOptions>().BindConfiguration(IngestionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IngestionWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<IngestionWriter>());
        services.AddSingleton<IngestionProgress>();
        services.AddSingleton<AppendedBatches>();
        services.AddSingleton<IngestionAdmission>();
        services.AddSingleton<ProjectionCycle>();
        services.AddSingleton<IngestionProjector>();
        services.AddHostedService(sp => sp.GetRequiredService<IngestionProjector>());
        services.AddSingleton<StatusIngestor>();
        services.AddSingleton<SecurityEventIngestor>();
        services.AddSingleton<InventoryIngestor>();
        services.AddSingleton<ReferenceDataIngestor>();
        return services;
    }
}
