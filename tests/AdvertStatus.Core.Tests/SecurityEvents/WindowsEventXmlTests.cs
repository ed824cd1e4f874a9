using System.Xml;
using AdvertStatus.Core.SecurityEvents;

namespace AdvertStatus.Core.Tests.SecurityEvents;

public class WindowsEventXmlTests
{
    // The 4740 example of Microsoft's auditing documentation (event-4740.md), as wevtutil prints it.
    private const string Sample4740 = """
        <Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">
         <System>
          <Provider Name="Microsoft-Windows-Security-Auditing" Guid="{54849625-5478-4994-A5BA-3E3B0328C30D}" />
          <EventID>4740</EventID>
          <Version>0</Version>
          <Level>0</Level>
          <Task>13824</Task>
          <Opcode>0</Opcode>
          <Keywords>0x8020000000000000</Keywords>
          <TimeCreated SystemTime="2015-08-21T22:06:08.576887500Z" />
          <EventRecordID>175703</EventRecordID>
          <Correlation />
          <Execution ProcessID="520" ThreadID="1068" />
          <Channel>Security</Channel>
          <Computer>DC01.contoso.local</Computer>
          <Security />
         </System>
         <EventData>
          <Data Name="TargetUserName">Auditor</Data>
          <Data Name="TargetDomainName">WIN81</Data>
          <Data Name="TargetSid">S-1-5-21-3457937927-2839227994-823803824-2104</Data>
          <Data Name="SubjectUserSid">S-1-5-18</Data>
          <Data Name="SubjectUserName">DC01$</Data>
          <Data Name="SubjectDomainName">CONTOSO</Data>
          <Data Name="SubjectLogonId">0x3e7</Data>
         </EventData>
        </Event>
        """;

    [Fact]
    public void Reads_the_system_values_and_named_data_of_an_event()
    {
        var record = Assert.Single(WindowsEventXml.Parse(new StringReader(Sample4740)));

        Assert.Equal(("4740", "2015-08-21T22:06:08.576887500Z", "DC01.contoso.local", "175703"), (record.EventId, record.TimeCreated, record.Computer, record.EventRecordId));
        Assert.Equal("WIN81", record.Data["targetdomainname"]);
        Assert.Equal("CONTOSO", record.Data["SubjectDomainName"]);
        Assert.Empty(record.InsertionStrings);
    }

    [Theory]
    [InlineData("", "", 3)]
    [InlineData("<Events>", "</Events>", 3)]
    [InlineData("<?xml version=\"1.0\"?><QueryList><Query>", "</Query></QueryList>", 3)]
    public void Reads_several_events_with_or_without_an_enclosing_element(string open, string close, int count)
    {
        var xml = open + string.Concat(Enumerable.Repeat(Sample4740, count)) + close;

        Assert.Equal(count, WindowsEventXml.Parse(new StringReader(xml)).Count);
    }

    [Fact]
    public void Keeps_unnamed_data_items_in_order()
    {
        const string xml = "<Event><System><EventID>644</EventID></System><EventData><Data>SMSCliToknAcct&amp;</Data><Data>WKS01</Data><Data /></EventData></Event>";

        var record = Assert.Single(WindowsEventXml.Parse(new StringReader(xml)));

        Assert.Equal(["SMSCliToknAcct&", "WKS01", ""], record.InsertionStrings);
    }

    [Fact]
    public void Refuses_a_DTD_so_no_external_entity_is_ever_resolved()
    {
        const string xml = "<?xml version=\"1.0\"?><!DOCTYPE Event [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><Event><System><Computer>&xxe;</Computer></System></Event>";

        Assert.Throws<XmlException>(() => WindowsEventXml.Parse(new StringReader(xml)));
    }

    [Fact]
    public void Refuses_malformed_XML()
    {
        Assert.Throws<XmlException>(() => WindowsEventXml.Parse(new StringReader("<Event><System></Event>")));
    }

    [Fact]
    public void Finds_no_event_in_XML_without_one()
    {
        Assert.Empty(WindowsEventXml.Parse(new StringReader("<Events><Other /></Events>")));
    }
}
