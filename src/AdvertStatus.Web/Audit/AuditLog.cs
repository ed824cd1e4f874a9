using AdvertStatus.Web.Data;

namespace AdvertStatus.Web.Audit;

/// <summary>
/// Adds audit entries to the context that makes the change, so the entry commits with the change or
/// not at all.
/// </summary>
public static class AuditLog
{
    public static void Add(AdvertStatusDbContext db, DateTime now, string actor, string action, string? target, string? detail = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.AuditLog.Add(new AuditEntry
        {
            Time = now,
            Actor = Truncate(actor, 264)!,
            Action = action,
            Target = Truncate(target, 272),
            Detail = Truncate(detail, 4000),
        });
    }

    private static string? Truncate(string? value, int length) => value is null || value.Length <= length ? value : value[..length];
}
