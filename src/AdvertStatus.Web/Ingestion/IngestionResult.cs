namespace AdvertStatus.Web.Ingestion;

/// <summary>
/// What one committed batch did: new items stored, re-sent items recognised, re-sent items whose
/// content differs from what is stored under their key (kept as stored), items of no interest skipped,
/// and the batch's sequence number where it is projected later (null for reference data, stored at once).
/// </summary>
public sealed record IngestionResult(int Accepted, int Duplicates, int Conflicts = 0, int Ignored = 0, long? Sequence = null);
