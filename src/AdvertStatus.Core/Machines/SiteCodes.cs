namespace AdvertStatus.Core.Machines;

/// <summary>SMS site codes: three characters, letters and digits, compared upper-case.</summary>
public static class SiteCodes
{
    /// <summary>Upper-cases and trims a site code.</summary>
    public static string Normalize(string siteCode) => siteCode.Trim().ToUpperInvariant();

    /// <summary>True when the normalised code is exactly three of <c>[A-Z0-9]</c>.</summary>
    public static bool IsValid(string? siteCode)
    {
        if (siteCode is null)
        {
            return false;
        }

        var code = Normalize(siteCode);
        return code.Length == 3 && code.All(c => c is >= 'A' and <= 'Z' or >= '0' and <= '9');
    }
}
