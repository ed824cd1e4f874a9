using DotNet.Testcontainers.Builders;
using Testcontainers.MsSql;

[assembly: AssemblyFixture(typeof(AdvertStatus.Web.Tests.Infrastructure.SqlServerContainer))]

namespace AdvertStatus.Web.Tests.Infrastructure;

/// <summary>
/// One SQL Server 2022 container for the whole run, for the SQL Server half of the parity suite (classes named
/// <c>…OnSqlServerTests</c>). Where Docker is absent the container cannot start: those tests then skip with that reason
/// instead of silently running on SQLite.
/// </summary>
public sealed class SqlServerContainer : IAsyncLifetime
{
    private MsSqlContainer? _container;

    /// <summary>The run's container, once the assembly fixture has started (or failed to start) it.</summary>
    public static SqlServerContainer? Current { get; private set; }

    public string? ConnectionString { get; private set; }

    public string? Unavailable { get; private set; }

    /// <summary>Skips the calling test, with the reason, where no SQL Server could be started.</summary>
    public static void SkipUnlessAvailable()
    {
        var reason = Current is null ? "The SQL Server container fixture did not run." : Current.Unavailable;
        Assert.SkipWhen(reason is not null, reason ?? "");
    }

    /// <summary>The server's connection string; only after <see cref="SkipUnlessAvailable"/> let a test run.</summary>
    public static string Server => Current?.ConnectionString ?? throw new InvalidOperationException("SQL Server is not available.");

    public async ValueTask InitializeAsync()
    {
        Current = this;
        try
        {
            // Build() already asks Docker for its endpoint, so it belongs inside the try too.
            _container = new MsSqlBuilder("mcr.microsoft.com/mssql/server:2022-latest").Build();
            await _container.StartAsync();
            ConnectionString = _container.GetConnectionString();
        }
        catch (DockerUnavailableException ex)
        {
            Unavailable = $"Docker is not available, so SQL Server parity tests cannot run here: {ex.Message}";
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_container is not null)
        {
            await _container.DisposeAsync();
        }
    }
}
