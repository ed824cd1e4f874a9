using System.Globalization;

namespace AdvertStatus.Core.StatusMessages;

/// <summary>
/// Win32 error values as SMS reports them: plain decimal (1317), hexadecimal (0x525), or an HRESULT
/// in either base (0x80070525, 2147943717, or its signed form -2147023579).
/// </summary>
public static class Win32Error
{
    /// <summary>ERROR_NO_SUCH_USER, the code at the heart of Q307434 and Q264714.</summary>
    public const long NoSuchUser = 1317;

    private const long Win32FacilityMask = 0xFFFF0000;
    private const long HResultFromWin32 = 0x80070000;

    /// <summary>Parses decimal (optionally signed) or 0x-hexadecimal text into the raw 32-bit value.</summary>
    public static bool TryParse(string? text, out long raw)
    {
        raw = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var value = text.Trim();
        if (value.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            if (!ulong.TryParse(value.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex)
                || hex > uint.MaxValue)
            {
                return false;
            }

            raw = (long)hex;
            return true;
        }

        return long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            && TryFromNumber(number, out raw);
    }

    /// <summary>Accepts a number in the 32-bit range, folding the signed HRESULT form to unsigned.</summary>
    public static bool TryFromNumber(long number, out long raw)
    {
        raw = number switch
        {
            < int.MinValue or > uint.MaxValue => -1,
            < 0 => (uint)(int)number,
            _ => number,
        };
        return raw >= 0;
    }

    /// <summary>
    /// The Win32 code behind a raw value: HRESULT_FROM_WIN32 values (0x8007xxxx) unwrap to xxxx;
    /// every other value is kept as it is.
    /// </summary>
    public static long Normalize(long raw) =>
        (raw & Win32FacilityMask) == HResultFromWin32 ? raw & 0xFFFF : raw;
}
