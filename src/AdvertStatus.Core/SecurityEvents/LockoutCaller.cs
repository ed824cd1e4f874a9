namespace AdvertStatus.Core.SecurityEvents;

/// <summary>A caller computer of lockouts and how many it caused.</summary>
public sealed class LockoutCaller
{
    public string Name { get; set; } = "";
    public int Count { get; set; }
}
