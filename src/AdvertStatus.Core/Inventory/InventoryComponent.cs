namespace AdvertStatus.Core.Inventory;

/// <summary>A client component version from Compver.ini (e.g. <c>Smsapm32 2.00.1493.3187</c>).</summary>
public sealed class InventoryComponent
{
    public string Name { get; set; } = "";
    public string Version { get; set; } = "";
}
