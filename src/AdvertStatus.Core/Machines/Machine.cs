using AdvertStatus.Core.Coverage;
using AdvertStatus.Core.Inventory;

namespace AdvertStatus.Core.Machines;

/// <summary>
/// The current picture of one machine: the latest inventory wins for its attributes, and any status
/// message or inventory moves <see cref="LastSeen"/> forward.
/// </summary>
public sealed class Machine
{
    public required string MachineName { get; set; }
    public string? SiteCode { get; set; }
    public string? Domain { get; set; }
    public string? ClientOs { get; set; }
    public string? Platform { get; set; }
    public MachineRole Role { get; set; }

    /// <summary>The Smsapm32.exe file version from the latest inventory; null until inventoried.</summary>
    public string? Smsapm32Version { get; set; }

    /// <summary>The Q307434 verdict for <see cref="Smsapm32Version"/> under the configured fixed-build set.</summary>
    public Verdict Verdict { get; set; }

    /// <summary>The time of the inventory the attributes come from.</summary>
    public DateTime? InventoryTime { get; set; }

    public DateTime FirstSeen { get; set; }
    public DateTime LastSeen { get; set; }

    /// <summary>Moves <see cref="FirstSeen"/>/<see cref="LastSeen"/> to include <paramref name="time"/>.</summary>
    public void Saw(DateTime time)
    {
        if (FirstSeen == default || time < FirstSeen)
        {
            FirstSeen = time;
        }

        if (time > LastSeen)
        {
            LastSeen = time;
        }
    }
}
