namespace AdvertStatus.Web.ApiKeys;

internal static class ApiKeysServiceExtensions
{
    /// <summary>Issuing, listing and revoking API keys (the Settings panel and <c>/api/v1/admin/api-keys</c>).</summary>
    public static IServiceCollection AddApiKeys(this IServiceCollection services)
    {
        services.AddSingleton<ApiKeyAdministration>();
        return services;
    }
}
