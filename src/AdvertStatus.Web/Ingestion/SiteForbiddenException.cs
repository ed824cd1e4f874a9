namespace AdvertStatus.Web.Ingestion;

/// <summary>
/// A site-limited key tried to change something kept for another site (re-home a machine, rewrite an
/// advertisement). Thrown inside the ingestion transaction, so the whole batch rolls back; the exception
/// handler answers 403. The message does not name the other site: a key must not learn what it may not read.
/// </summary>
public sealed class SiteForbiddenException(string subject)
    : Exception($"{subject} is not allowed for this API key; nothing was stored.")
{
    public string Subject { get; } = subject;

    /// <summary>Throws when <paramref name="sites"/> limits the caller and <paramref name="storedSite"/> is outside it.</summary>
    public static void ThrowIfOutside(IReadOnlySet<string>? sites, string? storedSite, string subject)
    {
        if (sites is not null && storedSite is not null && !sites.Contains(storedSite))
        {
            throw new SiteForbiddenException(subject);
        }
    }
}
