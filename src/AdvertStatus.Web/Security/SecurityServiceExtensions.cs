using Microsoft.AspNetCore.Authentication;

namespace AdvertStatus.Web.Security;

internal static class SecurityServiceExtensions
{
    /// <summary>API-key authentication and one authorization policy per scope.</summary>
    public static IServiceCollection AddApiKeySecurity(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiKeyScopes.Ingest, p => p.RequireClaim(ApiKeyScopes.ScopeClaim, ApiKeyScopes.Ingest))
            .AddPolicy(ApiKeyScopes.Read, p => p.RequireClaim(ApiKeyScopes.ScopeClaim, ApiKeyScopes.Read));
        services.AddOptions<IngestionKeyOptions>().BindConfiguration(IngestionKeyOptions.Section);
        services.AddHostedService<BootstrapApiKeyService>();
        return services;
    }
}
