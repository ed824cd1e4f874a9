namespace AdvertStatus.Core.SecurityEvents;

/// <summary>The Windows Security event IDs AdvertStatus keeps; every other ID is counted as ignored.</summary>
public static class SecurityEventCatalog
{
    private static readonly Dictionary<int, SecurityEventKind> Kinds = new()
    {
        [644] = SecurityEventKind.Lockout,
        [4740] = SecurityEventKind.Lockout,
        [529] = SecurityEventKind.BadPassword,
        [675] = SecurityEventKind.BadPassword,
        [681] = SecurityEventKind.BadPassword,
        [4625] = SecurityEventKind.BadPassword,
        [4771] = SecurityEventKind.BadPassword,
        [4776] = SecurityEventKind.BadPassword,
        [671] = SecurityEventKind.Unlock,
        [4767] = SecurityEventKind.Unlock,
    };

    /// <summary>The kind of a stored event ID, or null when the ID is not kept.</summary>
    public static SecurityEventKind? KindOf(int eventId) => Kinds.TryGetValue(eventId, out var kind) ? kind : null;
}
