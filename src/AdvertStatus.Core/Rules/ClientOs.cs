namespace AdvertStatus.Core.Rules;

/// <summary>Classifies the free-text client OS agents report (<c>Windows 2000 Professional</c>, <c>Windows 95/98</c>).</summary>
public static class ClientOs
{
    private static readonly string[] Win9xMarkers = ["95", "98", "Windows Me", "Millennium"];
    private static readonly string[] NtMarkers = ["NT", "2000", "XP", "2003", "Server"];

    public static ClientOsFamily Classify(string? clientOs)
    {
        if (string.IsNullOrWhiteSpace(clientOs))
        {
            return ClientOsFamily.Unknown;
        }

        if (Win9xMarkers.Any(m => clientOs.Contains(m, StringComparison.OrdinalIgnoreCase)))
        {
            return ClientOsFamily.Windows9x;
        }

        return NtMarkers.Any(m => clientOs.Contains(m, StringComparison.OrdinalIgnoreCase)) ? ClientOsFamily.WindowsNT : ClientOsFamily.Unknown;
    }
}
