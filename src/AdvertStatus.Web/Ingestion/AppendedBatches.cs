using System.Collections.Concurrent;

namespace AdvertStatus.Web.Ingestion;

/// <summary>
/// The rows this instance just appended, handed to its projector so it need not read them back: re-reading a
/// batch's messages was 8 % of the writer's time (docs/performance.md). Keyed by batch and commit token, so rows of a
/// group that rolled back can never stand for a batch that committed under the same number. A batch not found here
/// (appended by another instance, before a restart, or on SQL Server, whose bulk copy returns no ids) is read from the
/// database: this only saves work, it never decides what is projected.
/// </summary>
internal sealed class AppendedBatches
{
    /// <summary>Batches kept at most; older ones are read from the database when their turn comes.</summary>
    private const int Capacity = 2_000;

    private readonly ConcurrentDictionary<(long Batch, Guid Token), object> _rows = new();
    private readonly ConcurrentQueue<(long Batch, Guid Token)> _order = new();

    /// <summary>Keeps <paramref name="rows"/> of batch <paramref name="batch"/>, if every one has its stored id.</summary>
    public void Keep<T>(long batch, Guid token, IReadOnlyList<T> rows, Func<T, long> idOf)
        where T : class
    {
        if (rows.Any(r => idOf(r) == 0))
        {
            return;
        }

        _rows[(batch, token)] = rows;
        _order.Enqueue((batch, token));
        while (_order.Count > Capacity && _order.TryDequeue(out var oldest))
        {
            _rows.TryRemove(oldest, out _);
        }
    }

    /// <summary>Takes the kept rows of <paramref name="batch"/>, or null when they must be read from the database.</summary>
    public IReadOnlyList<T>? Take<T>(IngestionBatch batch)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(batch);
        return _rows.TryRemove((batch.Id, batch.CommitToken), out var rows) ? rows as IReadOnlyList<T> : null;
    }
}
