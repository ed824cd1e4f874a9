using System.Threading.Channels;
using AdvertStatus.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace AdvertStatus.Web.Ingestion;

/// <summary>
/// The one writer of an instance, with group commit. Ingestion requests queue their work; the writer
/// takes every request waiting (up to <see cref="IngestionOptions.MaxRequestsPerCommit"/>), runs each
/// in its own savepoint of one transaction, commits once, and only then answers each request. A
/// durable commit costs an fsync (SQLite synchronous=FULL) or a log flush (SQL Server), so folding
/// concurrent batches into one commit buys throughput without weakening durability, and a single
/// writer ends the lock contention that made concurrent agents wait on SQLite's busy handler.
/// </summary>
/// <remarks>
/// <para>
/// All-or-nothing still holds per request: a request whose work throws (a refused site, a bug) rolls
/// back to its savepoint, its caller gets the exception, and the others in the group commit. A
/// unique-key or concurrency conflict with another instance (SQL Server) retries that request's work
/// inside the group, where it then sees the winner's rows. Once a request has joined a group it runs
/// to the end; a caller that gave up before then is skipped.
/// </para>
/// <para>
/// Work with a <see cref="IGroupProjection{TPart}"/> is split: each request stores its own rows in its
/// savepoint, then the projection runs once over the parts of every request of the group, so its
/// per-query costs are paid per group, not per request (ADR 0009). Should the shared projection throw,
/// the group is rolled back and run again one request at a time, each with its own projection: the
/// request at fault fails alone, exactly as without the split.
/// </para>
/// </remarks>
internal sealed partial class IngestionWriter(
    IDbContextFactory<AdvertStatusDbContext> contexts, IOptions<IngestionOptions> options, DatabaseHealth health, ILogger<IngestionWriter> logger)
    : BackgroundService
{
    private const int ConflictAttempts = 5;

    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Runs <paramref name="work"/> in the next group and completes after that group's commit.</summary>
    public Task<T> WriteAsync<T>(Func<AdvertStatusDbContext, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        var pending = new PendingWrite<T>(work, cancellationToken);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("The application is stopping; ingestion no longer accepts work.");
        }

        return pending.Task;
    }

    /// <summary>
    /// Runs <paramref name="own"/> in the next group, in the request's savepoint, and then
    /// <paramref name="projection"/> once over the parts of every request of the group that names it.
    /// Completes after the group's commit with the request's part.
    /// </summary>
    public Task<TPart> WriteAsync<TPart>(
        Func<AdvertStatusDbContext, CancellationToken, Task<TPart>> own, IGroupProjection<TPart> projection, CancellationToken cancellationToken)
    {
        var pending = new ProjectedWrite<TPart>(own, projection, cancellationToken);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("The application is stopping; ingestion no longer accepts work.");
        }

        return pending.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var group = new List<PendingWrite>();
        // Queued work still runs at shutdown: the host stops accepting requests first, then this drains.
        while (await _queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            group.Clear();
            while (group.Count < options.Value.MaxRequestsPerCommit && _queue.Reader.TryRead(out var next))
            {
                if (next.CancellationToken.IsCancellationRequested)
                {
                    next.Cancel();
                }
                else
                {
                    group.Add(next);
                }
            }

            if (group.Count > 0)
            {
                await CommitGroupAsync(group);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    private async Task CommitGroupAsync(List<PendingWrite> group)
    {
        if (health.RecentlyUnavailable)
        {
            // The last attempt waited out the busy timeout moments ago: answer 503 now rather than queue
            // everyone behind another wait. The first group after the cooldown tries again.
            FailAll(group, new DatabaseUnavailableException("The database was locked or unreachable moments ago; nothing was stored."));
            return;
        }

        try
        {
            await using var db = await contexts.CreateDbContextAsync();
            // SQL Server's retrying execution strategy wants user transactions inside it; a transient failure reruns the group.
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                if (!await TryRunTogetherAsync(db, group))
                {
                    await RunOneByOneAsync(db, group);
                }
            });
        }
        catch (Exception ex)
        {
            // The commit itself failed (disk, lock timeout, lost connection): nothing of the group is stored.
            if (DatabaseHealth.IsUnavailable(ex))
            {
                health.ReportUnavailable();
                LogDatabaseUnavailable(logger, group.Count, ex);
            }
            else
            {
                LogGroupFailed(logger, group.Count, ex);
            }

            FailAll(group, ex);
            return;
        }

        health.ReportAvailable();
        foreach (var pending in group)
        {
            pending.Complete();
        }
    }

    private static void FailAll(List<PendingWrite> group, Exception exception)
    {
        foreach (var pending in group)
        {
            pending.Fail(exception);
            pending.Complete();
        }
    }

    /// <summary>
    /// Each request's own work in its savepoint; the projections once over the parts of the requests that
    /// succeeded; then the commit. False, with everything rolled back, when a projection threw.
    /// </summary>
    /// <remarks>
    /// Work without a projection (security events, inventory) may read what a projection writes, so the parts
    /// queued before it are projected first: it sees the state that running one request at a time gives.
    /// </remarks>
    private async Task<bool> TryRunTogetherAsync(AdvertStatusDbContext db, List<PendingWrite> group)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var unprojected = new List<PendingWrite>();
        for (var i = 0; i < group.Count; i++)
        {
            var pending = group[i];
            if (pending.Projection is null && !await TryProjectAsync(db, transaction, unprojected))
            {
                return false;
            }

            await RunInSavepointAsync(db, transaction, pending, $"request{i}", pending.RunAsync);
            if (pending.Projection is not null && !pending.Failed)
            {
                unprojected.Add(pending);
            }
        }

        if (!await TryProjectAsync(db, transaction, unprojected))
        {
            return false;
        }

        await transaction.CommitAsync();
        return true;
    }

    private async Task<bool> TryProjectAsync(
        AdvertStatusDbContext db, IDbContextTransaction transaction, List<PendingWrite> unprojected)
    {
        try
        {
            foreach (var members in unprojected.GroupBy(p => p.Projection))
            {
                await members.First().ProjectAsync(db, [.. members]);
                db.ChangeTracker.Clear();
            }

            unprojected.Clear();
            return true;
        }
        catch (Exception ex) when (!DatabaseHealth.IsUnavailable(ex))
        {
            // One request's data can make the shared projection throw (a site its key may not touch, a conflict
            // with another instance): which one is not known here, so each request runs alone.
            LogProjectionFailed(logger, unprojected.Count, ex);
            db.ChangeTracker.Clear();
            await transaction.RollbackAsync();
            return false;
        }
    }

    /// <summary>The group as it ran before projections were shared: each request's work and its own projection in its savepoint.</summary>
    private static async Task RunOneByOneAsync(AdvertStatusDbContext db, List<PendingWrite> group)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        for (var i = 0; i < group.Count; i++)
        {
            var pending = group[i];
            await RunInSavepointAsync(db, transaction, pending, $"request{i}", async db =>
            {
                await pending.RunAsync(db);
                if (pending.Projection is not null)
                {
                    await pending.ProjectAsync(db, [pending]);
                }
            });
        }

        await transaction.CommitAsync();
    }

    private static async Task RunInSavepointAsync(
        AdvertStatusDbContext db, IDbContextTransaction transaction, PendingWrite pending, string savepoint, Func<AdvertStatusDbContext, Task> work)
    {
        for (var attempt = 1; ; attempt++)
        {
            await transaction.CreateSavepointAsync(savepoint);
            try
            {
                await work(db);
                await transaction.ReleaseSavepointAsync(savepoint);
                return;
            }
            catch (DbUpdateException ex) when (attempt < ConflictAttempts && IsConflict(ex))
            {
                await transaction.RollbackToSavepointAsync(savepoint);
            }
            catch (Exception ex)
            {
                await transaction.RollbackToSavepointAsync(savepoint);
                pending.Fail(ex);
                return;
            }
            finally
            {
                // Each request starts from the database, not from what the previous one left tracked.
                db.ChangeTracker.Clear();
            }
        }
    }

    private static bool IsConflict(DbUpdateException exception) => exception is DbUpdateConcurrencyException || UniqueKeyViolation.Is(exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database is locked or unreachable: {Count} ingestion request(s) answered 503, none of it stored")]
    private static partial void LogDatabaseUnavailable(ILogger logger, int count, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "A group of {Count} ingestion request(s) could not be committed; none of it was stored")]
    private static partial void LogGroupFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The shared projection of a group of {Count} ingestion request(s) threw; the group runs again one request at a time")]
    private static partial void LogProjectionFailed(ILogger logger, int count, Exception exception);

    /// <summary>One request's work and the caller waiting for it.</summary>
    private abstract class PendingWrite(CancellationToken cancellationToken)
    {
        public CancellationToken CancellationToken { get; } = cancellationToken;

        /// <summary>The projection this work shares with the group's other requests, if any.</summary>
        public virtual object? Projection => null;

        public abstract bool Failed { get; }

        /// <summary>Runs the request's own work; its result is kept until the group commits.</summary>
        public abstract Task RunAsync(AdvertStatusDbContext db);

        /// <summary>Runs <see cref="Projection"/> once over the parts of <paramref name="members"/>, which all share it.</summary>
        public virtual Task ProjectAsync(AdvertStatusDbContext db, IReadOnlyList<PendingWrite> members) => throw new InvalidOperationException("This work has no projection.");

        public abstract void Complete();

        public abstract void Fail(Exception exception);

        public abstract void Cancel();
    }

    private class PendingWrite<T>(Func<AdvertStatusDbContext, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
        : PendingWrite(cancellationToken)
    {
        private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private Exception? _failure;

        public Task<T> Task => _completion.Task;

        public override bool Failed => _failure is not null;

        protected T? Result { get; private set; }

        public override async Task RunAsync(AdvertStatusDbContext db)
        {
            _failure = null;
            Result = await work(db, CancellationToken.None);
        }

        public override void Complete()
        {
            if (_failure is not null)
            {
                _completion.TrySetException(_failure);
            }
            else
            {
                _completion.TrySetResult(Result!);
            }
        }

        public override void Fail(Exception exception) => _failure = exception;

        public override void Cancel() => _completion.TrySetCanceled(CancellationToken);
    }

    private sealed class ProjectedWrite<TPart>(
        Func<AdvertStatusDbContext, CancellationToken, Task<TPart>> own, IGroupProjection<TPart> projection, CancellationToken cancellationToken)
        : PendingWrite<TPart>(own, cancellationToken)
    {
        public override object Projection => projection;

        public override Task ProjectAsync(AdvertStatusDbContext db, IReadOnlyList<PendingWrite> members) =>
            projection.ProjectAsync(db, [.. members.Cast<ProjectedWrite<TPart>>().Select(m => m.Result!)], CancellationToken.None);
    }
}
