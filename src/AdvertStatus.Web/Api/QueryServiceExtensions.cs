using System.Text.Json.Serialization;
using AdvertStatus.Web.Advertisements;
using AdvertStatus.Web.Coverage;
using AdvertStatus.Web.Findings;
using AdvertStatus.Web.Lockouts;
using AdvertStatus.Web.Reports;
using AdvertStatus.Web.Sources;
using AdvertStatus.Web.Trends;
using AdvertStatus.Web.Workstations;

namespace AdvertStatus.Web.Api;

internal static class QueryServiceExtensions
{
    /// <summary>The read side shared by the query API, the dashboard and the CSV reports.</summary>
    public static IServiceCollection AddQueries(this IServiceCollection services)
    {
        // Enums (verdict, state) travel as their names, as the contract spells them.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddSingleton<WorkstationQueries>();
        services.AddSingleton<FindingQueries>();
        services.AddSingleton<AdvertisementQueries>();
        services.AddSingleton<CoverageQueries>();
        services.AddSingleton<LockoutQueries>();
        services.AddSingleton<CsvReports>();
        services.AddSources();
        services.AddTrends();
        return services;
    }

    public static IEndpointRouteBuilder MapQueryEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapWorkstationsEndpoints();
        app.MapFindingsEndpoints();
        app.MapAdvertisementsEndpoints();
        app.MapCoverageEndpoints();
        app.MapLockoutsEndpoints();
        app.MapReportsEndpoints();
        app.MapSourcesEndpoints();
        app.MapTrendsEndpoints();
        return app;
    }
}
