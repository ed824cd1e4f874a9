namespace AdvertStatus.Web.Audit;

/// <summary>An audit entry as the API lists it.</summary>
public sealed record AuditItem(long Id, DateTime Time, string Actor, string Action, string? Target, string? Detail);
