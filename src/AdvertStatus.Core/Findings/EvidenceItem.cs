using System.Globalization;
using AdvertStatus.Core.SecurityEvents;
using AdvertStatus.Core.StatusMessages;

namespace AdvertStatus.Core.Findings;

/// <summary>
/// A stored message or event that contributes to a finding. <see cref="Counts"/> says whether it adds
/// to the finding's count (a Q307434 finding counts failures; the lockouts beside them are context).
/// </summary>
/// <param name="Machine">The workstation it concerns (for lockouts: the caller computer).</param>
/// <param name="Reporter">Who logged it (for security events: the DC).</param>
/// <param name="AdvertisementId">The advertisement a status message is about (null for events).</param>
public sealed record EvidenceItem(
    EvidenceSource Source,
    long SourceId,
    DateTime Time,
    bool Counts,
    string? Machine,
    string? Reporter,
    string Description,
    string? AdvertisementId = null)
{
    public static EvidenceItem From(StatusMessage message, bool counts = true)
    {
        ArgumentNullException.ThrowIfNull(message);
        var error = message.Win32Code is { } code ? string.Create(CultureInfo.InvariantCulture, $", error {code}") : "";
        var advert = message.AdvertisementId is { } id ? $", advertisement {id}" : "";
        return new(EvidenceSource.StatusMessage, message.Id, message.Time, counts, message.MachineName, message.SiteCode,
            string.Create(CultureInfo.InvariantCulture, $"Status message {message.MessageId}{Meaning(message.MessageId)} from {message.MachineName} at {message.Time:yyyy-MM-dd HH:mm:ss}Z{advert}{error}"),
            message.AdvertisementId);
    }

    /// <summary>" (Program started)", the ID's meaning in brackets, or nothing for an ID without one.</summary>
    private static string Meaning(int messageId) => StatusMessageCatalog.Describe(messageId) is { } meaning ? $" ({meaning})" : "";

    public static EvidenceItem From(SecurityEvent evt, bool counts = true)
    {
        ArgumentNullException.ThrowIfNull(evt);
        var what = evt.Kind switch
        {
            SecurityEventKind.Lockout => "locked out",
            SecurityEventKind.BadPassword => "bad password",
            _ => "unlocked",
        };
        var source = evt.SourceMachine is { } machine ? $" from {machine}" : "";
        return new(EvidenceSource.SecurityEvent, evt.Id, evt.TimeCreated, counts, evt.SourceMachine, evt.Computer,
            string.Create(CultureInfo.InvariantCulture, $"Event {evt.EventId} on {evt.Computer} at {evt.TimeCreated:yyyy-MM-dd HH:mm:ss}Z: {evt.TargetUserName} {what}{source}"));
    }
}
