using System.Globalization;

namespace AdvertStatus.Core.StatusMessages;

/// <summary>
/// Reads a severity in every form agents send: the names, the unsigned WMI values
/// (1073741824 / 2147483648 / 3221225472), the signed forms the SQL views store
/// (-2147483648 / -1073741824) and hexadecimal.
/// </summary>
public static class SeverityParser
{
    /// <summary>Parses a textual severity; returns false for anything unknown.</summary>
    public static bool TryParse(string? text, out Severity severity)
    {
        severity = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var value = text.Trim();
        foreach (var name in Enum.GetNames<Severity>())
        {
            if (string.Equals(name, value, StringComparison.OrdinalIgnoreCase))
            {
                severity = Enum.Parse<Severity>(name);
                return true;
            }
        }

        if (value.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            return ulong.TryParse(value.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex)
                && TryFromNumber((long)hex, out severity);
        }

        return long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            && TryFromNumber(number, out severity);
    }

    /// <summary>Maps a numeric severity, signed or unsigned, to its name.</summary>
    public static bool TryFromNumber(long number, out Severity severity)
    {
        // The SQL views keep the 32-bit pattern in a signed int, so fold negatives back to uint32.
        var bits = number < 0 ? (uint)(int)number : number;
        severity = (Severity)bits;
        return Enum.IsDefined(severity);
    }
}
