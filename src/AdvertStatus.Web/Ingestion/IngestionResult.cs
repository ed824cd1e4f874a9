namespace AdvertStatus.Web.Ingestion;

/// <summary>What one committed batch did: new items stored, re-sent items recognised, items of no interest skipped.</summary>
public sealed record IngestionResult(int Accepted, int Duplicates, int Ignored = 0);
