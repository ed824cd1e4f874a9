namespace AdvertStatus.Web.Data;

/// <summary>The values of <c>Database:Provider</c>.</summary>
public static class DatabaseProvider
{
    public const string Sqlite = "Sqlite";
    public const string SqlServer = "SqlServer";

    public static IReadOnlyList<string> All { get; } = [Sqlite, SqlServer];
}
