using AdvertStatus.Core.Sources;
using AdvertStatus.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Ingestion;

/// <summary>
/// The append every projected route shares (status messages, security events, inventory): a journal row for the
/// request, its items stored idempotently under that batch, the skipped keys told apart as re-sends or conflicts,
/// and what each source brought. Runs in the request's savepoint of a group commit; the projector does the rest
/// later (ADR 0011).
/// </summary>
/// <typeparam name="T">The stored item.</typeparam>
/// <typeparam name="TKey">Its idempotency key.</typeparam>
/// <param name="Kind">The route's kind of batch.</param>
/// <param name="Items">What the route stores, plural, for the log ("status messages").</param>
/// <param name="KeyOf">The idempotency key of an item.</param>
/// <param name="DescribeKey">The key as the log shows it.</param>
/// <param name="Fingerprint">Computes and sets an item's fingerprint: what the agent sent, to tell a re-send from a conflict.</param>
/// <param name="FingerprintOf">An item's fingerprint.</param>
/// <param name="SourceOf">The site (or DC) an item came from.</param>
/// <param name="AssignBatch">Gives a candidate its batch id (and clears an id a failed attempt left).</param>
/// <param name="FindStoredAsync">
/// The stored keys and fingerprints among rows that may match a chunk of items (at most <see cref="InList.ChunkSize"/>);
/// rows of keys not asked for are dropped here, so a query may match by each key's parts separately.
/// </param>
internal sealed record AppendLog<T, TKey>(
    IngestionKind Kind,
    string Items,
    Func<T, TKey> KeyOf,
    Func<T, string> DescribeKey,
    Action<T> Fingerprint,
    Func<T, string?> FingerprintOf,
    Func<T, string> SourceOf,
    Action<T, long> AssignBatch,
    Func<AdvertStatusDbContext, T[], CancellationToken, Task<List<(TKey Key, string? Fingerprint)>>> FindStoredAsync)
    where T : class
    where TKey : notnull
{
    private static readonly Dictionary<TKey, string?> NoneStored = [];

    /// <summary>
    /// The whole of a route's ingestion: fingerprints the items, appends them as one batch in a group commit (after
    /// <paramref name="prepare"/>, in the same savepoint), warns about conflicts, wakes the projector and answers
    /// once the commit is durable.
    /// </summary>
    /// <param name="prepare">Checks or completes the batch inside the commit (may the key touch these machines?); may throw to refuse it.</param>
    /// <param name="appended">Sees the append's result before the commit (the status route hands its rows to the projector).</param>
    /// <param name="ignored">Items of the request the route does not keep, reported back.</param>
    public async Task<IngestionResult> IngestAsync(
        IngestionWriter writer, IngestionProjector projector, ILogger logger, IReadOnlyList<T> items, DateTime receivedAt,
        Func<AdvertStatusDbContext, CancellationToken, Task> prepare, CancellationToken cancellationToken,
        Action<AppendResult<T>>? appended = null, int ignored = 0)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(projector);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(prepare);
        foreach (var item in items)
        {
            Fingerprint(item);
        }

        var result = await writer.WriteAsync(async (db, ct) =>
        {
            await prepare(db, ct);
            var result = await AppendAsync(db, items, receivedAt, ct);
            appended?.Invoke(result);
            return result;
        }, cancellationToken);
        ConflictLog.Warn(logger, Items, result.Split.Conflicts, DescribeKey);
        projector.Nudge(result.Split.Fresh.Count);
        return result.ToResult(ignored);
    }

    /// <summary>Appends <paramref name="items"/> (received at <paramref name="receivedAt"/>) as one batch; sets each stored item's id and batch.</summary>
    private async Task<AppendResult<T>> AppendAsync(AdvertStatusDbContext db, IReadOnlyList<T> items, DateTime receivedAt, CancellationToken cancellationToken)
    {
        var batch = db.IngestionBatches.Add(new IngestionBatch { Kind = Kind, ReceivedAt = receivedAt, CommitToken = db.CommitToken }).Entity;
        await db.SaveChangesAsync(cancellationToken);

        // The first item of each key is a candidate; the insert skips a key already stored. Only the keys it skipped
        // are looked up, to tell a re-send from a conflict: usually none.
        var candidates = IdempotencySplit<T>.Of(items, KeyOf, FingerprintOf, NoneStored).Fresh;
        foreach (var item in candidates)
        {
            AssignBatch(item, batch.Id);
        }

        var inserted = await db.Rows.InsertNewAsync(candidates, cancellationToken);
        var skipped = candidates.Except(inserted).ToList();
        var stored = skipped.Count == 0 ? NoneStored : await StoredFingerprintsAsync(db, skipped, cancellationToken);
        var split = IdempotencySplit<T>.Of(items, KeyOf, FingerprintOf, stored);

        var storedCount = split.Fresh.Count;
        IList<SourceCount> sources = [.. items.GroupBy(SourceOf, StringComparer.OrdinalIgnoreCase).Select(source => new SourceCount(
            source.Key.ToUpperInvariant(), source.Count(),
            split.Fresh.Count(i => SourceIs(i, source.Key)), split.DuplicateItems.Count(i => SourceIs(i, source.Key)),
            split.Conflicts.Count(i => SourceIs(i, source.Key))))];
        await db.IngestionBatches.Where(b => b.Id == batch.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(b => b.Stored, storedCount).SetProperty(b => b.Sources, sources), cancellationToken);

        return new AppendResult<T>(batch.Id, batch.CommitToken, split);
    }

    /// <summary>The stored fingerprints of <paramref name="items"/>' keys, looked up a chunk at a time.</summary>
    private async Task<Dictionary<TKey, string?>> StoredFingerprintsAsync(AdvertStatusDbContext db, IReadOnlyList<T> items, CancellationToken cancellationToken)
    {
        var stored = new Dictionary<TKey, string?>();
        var asked = items.Select(KeyOf).ToHashSet();
        foreach (var chunk in items.Chunk(InList.ChunkSize))
        {
            foreach (var (key, fingerprint) in await FindStoredAsync(db, chunk, cancellationToken))
            {
                if (asked.Contains(key))
                {
                    stored[key] = fingerprint;
                }
            }
        }

        return stored;
    }

    private bool SourceIs(T item, string source) => string.Equals(SourceOf(item), source, StringComparison.OrdinalIgnoreCase);
}

/// <summary>What an append stored: the batch's sequence number, its commit's token, and how its items split.</summary>
internal sealed record AppendResult<T>(long Sequence, Guid CommitToken, IdempotencySplit<T> Split)
{
    public IngestionResult ToResult(int ignored = 0) => new(Split.Fresh.Count, Split.Duplicates, Split.Conflicts.Count, ignored, Sequence);
}
