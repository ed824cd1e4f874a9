using AdvertStatus.Web.Components.Preferences;
using MudBlazor.Services;

namespace AdvertStatus.Web.Components;

internal static class DashboardServiceExtensions
{
    /// <summary>Blazor Server with MudBlazor, and what the shared widgets keep per user.</summary>
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddSingleton<UserPreferences>();
        return services;
    }
}
