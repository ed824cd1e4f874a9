using AdvertStatus.Web.Data;

namespace AdvertStatus.Web.Audit;

/// <summary>
/// Adds audit entries to the context that makes the change, so the entry commits with the change or
/// not at all. Values are cut to the column sizes (<see cref="AuditEntryConfiguration"/>):
/// an audit entry must never be the reason a change fails.
/// </summary>
public static class AuditLog
{
    public static void Add(AdvertStatusDbContext db, DateTime now, string actor, string action, string? target, string? detail = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.AuditLog.Add(new AuditEntry
        {
            Time = now,
            Actor = Truncate(actor, Lengths.Name + 8)!,
            Action = action,
            Target = Truncate(target, Lengths.Name + 16),
            Detail = Truncate(detail, Lengths.Text),
        });
    }

    private static string? Truncate(string? value, int length) => value is null || value.Length <= length ? value : value[..length];
}
