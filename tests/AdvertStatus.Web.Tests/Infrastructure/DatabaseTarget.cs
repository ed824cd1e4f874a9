using Microsoft.Data.SqlClient;

namespace AdvertStatus.Web.Tests.Infrastructure;

/// <summary>A database an app runs on: its provider (as <c>Database:Provider</c> names it) and its connection string.</summary>
public sealed record DatabaseTarget(string Provider, string ConnectionString, string? SqliteFilePath)
{
    public const string Sqlite = "Sqlite";
    public const string SqlServer = "SqlServer";

    /// <summary>A new SQLite file in the temp folder.</summary>
    public static DatabaseTarget NewSqliteFile() => SqliteFile(Path.Combine(Path.GetTempPath(), $"advertstatus-test-{Guid.NewGuid():N}.db"));

    public static DatabaseTarget SqliteFile(string path) => new(Sqlite, $"Data Source={path}", path);

    /// <summary>A database of its own on <paramref name="server"/>, created by the app's start-up migration.</summary>
    public static DatabaseTarget NewSqlServerDatabase(string server) =>
        new(SqlServer, new SqlConnectionStringBuilder(server) { InitialCatalog = $"advertstatus_{Guid.NewGuid():N}" }.ConnectionString, null);
}
