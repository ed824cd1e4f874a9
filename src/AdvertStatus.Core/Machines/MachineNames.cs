namespace AdvertStatus.Core.Machines;

/// <summary>
/// NetBIOS computer names as SMS and Windows report them. Names are compared upper-case
/// everywhere because SMS itself mixes cases for the same machine (KB-277744).
/// </summary>
public static class MachineNames
{
    /// <summary>The longest NetBIOS computer name.</summary>
    public const int MaxLength = 15;

    private static readonly System.Buffers.SearchValues<char> Forbidden = System.Buffers.SearchValues.Create("\\/:*?\"<>|");

    /// <summary>
    /// True when <paramref name="name"/> is 1–15 characters with no control, reserved, invisible or bidirectional
    /// control characters (so no machine can pose as another).
    /// </summary>
    public static bool IsValid(string? name) =>
        !string.IsNullOrWhiteSpace(name)
        && name.Length <= MaxLength
        && !name.Any(char.IsControl)
        && VisibleText.IsVisible(name)
        && name.AsSpan().IndexOfAny(Forbidden) < 0;

    /// <summary>Upper-cases a name for storage and comparison.</summary>
    public static string Normalize(string name) => name.Trim().ToUpperInvariant();

    /// <summary>
    /// Turns what an event log names as a computer (<c>\\WKS01</c>, <c>wks01.corp.local</c>, <c>WKS01$</c>)
    /// into the NetBIOS form used for workstations, or null when nothing usable is left.
    /// </summary>
    public static string? FromEventField(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var name = value.Trim().TrimStart('\\').TrimEnd('$');
        if (name is "-" or "" || System.Net.IPAddress.TryParse(name, out _))
        {
            return null;
        }

        var dot = name.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0)
        {
            name = name[..dot];
        }

        return name.Length is > 0 and <= MaxLength ? name.ToUpperInvariant() : null;
    }
}
