using AdvertStatus.Core.Ingestion;

namespace AdvertStatus.Core.Inventory;

/// <summary>One inventory snapshot of a machine; all snapshots are kept for the timeline.</summary>
public sealed class InventoryReport
{
    public long Id { get; set; }

    /// <summary>With <see cref="Time"/> the idempotency key.</summary>
    public required string MachineName { get; set; }

    public required string SiteCode { get; set; }
    public string? Domain { get; set; }
    public string? ClientOs { get; set; }
    public string? Platform { get; set; }
    public MachineRole Role { get; set; }
    public DateTime Time { get; set; }
    public DateTime ReceivedAt { get; set; }
    public IList<InventoryFile> Files { get; set; } = [];
    public IList<InventoryComponent> Components { get; set; } = [];

    /// <summary>The ingestion batch that stored it; the projector finds the rows of a batch by it (ADR 0011).</summary>
    public long BatchId { get; set; }

    /// <summary>What the agent reported, as a <see cref="ContentFingerprint"/>; null on rows stored before fingerprints existed.</summary>
    public string? Fingerprint { get; set; }

    /// <summary>The fingerprint of the snapshot (not when it arrived).</summary>
    public string ComputeFingerprint() => ContentFingerprint.Of(
        SiteCode, Domain, ClientOs, Platform, Role, Time,
        Files.Select(f => $"{f.Name}|{f.Version}|{f.Path}"), Components.Select(c => $"{c.Name}|{c.Version}"));
}
