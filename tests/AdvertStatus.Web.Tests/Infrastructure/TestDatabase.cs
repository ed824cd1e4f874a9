namespace AdvertStatus.Web.Tests.Infrastructure;

/// <summary>
/// The provider a parity spec runs on, as a class fixture: each spec class of the parity suite is abstract over it, with
/// one subclass per provider (<c>…OnSqliteTests</c>, <c>…OnSqlServerTests</c>).
/// </summary>
public abstract class TestDatabase
{
    /// <summary>A new app on a new, migrated database of this provider, with <paramref name="settings"/> beyond the defaults.</summary>
    public AdvertStatusApp NewApp(params (string Key, string Value)[] settings)
    {
        var app = Create();
        foreach (var (key, value) in settings)
        {
            app.Settings.Add(new(key, value));
        }

        return app;
    }

    protected abstract AdvertStatusApp Create();
}

/// <summary>SQLite: a new file in the temp folder for each app.</summary>
public sealed class SqliteDatabase : TestDatabase
{
    protected override AdvertStatusApp Create() => new();
}

/// <summary>SQL Server: a new database on the run's container for each app (the test skips where Docker is absent).</summary>
public sealed class SqlServerDatabase : TestDatabase
{
    protected override AdvertStatusApp Create()
    {
        SqlServerContainer.SkipUnlessAvailable();
        return new SqlServerApp();
    }
}

/// <summary>The app on a new database of the run's SQL Server; as a class fixture, it starts only if a test uses it.</summary>
public sealed class SqlServerApp() : AdvertStatusApp(NewDatabase(), ownsDatabase: true)
{
    /// <summary>A new database on the run's server, or an unreachable one where there is none (its tests skip before using it).</summary>
    public static DatabaseTarget NewDatabase() => DatabaseTarget.NewSqlServerDatabase(SqlServerContainer.Current?.ConnectionString ?? "Server=unavailable");
}
