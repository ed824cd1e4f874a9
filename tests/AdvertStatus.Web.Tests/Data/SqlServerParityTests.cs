using AdvertStatus.Web.Tests.Infrastructure;
using DotNet.Testcontainers.Builders;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Testcontainers.MsSql;

namespace AdvertStatus.Web.Tests.Data;

/// <summary>
/// One SQL Server 2022 container for the whole parity suite. Where Docker is absent the container
/// cannot start; the tests then skip with that reason instead of silently running on SQLite.
/// </summary>
public sealed class SqlServerContainer : IAsyncLifetime
{
    private MsSqlContainer? _container;

    public string? ConnectionString { get; private set; }
    public string? Unavailable { get; private set; }

    public async ValueTask InitializeAsync()
    {
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

/// <summary>The real app on SQL Server, migrated at start-up as docker-compose runs it.</summary>
internal sealed class SqlServerApp(string connectionString) : AdvertStatusApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Database:Provider", "SqlServer");
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("ConnectionStrings:AdvertStatus", connectionString);
    }
}

public class SqlServerParityTests(SqlServerContainer sqlServer) : IClassFixture<SqlServerContainer>
{
    [Fact]
    public async Task Migrates_and_ingests_a_status_message_once_on_SQL_Server()
    {
        Assert.SkipWhen(sqlServer.Unavailable is not null, sqlServer.Unavailable ?? "");
        await using var app = new SqlServerApp(sqlServer.ConnectionString!);
        var machine = Unique.Machine();

        var first = await AcceptedBatch.ReadAsync(await app.PostJsonAsync("/api/v1/status-messages", Samples.StatusMessage(machine, "1")));
        var again = await AcceptedBatch.ReadAsync(await app.PostJsonAsync("/api/v1/status-messages", Samples.StatusMessage(machine, "1")));

        Assert.Equal((1, 0, 0, 1), (first.Accepted, first.Duplicates, again.Accepted, again.Duplicates));
        var stored = await app.QueryAsync(db => db.StatusMessages.SingleAsync(m => m.MachineName == machine));
        Assert.Equal(1317, stored.Win32Code);
    }

    [Fact]
    public async Task Stores_XML_security_events_and_inventory_on_SQL_Server()
    {
        Assert.SkipWhen(sqlServer.Unavailable is not null, sqlServer.Unavailable ?? "");
        await using var app = new SqlServerApp(sqlServer.ConnectionString!);
        var caller = Unique.Machine();
        using var client = app.CreateAgent();
        using var xml = new StringContent(Samples.Lockout4740Xml("DC01", Unique.Number(), caller), System.Text.Encoding.UTF8, "application/xml");

        var events = await AcceptedBatch.ReadAsync(await client.PostAsync("/api/v1/security-events", xml, TestContext.Current.CancellationToken));

        Assert.Equal(1, events.Accepted);
        Assert.True(await app.QueryAsync(db => db.SecurityEvents.AnyAsync(e => e.SourceMachine == caller)));
    }
}
