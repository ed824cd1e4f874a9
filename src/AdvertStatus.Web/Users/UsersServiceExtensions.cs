using AdvertStatus.Web.Data;
using AdvertStatus.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;

namespace AdvertStatus.Web.Users;

internal static class UsersServiceExtensions
{
    /// <summary>Long enough to resist guessing offline; the common-password list covers the rest.</summary>
    public const int PasswordMinimumLength = 12;

    /// <summary>How often a session's security stamp is checked: a change takes effect within this (issue 21 asks 5 s).</summary>
    public static readonly TimeSpan SessionCheckInterval = TimeSpan.FromSeconds(3);

    /// <summary>
    /// People who sign in: Identity's users and roles on the app's database, the sign-in cookie, the dashboard's
    /// authentication state (revalidated, so a disabled user's session ends), the user administration and the
    /// first Admin.
    /// </summary>
    public static IServiceCollection AddUsers(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section);
        services.AddAuthentication().AddIdentityCookies();
        services.AddIdentityCore<AppUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = PasswordMinimumLength;
                // No lockout: five guesses by a stranger would lock the owner (the Admin included) out. The sign-in
                // page slows guessing instead (SignInThrottle).
                o.Lockout.AllowedForNewUsers = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AdvertStatusDbContext>()
            .AddSignInManager<AppSignInManager>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddDefaultTokenProviders();
        // Sign-out, a role change and a disable all renew the user's security stamp; every cookie and open dashboard
        // checks it this often against the database, so the change reaches every session on every instance in time.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = SessionCheckInterval);
        services.AddSingleton<SignInThrottle>();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = AccountPaths.CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            // The antiforgery cookie keeps the framework's SameAsRequest (Secure behind TLS): Always would make the
            // framework refuse to render any form over plain HTTP, the sign-in page included.
            o.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.LoginPath = AccountPaths.Login;
            o.LogoutPath = AccountPaths.Logout;
            o.AccessDeniedPath = AccountPaths.Login;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;

            // The API answers 401/403 ProblemDetails (written by the status-code pages); only pages redirect.
            o.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
        });

        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingAuthenticationStateProvider>();
        services.AddSingleton<UserAdministration>();
        services.AddHostedService<BootstrapAdminService>();
        return services;
    }

    /// <summary><c>POST /account/logout</c> and the users API.</summary>
    public static IEndpointRouteBuilder MapUsersEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapAccountEndpoints();
        app.MapUserAdministrationEndpoints();
        return app;
    }

    private static Task RedirectOrStatus(RedirectContext<CookieAuthenticationOptions> context, int status)
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
