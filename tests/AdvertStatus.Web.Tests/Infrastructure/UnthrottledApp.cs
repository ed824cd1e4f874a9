namespace AdvertStatus.Web.Tests.Infrastructure;

/// <summary>
/// An app whose failed-authentication limit is out of reach, for classes that sign in (and fail and retry on
/// purpose) many times from the one test address, as the browser suites do; throttling itself is proven in
/// ThrottlingTests.
/// </summary>
public class UnthrottledApp : AdvertStatusApp
{
    public UnthrottledApp()
        : this(DatabaseTarget.NewSqliteFile())
    {
    }

    protected UnthrottledApp(DatabaseTarget target)
        : base(target, ownsDatabase: true) => Settings.Add(new("Security:FailedAuthPermitLimit", "100000"));
}

/// <summary>The unthrottled app on a database of the run's SQL Server.</summary>
public sealed class SqlServerUnthrottledApp() : UnthrottledApp(SqlServerApp.NewDatabase());
