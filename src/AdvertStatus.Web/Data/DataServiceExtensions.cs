using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace AdvertStatus.Web.Data;

internal static class DataServiceExtensions
{
    private const string ConnectionStringName = "AdvertStatus";

    /// <summary>
    /// Registers the context factory for the configured provider (<c>Database:Provider</c>) and the
    /// start-up migrator. SQLite's default database is <c>data/advertstatus.db</c> under the content root.
    /// </summary>
    /// <remarks>
    /// Every <see cref="IInterceptor"/> in the container joins the context's options: that is how a feature hooks
    /// into saves (Findings numbers its changes) without Data knowing it. Register them before the first context
    /// is made; the pool builds its options once.
    /// </remarks>
    public static IServiceCollection AddAdvertStatusData(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        var busyTimeout = TimeSpan.FromSeconds(options.BusyTimeoutSeconds);
        services.AddSingleton<DatabaseHealth>();

        // Checked here, before anything is registered: a misspelt provider would otherwise quietly start on SQLite.
        if (!DatabaseProvider.All.Contains(options.Provider, StringComparer.OrdinalIgnoreCase))
        {
            throw Invalid($"Database:Provider is '{options.Provider}'; use one of: {string.Join(", ", DatabaseProvider.All)}.");
        }

        var sqlServer = string.Equals(options.Provider, DatabaseProvider.SqlServer, StringComparison.OrdinalIgnoreCase);
        if (sqlServer)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw Invalid($"Database:Provider is SqlServer but ConnectionStrings:{ConnectionStringName} is not set.");
            }

            services.AddPooledDbContextFactory<SqlServerAdvertStatusDbContext>((sp, o) =>
                o.UseSqlServer(connectionString, sql => sql.EnableRetryOnFailure().CommandTimeout(options.BusyTimeoutSeconds))
                    .AddInterceptors(sp.GetServices<IInterceptor>()));
            services.AddSingleton<IDbContextFactory<AdvertStatusDbContext>, ProviderDbContextFactory<SqlServerAdvertStatusDbContext>>();
        }
        else
        {
            var sqlite = SqliteConnectionString(connectionString, environment.ContentRootPath);
            services.AddPooledDbContextFactory<SqliteAdvertStatusDbContext>((sp, o) =>
                o.UseSqlite(sqlite, lite => lite.CommandTimeout(options.BusyTimeoutSeconds).UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
                    .AddInterceptors(new SqlitePragmaInterceptor(busyTimeout))
                    .AddInterceptors(sp.GetServices<IInterceptor>()));
            services.AddSingleton<IDbContextFactory<AdvertStatusDbContext>, ProviderDbContextFactory<SqliteAdvertStatusDbContext>>();
        }

        // Minimal API handlers and health checks take a context per request; components use the factory.
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<AdvertStatusDbContext>>().CreateDbContext());
        services.AddHostedService<DatabaseMigrator>();
        if (!sqlServer)
        {
            // After the migrator: hosted services start in order, and the first checkpoint must find the migrated file.
            services.AddHostedService<SqliteCheckpointer>();
        }
        return services;
    }

    /// <summary>The framework's own exception for a bad setting, which start-up reports in one line.</summary>
    private static OptionsValidationException Invalid(string message) =>
        new(DatabaseOptions.Section, typeof(DatabaseOptions), [message]);

    private static string SqliteConnectionString(string? configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? "Data Source=data/advertstatus.db" : configured);
        if (builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource) && builder.Mode != SqliteOpenMode.Memory)
        {
            builder.DataSource = Path.Combine(contentRoot, builder.DataSource);
        }

        if (Path.GetDirectoryName(builder.DataSource) is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
        }

        return builder.ToString();
    }
}
