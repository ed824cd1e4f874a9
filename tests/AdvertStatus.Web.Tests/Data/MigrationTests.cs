using AdvertStatus.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Tests.Data;

/// <summary>Guards against a model change that was not given a migration for both providers.</summary>
public class MigrationTests
{
    [Fact]
    public void The_SQLite_model_has_no_pending_changes()
    {
        using var db = new SqliteAdvertStatusDbContext(
            new DbContextOptionsBuilder<SqliteAdvertStatusDbContext>().UseSqlite("Data Source=:memory:").Options);

        Assert.False(db.Database.HasPendingModelChanges(), "Add a SQLite migration (see AdvertStatusDbContext remarks).");
    }

    [Fact]
    public void The_SQL_Server_model_has_no_pending_changes()
    {
        // No server is needed to compare the model with the last migration's snapshot.
        using var db = new SqlServerAdvertStatusDbContext(
            new DbContextOptionsBuilder<SqlServerAdvertStatusDbContext>().UseSqlServer("Server=127.0.0.1,1;Connect Timeout=1").Options);

        Assert.False(db.Database.HasPendingModelChanges(), "Add a SQL Server migration (see AdvertStatusDbContext remarks).");
    }

    [Fact]
    public void Both_providers_have_the_same_migration_names()
    {
        using var sqlite = new SqliteAdvertStatusDbContext(new DbContextOptionsBuilder<SqliteAdvertStatusDbContext>().UseSqlite("Data Source=:memory:").Options);
        using var sqlServer = new SqlServerAdvertStatusDbContext(new DbContextOptionsBuilder<SqlServerAdvertStatusDbContext>().UseSqlServer("Server=127.0.0.1,1").Options);

        static IEnumerable<string> Names(DbContext db) => db.Database.GetMigrations().Select(m => m[(m.IndexOf('_', StringComparison.Ordinal) + 1)..]);

        Assert.Equal(Names(sqlite), Names(sqlServer));
    }

    [Fact]
    public async Task Every_SQLite_migration_applies_to_an_empty_database()
    {
        var path = Path.Combine(Path.GetTempPath(), $"advertstatus-migrate-{Guid.NewGuid():N}.db");
        try
        {
            await using var db = new SqliteAdvertStatusDbContext(new DbContextOptionsBuilder<SqliteAdvertStatusDbContext>().UseSqlite($"Data Source={path}").Options);

            await db.Database.MigrateAsync(TestContext.Current.CancellationToken);

            Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    [Fact]
    public void The_SQL_Server_schema_script_parses_as_T_SQL()
    {
        var script = File.ReadAllText(Path.Combine(Infrastructure.ServerProcess.RepositoryRoot(), "db", "sqlserver", "AdvertStatus.sql"));

        new Microsoft.SqlServer.TransactSql.ScriptDom.TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(script), out var errors);

        Assert.Empty(errors.Select(e => $"{e.Line}:{e.Column} {e.Message}"));
        Assert.Contains("CREATE TABLE [FailureHours]", script, StringComparison.Ordinal);
    }
}
