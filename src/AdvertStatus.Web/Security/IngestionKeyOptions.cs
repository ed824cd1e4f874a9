namespace AdvertStatus.Web.Security;

/// <summary>The <c>Ingestion</c> settings that concern keys.</summary>
public sealed class IngestionKeyOptions
{
    public const string Section = "Ingestion";

    /// <summary>When set, a key with this value (scopes from <see cref="BootstrapApiKeyScopes"/>, all sites) exists after start-up.</summary>
    public string? BootstrapApiKey { get; set; }

    /// <summary>Comma-separated scopes of the bootstrap key.</summary>
    public string BootstrapApiKeyScopes { get; set; } = $"{ApiKeyScopes.Ingest},{ApiKeyScopes.Read}";

    /// <summary>Every listed scope is a known one and there is at least one.</summary>
    public static bool IsValid(IngestionKeyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var listed = (options.BootstrapApiKeyScopes ?? "").Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return listed.Length > 0 && listed.All(ApiKeyScopes.IsKnown);
    }
}
