using System.Globalization;
using System.Text.RegularExpressions;

namespace AdvertStatus.Core.StatusMessages;

/// <summary>
/// Reads the fields out of a rendered Advertised Programs Manager message, in the shapes the KBs
/// print (10002, 10003, 10005–10009, 10012–10016, 10018). The patterns are anchored on the phrases
/// those texts share rather than on one template per message, so wording differences between
/// SMS builds still parse.
/// </summary>
public static partial class StatusMessageText
{
    /// <summary>Parses <paramref name="text"/>; fields not present are null.</summary>
    public static ParsedStatusText Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return ParsedStatusText.Empty;
        }

        var advert = AdvertisementPattern().Match(text);
        var names = PackageProgramPattern().Match(text);
        var site = SitePattern().Match(text);
        var error = ErrorPattern().Match(text);
        var exit = ExitCodePattern().Match(text);

        return new ParsedStatusText(
            advert.Success ? advert.Groups["id"].Value.ToUpperInvariant() : null,
            names.Success ? names.Groups["package"].Value : null,
            names.Success ? names.Groups["program"].Value : null,
            site.Success ? site.Groups["site"].Value.ToUpperInvariant() : null,
            error.Success && long.TryParse(error.Groups["code"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? code : null,
            exit.Success && long.TryParse(exit.Groups["code"].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var exitCode) ? exitCode : null);
    }

    // "for advertisement "LAB20001"", "Advertisement LAB20001 was received", "advertisement "XXXnnnnn" failed".
    [GeneratedRegex("""advertisement\s+"?(?<id>[A-Za-z0-9<>]{3,16})"?""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AdvertisementPattern();

    // ("Office 2000" - "Setup"); the uninstall texts put "failed"/"completed successfully" between the id and the names.
    [GeneratedRegex("""\(\s*"(?<package>[^"]*)"\s+-\s+"(?<program>[^"]*)"\s*\)""", RegexOptions.CultureInvariant)]
    private static partial Regex PackageProgramPattern();

    [GeneratedRegex("""from\s+site\s+"?(?<site>[A-Za-z0-9]{3})\b""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SitePattern();

    [GeneratedRegex("""reported\s+error\s+(?<code>\d+)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ErrorPattern();

    [GeneratedRegex("""exit\s+code\s+(?:of\s+)?(?<code>-?\d+)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ExitCodePattern();
}
