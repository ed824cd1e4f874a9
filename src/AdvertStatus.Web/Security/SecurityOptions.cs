using System.ComponentModel.DataAnnotations;

namespace AdvertStatus.Web.Security;

/// <summary>The <c>Security</c> settings: throttling, key usage tracking and the reverse proxy.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>Unauthenticated or failed-key requests one client address may make per window before 429.</summary>
    [Range(1, 100_000)]
    public int FailedAuthPermitLimit { get; set; } = 20;

    [Range(1, 3600)]
    public int FailedAuthWindowSeconds { get; set; } = 10;

    /// <summary>
    /// Ingestion requests per second one key may make on one instance. The default lets 50 agents share
    /// one key at two batches a second each.
    /// </summary>
    [Range(1, 1_000_000)]
    public int IngestRequestsPerSecondPerKey { get; set; } = 100;

    /// <summary>Requests a key may make at once above the steady rate (a backlog flushed by a spooling agent).</summary>
    [Range(1, 1_000_000)]
    public int IngestBurstPerKey { get; set; } = 500;

    /// <summary>How often last-used times of keys are written.</summary>
    [Range(1, 3600)]
    public int ApiKeyUsageFlushSeconds { get; set; } = 60;

    /// <summary>Honour X-Forwarded-For/-Proto from these proxies (outside Development). Empty: from none, loopback included.</summary>
    public IList<string> KnownProxies { get; set; } = [];

    /// <summary>Honour forwarded headers from these networks, in CIDR form (e.g. <c>10.0.0.0/8</c>).</summary>
    public IList<string> KnownNetworks { get; set; } = [];
}
