using AdvertStatus.Core.SecurityEvents;
using AdvertStatus.Core.StatusMessages;

namespace AdvertStatus.Core.Tests.Rules;

/// <summary>Builders for the rule specs: messages and events as ingestion would have stored them.</summary>
internal static class RuleFacts
{
    public static readonly DateTime T0 = new(2026, 11, 24, 9, 0, 0, DateTimeKind.Utc);
    private static long _ids;

    public static StatusMessage Failure(string machine, DateTime time, string win32Error = "1317", string? clientOs = "Windows 2000 Professional", string advert = "LAB20001", int messageId = 10003)
    {
        Assert.True(Win32Error.TryParse(win32Error, out var raw));
        var message = new StatusMessage
        {
            Id = Interlocked.Increment(ref _ids),
            RecordId = "r",
            MachineName = machine,
            SiteCode = "LAB",
            Time = time,
            MessageId = messageId,
            Win32Error = raw,
            AdvertisementId = advert,
            ClientOs = clientOs,
        };
        StatusMessageFields.Derive(message);
        return message;
    }

    public static StatusMessage Message(string machine, int messageId, DateTime time, string advert = "LAB20001") => new()
    {
        Id = Interlocked.Increment(ref _ids),
        RecordId = "r",
        MachineName = machine,
        SiteCode = "LAB",
        Time = time,
        MessageId = messageId,
        AdvertisementId = advert,
    };

    public static SecurityEvent Lockout(string caller, DateTime time, string account = "SMSCliToknAcct&", string dc = "DC01") =>
        Event(4740, time, account, dc, e => e.TargetDomainName = caller);

    public static SecurityEvent BadPassword(string workstation, DateTime time, string account = "SMSCliToknAcct&") =>
        Event(4776, time, account, "DC02", e => e.Workstation = workstation);

    private static SecurityEvent Event(int id, DateTime time, string account, string dc, Action<SecurityEvent> fill)
    {
        var evt = new SecurityEvent
        {
            Id = Interlocked.Increment(ref _ids),
            EventId = id,
            Computer = dc,
            EventRecordId = _ids,
            TimeCreated = time,
            TargetUserName = account,
            SubjectDomainName = "CORP",
        };
        fill(evt);
        SecurityEventFields.Derive(evt);
        return evt;
    }
}
