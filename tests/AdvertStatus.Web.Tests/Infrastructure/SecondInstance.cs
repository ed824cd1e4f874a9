namespace AdvertStatus.Web.Tests.Infrastructure;

/// <summary>A second app instance on the same database file, with its own key cache.</summary>
public sealed class SecondInstance(string databasePath) : AdvertStatusApp(databasePath, ownsDatabase: false);
