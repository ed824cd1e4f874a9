using System.Buffers.Text;
using System.Text;

namespace AdvertStatus.Web.Api;

/// <summary>
/// Opaque keyset cursors: the last key of a page, base64url-encoded so clients treat it as a token
/// and never build one by hand.
/// </summary>
public static class Cursor
{
    private const char Separator = '\u001f';

    // A marker inside the token, so that arbitrary base64url text is not mistaken for a cursor.
    private const string Version = "as1";

    public static string Encode(params string[] keyParts) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Join(Separator, [Version, .. keyParts])));

    /// <summary>Decodes a cursor into <paramref name="parts"/> key parts; false when it is not one of ours.</summary>
    public static bool TryDecode(string? cursor, int parts, out string[] keyParts)
    {
        keyParts = [];
        if (string.IsNullOrEmpty(cursor))
        {
            return false;
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor)).Split(Separator);
            if (decoded.Length != parts + 1 || decoded[0] != Version)
            {
                return false;
            }

            keyParts = decoded[1..];
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
