using System.Data.Common;
using AdvertStatus.Core.Rules;
using AdvertStatus.Core.Sources;
using AdvertStatus.Core.StatusMessages;
using AdvertStatus.Web.Data;
using AdvertStatus.Web.Findings;
using AdvertStatus.Web.Ingestion;
using AdvertStatus.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AdvertStatus.Web.Tests.Ingestion;

/// <summary>
/// A commit that succeeded but whose answer was lost (a dropped connection) is run again by a retrying execution
/// strategy, as SQL Server's is. Here SQLite gets such a strategy and a connection that loses the answer of its first
/// two commits: the append's and the projection's. Nothing may be stored or counted twice.
/// </summary>
public class RetriedCommitTests
{
    private const string TestProjector = "retried-commit-test";
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_append_and_a_projection_whose_commits_are_retried_count_everything_once()
    {
        await using var app = new AdvertStatusApp();
        // This test projects by hand: the app's own projector finds the lease held by another instance and stays out.
        await app.QueryAsync(db => db.ProjectionLeases.ExecuteUpdateAsync(set => set.SetProperty(l => l.Holder, TestProjector)
            .SetProperty(l => l.ExpiresAt, DateTime.UtcNow.AddHours(1)), Cancel));
        var lossy = new LoseCommitAnswers(2);
        var writer = LossyWriter(app, lossy);
        await writer.StartAsync(Cancel);
        var machine = Unique.Machine("RETRY");
        var hour = new DateTime(2026, 11, 24, 9, 0, 0, DateTimeKind.Utc);

        try
        {
            var ingestor = new StatusIngestor(writer, NotStartedProjector(app, writer), new AppendedBatches(), app.Services.GetRequiredService<ILogger<StatusIngestor>>());
            var appended = await ingestor.IngestAsync([Message(machine, "1", 10002, hour), Message(machine, "2", 10003, hour.AddMinutes(5), 1317)], null, hour, Cancel);
            var cycle = app.Services.GetRequiredService<ProjectionCycle>();
            var projected = await writer.RunAloneAsync((db, ct) => cycle.RunAsync(db, TestProjector, ct), Cancel);

            Assert.Equal((2, 0), (appended.Accepted, appended.Duplicates));
            // The append's lost commit was looked up and not run again; the projection's ran again once.
            Assert.Equal(3, lossy.Commits);
            Assert.Equal(0, projected.Projected);          // the second run of the projection found the batch projected
            var (batches, messages, source, failures, evidence, tally) = await app.QueryAsync(async db => (
                await db.IngestionBatches.CountAsync(b => b.Id == appended.Sequence, Cancel),
                await db.StatusMessages.CountAsync(m => m.MachineName == machine, Cancel),
                await db.DataSources.SingleAsync(s => s.Kind == DataSourceKind.Site && s.Name == "LAB", Cancel),
                await db.FailureHours.Where(h => h.Hour == hour).Select(h => h.Error1317Failures).SingleAsync(Cancel),
                await db.FindingEvidence.CountAsync(e => e.Machine == machine, Cancel),
                await db.AdvertisementMachineStatuses.SingleAsync(s => s.MachineName == machine, Cancel)));
            Assert.Equal((1, 2), (batches, messages));
            Assert.Equal((2L, 2L, 0L), (source.ItemsReceived, source.ItemsStored, source.Duplicates));
            Assert.Equal(1, failures);
            Assert.Equal(1, evidence);
            Assert.Equal((1, 1), (tally.Received, tally.Failures));
            Assert.Equal(RuleNames.Error1317, await app.QueryAsync(db => db.Findings.Where(f => f.MachineName == machine).Select(f => f.Rule).SingleAsync(Cancel)));
        }
        finally
        {
            await writer.StopAsync(Cancel);
        }
    }

    private static StatusMessage Message(string machine, string recordId, int messageId, DateTime time, long win32 = 0)
    {
        var message = new StatusMessage
        {
            RecordId = recordId, MachineName = machine, SiteCode = "LAB", Time = time, ReceivedAt = time, MessageId = messageId,
            Severity = win32 == 0 ? Severity.Informational : Severity.Error, Win32Error = win32, AdvertisementId = "LAB20001",
            ClientOs = "Windows 2000 Professional",
        };
        StatusMessageFields.Derive(message);
        return message;
    }

    /// <summary>A writer on the app's database whose connection loses commit answers and whose strategy retries, as SQL Server's does.</summary>
    private static IngestionWriter LossyWriter(AdvertStatusApp app, LoseCommitAnswers lossy)
    {
        var options = new DbContextOptionsBuilder<SqliteAdvertStatusDbContext>()
            .UseSqlite($"Data Source={app.DatabasePath}", o => o.ExecutionStrategy(d => new RetryLostCommits(d)))
            .AddInterceptors(lossy)
            .Options;
        return new IngestionWriter(new Contexts(options), Options.Create(new IngestionOptions()),
            app.Services.GetRequiredService<DatabaseHealth>(), app.Services.GetRequiredService<ILogger<IngestionWriter>>());
    }

    /// <summary>A projector that is never started: the ingestor may nudge it, nothing projects but the test.</summary>
    private static IngestionProjector NotStartedProjector(AdvertStatusApp app, IngestionWriter writer) => new(
        writer, app.Services.GetRequiredService<ProjectionCycle>(), app.Services.GetRequiredService<IngestionProgress>(),
        app.Services.GetRequiredService<AdvertStatus.Web.Findings.FindingFeed>(), Options.Create(new IngestionOptions()), app.Services.GetRequiredService<ILogger<IngestionProjector>>());

    private sealed class Contexts(DbContextOptions<SqliteAdvertStatusDbContext> options) : IDbContextFactory<AdvertStatusDbContext>
    {
        public AdvertStatusDbContext CreateDbContext() => new SqliteAdvertStatusDbContext(options);
    }

    /// <summary>Lets every commit happen, and throws after the first <paramref name="lost"/> as a dropped connection would.</summary>
    private sealed class LoseCommitAnswers(int lost) : DbTransactionInterceptor
    {
        private int _commits;

        public int Commits => _commits;

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
            Interlocked.Increment(ref _commits) <= lost
                ? throw new TimeoutException("The connection dropped before the commit's answer arrived.")
                : Task.CompletedTask;
    }

    private sealed class RetryLostCommits(ExecutionStrategyDependencies dependencies) : ExecutionStrategy(dependencies, maxRetryCount: 3, TimeSpan.FromMilliseconds(10))
    {
        protected override bool ShouldRetryOn(Exception exception) => exception is TimeoutException;
    }
}
