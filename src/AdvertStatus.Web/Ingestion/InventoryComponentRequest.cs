using System.ComponentModel.DataAnnotations;
using AdvertStatus.Web.Data;

namespace AdvertStatus.Web.Ingestion;

/// <summary>A Compver.ini component version in an inventory item.</summary>
public sealed record InventoryComponentRequest
{
    [Required, StringLength(Lengths.Name, MinimumLength = 1)]
    public string? Name { get; init; }

    [Required, StringLength(64, MinimumLength = 1)]
    public string? Version { get; init; }
}
