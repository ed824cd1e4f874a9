using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AdvertStatus.Core.Ingestion;

/// <summary>
/// A short digest of what an item says, stored beside its idempotency key. A re-send with the same key
/// and the same fingerprint is a harmless duplicate; the same key with another fingerprint is a
/// conflict: the agent reused a key for different content, and the stored row must not be overwritten.
/// </summary>
public static class ContentFingerprint
{
    /// <summary>Hex characters in a fingerprint (128 bits of SHA-256).</summary>
    public const int Length = 32;

    /// <summary>
    /// The fingerprint of the given values, in order. Nulls, empty strings and the separator are kept
    /// apart, so <c>("a", null)</c> and <c>(null, "a")</c> differ. Times are taken to the tick.
    /// </summary>
    public static string Of(params object?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var text = new StringBuilder();
        foreach (var value in values)
        {
            text.Append(value switch
            {
                null => "\u2400",
                DateTime time => time.Ticks.ToString(CultureInfo.InvariantCulture),
                IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                System.Collections.IEnumerable list and not string => string.Join('\u001e', list.Cast<object?>().Select(v => Convert.ToString(v, CultureInfo.InvariantCulture))),
                _ => value.ToString()?.Replace("\u001f", "\u001f\u001f", StringComparison.Ordinal),
            });
            text.Append('\u001f');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..Length];
    }
}
