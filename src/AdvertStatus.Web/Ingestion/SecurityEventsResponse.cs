namespace AdvertStatus.Web.Ingestion;

/// <summary>The 202 body of the security-events route, which also counts event IDs it does not keep.</summary>
public sealed record SecurityEventsResponse(int Accepted, int Duplicates, int Ignored);
