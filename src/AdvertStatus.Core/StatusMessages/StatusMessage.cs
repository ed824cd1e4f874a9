using AdvertStatus.Core.Ingestion;

namespace AdvertStatus.Core.StatusMessages;

/// <summary>
/// A client status message as stored: the raw values the agent sent plus the fields derived from
/// them on ingest (normalised Win32 code, advertisement/package/program).
/// </summary>
public sealed class StatusMessage
{
    public long Id { get; set; }

    /// <summary>The agent's id for the message; with <see cref="MachineName"/> it is the idempotency key.</summary>
    public required string RecordId { get; set; }

    public required string MachineName { get; set; }
    public required string SiteCode { get; set; }

    /// <summary>When the client raised it (UTC).</summary>
    public DateTime Time { get; set; }

    /// <summary>When AdvertStatus committed it (UTC).</summary>
    public DateTime ReceivedAt { get; set; }

    public int MessageId { get; set; }
    public Severity? Severity { get; set; }
    public string? Component { get; set; }
    public string? ModuleName { get; set; }

    /// <summary>The Win32 error as sent, as an unsigned 32-bit value.</summary>
    public long? Win32Error { get; set; }

    /// <summary>The Win32 code after HRESULT unwrapping (0x80070525 → 1317).</summary>
    public long? Win32Code { get; set; }

    public string? AdvertisementId { get; set; }
    public string? PackageId { get; set; }
    public string? PackageName { get; set; }
    public string? ProgramName { get; set; }
    public string? CollectionId { get; set; }
    public string? UserName { get; set; }
    public string? DistributionPoint { get; set; }
    public string? Text { get; set; }
    public string? ClientOs { get; set; }
    public string? Domain { get; set; }

    public IList<string> InsertionStrings { get; set; } = [];
    public IList<MessageAttributeValue> Attributes { get; set; } = [];

    /// <summary>The ingestion batch that stored it; the projector finds the rows of a batch by it (ADR 0011).</summary>
    public long BatchId { get; set; }

    /// <summary>What the agent said, as a <see cref="ContentFingerprint"/>; null on rows stored before fingerprints existed.</summary>
    public string? Fingerprint { get; set; }

    /// <summary>The fingerprint of everything the agent sent (not when it arrived).</summary>
    public string ComputeFingerprint() => ContentFingerprint.Of(
        SiteCode, Time, MessageId, Severity, Component, ModuleName, Win32Error, AdvertisementId, PackageId, PackageName, ProgramName,
        CollectionId, UserName, DistributionPoint, Text, ClientOs, Domain, InsertionStrings,
        Attributes.Select(a => $"{a.AttributeId}={a.Value}"));
}
