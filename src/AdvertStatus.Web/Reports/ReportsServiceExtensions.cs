namespace AdvertStatus.Web.Reports;

internal static class ReportsServiceExtensions
{
    /// <summary>The dashboard's download of a report; the reports themselves come with their features.</summary>
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddScoped<CsvDownload>();
        return services;
    }

    /// <summary>
    /// Registers a feature's report, by its type (for its page) and as one of the reports (for the route and the
    /// scheduled e-mails). The route's list of report names follows the order of registration.
    /// </summary>
    public static IServiceCollection AddCsvReport<TReport>(this IServiceCollection services)
        where TReport : class, ICsvReport
    {
        services.AddSingleton<TReport>();
        services.AddSingleton<ICsvReport>(sp => sp.GetRequiredService<TReport>());
        return services;
    }
}
