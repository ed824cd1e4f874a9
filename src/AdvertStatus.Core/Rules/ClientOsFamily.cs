namespace AdvertStatus.Core.Rules;

/// <summary>The client platform as far as the 1317 diagnosis cares.</summary>
public enum ClientOsFamily
{
    Unknown = 0,

    /// <summary>Windows 95, 98, Me: no NT security, so an NT Software Installation account cannot work (Q264714).</summary>
    Windows9x = 1,

    /// <summary>Windows NT 4.0, 2000, XP, Server 2003: the family Q307434 affects.</summary>
    WindowsNT = 2,
}
