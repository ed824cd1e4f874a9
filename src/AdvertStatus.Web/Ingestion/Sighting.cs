namespace AdvertStatus.Web.Ingestion;

/// <summary>A machine seen in a status message: what the message says about it, and when.</summary>
internal sealed record Sighting(string MachineName, string SiteCode, string? Domain, string? ClientOs, DateTime Time);
