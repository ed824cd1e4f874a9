namespace AdvertStatus.Core.Inventory;

/// <summary>A file and its version as inventoried (e.g. <c>Smsapm32.exe 2.00.1493.3187</c>).</summary>
public sealed class InventoryFile
{
    public string Name { get; set; } = "";
    public string Version { get; set; } = "";
    public string? Path { get; set; }
}
