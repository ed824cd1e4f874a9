namespace AdvertStatus.Core.Inventory;

/// <summary>Whether an inventoried machine is an SMS client or a site server.</summary>
public enum MachineRole
{
    Client = 0,
    SiteServer = 1,
}
