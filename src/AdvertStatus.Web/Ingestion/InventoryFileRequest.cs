using System.ComponentModel.DataAnnotations;
using AdvertStatus.Web.Data;

namespace AdvertStatus.Web.Ingestion;

/// <summary>A file version in an inventory item (<c>Smsapm32.exe</c> <c>2.00.1493.3187</c>).</summary>
public sealed record InventoryFileRequest
{
    [Required, StringLength(Lengths.Name, MinimumLength = 1)]
    public string? Name { get; init; }

    [Required, StringLength(64, MinimumLength = 1)]
    public string? Version { get; init; }

    [StringLength(Lengths.Text)]
    public string? Path { get; init; }
}
