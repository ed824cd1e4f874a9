namespace AdvertStatus.Web.Ingestion;

/// <summary>
/// A site-limited key tried to change something stored for another site (re-home a machine, rewrite an
/// advertisement). Thrown inside the ingestion transaction, so the whole batch rolls back; the
/// exception handler answers 403.
/// </summary>
public sealed class SiteForbiddenException(string subject, string storedSite)
    : Exception($"{subject} belongs to site {storedSite}, which this API key may not send data for; nothing was stored.")
{
    public string Subject { get; } = subject;
    public string StoredSite { get; } = storedSite;

    /// <summary>Throws when <paramref name="sites"/> limits the caller and <paramref name="storedSite"/> is outside it.</summary>
    public static void ThrowIfOutside(IReadOnlySet<string>? sites, string? storedSite, string subject)
    {
        if (sites is not null && storedSite is not null && !sites.Contains(storedSite))
        {
            throw new SiteForbiddenException(subject, storedSite);
        }
    }
}
