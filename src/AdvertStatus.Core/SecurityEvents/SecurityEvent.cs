using AdvertStatus.Core.Ingestion;

namespace AdvertStatus.Core.SecurityEvents;

/// <summary>
/// A Windows Security event from a domain controller, with the raw fields as logged and the derived
/// <see cref="SourceMachine"/> (the workstation that caused it) and <see cref="AccountDomain"/>.
/// </summary>
public sealed class SecurityEvent
{
    public long Id { get; set; }
    public int EventId { get; set; }
    public SecurityEventKind Kind { get; set; }
    public DateTime TimeCreated { get; set; }

    /// <summary>The computer that logged it (normally a DC), upper-case; with <see cref="EventRecordId"/> the idempotency key.</summary>
    public required string Computer { get; set; }

    public long EventRecordId { get; set; }
    public string? TargetUserName { get; set; }

    /// <summary>As logged. For 4740 this XML field holds the Caller Computer Name, not a domain.</summary>
    public string? TargetDomainName { get; set; }

    public string? TargetSid { get; set; }
    public string? CallerComputerName { get; set; }
    public string? Workstation { get; set; }
    public string? IpAddress { get; set; }
    public string? Status { get; set; }
    public string? SubStatus { get; set; }
    public int? LogonType { get; set; }
    public string? ProcessName { get; set; }
    public string? SubjectUserName { get; set; }
    public string? SubjectDomainName { get; set; }

    /// <summary>Positional insertion strings for down-level events (644, 529, 675, 681) without named data.</summary>
    public IList<string> InsertionStrings { get; set; } = [];

    /// <summary>The account name without domain, upper-case: what lockout windows and summaries group by.</summary>
    public string? AccountKey { get; set; }

    /// <summary>The NetBIOS name of the machine the failing logon came from (caller computer or source workstation).</summary>
    public string? SourceMachine { get; set; }

    /// <summary>The domain of the account the event is about, upper-case, when the event tells it.</summary>
    public string? AccountDomain { get; set; }

    public DateTime ReceivedAt { get; set; }

    /// <summary>The ingestion batch that stored it; the projector finds the rows of a batch by it (ADR 0011).</summary>
    public long BatchId { get; set; }

    /// <summary>What the DC logged, as a <see cref="ContentFingerprint"/>; null on rows stored before fingerprints existed.</summary>
    public string? Fingerprint { get; set; }

    /// <summary>The fingerprint of the logged fields (not the derived ones, nor when it arrived).</summary>
    public string ComputeFingerprint() => ContentFingerprint.Of(
        EventId, TimeCreated, TargetUserName, TargetDomainName, TargetSid, CallerComputerName, Workstation, IpAddress, Status, SubStatus,
        LogonType, ProcessName, SubjectUserName, SubjectDomainName, InsertionStrings);
}
