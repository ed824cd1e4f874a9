using System.Text.RegularExpressions;
using AdvertStatus.Web.Security;
using AdvertStatus.Web.Tests.Infrastructure;
using AdvertStatus.Web.Users;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;

namespace AdvertStatus.Web.Tests.Security;

/// <summary>
/// Production with no user and no <c>Auth:BootstrapAdmin</c>. The app's Serilog pipeline also writes to
/// sinks registered as services, so the test reads the log as an operator would, without a file.
/// </summary>
public sealed class UnconfiguredProductionApp(string databasePath, bool ownsDatabase) : AdvertStatusApp(databasePath, ownsDatabase)
{
    public LogCollector Log { get; } = new();

    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Auth:BootstrapAdmin:Email", "");
        builder.UseSetting("Auth:BootstrapAdmin:Password", "");
        builder.ConfigureTestServices(services => services.AddSingleton<ILogEventSink>(Log));
    }
}

public partial class BootstrapAdminTests
{
    [Fact]
    public async Task Outside_Development_writes_a_one_time_password_to_the_log_once_and_it_signs_in()
    {
        var database = Path.Combine(Path.GetTempPath(), $"advertstatus-bootstrap-{Guid.NewGuid():N}.db");
        string password;
        await using (var first = new UnconfiguredProductionApp(database, ownsDatabase: false))
        {
            _ = first.Services;   // starts the host, which runs the bootstrap
            password = PasswordPattern().Match(first.Log.Text).Groups[1].Value;
            Assert.False(string.IsNullOrEmpty(password), "no one-time password in the log");
            using var admin = await first.SignInAsync(BootstrapAdminOptions.DevelopmentEmail, password);
            Assert.Equal(Roles.Admin, await first.QueryAsync(db => db.Roles.Where(r => db.UserRoles.Any(ur => ur.RoleId == r.Id)).Select(r => r.Name).SingleAsync()));
        }

        await using (var restarted = new UnconfiguredProductionApp(database, ownsDatabase: true))
        {
            _ = restarted.Services;
            var log = restarted.Log.Text;

            Assert.DoesNotMatch(PasswordPattern(), log);
            Assert.DoesNotContain(password, log, StringComparison.Ordinal);
            Assert.Equal(1, await restarted.QueryAsync(db => db.Users.CountAsync()));
        }
    }

    [GeneratedRegex("one-time password \"?([^\\s\"]+)\"?")]
    private static partial Regex PasswordPattern();
}
