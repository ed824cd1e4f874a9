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
}
