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
/// <param name="KeyOf">The idempotency key of an item.</param>
/// <param name="FingerprintOf">What the agent sent, to tell a re-send from a conflict.</param>
/// <param name="SourceOf">The site (or DC) an item came from.</param>
/// <param name="StoredFingerprintsAsync">The stored fingerprints of the given items' keys (only keys the insert skipped are asked).</param>
internal sealed record AppendLog<T, TKey>(
    IngestionKind Kind,
    Func<T, TKey> KeyOf,
    Func<T, string?> FingerprintOf,
    Func<T, string> SourceOf,
    Func<AdvertStatusDbContext, IReadOnlyList<T>, CancellationToken, Task<Dictionary<TKey, string?>>> StoredFingerprintsAsync)
    where T : class
    where TKey : notnull
{
    private static readonly Dictionary<TKey, string?> NoneStored = [];

    /// <summary>Appends <paramref name="items"/> (received at <paramref name="receivedAt"/>) as one batch; sets each stored item's id and batch.</summary>
    /// <param name="assignBatch">Gives a candidate the batch id (and clears an id a failed attempt left).</param>
    public async Task<AppendResult<T>> AppendAsync(
        AdvertStatusDbContext db, IReadOnlyList<T> items, DateTime receivedAt, Action<T, long> assignBatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(assignBatch);
        var batch = db.IngestionBatches.Add(new IngestionBatch { Kind = Kind, ReceivedAt = receivedAt, CommitToken = db.CommitToken }).Entity;
        await db.SaveChangesAsync(cancellationToken);

        // The first item of each key is a candidate; the insert skips a key already stored. Only the keys it skipped
        // are looked up, to tell a re-send from a conflict: usually none.
        var candidates = IdempotencySplit<T>.Of(items, KeyOf, FingerprintOf, NoneStored).Fresh;
        foreach (var item in candidates)
        {
            assignBatch(item, batch.Id);
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

    private bool SourceIs(T item, string source) => string.Equals(SourceOf(item), source, StringComparison.OrdinalIgnoreCase);
}

/// <summary>What an append stored: the batch's sequence number, its commit's token, and how its items split.</summary>
internal sealed record AppendResult<T>(long Sequence, Guid CommitToken, IdempotencySplit<T> Split)
{
    public IngestionResult ToResult(int ignored = 0) => new(Split.Fresh.Count, Split.Duplicates, Split.Conflicts.Count, ignored, Sequence);
}
