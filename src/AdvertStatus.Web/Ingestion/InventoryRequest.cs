using System.ComponentModel.DataAnnotations;
using AdvertStatus.Core.Inventory;
using AdvertStatus.Core.Machines;
using AdvertStatus.Web.Data;
using AdvertStatus.Web.Ingestion.Validation;

namespace AdvertStatus.Web.Ingestion;

/// <summary>One machine's inventory as posted to <c>/api/v1/inventory</c>.</summary>
public sealed record InventoryRequest
{
    [Required, NetBiosName]
    public string? MachineName { get; init; }

    [Required, SiteCode]
    public string? SiteCode { get; init; }

    [StringLength(Lengths.Name), VisibleText]
    public string? Domain { get; init; }

    [StringLength(Lengths.Name)]
    public string? ClientOs { get; init; }

    [AllowedValues("i386", "Alpha", "I386", "ALPHA", "alpha", null, ErrorMessage = "The platform field must be i386 or Alpha.")]
    public string? Platform { get; init; }

    public MachineRole? Role { get; init; }

    [MaxLength(1000)]
    public IReadOnlyList<InventoryFileRequest>? Files { get; init; }

    [MaxLength(1000)]
    public IReadOnlyList<InventoryComponentRequest>? Components { get; init; }

    [Required, PlausibleTime]
    public DateTime? Time { get; init; }

    public InventoryReport ToInventoryReport(DateTime receivedAt) => new()
    {
        MachineName = MachineNames.Normalize(MachineName!),
        SiteCode = SiteCodes.Normalize(SiteCode!),
        Domain = Domain?.Trim().ToUpperInvariant(),
        ClientOs = ClientOs?.Trim(),
        Platform = Platform is null ? null : Platform.Equals("alpha", StringComparison.OrdinalIgnoreCase) ? "Alpha" : "i386",
        Role = Role ?? MachineRole.Client,
        Time = Time!.Value,
        ReceivedAt = receivedAt,
        Files = [.. (Files ?? []).Select(f => new InventoryFile { Name = f.Name!.Trim(), Version = f.Version!.Trim(), Path = f.Path })],
        Components = [.. (Components ?? []).Select(c => new InventoryComponent { Name = c.Name!.Trim(), Version = c.Version!.Trim() })],
    };
}
