using AdvertStatus.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace AdvertStatus.Web.Security;

internal static class SecurityServiceExtensions
{
    /// <summary>Chooses the API key when the request carries one, else the sign-in cookie.</summary>
    public const string KeyOrCookieScheme = "KeyOrCookie";

    /// <summary>The policy every dashboard page needs: a signed-in person with one of the roles.</summary>
    public const string DashboardPolicy = "dashboard";

    /// <summary>Agents (<c>ingest</c>) and readers (<c>read</c>, signed-in users) alike: the ingestion progress.</summary>
    public const string IngestOrReadPolicy = "ingest-or-read";

    /// <summary>
    /// Who the caller is (an API key, or the sign-in cookie that Users sets up), one authorization policy per scope,
    /// the dashboard policy, data-protection keys in the database, and the bootstrap key.
    /// </summary>
    public static IServiceCollection AddAccessControl(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<IngestionKeyOptions>().BindConfiguration(IngestionKeyOptions.Section)
            .Validate(IngestionKeyOptions.IsValid, $"Ingestion:BootstrapApiKeyScopes must list one or more of: {string.Join(", ", ApiKeyScopes.All)}.")
            .ValidateOnStart();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = KeyOrCookieScheme;
                o.DefaultChallengeScheme = KeyOrCookieScheme;
            })
            .AddPolicyScheme(KeyOrCookieScheme, "API key or sign-in", o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.HeaderName) ? ApiKeyAuthenticationHandler.SchemeName : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);

        var authorization = services.AddAuthorizationBuilder()
            .AddPolicy(DashboardPolicy, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireRole(Roles.All));
        authorization.AddPolicy(IngestOrReadPolicy, p => p.RequireAssertion(context =>
            Access.Allows(context.User, ApiKeyScopes.Ingest) || Access.Allows(context.User, ApiKeyScopes.Read)));
        foreach (var scope in ApiKeyScopes.All)
        {
            authorization.AddPolicy(scope, p => p.RequireAssertion(context => Access.Allows(context.User, scope)));
        }

        // Sign-ins survive restarts and work on every instance.
        services.AddDataProtection().SetApplicationName("AdvertStatus").PersistKeysToDbContext<AdvertStatusDbContext>();

        services.AddSingleton<ApiKeyUsage>();
        services.AddHostedService<ApiKeyUsageFlusher>();
        services.AddHostedService<BootstrapApiKeyService>();
        return services;
    }
}
