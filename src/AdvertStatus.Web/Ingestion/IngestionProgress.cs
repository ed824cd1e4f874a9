using AdvertStatus.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdvertStatus.Web.Ingestion;

/// <summary>
/// How far the projector has come, for clients that wait on a batch: <c>GET /api/v1/ingestion/progress</c> and
/// the <c>Prefer: wait=n</c> request header. Read from the database, so it is true whichever instance projects;
/// this instance's projector also reports each cycle at once, so its own waiters need no poll.
/// </summary>
public sealed class IngestionProgress(IDbContextFactory<AdvertStatusDbContext> contexts, IOptions<IngestionOptions> options)
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _changed = NewSignal();
    private long _projectedThrough = -1;
    private long _pendingItems;

    /// <summary>Every batch up to this sequence number is projected, as last known here (-1 before the first look).</summary>
    public long ProjectedThrough => Interlocked.Read(ref _projectedThrough);

    /// <summary>Stored items waiting for the projector, as last known here.</summary>
    public long PendingItems => Interlocked.Read(ref _pendingItems);

    /// <summary>Records what a projection cycle or a look at the database found, and wakes the waiters.</summary>
    public void Report(long projectedThrough, long pendingItems)
    {
        Interlocked.Exchange(ref _pendingItems, pendingItems);
        lock (_gate)
        {
            if (projectedThrough > _projectedThrough)
            {
                Interlocked.Exchange(ref _projectedThrough, projectedThrough);
            }

            _changed.TrySetResult();
            _changed = NewSignal();
        }
    }

    /// <summary>Counts a just-appended batch as pending until a cycle reports otherwise.</summary>
    public void Appended(int items) => Interlocked.Add(ref _pendingItems, items);

    /// <summary>Completes when batch <paramref name="sequence"/> is projected (true) or after <paramref name="timeout"/> (false).</summary>
    public async Task<bool> WaitAsync(long sequence, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            while (true)
            {
                Task changed;
                lock (_gate)
                {
                    if (ProjectedThrough >= sequence)
                    {
                        return true;
                    }

                    changed = _changed.Task;
                }

                // Another instance may hold the projector's lease: look at the database at the poll interval too.
                await Task.WhenAny(changed, Task.Delay(options.Value.ProjectorPollInterval, deadline.Token));
                deadline.Token.ThrowIfCancellationRequested();
                if (!changed.IsCompleted)
                {
                    var now = await ReadAsync(deadline.Token);
                    Report(now.ProjectedThrough, now.PendingItems);
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>The projector's progress as the database holds it.</summary>
    public async Task<IngestionProgressResponse> ReadAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await ReadAsync(db, cancellationToken);
    }

    /// <summary>The progress as <paramref name="db"/> sees it (inside a projection's transaction, what it is about to commit).</summary>
    internal static async Task<IngestionProgressResponse> ReadAsync(AdvertStatusDbContext db, CancellationToken cancellationToken)
    {
        var pending = await PendingQuery(db).SingleOrDefaultAsync(cancellationToken);
        var projected = pending is null
            ? await db.ProjectionLeases.AsNoTracking().Where(l => l.Name == ProjectionLease.Projector).Select(l => l.ProjectedThrough).SingleAsync(cancellationToken)
            : pending.First - 1;
        return new IngestionProgressResponse(projected, pending?.Batches ?? 0, pending?.Items ?? 0, pending?.Oldest);
    }

    /// <summary>The pending batches summed up in one row, or none when nothing is pending (internal for the T-SQL check).</summary>
    internal static IQueryable<PendingBatches> PendingQuery(AdvertStatusDbContext db) =>
        db.IngestionBatches.AsNoTracking().Where(b => b.ProjectedAt == null)
            .GroupBy(_ => 1)
            .Select(g => new PendingBatches(g.Min(b => b.Id), g.Count(), g.Sum(b => (long)b.Stored), g.Min(b => b.ReceivedAt)));

    /// <summary>The oldest pending sequence, the pending batches and items, and when the oldest arrived.</summary>
    internal sealed record PendingBatches(long First, int Batches, long Items, DateTime Oldest);

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>
/// <c>GET /api/v1/ingestion/progress</c>: every batch whose <c>sequence</c> is at most <c>projectedThrough</c> is
/// reflected in findings, lists and reports; <c>pendingBatches</c> and <c>pendingItems</c> wait for the projector.
/// </summary>
public sealed record IngestionProgressResponse(long ProjectedThrough, int PendingBatches, long PendingItems, DateTime? OldestPendingReceivedAt);
