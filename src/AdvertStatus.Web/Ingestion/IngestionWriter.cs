using System.Threading.Channels;
using AdvertStatus.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace AdvertStatus.Web.Ingestion;

/// <summary>
/// The one writer of an instance, with group commit. Requests queue their work; the writer takes every request
/// waiting (up to <see cref="IngestionOptions.MaxRequestsPerCommit"/>), runs each in its own savepoint of one
/// transaction, commits once, and only then answers each request. A durable commit costs an fsync (SQLite
/// synchronous=FULL) or a log flush (SQL Server), so folding concurrent batches into one commit buys throughput
/// without weakening durability, and a single writer ends the lock contention that made concurrent agents wait on
/// SQLite's busy handler. Projection cycles (<see cref="RunAloneAsync{T}"/>) run here too, each in a transaction
/// of its own, so an instance never contends with itself for the database.
/// </summary>
/// <remarks>
/// <para>
/// All-or-nothing holds per request: a request whose work throws (a refused site, a bug) rolls back to its
/// savepoint, its caller gets the exception, and the others in the group commit. A request that loses a race
/// for a key to another instance (<see cref="DatabaseConflict"/>) runs again inside the group, where it then sees
/// the winner's rows. Once a request has joined a group it runs to the end; a caller that gave up before then is
/// skipped.
/// </para>
/// <para>
/// A commit whose outcome is lost (the connection drops during it) is looked up by the group's
/// <see cref="AdvertStatusDbContext.CommitToken"/> before the execution strategy runs the group again, so a
/// retried group never stores or counts anything twice.
/// </para>
/// <para>
/// The queue is bounded (<see cref="IngestionOptions.MaxQueuedRequests"/>): when it is full, a request is refused
/// at once with <see cref="IngestionBusyException"/> (503) instead of waiting with its batch in memory.
/// </para>
/// </remarks>
internal sealed partial class IngestionWriter : BackgroundService
{
    private const int ConflictAttempts = 5;

    private readonly IDbContextFactory<AdvertStatusDbContext> _contexts;
    private readonly IOptions<IngestionOptions> _options;
    private readonly DatabaseHealth _health;
    private readonly ILogger<IngestionWriter> _logger;
    private readonly Channel<PendingWrite> _queue;
    private PendingWrite? _carried;
    private int _appendsInFlight;

    /// <summary>True while grouped work (appends) is queued or running: the projector lets items gather meanwhile.</summary>
    public bool HasAppendsInFlight => Volatile.Read(ref _appendsInFlight) > 0;

    public IngestionWriter(IDbContextFactory<AdvertStatusDbContext> contexts, IOptions<IngestionOptions> options, DatabaseHealth health, ILogger<IngestionWriter> logger)
    {
        _contexts = contexts;
        _options = options;
        _health = health;
        _logger = logger;
        _queue = Channel.CreateBounded<PendingWrite>(new BoundedChannelOptions(options.Value.MaxQueuedRequests) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    }

    /// <summary>Runs <paramref name="work"/> in the next group, in a savepoint of its own, and completes after that group's commit.</summary>
    public async Task<T> WriteAsync<T>(Func<AdvertStatusDbContext, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _appendsInFlight);
        try
        {
            return await Enqueue(new PendingWrite<T>(work, alone: false, cancellationToken));
        }
        finally
        {
            Interlocked.Decrement(ref _appendsInFlight);
        }
    }

