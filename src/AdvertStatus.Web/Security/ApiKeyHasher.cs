using System.Security.Cryptography;
using System.Text;

namespace AdvertStatus.Web.Security;

/// <summary>
/// Hashes API keys for storage. Keys are long random secrets, not passwords a person picks, so a
/// plain SHA-256 is enough to make a leaked table useless and keeps the per-request check cheap;
/// a slow password hash would only tax every ingestion call.
/// </summary>
public static class ApiKeyHasher
{
    public static string Hash(string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>A new random key (256 bits, URL-safe) for an agent.</summary>
    public static string NewKey() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
