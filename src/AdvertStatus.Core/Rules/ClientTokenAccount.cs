namespace AdvertStatus.Core.Rules;

/// <summary>
/// The SMS Client User Token account. The <c>&amp;</c> is part of the name, so it is matched whole,
/// case-insensitively, with or without a <c>DOMAIN\</c> prefix.
/// </summary>
public static class ClientTokenAccount
{
    public const string Name = "SMSCliToknAcct&";

    /// <summary>The account-name key stored for every security event: the name without domain, upper-case.</summary>
    public static string? KeyOf(string? userName)
    {
        if (string.IsNullOrWhiteSpace(userName))
        {
            return null;
        }

        var name = userName.Trim();
        var slash = name.LastIndexOf('\\');
        return (slash >= 0 ? name[(slash + 1)..] : name).ToUpperInvariant();
    }

    public static readonly string Key = Name.ToUpperInvariant();

    public static bool Matches(string? userName) => KeyOf(userName) == Key;
}
