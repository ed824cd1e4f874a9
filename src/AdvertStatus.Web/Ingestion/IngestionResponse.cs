namespace AdvertStatus.Web.Ingestion;

/// <summary>The 202 body: <c>{ "accepted": n, "duplicates": d }</c>.</summary>
public sealed record IngestionResponse(int Accepted, int Duplicates);
