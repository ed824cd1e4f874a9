namespace AdvertStatus.Core.StatusMessages;

/// <summary>
/// Fills the derived fields of a status message in the order of trust: what the agent sent
/// explicitly, then the attributes (400/401/402/403/404), then the insertion strings
/// (%1 advertisement, %4 package, %5 program), then the rendered text.
/// </summary>
public static class StatusMessageFields
{
    /// <summary>10001 reports a package data-integrity error: its %1 is the package, not an advertisement.</summary>
    public const int PackageIntegrityError = 10001;

    /// <summary>Derives the advertisement, package, program, collection, user, DP and Win32 code in place.</summary>
    public static void Derive(StatusMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);

        var text = StatusMessageText.Parse(message.Text);
        var strings = message.InsertionStrings;
        var isApmMessage = message.MessageId is >= 10000 and < 10100;
        string? Insertion(int number) => isApmMessage && strings.Count >= number ? Blank(strings[number - 1]) : null;

        var firstIsPackage = message.MessageId == PackageIntegrityError;
        message.AdvertisementId = Upper(Blank(message.AdvertisementId)
            ?? Attribute(message, MessageAttributeValue.AdvertisementId)
            ?? (firstIsPackage ? null : Insertion(1))
            ?? text.AdvertisementId);
        message.PackageId = Upper(Blank(message.PackageId)
            ?? Attribute(message, MessageAttributeValue.PackageId)
            ?? (firstIsPackage ? Insertion(1) : null));
        message.CollectionId = Upper(Blank(message.CollectionId) ?? Attribute(message, MessageAttributeValue.CollectionId));
        message.UserName = Blank(message.UserName) ?? Attribute(message, MessageAttributeValue.UserName);
        message.DistributionPoint = Blank(message.DistributionPoint) ?? Attribute(message, MessageAttributeValue.DistributionPoint);

        // %4/%5 only carry the names when there are at least five insertion strings.
        message.PackageName = Blank(message.PackageName) ?? (strings.Count >= 5 ? Insertion(4) : null) ?? text.PackageName;
        message.ProgramName = Blank(message.ProgramName) ?? (strings.Count >= 5 ? Insertion(5) : null) ?? text.ProgramName;

        message.Win32Error ??= text.Win32Error;
        message.Win32Code = message.Win32Error is { } raw ? Win32Error.Normalize(raw) : null;
    }

    private static string? Attribute(StatusMessage message, int id) =>
        Blank(message.Attributes.FirstOrDefault(a => a.AttributeId == id)?.Value);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string? Upper(string? value) => value?.ToUpperInvariant();
}
