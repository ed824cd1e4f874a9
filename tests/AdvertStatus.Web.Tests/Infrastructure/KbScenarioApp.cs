namespace AdvertStatus.Web.Tests.Infrastructure;

/// <summary>An app that already holds the KB scenario, shared by test classes that only read it.</summary>
public class KbScenarioApp : AdvertStatusApp, IAsyncLifetime
{
    public KbScenarioApp()
        : this(DatabaseTarget.NewSqliteFile())
    {
    }

    protected KbScenarioApp(DatabaseTarget target)
        : base(target, ownsDatabase: true)
    {
    }

    public async ValueTask InitializeAsync()
    {
        if (Target.Provider == DatabaseTarget.SqlServer && SqlServerContainer.Current?.Unavailable is not null)
        {
            return;   // no server: the tests that use this skip
        }

        using var agent = CreateAgent();
        await KbScenario.SendAsBatchesAsync(agent);
    }

    ValueTask IAsyncDisposable.DisposeAsync() => base.DisposeAsync();
}

/// <summary>The KB scenario on a database of the run's SQL Server.</summary>
public sealed class SqlServerKbScenarioApp() : KbScenarioApp(SqlServerApp.NewDatabase());
