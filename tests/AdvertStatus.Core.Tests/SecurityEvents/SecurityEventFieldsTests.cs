using AdvertStatus.Core.SecurityEvents;

namespace AdvertStatus.Core.Tests.SecurityEvents;

public class SecurityEventFieldsTests
{
    private static SecurityEvent Event(int id) => new() { EventId = id, Computer = "dc01.corp.local", EventRecordId = 1 };

    [Fact]
    public void Reads_the_caller_of_a_4740_from_TargetDomainName()
    {
        var evt = Event(4740);
        evt.TargetUserName = "SMSCliToknAcct&";
        evt.TargetDomainName = "WIN81";          // Microsoft's sample: this field is the Caller Computer Name
        evt.SubjectDomainName = "CONTOSO";

        SecurityEventFields.Derive(evt);

        Assert.Equal(SecurityEventKind.Lockout, evt.Kind);
        Assert.Equal(("WIN81", "WIN81", "CONTOSO"), (evt.CallerComputerName, evt.SourceMachine, evt.AccountDomain));
        Assert.Equal("DC01.CORP.LOCAL", evt.Computer);
    }

    [Fact]
    public void Prefers_an_explicit_caller_on_a_4740()
    {
        var evt = Event(4740);
        evt.TargetDomainName = "OTHER";
        evt.CallerComputerName = "\\\\WKS07";

        SecurityEventFields.Derive(evt);

        Assert.Equal("WKS07", evt.SourceMachine);
    }

    [Fact]
    public void Reads_the_caller_of_a_644_from_insertion_string_2()
    {
        var evt = Event(644);
        evt.InsertionStrings = ["SMSCliToknAcct&", "WKS02", "S-1-5-21-1-2-3-1104", "DC01$", "CORP", "(0x0,0x3E7)"];

        SecurityEventFields.Derive(evt);

        Assert.Equal(("SMSCliToknAcct&", "WKS02", "S-1-5-21-1-2-3-1104"), (evt.TargetUserName, evt.SourceMachine, evt.TargetSid));
        Assert.Equal("CORP", evt.AccountDomain);
    }

    [Theory]
    [InlineData(4625, SecurityEventKind.BadPassword)]
    [InlineData(4776, SecurityEventKind.BadPassword)]
    [InlineData(529, SecurityEventKind.BadPassword)]
    [InlineData(681, SecurityEventKind.BadPassword)]
    public void Takes_the_source_of_a_bad_password_event_from_its_workstation(int eventId, SecurityEventKind kind)
    {
        var evt = Event(eventId);
        evt.Workstation = "wks03";
        evt.TargetDomainName = "corp";

        SecurityEventFields.Derive(evt);

        Assert.Equal((kind, "WKS03", "CORP"), (evt.Kind, evt.SourceMachine, evt.AccountDomain));
    }

    [Fact]
    public void Reads_a_down_level_681_from_its_insertion_strings()
    {
        var evt = Event(681);
        evt.InsertionStrings = ["SMSCliToknAcct&", "MICROSOFT_AUTHENTICATION_PACKAGE_V1_0", "WKS04", "3221225578"];

        SecurityEventFields.Derive(evt);

        Assert.Equal(("SMSCliToknAcct&", "WKS04", "3221225578"), (evt.TargetUserName, evt.SourceMachine, evt.Status));
    }

    [Fact]
    public void Reads_a_down_level_529_from_its_insertion_strings()
    {
        var evt = Event(529);
        evt.InsertionStrings = ["SMSCliToknAcct&", "CORP", "3", "NtLmSsp", "MICROSOFT_AUTHENTICATION_PACKAGE_V1_0", "WKS05"];

        SecurityEventFields.Derive(evt);

        Assert.Equal(("WKS05", "CORP", 3), (evt.SourceMachine, evt.AccountDomain, evt.LogonType));
    }

    [Fact]
    public void Has_no_source_machine_for_a_Kerberos_failure_that_only_names_an_address()
    {
        var evt = Event(4771);
        evt.IpAddress = "::ffff:10.0.0.12";

        SecurityEventFields.Derive(evt);

        Assert.Null(evt.SourceMachine);
    }

    [Theory]
    [InlineData(644, SecurityEventKind.Lockout)]
    [InlineData(4740, SecurityEventKind.Lockout)]
    [InlineData(675, SecurityEventKind.BadPassword)]
    [InlineData(4771, SecurityEventKind.BadPassword)]
    [InlineData(671, SecurityEventKind.Unlock)]
    [InlineData(4767, SecurityEventKind.Unlock)]
    public void Knows_the_kind_of_each_kept_event(int eventId, SecurityEventKind kind)
    {
        Assert.Equal(kind, SecurityEventCatalog.KindOf(eventId));
    }

    [Theory]
    [InlineData(4624)]
    [InlineData(539)]
    [InlineData(4768)]
    public void Keeps_no_other_event(int eventId)
    {
        Assert.Null(SecurityEventCatalog.KindOf(eventId));
    }
}
