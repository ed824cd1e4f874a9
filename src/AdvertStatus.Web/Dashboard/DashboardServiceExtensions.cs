using AdvertStatus.Web.Dashboard.Overview;
using AdvertStatus.Web.Dashboard.Widgets;
using MudBlazor.Services;

namespace AdvertStatus.Web.Dashboard;

internal static class DashboardServiceExtensions
{
    /// <summary>Blazor Server with MudBlazor, and the services only the pages use.</summary>
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddSingleton<OverviewQueries>();
        services.AddScoped<CsvDownload>();
        return services;
    }
}
