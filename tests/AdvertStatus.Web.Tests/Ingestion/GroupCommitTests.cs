using AdvertStatus.Core.Sources;
using AdvertStatus.Core.StatusMessages;
using AdvertStatus.Web.Data;
using AdvertStatus.Web.Ingestion;
using AdvertStatus.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AdvertStatus.Web.Tests.Ingestion;

/// <summary>
/// The writer's group commit. Each test queues its work on a writer of its own before starting it, so the work is
/// certain to share one group (the app's writer groups whatever happens to arrive together).
/// </summary>
public class GroupCommitTests(AdvertStatusApp app) : IClassFixture<AdvertStatusApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Requests_of_one_group_commit_together_and_one_that_throws_fails_alone_with_nothing_of_it_stored()
    {
        var (good1, bad, good2) = (Unique.Machine("OK"), Unique.Machine("BAD"), Unique.Machine("OK"));

        var writes = await RunAsync<string>(writer =>
        [
            writer.WriteAsync((db, ct) => StoreSourceAsync(db, good1, ct), Cancel),
            writer.WriteAsync<string>(async (db, ct) =>
            {
                await StoreSourceAsync(db, bad, ct);
                throw new InvalidOperationException("refused after writing");
            }, Cancel),
            writer.WriteAsync((db, ct) => StoreSourceAsync(db, good2, ct), Cancel),
        ]);

        Assert.True(writes[0].IsCompletedSuccessfully);
        Assert.Equal("refused after writing", writes[1].Exception?.InnerException?.Message);
        Assert.True(writes[2].IsCompletedSuccessfully);
        Assert.Equal(new[] { good1, good2 }.Order(), await StoredSourcesAsync([good1, bad, good2]));
    }

    [Fact]
    public async Task A_request_that_loses_a_key_race_on_a_raw_insert_runs_again_and_then_succeeds()
    {
        // The first attempt inserts a row whose unique key another writer already holds, through the row writer:
        // SQLite throws a bare SqliteException, not a DbUpdateException, and the writer must still see the race.
        var machine = Unique.Machine("RACE");
        await app.QueryAsync(async db =>
        {
            db.StatusMessages.Add(Message(machine, "taken"));
            return await db.SaveChangesAsync(Cancel);
        });
        var attempts = 0;

        var writes = await RunAsync<int>(writer =>
        [
            writer.WriteAsync(async (db, ct) =>
            {
                attempts++;
                await db.Rows.InsertAsync([Message(machine, attempts == 1 ? "taken" : "free")], ct);
                return attempts;
            }, Cancel),
        ]);

        Assert.Equal(2, await writes[0]);
        Assert.Equal(["free", "taken"], await app.QueryAsync(db => db.StatusMessages.Where(m => m.MachineName == machine).Select(m => m.RecordId).OrderBy(r => r).ToListAsync(Cancel)));
    }

    [Fact]
    public async Task Work_that_runs_alone_runs_after_the_group_queued_before_it_and_in_a_transaction_of_its_own()
    {
        var (before, after) = (Unique.Machine("PRE"), Unique.Machine("POST"));
        var seen = (Before: false, After: false);

        await RunAsync<string>(writer =>
        [
            writer.WriteAsync((db, ct) => StoreSourceAsync(db, before, ct), Cancel),
            writer.RunAloneAsync<string>(async (db, ct) =>
            {
                seen = (await db.DataSources.AnyAsync(s => s.Name == before, ct), await db.DataSources.AnyAsync(s => s.Name == after, ct));
                throw new InvalidOperationException("alone and failing");
            }, Cancel),
            writer.WriteAsync((db, ct) => StoreSourceAsync(db, after, ct), Cancel),
        ]);

        Assert.Equal((true, false), seen);
        Assert.Equal(new[] { before, after }.Order(), await StoredSourcesAsync([before, after]));
    }

    [Fact]
    public async Task A_full_queue_refuses_more_work_at_once_without_running_it()
    {
        var name = Unique.Machine("Q");
        var ran = false;

        var writes = await RunAsync<string>(writer =>
        [
            writer.WriteAsync((db, ct) => StoreSourceAsync(db, name, ct), Cancel),
            writer.WriteAsync((db, ct) => StoreSourceAsync(db, name + "2", ct), Cancel),
            writer.WriteAsync<string>((db, ct) =>
            {
                ran = true;
                return Task.FromResult("third");
            }, Cancel),
        ], queued: 2);

        Assert.True(writes[1].IsCompletedSuccessfully);
        Assert.IsType<IngestionBusyException>(writes[2].Exception?.InnerException);
        Assert.False(ran);
    }

    [Fact]
    public async Task Status_batches_of_one_group_are_appended_together_and_a_batch_whose_key_may_not_rehome_a_machine_fails_alone()
    {
        // A machine stored at LAB, which a key limited to NYC may not re-home.
        var labMachine = Unique.Machine("LAB");
        Assert.Equal(202, (int)(await app.PostJsonAsync("/api/v1/status-messages", Samples.StatusMessage(labMachine, Unique.Id(), 10008))).StatusCode);
        var failing = Unique.Machine("F");
        var plain = Unique.Machine("P");
        var plainMessage = Message(plain, Unique.Id(), "SFO");

        var writes = await RunAsync<IngestionResult>(writer =>
        {
            var ingestor = new StatusIngestor(writer, app.Services.GetRequiredService<IngestionProjector>(), app.Services.GetRequiredService<AppendedBatches>(),
                app.Services.GetRequiredService<ILogger<StatusIngestor>>());
            return
            [
                ingestor.IngestAsync([Message(failing, Unique.Id(), "LAB", 1317)], null, AdvertStatusApp.Now.UtcDateTime, Cancel),
                ingestor.IngestAsync([Message(labMachine, Unique.Id(), "NYC")], new HashSet<string> { "NYC" }, AdvertStatusApp.Now.UtcDateTime, Cancel),
                ingestor.IngestAsync([plainMessage, plainMessage], null, AdvertStatusApp.Now.UtcDateTime, Cancel),
            ];
        });

        Assert.Equal((1, 0), ((await writes[0]).Accepted, (await writes[0]).Duplicates));
        Assert.IsType<SiteForbiddenException>(writes[1].Exception?.InnerException);
        Assert.Equal((1, 1), ((await writes[2]).Accepted, (await writes[2]).Duplicates));
        var sequences = new[] { (await writes[0]).Sequence!.Value, (await writes[2]).Sequence!.Value };
        Assert.True(sequences[1] > sequences[0]);
        var (stored, journal, rehomed) = await app.QueryAsync(async db => (
            await db.StatusMessages.Where(m => m.MachineName == failing || m.MachineName == plain).Select(m => m.MachineName).OrderBy(m => m).ToListAsync(Cancel),
            await db.IngestionBatches.Where(b => sequences.Contains(b.Id)).CountAsync(Cancel),
            await db.StatusMessages.CountAsync(m => m.MachineName == labMachine && m.SiteCode == "NYC", Cancel)));
        Assert.Equal(new[] { failing, plain }.Order(), stored);
        Assert.Equal(2, journal);
        Assert.Equal(0, rehomed);
    }

    private static StatusMessage Message(string machine, string recordId, string site = "LAB", long win32 = 0) => new()
    {
        RecordId = recordId,
        MachineName = machine,
        SiteCode = site,
        Time = AdvertStatusApp.Now.UtcDateTime.AddHours(-1),
        ReceivedAt = AdvertStatusApp.Now.UtcDateTime,
        MessageId = win32 == 0 ? 10008 : 10003,
        Severity = win32 == 0 ? Severity.Informational : Severity.Error,
        Win32Error = win32,
        Win32Code = win32,
        AdvertisementId = "LAB20001",
        ClientOs = "Microsoft Windows 2000 Professional",
    };

    /// <summary>Queues what <paramref name="queue"/> makes on a writer that is not yet running, then runs it until all is answered.</summary>
    private async Task<Task<T>[]> RunAsync<T>(Func<IngestionWriter, Task<T>[]> queue, int queued = 256)
    {
        var writer = new IngestionWriter(
            app.Services.GetRequiredService<IDbContextFactory<AdvertStatusDbContext>>(),
            Options.Create(new IngestionOptions { MaxQueuedRequests = queued }),
            app.Services.GetRequiredService<DatabaseHealth>(), app.Services.GetRequiredService<ILogger<IngestionWriter>>());
        var writes = queue(writer);
        await writer.StartAsync(Cancel);
        try
        {
            await Task.WhenAll(writes).ContinueWith(_ => { }, Cancel, TaskContinuationOptions.None, TaskScheduler.Default);
        }
        finally
        {
            await writer.StopAsync(Cancel);
        }

        return writes;
    }

    private static async Task<string> StoreSourceAsync(AdvertStatusDbContext db, string name, CancellationToken cancellationToken)
    {
        db.DataSources.Add(new DataSource { Kind = DataSourceKind.Site, Name = name });
        await db.SaveChangesAsync(cancellationToken);
        return name;
    }

    private Task<List<string>> StoredSourcesAsync(IReadOnlyList<string> names) =>
        app.QueryAsync(db => db.DataSources.Where(s => names.Contains(s.Name)).Select(s => s.Name).OrderBy(n => n).ToListAsync(Cancel));
}
