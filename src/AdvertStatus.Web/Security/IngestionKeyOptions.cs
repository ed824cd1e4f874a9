namespace AdvertStatus.Web.Security;

/// <summary>The <c>Ingestion</c> settings that concern keys.</summary>
public sealed class IngestionKeyOptions
{
    public const string Section = "Ingestion";

    /// <summary>When set, a key with this value (scopes ingest and read, all sites) exists after start-up.</summary>
    public string? BootstrapApiKey { get; set; }
}
