using AdvertStatus.Core.Rules;
using AdvertStatus.Core.Sources;
using AdvertStatus.Core.StatusMessages;
using AdvertStatus.Web.Data;
using AdvertStatus.Web.Findings;
using AdvertStatus.Web.Ingestion;
using AdvertStatus.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AdvertStatus.Web.Tests.Ingestion;

/// <summary>
/// The writer's group commit with a shared projection. Each test queues its requests on a writer of its own
/// before starting it, so they are certain to share one group (the app's writer groups whatever happens
/// to arrive together).
/// </summary>
public class GroupCommitTests(AdvertStatusApp app) : IClassFixture<AdvertStatusApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Runs_the_projection_once_over_every_request_of_the_group_and_commits_it_all()
    {
        var projection = new RecordingProjection();
        var names = Enumerable.Range(0, 3).Select(_ => Unique.Machine("REQ")).ToList();

        var writes = await RunGroupAsync<string>(writer => [.. names.Select(name => writer.WriteAsync((db, ct) => StoreSourceAsync(db, name, ct), projection, Cancel))]);

        Assert.Equal([names], projection.Calls);
        Assert.All(writes, w => Assert.True(w.IsCompletedSuccessfully));
        Assert.Equal(names.Order(), await StoredAsync(DataSourceKind.Site, names));
        Assert.Equal(names.Order(), await StoredAsync(DataSourceKind.DomainController, names));
    }

    [Fact]
    public async Task A_projection_that_throws_reruns_the_group_one_request_at_a_time_and_only_the_request_at_fault_fails()
    {
        var projection = new RecordingProjection { Refuses = "BAD" };
        var good1 = Unique.Machine("OK");
        var bad = Unique.Machine("BAD");
        var good2 = Unique.Machine("OK");

        var writes = await RunGroupAsync<string>(writer => [.. new[] { good1, bad, good2 }.Select(name => writer.WriteAsync((db, ct) => StoreSourceAsync(db, name, ct), projection, Cancel))]);

        Assert.Equal([[good1, bad, good2], [good1], [bad], [good2]], projection.Calls);
        Assert.True(writes[0].IsCompletedSuccessfully);
        Assert.IsType<InvalidOperationException>(writes[1].Exception?.InnerException);
        Assert.True(writes[2].IsCompletedSuccessfully);
        // All-or-nothing per request: the refused one left neither its own row nor a projected one.
        Assert.Equal(new[] { good1, good2 }.Order(), await StoredAsync(DataSourceKind.Site, [good1, bad, good2]));
        Assert.Equal(new[] { good1, good2 }.Order(), await StoredAsync(DataSourceKind.DomainController, [good1, bad, good2]));
    }

    [Fact]
    public async Task A_request_whose_own_work_throws_fails_alone_and_is_left_out_of_the_projection()
    {
        var projection = new RecordingProjection();
        var good1 = Unique.Machine("OK");
        var good2 = Unique.Machine("OK");

        var writes = await RunGroupAsync<string>(writer =>
        [
            writer.WriteAsync((db, ct) => StoreSourceAsync(db, good1, ct), projection, Cancel),
            writer.WriteAsync<string>((db, ct) => throw new InvalidOperationException("own work refused"), projection, Cancel),
            writer.WriteAsync((db, ct) => StoreSourceAsync(db, good2, ct), projection, Cancel),
        ]);

        Assert.Equal([[good1, good2]], projection.Calls);
        Assert.Equal("own work refused", writes[1].Exception?.InnerException?.Message);
        Assert.Equal(new[] { good1, good2 }.Order(), await StoredAsync(DataSourceKind.DomainController, [good1, good2]));
    }

    [Fact]
    public async Task Work_without_a_projection_sees_the_requests_queued_before_it_projected()
    {
        var projection = new RecordingProjection();
        var before = Unique.Machine("PRE");
        var after = Unique.Machine("POST");
        var seenByPlainWork = false;

        await RunGroupAsync<string>(writer =>
        [
            writer.WriteAsync((db, ct) => StoreSourceAsync(db, before, ct), projection, Cancel),
            writer.WriteAsync(async (db, ct) =>
            {
                seenByPlainWork = await db.DataSources.AnyAsync(s => s.Kind == DataSourceKind.DomainController && s.Name == before, ct);
                return "plain";
            }, Cancel),
            writer.WriteAsync((db, ct) => StoreSourceAsync(db, after, ct), projection, Cancel),
        ]);

        Assert.True(seenByPlainWork);
        Assert.Equal([[before], [after]], projection.Calls);
    }

    [Fact]
    public async Task Status_batches_of_one_group_are_projected_together_and_a_batch_whose_key_may_not_rehome_a_machine_fails_alone()
    {
        // A machine stored at LAB, which a key limited to NYC may not re-home.
        var labMachine = Unique.Machine("LAB");
        Assert.Equal(202, (int)(await app.PostJsonAsync("/api/v1/status-messages", Samples.StatusMessage(labMachine, Unique.Id(), 10008))).StatusCode);
        var failing = Unique.Machine("F");
        var plain = Unique.Machine("P");
        var plainMessage = Message(plain, "SFO", 0);

        var writes = await RunGroupAsync<IngestionResult>(writer =>
        {
            var ingestor = new StatusIngestor(writer, app.Services.GetRequiredService<RuleEngine>(), app.Services.GetRequiredService<FindingFeed>(),
                app.Services.GetRequiredService<ILogger<StatusIngestor>>());
            return
            [
                ingestor.IngestAsync([Message(failing, "LAB", 1317)], null, Cancel),
                ingestor.IngestAsync([Message(labMachine, "NYC", 0)], new HashSet<string> { "NYC" }, Cancel),
                ingestor.IngestAsync([plainMessage, plainMessage], null, Cancel),
            ];
        });

        Assert.Equal(new IngestionResult(1, 0), await writes[0]);
        Assert.IsType<SiteForbiddenException>(writes[1].Exception?.InnerException);
        Assert.Equal(new IngestionResult(1, 1), await writes[2]);
        var (machines, findings, rehomed) = await app.QueryAsync(async db => (
            await db.Machines.Where(m => m.MachineName == failing || m.MachineName == plain).OrderBy(m => m.MachineName).Select(m => m.MachineName + "@" + m.SiteCode).ToListAsync(Cancel),
            await db.Findings.Where(f => f.MachineName == failing).Select(f => f.Rule).ToListAsync(Cancel),
            await db.StatusMessages.CountAsync(m => m.MachineName == labMachine && m.SiteCode == "NYC", Cancel)));
        Assert.Equal(new[] { failing + "@LAB", plain + "@SFO" }.Order(), machines);
        Assert.Contains(RuleNames.Error1317, findings);
        Assert.Equal(0, rehomed);
    }

    private static StatusMessage Message(string machine, string site, long win32) => new()
    {
        RecordId = Unique.Id(),
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

    /// <summary>Queues the requests <paramref name="queue"/> makes on a writer that is not yet running, then runs it until they are answered.</summary>
    private async Task<Task<T>[]> RunGroupAsync<T>(Func<IngestionWriter, Task<T>[]> queue)
    {
        var writer = new IngestionWriter(
            app.Services.GetRequiredService<IDbContextFactory<AdvertStatusDbContext>>(), app.Services.GetRequiredService<IOptions<IngestionOptions>>(),
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

    private Task<List<string>> StoredAsync(DataSourceKind kind, IReadOnlyList<string> names) =>
        app.QueryAsync(db => db.DataSources.Where(s => s.Kind == kind && names.Contains(s.Name)).Select(s => s.Name).OrderBy(n => n).ToListAsync(Cancel));

    /// <summary>Writes a row per part and records each call's parts; refuses, by throwing, any group holding a part named with <see cref="Refuses"/>.</summary>
    private sealed class RecordingProjection : IGroupProjection<string>
    {
        public string? Refuses { get; init; }

        public List<List<string>> Calls { get; } = [];

        public async Task ProjectAsync(AdvertStatusDbContext db, IReadOnlyList<string> parts, CancellationToken cancellationToken)
        {
            Calls.Add([.. parts]);
            db.DataSources.AddRange(parts.Select(p => new DataSource { Kind = DataSourceKind.DomainController, Name = p }));
            await db.SaveChangesAsync(cancellationToken);
            if (Refuses is not null && parts.Any(p => p.StartsWith(Refuses, StringComparison.Ordinal)))
            {
                throw new InvalidOperationException("refused part");
            }
        }
    }
}
