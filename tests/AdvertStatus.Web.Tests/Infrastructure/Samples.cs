namespace AdvertStatus.Web.Tests.Infrastructure;

/// <summary>Request bodies shaped like the KB and Microsoft documentation samples (shared/samples.md).</summary>
public static class Samples
{
    public const string Q307434Text =
        "An error occurred while preparing to run the program for advertisement \"LAB20001\" (\"Office 2000\" - \"Setup\"). " +
        "The operating system reported error 1317. The specified user does not exist.";

    public static Dictionary<string, object?> StatusMessage(string machine, string recordId, int messageId = 10003, string site = "LAB") => new()
    {
        ["recordId"] = recordId,
        ["machineName"] = machine,
        ["siteCode"] = site,
        ["time"] = "2026-11-24T09:30:00Z",
        ["messageId"] = messageId,
        ["severity"] = "Error",
        ["win32Error"] = 1317,
        ["text"] = Q307434Text,
        ["clientOs"] = "Windows 2000 Professional",
        ["domain"] = "CORP",
    };

    public static Dictionary<string, object?> Lockout4740(string dc, long recordId, string caller) => new()
    {
        ["eventId"] = 4740,
        ["timeCreated"] = "2026-11-24T09:31:00Z",
        ["computer"] = dc,
        ["eventRecordId"] = recordId,
        ["targetUserName"] = "SMSCliToknAcct&",
        ["targetDomainName"] = caller,
        ["targetSid"] = "S-1-5-21-3457937927-2839227994-823803824-2104",
        ["subjectUserName"] = "DC01$",
        ["subjectDomainName"] = "CORP",
    };

    /// <summary>A 4740 as <c>wevtutil qe Security /f:xml</c> prints it (layout of the Microsoft docs sample).</summary>
    public static string Lockout4740Xml(string dc, long recordId, string caller) => $"""
        <Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">
          <System>
            <Provider Name="Microsoft-Windows-Security-Auditing" Guid="{"{"}54849625-5478-4994-A5BA-3E3B0328C30D{"}"}" />
            <EventID>4740</EventID>
            <Version>0</Version>
            <Level>0</Level>
            <Task>13824</Task>
            <Opcode>0</Opcode>
            <Keywords>0x8020000000000000</Keywords>
            <TimeCreated SystemTime="2026-11-24T09:31:08.576887500Z" />
            <EventRecordID>{recordId}</EventRecordID>
            <Correlation />
            <Execution ProcessID="520" ThreadID="1068" />
            <Channel>Security</Channel>
            <Computer>{dc}</Computer>
            <Security />
          </System>
          <EventData>
            <Data Name="TargetUserName">SMSCliToknAcct&amp;</Data>
            <Data Name="TargetDomainName">{caller}</Data>
            <Data Name="TargetSid">S-1-5-21-3457937927-2839227994-823803824-2104</Data>
            <Data Name="SubjectUserSid">S-1-5-18</Data>
            <Data Name="SubjectUserName">DC01$</Data>
            <Data Name="SubjectDomainName">CORP</Data>
            <Data Name="SubjectLogonId">0x3e7</Data>
          </EventData>
        </Event>
        """;
}
