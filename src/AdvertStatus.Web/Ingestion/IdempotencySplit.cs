namespace AdvertStatus.Web.Ingestion;

/// <summary>
/// Splits a batch by idempotency key into new items, harmless re-sends (same key, same fingerprint) and
/// conflicts (same key, other content). The first item of a key in the batch is the candidate; what is
/// already stored always wins and is never overwritten. A stored row without a fingerprint (stored
/// before fingerprints existed) cannot be compared and counts as a duplicate.
/// </summary>
internal sealed record IdempotencySplit<T>(IReadOnlyList<T> Fresh, IReadOnlyList<T> DuplicateItems, IReadOnlyList<T> Conflicts)
{
    public int Duplicates => DuplicateItems.Count;

    public static IdempotencySplit<T> Of<TKey>(
        IReadOnlyList<T> items, Func<T, TKey> keyOf, Func<T, string?> fingerprintOf, IReadOnlyDictionary<TKey, string?> stored)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(items);
        var fresh = new List<T>();
        var conflicts = new List<T>();
        var duplicates = new List<T>();
        var firstOfKey = new Dictionary<TKey, string?>();
        foreach (var item in items)
        {
            var key = keyOf(item);
            var fingerprint = fingerprintOf(item);
            if (firstOfKey.TryGetValue(key, out var earlier) || stored.TryGetValue(key, out earlier))
            {
                if (earlier is null || earlier == fingerprint)
                {
                    duplicates.Add(item);
                }
                else
                {
                    conflicts.Add(item);
                }

                firstOfKey.TryAdd(key, earlier);
                continue;
            }

            firstOfKey[key] = fingerprint;
            fresh.Add(item);
        }

        return new IdempotencySplit<T>(fresh, duplicates, conflicts);
    }
}