    /// <summary>Runs <paramref name="work"/> in a transaction of its own, between groups, and completes after its commit.</summary>
    public Task<T> RunAloneAsync<T>(Func<AdvertStatusDbContext, CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        Enqueue(new PendingWrite<T>(work, alone: true, cancellationToken));

    private Task<T> Enqueue<T>(PendingWrite<T> pending)
    {
        if (!_queue.Writer.TryWrite(pending))
        {
            throw _queue.Reader.Completion.IsCompleted
                ? new InvalidOperationException("The application is stopping; ingestion no longer accepts work.")
                : new IngestionBusyException($"The ingestion queue holds {_options.Value.MaxQueuedRequests} requests; nothing was stored.");
        }

        return pending.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var group = new List<PendingWrite>();
        // Queued work still runs at shutdown: the host stops accepting requests first, then this drains.
        while (_carried is not null || await _queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            group.Clear();
            PendingWrite? alone = null;
            while (group.Count < _options.Value.MaxRequestsPerCommit && TryTake(out var next))
            {
                if (next.CancellationToken.IsCancellationRequested)
                {
                    next.Cancel();
                }
                else if (next.Alone && group.Count == 0)
                {
                    alone = next;
                    break;
                }
                else if (next.Alone)
                {
                    _carried = next;   // runs after this group, in queue order
                    break;
                }
                else
                {
                    group.Add(next);
                }
            }

            if (alone is not null)
            {
                await CommitAsync([alone]);
            }
            else if (group.Count > 0)
            {
                await CommitAsync(group);
            }
        }
    }

    private bool TryTake(out PendingWrite next)
    {
        if (_carried is { } carried)
        {
            _carried = null;
            next = carried;
            return true;
        }

        return _queue.Reader.TryRead(out next!);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    private async Task CommitAsync(List<PendingWrite> group)
    {
        if (_health.RecentlyUnavailable)
        {
            // The last attempt waited out the busy timeout moments ago: answer 503 now rather than queue
            // everyone behind another wait. The first group after the cooldown tries again.
            FailAll(group, new DatabaseUnavailableException("The database was locked or unreachable moments ago; nothing was stored."));
            return;
        }

        try
        {
            await using var db = await _contexts.CreateDbContextAsync();
            db.CommitToken = Guid.NewGuid();
            // Each request has a savepoint of the writer's own; EF's automatic one around every SaveChanges would add two
            // statements to each save for nothing.
            db.Database.AutoSavepointsEnabled = false;
            // SQL Server's retrying strategy runs the group again after a transient failure, unless the token shows
            // that the commit it lost did happen.
            await db.Database.CreateExecutionStrategy().ExecuteInTransactionAsync(
                async ct => await RunGroupAsync(db, group),
                async ct => await db.IngestionBatches.AnyAsync(b => b.CommitToken == db.CommitToken, ct),
                CancellationToken.None);
        }
        catch (Exception ex)
        {
            // The commit itself failed (disk, lock timeout, lost connection): nothing of the group is stored.
            if (DatabaseHealth.IsUnavailable(ex))
            {
                _health.ReportUnavailable();
                LogDatabaseUnavailable(_logger, group.Count, ex);
            }
            else
            {
                LogGroupFailed(_logger, group.Count, ex);
            }

            FailAll(group, ex);
            return;
        }

        _health.ReportAvailable();
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

    /// <summary>Each request's work in its own savepoint of the strategy's transaction.</summary>
    private static async Task RunGroupAsync(AdvertStatusDbContext db, List<PendingWrite> group)
    {
        var transaction = db.Database.CurrentTransaction!;
        for (var i = 0; i < group.Count; i++)
        {
            await RunInSavepointAsync(db, transaction, group[i], $"request{i}");
        }
    }

    private static async Task RunInSavepointAsync(AdvertStatusDbContext db, IDbContextTransaction transaction, PendingWrite pending, string savepoint)
    {
        for (var attempt = 1; ; attempt++)
        {
            await transaction.CreateSavepointAsync(savepoint);
            try
            {
                await pending.RunAsync(db);
                await transaction.ReleaseSavepointAsync(savepoint);
                return;
            }
            catch (Exception ex) when (attempt < ConflictAttempts && DatabaseConflict.Is(ex))
            {
                await transaction.RollbackToSavepointAsync(savepoint);
            }
            catch (Exception ex) when (!DatabaseHealth.IsUnavailable(ex))
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database is locked or unreachable: {Count} ingestion request(s) answered 503, none of it stored")]
    private static partial void LogDatabaseUnavailable(ILogger logger, int count, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "A group of {Count} ingestion request(s) could not be committed; none of it was stored")]
    private static partial void LogGroupFailed(ILogger logger, int count, Exception exception);

    /// <summary>One request's work and the caller waiting for it.</summary>
    private abstract class PendingWrite(bool alone, CancellationToken cancellationToken)
    {
        public CancellationToken CancellationToken { get; } = cancellationToken;

        /// <summary>Runs in a transaction of its own rather than in a group.</summary>
        public bool Alone { get; } = alone;

        /// <summary>Runs the request's work; its result is kept until the group commits.</summary>
        public abstract Task RunAsync(AdvertStatusDbContext db);

        public abstract void Complete();

        public abstract void Fail(Exception exception);

        public abstract void Cancel();
    }

    private sealed class PendingWrite<T>(Func<AdvertStatusDbContext, CancellationToken, Task<T>> work, bool alone, CancellationToken cancellationToken)
        : PendingWrite(alone, cancellationToken)
    {
        private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private Exception? _failure;
        private T? _result;

        public Task<T> Task => _completion.Task;

        public override async Task RunAsync(AdvertStatusDbContext db)
        {
            _failure = null;
            _result = await work(db, CancellationToken.None);
        }

        public override void Complete()
        {
            if (_failure is not null)
            {
                _completion.TrySetException(_failure);
            }
            else
            {
                _completion.TrySetResult(_result!);
            }
        }

        public override void Fail(Exception exception) => _failure = exception;

        public override void Cancel() => _completion.TrySetCanceled(CancellationToken);
    }
}

/// <summary>The writer's queue is full: the request is refused at once (503 with Retry-After), nothing stored.</summary>
public sealed class IngestionBusyException(string message) : Exception(message);
