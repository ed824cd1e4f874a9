using AdvertStatus.Core.Sources;
using AdvertStatus.Core.StatusMessages;
using AdvertStatus.Web.Data;
using AdvertStatus.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Tests.Data;

/// <summary>
/// One classifier tells a lost race for a key from every other failure, whichever path threw: EF Core's save, a raw
/// statement, the row writer. Each case provokes the real exception on SQLite.
/// </summary>
public class DatabaseConflictTests(AdvertStatusApp app) : IClassFixture<AdvertStatusApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_duplicate_key_saved_through_EF_is_a_conflict()
    {
        var name = Unique.Machine("EF");
        await AddSourceAsync(name);

        var failure = await CatchAsync(db =>
        {
            db.DataSources.Add(new DataSource { Kind = DataSourceKind.Site, Name = name });
            return db.SaveChangesAsync(Cancel);
        });

        Assert.IsType<DbUpdateException>(failure);
        Assert.True(DatabaseConflict.Is(failure));
    }

    [Fact]
    public async Task A_duplicate_key_written_by_a_raw_statement_is_a_conflict()
    {
        var name = Unique.Machine("RAW");
        await AddSourceAsync(name);

        var failure = await CatchAsync(db => db.Database.ExecuteSqlAsync(
            $"INSERT INTO DataSources (Kind, Name, FirstReceivedAt, LastReceivedAt, ItemsReceived, ItemsStored, Duplicates, Conflicts) VALUES ('Site', {name}, '2026-11-24', '2026-11-24', 0, 0, 0, 0)", Cancel));

        Assert.IsType<Microsoft.Data.Sqlite.SqliteException>(failure);
        Assert.True(DatabaseConflict.Is(failure));
    }

    [Fact]
    public async Task A_duplicate_key_written_by_the_row_writer_is_a_conflict()
    {
        var machine = Unique.Machine("ROW");
        await app.QueryAsync(async db =>
        {
            db.StatusMessages.Add(Message(machine));
            return await db.SaveChangesAsync(Cancel);
        });

        var failure = await CatchAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(Cancel);
            await db.Rows.InsertAsync([Message(machine)], Cancel);
            return 0;
        });

        Assert.IsType<Microsoft.Data.Sqlite.SqliteException>(failure);
        Assert.True(DatabaseConflict.Is(failure));
    }

    [Fact]
    public async Task A_stale_version_is_a_conflict_and_a_missing_value_is_not()
    {
        var stale = new DbUpdateConcurrencyException("another instance changed the row");
        var missing = await CatchAsync(db => db.Database.ExecuteSqlRawAsync("INSERT INTO DataSources (Kind, Name) VALUES ('Site', NULL)", Cancel));

        Assert.True(DatabaseConflict.Is(stale));
        Assert.IsType<Microsoft.Data.Sqlite.SqliteException>(missing);
        Assert.False(DatabaseConflict.Is(missing));   // NOT NULL fails every time: running it again would not help
    }

    private static StatusMessage Message(string machine) => new()
    {
        RecordId = "1", MachineName = machine, SiteCode = "LAB", Time = AdvertStatusApp.Now.UtcDateTime, ReceivedAt = AdvertStatusApp.Now.UtcDateTime, MessageId = 10002,
    };

    private Task<int> AddSourceAsync(string name) => app.QueryAsync(async db =>
    {
        db.DataSources.Add(new DataSource { Kind = DataSourceKind.Site, Name = name });
        return await db.SaveChangesAsync(Cancel);
    });

    private async Task<Exception> CatchAsync(Func<AdvertStatusDbContext, Task<int>> write) =>
        await Assert.ThrowsAnyAsync<Exception>(() => app.QueryAsync(write));
}
