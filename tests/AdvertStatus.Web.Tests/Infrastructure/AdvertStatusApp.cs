using System.Net.Http.Json;
using AdvertStatus.Web.Data;
using AdvertStatus.Web.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace AdvertStatus.Web.Tests.Infrastructure;

/// <summary>
/// The real app over a real database, migrated at start-up as in production, with a fixed clock so time validation is
/// deterministic: a SQLite file in the temp folder, or a database of its own on the run's SQL Server container
/// (<see cref="TestDatabase"/>).
/// </summary>
public class AdvertStatusApp : WebApplicationFactory<Program>
{
    public const string ApiKey = "test-bootstrap-key";
    public const string AdminEmail = "admin@test.local";
    public const string AdminPassword = "Test-Admin-Pass-1!";

    private readonly bool _ownsDatabase;

    /// <summary>Outside Development cookies are Secure, so clients talk HTTPS as a browser behind TLS would.</summary>
    public AdvertStatusApp()
        : this(DatabaseTarget.NewSqliteFile(), ownsDatabase: true)
    {
    }

    /// <summary>An instance on a SQLite file another instance owns (the file outlives this one).</summary>
    protected AdvertStatusApp(string databasePath, bool ownsDatabase)
        : this(DatabaseTarget.SqliteFile(databasePath), ownsDatabase)
    {
    }

    /// <summary>An instance on <paramref name="target"/>; with <paramref name="ownsDatabase"/> false another instance owns it.</summary>
    protected AdvertStatusApp(DatabaseTarget target, bool ownsDatabase)
    {
        ArgumentNullException.ThrowIfNull(target);
        Target = target;
        _ownsDatabase = ownsDatabase;
        ClientOptions.BaseAddress = new Uri("https://localhost");
    }

    /// <summary>"Now" for every test: 2026-11-24 12:00 UTC.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Where this instance keeps its data.</summary>
    public DatabaseTarget Target { get; }

    /// <summary>The SQLite file (specs that hold its lock or open it directly are SQLite's own).</summary>
    public string DatabasePath => Target.SqliteFilePath ?? throw new InvalidOperationException("This app runs on SQL Server, not on a SQLite file.");

    /// <summary>A second instance on the same database, as a second server behind a load balancer: its own caches, the same data.</summary>
    public AdvertStatusApp CreateSecondInstance() => new(Target, ownsDatabase: false);

    public FakeTimeProvider Clock { get; } = new(Now);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Target.Provider);
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("ConnectionStrings:AdvertStatus", Target.ConnectionString);
        builder.UseSetting("Ingestion:BootstrapApiKey", ApiKey);
        builder.UseSetting("Auth:BootstrapAdmin:Email", AdminEmail);
        builder.UseSetting("Auth:BootstrapAdmin:Password", AdminPassword);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Serilog:MinimumLevel:Override:Serilog.AspNetCore.RequestLoggingMiddleware", "Warning");
        builder.UseSetting("Serilog:WriteTo:1:Name", "Console");
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
        ConfigureSettings(builder);
    }

    /// <summary>Settings of this app beyond the tests' defaults (limits, timers), applied when it starts.</summary>
    public IList<KeyValuePair<string, string>> Settings { get; } = [];

    /// <summary>Where a fixture changes settings (limits, scopes) for its own app.</summary>
    protected virtual void ConfigureSettings(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>
    /// Every client of a test asks ingestion to answer once its batch is projected (<c>Prefer: wait</c>), so a spec
    /// may read findings and lists right after its 202, as it could before projection followed the append (ADR 0011).
    /// Specs of the progress itself send requests without it.
    /// </summary>
    protected override void ConfigureClient(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Add("Prefer", "wait=30");
    }

    /// <summary>A client that sends the bootstrap key.</summary>
    public HttpClient CreateAgent(string? apiKey = ApiKey)
    {
        var client = CreateClient();
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        return client;
    }

    /// <summary>A client as a browser on the app's pages is: it keeps cookies and shows each redirect rather than following it.</summary>
    public HttpClient CreateBrowser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = ClientOptions.BaseAddress });

    /// <summary>
    /// A client signed in through the real sign-in page (antiforgery token and all), carrying the cookie and, as a
    /// browser on the app's own pages does, the app's <c>Origin</c> (changes made with the cookie need it).
    /// </summary>
    public async Task<HttpClient> SignInAsync(string email = AdminEmail, string password = AdminPassword)
    {
        var client = CreateBrowser();
        var response = await SignIn.PostAsync(client, email, password);
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {email} failed: {(int)response.StatusCode}");
        }

        client.DefaultRequestHeaders.Add("Origin", client.BaseAddress!.GetLeftPart(UriPartial.Authority));
        return client;
    }

    /// <summary>Creates a user with a role (through Identity, as the admin API would) and returns the sign-in name and password.</summary>
    public async Task<(string Email, string Password)> AddUserAsync(string role)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@test.local";
        const string password = "Test-User-Pass-1!";
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AdvertStatus.Web.Data.AppUser>>();
        var user = new AdvertStatus.Web.Data.AppUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = Now.UtcDateTime };
        var created = await users.CreateAsync(user, password);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
        return (email, password);
    }

    /// <summary>Runs a query against the app's database with a fresh context.</summary>
    public async Task<T> QueryAsync<T>(Func<AdvertStatusDbContext, Task<T>> query)
    {
        var contexts = Services.GetRequiredService<IDbContextFactory<AdvertStatusDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        return await query(db);
    }

    /// <summary>Creates an API key with the given scopes (space- or comma-separated) and site limits and returns its value.</summary>
    public async Task<string> AddApiKeyAsync(string scopes, params string[] sites)
    {
        var key = ApiKeyHasher.NewKey();
        await QueryAsync(async db =>
        {
            db.ApiKeys.Add(new ApiKey
            {
                Name = $"test-{Guid.NewGuid():N}",
                KeyHash = ApiKeyHasher.Hash(key),
                Scopes = ApiKeyScopes.Format(ApiKeyScopes.Parse(scopes)),
                SiteCodes = sites,
                CreatedAt = Now.UtcDateTime,
            });
            return await db.SaveChangesAsync();
        });
        return key;
    }

    public async Task<HttpResponseMessage> PostJsonAsync(string route, object body, string? apiKey = ApiKey)
    {
        using var client = CreateAgent(apiKey);
        return await client.PostAsJsonAsync(route, body, TestContext.Current.CancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        if (!_ownsDatabase || Target.SqliteFilePath is not { } path)
        {
            return;   // a SQL Server database goes with the run's container
        }

        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
