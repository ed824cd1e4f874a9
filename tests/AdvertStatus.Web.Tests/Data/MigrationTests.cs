using AdvertStatus.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AdvertStatus.Web.Tests.Data;

/// <summary>Guards against a model change that was not given a migration for both providers.</summary>
public class MigrationTests
{
    [Fact]
    public void The_SQLite_model_has_no_pending_changes()
    {
        using var db = new SqliteAdvertStatusDbContext(
            new DbContextOptionsBuilder<SqliteAdvertStatusDbContext>().UseSqlite("Data Source=:memory:").Options);

        Assert.False(db.Database.HasPendingModelChanges(), "Add a SQLite migration (db/README.md says how, for both providers).");
    }

    [Fact]
    public void The_SQL_Server_model_has_no_pending_changes()
    {
        // No server is needed to compare the model with the last migration's snapshot.
        using var db = new SqlServerAdvertStatusDbContext(
            new DbContextOptionsBuilder<SqlServerAdvertStatusDbContext>().UseSqlServer("Server=127.0.0.1,1;Connect Timeout=1").Options);

        Assert.False(db.Database.HasPendingModelChanges(), "Add a SQL Server migration (db/README.md says how, for both providers).");
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
    public async Task The_migrated_SQLite_schema_is_the_one_the_model_creates()
    {
        // The SQLite initial migration's designer is trimmed to its attributes (db/README.md); this proves the tables,
        // columns, indexes and seed rows it creates are still exactly the model's.
        var ct = TestContext.Current.CancellationToken;
        var migrated = Path.Combine(Path.GetTempPath(), $"advertstatus-migrated-{Guid.NewGuid():N}.db");
        var created = Path.Combine(Path.GetTempPath(), $"advertstatus-created-{Guid.NewGuid():N}.db");
        try
        {
            await using (var db = new SqliteAdvertStatusDbContext(new DbContextOptionsBuilder<SqliteAdvertStatusDbContext>().UseSqlite($"Data Source={migrated}").Options))
            {
                await db.Database.MigrateAsync(ct);
            }

            await using (var db = new SqliteAdvertStatusDbContext(new DbContextOptionsBuilder<SqliteAdvertStatusDbContext>().UseSqlite($"Data Source={created}").Options))
            {
                await db.Database.EnsureCreatedAsync(ct);
            }

            var fromMigration = await SchemaAsync(migrated, ct);
            var fromModel = await SchemaAsync(created, ct);

            Assert.True(fromModel.Count > 30, $"Only {fromModel.Count} schema objects");
            Assert.Equal(fromModel, fromMigration);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(migrated);
            File.Delete(created);
        }
    }

    /// <summary>Every table's and index's definition, and the seed rows, sorted; EF's own history tables left out.</summary>
    private static async Task<List<string>> SchemaAsync(string path, CancellationToken ct)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Mode=ReadOnly");
        await connection.OpenAsync(ct);
        var schema = new List<string>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_master WHERE name NOT LIKE '__EFMigrations%' AND name NOT LIKE 'sqlite_%'";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                schema.Add(reader.GetString(0));
            }
        }

        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT 'seed ChangeCounters ' || Name || '=' || Value FROM ChangeCounters UNION ALL SELECT 'seed ProjectionLeases ' || Name || ' ' || ExpiresAt || ' ' || ProjectedThrough FROM ProjectionLeases";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                schema.Add(reader.GetString(0));
            }
        }

        schema.Sort(StringComparer.Ordinal);
        return schema;
    }

    public static TheoryData<string> Providers => new() { "Sqlite", "SqlServer" };

    [Theory]
    [MemberData(nameof(Providers))]
    public void The_trimmed_initial_migration_writes_the_same_SQL_as_with_the_full_model(string provider)
    {
        // Both initial migrations' designers are trimmed (db/README.md). The generators read the target model while
        // writing SQL (SQL Server: its product version decides whether unique indexes get a legacy filter; both: the
        // seed rows' column types), so the SQL written with the trimmed target model must equal the SQL written with
        // the full model, statement by statement.
        using DbContext db = provider == "Sqlite"
            ? new SqliteAdvertStatusDbContext(new DbContextOptionsBuilder<SqliteAdvertStatusDbContext>().UseSqlite("Data Source=:memory:").Options)
            : new SqlServerAdvertStatusDbContext(new DbContextOptionsBuilder<SqlServerAdvertStatusDbContext>().UseSqlServer("Server=127.0.0.1,1").Options);
        var migrations = db.GetService<IMigrationsAssembly>();
        var initial = Assert.Single(migrations.Migrations);
        var migration = migrations.CreateMigration(initial.Value, db.Database.ProviderName!);
        var initializer = db.GetService<IModelRuntimeInitializer>();
        var trimmedModel = initializer.Initialize(((IMutableModel)migration.TargetModel!).FinalizeModel(), designTime: true);
        var fullModel = db.GetService<IDesignTimeModel>().Model;
        var generator = db.GetService<IMigrationsSqlGenerator>();

        string[] Sql(IModel model)
            => generator.Generate(migration.UpOperations, model).Select(c => c.CommandText).ToArray();

        var full = Sql(fullModel);
        Assert.True(full.Length > 30, $"Only {full.Length} statements");
        Assert.Equal(full, Sql(trimmedModel));
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
