using System.Security.Cryptography;
using AdvertStatus.Web.Data;
using AdvertStatus.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AdvertStatus.Web.Users;

/// <summary>
/// Creates the three roles and the first Admin. A configured <c>Auth:BootstrapAdmin</c> is created when
/// missing (its password is never reset). Without one, and with no user at all, Development gets the
/// documented local default; anywhere else a one-time password is generated and written once to the log.
/// Registered after the migrator, so the tables exist.
/// </summary>
internal sealed partial class BootstrapAdminService(
    IServiceScopeFactory scopes, IOptions<AuthOptions> options, IHostEnvironment environment, TimeProvider clock, ILogger<BootstrapAdminService> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await IgnoreRaceAsync(roles.CreateAsync(new IdentityRole(role)));
            }
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var configured = options.Value.BootstrapAdmin;
        if (!string.IsNullOrWhiteSpace(configured.Email))
        {
            var email = configured.Email.Trim();
            if (await users.FindByEmailAsync(email) is null)
            {
                if (string.IsNullOrEmpty(configured.Password))
                {
                    throw new InvalidOperationException("Auth:BootstrapAdmin:Email is set but Auth:BootstrapAdmin:Password is not.");
                }

                await CreateAdminAsync(users, email, configured.Password);
                LogCreatedFromConfiguration(logger, email);
            }

            return;
        }

        if (users.Users.Any())
        {
            return;
        }

        if (environment.IsDevelopment())
        {
            await CreateAdminAsync(users, BootstrapAdminOptions.DevelopmentEmail, BootstrapAdminOptions.DevelopmentPassword);
            LogCreatedDevelopmentDefault(logger, BootstrapAdminOptions.DevelopmentEmail);
            return;
        }

        var password = GeneratePassword();
        if (await CreateAdminAsync(users, BootstrapAdminOptions.DevelopmentEmail, password))
        {
            LogCreatedWithGeneratedPassword(logger, BootstrapAdminOptions.DevelopmentEmail, password);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<bool> CreateAdminAsync(UserManager<AppUser> users, string email, string password)
    {
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = clock.GetUtcNow().UtcDateTime };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            if (await users.FindByEmailAsync(email) is not null)
            {
                return false; // another instance created it at the same moment
            }

            throw new InvalidOperationException($"The bootstrap Admin could not be created: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }

        await users.AddToRoleAsync(user, Roles.Admin);
        return true;
    }

    private static async Task IgnoreRaceAsync(Task<IdentityResult> creation)
    {
        try
        {
            await creation;
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateException)
        {
            // Another instance created the role first.
        }
    }

    /// <summary>20 random characters with every class Identity's default password rules ask for.</summary>
    private static string GeneratePassword() =>
        "Aa1!" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('+', 'x').Replace('/', 'y');

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the bootstrap Admin {Email} from configuration")]
    private static partial void LogCreatedFromConfiguration(ILogger logger, string email);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Development: created the local default Admin {Email} with the documented password; never use it elsewhere")]
    private static partial void LogCreatedDevelopmentDefault(ILogger logger, string email);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No user existed: created Admin {Email} with the one-time password {Password}. Sign in, create your own Admin and disable this one. This is the only time it is shown.")]
    private static partial void LogCreatedWithGeneratedPassword(ILogger logger, string email, string password);
}
