namespace AdvertStatus.Web.Ingestion;

/// <summary>The wire contract's limits for one ingestion request.</summary>
public static class IngestionLimits
{
    /// <summary>Decoded (after gzip) body size.</summary>
    public const long MaxBodyBytes = 10 * 1024 * 1024;

    public const int MaxItems = 5000;
    public const int MaxInsertionStrings = 10;
}
