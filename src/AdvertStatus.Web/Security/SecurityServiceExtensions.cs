using AdvertStatus.Web.Audit;
using AdvertStatus.Web.Data;
using AdvertStatus.Web.Settings;
using AdvertStatus.Web.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components.Authorization;
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

    public const string CookieName = "AdvertStatus.Auth";

    /// <summary>
    /// Users and roles (Identity on the app's database), API keys, one authorization policy per scope,
    /// the dashboard policy, data-protection keys in the database, and the admin services.
    /// </summary>
    public static IServiceCollection AddAccessControl(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddMemoryCache();
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section);
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
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies();

        services.AddIdentityCore<AppUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 10;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AdvertStatusDbContext>()
            .AddSignInManager<AppSignInManager>()
            .AddDefaultTokenProviders();
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            // The antiforgery cookie keeps the framework's SameAsRequest (Secure behind TLS): Always would make the
            // framework refuse to render any form over plain HTTP, the sign-in page included.
            o.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.LoginPath = AccountEndpoints.LoginPath;
            o.LogoutPath = AccountEndpoints.LogoutPath;
            o.AccessDeniedPath = AccountEndpoints.LoginPath;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;

            // The API answers 401/403 ProblemDetails (written by the status-code pages); only pages redirect.
            o.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
        });

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

        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingAuthenticationStateProvider>();

        services.AddSingleton<ApiKeyUsage>();
        services.AddSingleton<ApiKeyAdministration>();
        services.AddSingleton<UserAdministration>();
        services.AddSingleton<UserPreferences>();
        services.AddSingleton<AuditQueries>();
        services.AddSingleton<RuleSettingsStore>();
        services.AddHostedService<ApiKeyUsageFlusher>();
        services.AddHostedService<BootstrapApiKeyService>();
        services.AddHostedService<BootstrapAdminService>();
        return services;
    }

    /// <summary>The admin API: keys, users, audit and rule settings.</summary>
    public static IEndpointRouteBuilder MapAdministrationEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapAccountEndpoints();
        app.MapApiKeysEndpoints();
        app.MapUsersEndpoints();
        app.MapAuditEndpoints();
        app.MapRuleSettingsEndpoints();
        return app;
    }

    private static Task RedirectOrStatus(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }
}
