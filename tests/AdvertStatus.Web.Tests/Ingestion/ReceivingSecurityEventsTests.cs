using System.Net;
using System.Text;
using AdvertStatus.Core.SecurityEvents;
using AdvertStatus.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Tests.Ingestion;

public abstract class ReceivingSecurityEventsTests(AdvertStatusApp app)
{
    private const string Route = "/api/v1/security-events";

    [Fact]
    public async Task Stores_a_4740_JSON_event_with_TargetDomainName_as_the_caller_computer()
    {
        var dc = Unique.Machine("DC") + ".corp.local";
        var caller = Unique.Machine();
        var recordId = Unique.Number();

        var accepted = await AcceptedBatch.ReadAsync(await app.PostJsonAsync(Route, Samples.Lockout4740(dc, recordId, caller)));

        Assert.Equal((1, 0, 0), (accepted.Accepted, accepted.Duplicates, accepted.Ignored));
        var stored = await app.QueryAsync(db => db.SecurityEvents.SingleAsync(e => e.EventRecordId == recordId));
        Assert.Equal(SecurityEventKind.Lockout, stored.Kind);
        Assert.Equal(caller, stored.SourceMachine);
        Assert.Equal(caller, stored.CallerComputerName);
        Assert.Equal("CORP", stored.AccountDomain);
        Assert.Equal(dc.ToUpperInvariant(), stored.Computer);
        Assert.Equal("SMSCliToknAcct&", stored.TargetUserName);
    }

    [Fact]
    public async Task Stores_a_644_with_its_caller_machine_from_insertion_string_2()
    {
        var caller = Unique.Machine();
        var recordId = Unique.Number();
        var evt = new
        {
            eventId = 644,
            timeCreated = "2026-11-24T08:00:00Z",
            computer = "DC02",
            eventRecordId = recordId,
            insertionStrings = new[] { "SMSCliToknAcct&", caller, "S-1-5-21-1-2-3-1104", "DC02$", "CORP", "(0x0,0x3E7)" },
        };

        await AcceptedBatch.ReadAsync(await app.PostJsonAsync(Route, evt));

        var stored = await app.QueryAsync(db => db.SecurityEvents.SingleAsync(e => e.EventRecordId == recordId));
        Assert.Equal(("SMSCliToknAcct&", caller, "CORP"), (stored.TargetUserName, stored.SourceMachine, stored.AccountDomain));
    }

    [Fact]
    public async Task Stores_a_bad_password_event_with_its_source_workstation()
    {
        var workstation = Unique.Machine();
        var recordId = Unique.Number();
        var evt = new { eventId = 4776, timeCreated = "2026-11-24T08:00:00Z", computer = "DC01", eventRecordId = recordId, targetUserName = "SMSCliToknAcct&", workstation = workstation.ToLowerInvariant(), status = "0xc000006a" };

        await AcceptedBatch.ReadAsync(await app.PostJsonAsync(Route, evt));

        var stored = await app.QueryAsync(db => db.SecurityEvents.SingleAsync(e => e.EventRecordId == recordId));
        Assert.Equal((SecurityEventKind.BadPassword, workstation), (stored.Kind, stored.SourceMachine));
    }

    [Fact]
    public async Task Counts_event_ids_it_does_not_keep_as_ignored_without_storing_them()
    {
        var recordId = Unique.Number();
        var logon = new { eventId = 4624, timeCreated = "2026-11-24T08:00:00Z", computer = "DC01", eventRecordId = recordId };

        var accepted = await AcceptedBatch.ReadAsync(await app.PostJsonAsync(Route, new object[] { logon, Samples.Lockout4740("DC01", Unique.Number(), "WKS1") }));

        Assert.Equal((1, 0, 1), (accepted.Accepted, accepted.Duplicates, accepted.Ignored));
        Assert.False(await app.QueryAsync(db => db.SecurityEvents.AnyAsync(e => e.EventRecordId == recordId)));
    }

    [Fact]
    public async Task Counts_the_same_computer_and_record_id_as_duplicate_whatever_the_case()
    {
        var recordId = Unique.Number();
        await AcceptedBatch.ReadAsync(await app.PostJsonAsync(Route, Samples.Lockout4740("dc01.corp.local", recordId, "WKS1")));

        var again = await AcceptedBatch.ReadAsync(await app.PostJsonAsync(Route, Samples.Lockout4740("DC01.CORP.LOCAL", recordId, "WKS1")));

        Assert.Equal((0, 1), (again.Accepted, again.Duplicates));
    }

    [Theory]
    [InlineData("computer")]
    [InlineData("eventRecordId")]
    [InlineData("eventId")]
    [InlineData("timeCreated")]
    public async Task Rejects_an_event_missing_a_key_field_naming_it(string field)
    {
        var evt = Samples.Lockout4740("DC01", Unique.Number(), "WKS1");
        evt.Remove(field);

        var problem = await Problem.ReadAsync(await app.PostJsonAsync(Route, evt), HttpStatusCode.BadRequest);

        Assert.Contains($"[0].{field}", problem.Errors.Keys);
    }

    [Fact]
    public async Task Accepts_one_event_as_Windows_Event_XML()
    {
        var caller = Unique.Machine();
        var recordId = Unique.Number();

        var accepted = await AcceptedBatch.ReadAsync(await PostXmlAsync(Samples.Lockout4740Xml("DC01.corp.local", recordId, caller)));

        Assert.Equal(1, accepted.Accepted);
        var stored = await app.QueryAsync(db => db.SecurityEvents.SingleAsync(e => e.EventRecordId == recordId));
        Assert.Equal((4740, caller, "CORP"), (stored.EventId, stored.SourceMachine, stored.AccountDomain));
        Assert.Equal(new DateTime(2026, 11, 24, 9, 31, 8, 576, DateTimeKind.Utc), stored.TimeCreated, TimeSpan.FromMilliseconds(1));
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("<Events>", "</Events>")]
    [InlineData("<?xml version=\"1.0\" encoding=\"utf-8\"?><Events xmlns:x=\"urn:x\">", "</Events>")]
    public async Task Accepts_several_XML_events_with_or_without_an_enclosing_element(string open, string close)
    {
        var first = Unique.Number();
        var second = Unique.Number();
        var xml = open + Samples.Lockout4740Xml("DC01", first, "WKS1") + Samples.Lockout4740Xml("DC01", second, "WKS2") + close;

        var accepted = await AcceptedBatch.ReadAsync(await PostXmlAsync(xml));

        Assert.Equal(2, accepted.Accepted);
    }

    [Fact]
    public async Task Refuses_XML_with_an_external_entity_and_stores_nothing()
    {
        var recordId = Unique.Number();
        var xml = "<?xml version=\"1.0\"?><!DOCTYPE Event [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>" +
            Samples.Lockout4740Xml("DC01", recordId, "&xxe;");

        var problem = await Problem.ReadAsync(await PostXmlAsync(xml), HttpStatusCode.BadRequest);

        Assert.Contains("DTD", problem.Detail, StringComparison.Ordinal);
        Assert.False(await app.QueryAsync(db => db.SecurityEvents.AnyAsync(e => e.EventRecordId == recordId)));
    }

    [Fact]
    public async Task Rejects_malformed_XML_with_400()
    {
        await Problem.ReadAsync(await PostXmlAsync("<Event><System><EventID>4740</EventID></System>"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Reads_a_down_level_644_with_unnamed_data_items_from_XML()
    {
        var recordId = Unique.Number();
        var caller = Unique.Machine();
        var xml = $"""
            <Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System><EventID>644</EventID>
            <TimeCreated SystemTime="2026-11-24T07:00:00.000Z"/><EventRecordID>{recordId}</EventRecordID><Computer>DC03</Computer></System>
            <EventData><Data>SMSCliToknAcct&amp;</Data><Data>{caller}</Data><Data>%{"{"}S-1-5-21-1{"}"}</Data><Data>DC03$</Data><Data>CORP</Data><Data>(0x0,0x3E7)</Data></EventData></Event>
            """;

        await AcceptedBatch.ReadAsync(await PostXmlAsync(xml));

        var stored = await app.QueryAsync(db => db.SecurityEvents.SingleAsync(e => e.EventRecordId == recordId));
        Assert.Equal(("SMSCliToknAcct&", caller), (stored.TargetUserName, stored.SourceMachine));
    }

    private async Task<HttpResponseMessage> PostXmlAsync(string xml)
    {
        using var client = app.CreateAgent();
        using var content = new StringContent(xml, Encoding.UTF8, "application/xml");
        return await client.PostAsync(Route, content, TestContext.Current.CancellationToken);
    }
}

public sealed class ReceivingSecurityEventsOnSqliteTests(AdvertStatusApp app) : ReceivingSecurityEventsTests(app), IClassFixture<AdvertStatusApp>;

public sealed class ReceivingSecurityEventsOnSqlServerTests : ReceivingSecurityEventsTests, IClassFixture<SqlServerApp>
{
    public ReceivingSecurityEventsOnSqlServerTests(SqlServerApp app)
        : base(app) => SqlServerContainer.SkipUnlessAvailable();
}
