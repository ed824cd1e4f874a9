using System.Net;
using AdvertStatus.Core.StatusMessages;
using AdvertStatus.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Tests.Ingestion;

public abstract class ReceivingStatusMessagesTests(AdvertStatusApp app)
{
    private const string Route = "/api/v1/status-messages";

    [Fact]
    public async Task Stores_one_message_with_derived_fields_and_answers_202_after_commit()
    {
        var machine = Unique.Machine();
        var message = Samples.StatusMessage(machine.ToLowerInvariant(), "1");
        message["win32Error"] = "0x80070525";
        message["siteCode"] = "lab";

        var accepted = await AcceptedBatch.ReadAsync(await app.PostJsonAsync(Route, message));

        Assert.Equal((1, 0), (accepted.Accepted, accepted.Duplicates));
        var stored = await app.QueryAsync(db => db.StatusMessages.SingleAsync(m => m.MachineName == machine));
        Assert.Equal("LAB", stored.SiteCode);
        Assert.Equal(0x80070525, stored.Win32Error);
        Assert.Equal(1317, stored.Win32Code);
        Assert.Equal(Severity.Error, stored.Severity);
        Assert.Equal("LAB20001", stored.AdvertisementId);
        Assert.Equal("Office 2000", stored.PackageName);
        Assert.Equal("Setup", stored.ProgramName);
        Assert.Equal(new DateTime(2026, 11, 24, 9, 30, 0, DateTimeKind.Utc), stored.Time);
        Assert.Equal(DateTimeKind.Utc, stored.Time.Kind);
        var seen = await app.QueryAsync(db => db.Machines.SingleAsync(m => m.MachineName == machine));
        Assert.Equal("LAB", seen.SiteCode);
        Assert.Equal("Windows 2000 Professional", seen.ClientOs);
        Assert.Equal(stored.Time, seen.LastSeen);
    }

    [Fact]
    public async Task Stores_every_item_of_an_array()
    {
        var machine = Unique.Machine();
        object[] batch = [Samples.StatusMessage(machine, "1"), Samples.StatusMessage(machine, "2", 10002), Samples.StatusMessage(machine, "3", 10005)];

        var accepted = await AcceptedBatch.ReadAsync(await app.PostJsonAsync(Route, batch));

        Assert.Equal((3, 0), (accepted.Accepted, accepted.Duplicates));
        Assert.Equal(3, await app.QueryAsync(db => db.StatusMessages.CountAsync(m => m.MachineName == machine)));
    }

    [Fact]
    public async Task Counts_a_resent_message_as_duplicate_and_stores_it_once()
    {
        var machine = Unique.Machine();
        await AcceptedBatch.ReadAsync(await app.PostJsonAsync(Route, Samples.StatusMessage(machine, "42")));

        var again = await AcceptedBatch.ReadAsync(await app.PostJsonAsync(Route, new[] { Samples.StatusMessage(machine.ToLowerInvariant(), "42"), Samples.StatusMessage(machine, "43") }));

        Assert.Equal((1, 1), (again.Accepted, again.Duplicates));
        Assert.Equal(2, await app.QueryAsync(db => db.StatusMessages.CountAsync(m => m.MachineName == machine)));
    }

    [Fact]
    public async Task Counts_a_repeat_inside_one_batch_as_duplicate()
    {
        var machine = Unique.Machine();

        var accepted = await AcceptedBatch.ReadAsync(await app.PostJsonAsync(Route, new[] { Samples.StatusMessage(machine, "7"), Samples.StatusMessage(machine, "7") }));

        Assert.Equal((1, 1), (accepted.Accepted, accepted.Duplicates));
    }

    [Fact]
    public async Task Parallel_resends_of_one_batch_store_it_exactly_once()
    {
        var machine = Unique.Machine();
        var batch = Enumerable.Range(1, 20).Select(i => Samples.StatusMessage(machine, i.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToArray();

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ => await AcceptedBatch.ReadAsync(await app.PostJsonAsync(Route, batch))));

        Assert.Equal(20, results.Sum(r => r.Accepted));
        Assert.All(results, r => Assert.Equal(20, r.Accepted + r.Duplicates));
        Assert.Equal(20, await app.QueryAsync(db => db.StatusMessages.CountAsync(m => m.MachineName == machine)));
    }

    [Fact]
    public async Task Rejects_a_batch_with_one_bad_item_naming_it_and_stores_nothing()
    {
        var good = Unique.Machine();
        var bad = Samples.StatusMessage("NAME/WITH/SLASH", "2");

        var problem = await Problem.ReadAsync(await app.PostJsonAsync(Route, new[] { Samples.StatusMessage(good, "1"), bad }), HttpStatusCode.BadRequest);

        Assert.Equal(["[1].machineName"], problem.Errors.Keys);
        Assert.Contains("machineName", problem.Errors["[1].machineName"][0], StringComparison.Ordinal);
        Assert.Equal(0, await app.QueryAsync(db => db.StatusMessages.CountAsync(m => m.MachineName == good)));
        Assert.False(await app.QueryAsync(db => db.Machines.AnyAsync(m => m.MachineName == good)));
    }

    public static TheoryData<string, object?, string> InvalidFields => new()
    {
        { "machineName", "ABCDEFGHIJKLMNOP", "[0].machineName" },      // 16 characters
        { "machineName", "WKS*01", "[0].machineName" },
        { "machineName", "WKS\u000701", "[0].machineName" },
        { "machineName", "", "[0].machineName" },
        { "machineName", null, "[0].machineName" },
        { "siteCode", "LA", "[0].siteCode" },
        { "siteCode", "LA!", "[0].siteCode" },
        { "siteCode", "LABS", "[0].siteCode" },
        { "recordId", null, "[0].recordId" },
        { "recordId", new string('9', 65), "[0].recordId" },
        { "time", null, "[0].time" },
        { "time", "2026-11-25T12:00:01Z", "[0].time" },             // 24 h and a second ahead
        { "time", "1994-12-31T23:59:59Z", "[0].time" },
        { "messageId", 65536, "[0].messageId" },
        { "messageId", -1, "[0].messageId" },
        { "messageId", "abc", "[0].messageId" },                    // wrong JSON type
        { "severity", "Critical", "[0].severity" },
        { "severity", 12345, "[0].severity" },
        { "win32Error", "0xZZ", "[0].win32Error" },
        { "win32Error", "0x1FFFFFFFF", "[0].win32Error" },
        { "win32Error", "twelve", "[0].win32Error" },
        { "insertionStrings", Enumerable.Repeat("x", 11).ToArray(), "[0].insertionStrings" },
        { "insertionStrings", new[] { new string('x', 4001) }, "[0].insertionStrings" },
        { "component", new string('c', 4001), "[0].component" },
        { "text", new string('t', 16001), "[0].text" },
        { "attributes", new[] { new { value = "LAB20001" } }, "[0].attributes[0].id" },
    };

    [Theory]
    [MemberData(nameof(InvalidFields))]
    public async Task Rejects_an_invalid_field_with_ProblemDetails_naming_it(string field, object? value, string expectedKey)
    {
        var machine = Unique.Machine();
        var message = Samples.StatusMessage(machine, "1");
        message[field] = value;

        var problem = await Problem.ReadAsync(await app.PostJsonAsync(Route, message), HttpStatusCode.BadRequest);

        Assert.Contains(expectedKey, problem.Errors.Keys);
        Assert.Equal(0, await app.QueryAsync(db => db.StatusMessages.CountAsync(m => m.MachineName == machine)));
    }

    public static TheoryData<string, object?> AcceptedEdgeValues => new()
    {
        { "time", "2026-11-25T11:59:59Z" },      // just inside 24 h ahead
        { "time", "1995-01-01T00:00:00Z" },
        { "siteCode", " c01 " },
        { "severity", -1073741824 },             // signed Error as the SQL views store it
        { "severity", 3221225472 },
        { "severity", "informational" },
        { "win32Error", -2147023579 },           // signed HRESULT 0x80070525
        { "messageId", 0 },
        { "insertionStrings", Enumerable.Repeat("x", 10).ToArray() },
        { "unknownProperty", "ignored" },
    };

    [Theory]
    [MemberData(nameof(AcceptedEdgeValues))]
    public async Task Accepts_values_on_the_edge_of_the_rules(string field, object? value)
    {
        var message = Samples.StatusMessage(Unique.Machine(), "1");
        message[field] = value;

        var accepted = await AcceptedBatch.ReadAsync(await app.PostJsonAsync(Route, message));

        Assert.Equal(1, accepted.Accepted);
    }

    [Fact]
    public async Task Reads_a_time_without_offset_as_UTC_and_converts_offsets()
    {
        var plain = Unique.Machine();
        var offset = Unique.Machine();
        var first = Samples.StatusMessage(plain, "1");
        first["time"] = "2026-11-20T10:00:00";
        var second = Samples.StatusMessage(offset, "1");
        second["time"] = "2026-11-20T12:00:00+02:00";

        await AcceptedBatch.ReadAsync(await app.PostJsonAsync(Route, new[] { first, second }));

        var times = await app.QueryAsync(db => db.StatusMessages.Where(m => m.MachineName == plain || m.MachineName == offset).Select(m => m.Time).ToListAsync());
        Assert.All(times, t => Assert.Equal(new DateTime(2026, 11, 20, 10, 0, 0, DateTimeKind.Utc), t));
    }

    [Fact]
    public async Task Derives_the_advertisement_from_attributes_and_insertion_strings()
    {
        var machine = Unique.Machine();
        var message = Samples.StatusMessage(machine, "1", 10005);
        message.Remove("text");
        message["attributes"] = new object[] { new { id = 401, value = "lab20009" }, new { id = 400, value = "LAB00012" }, new { id = 402, value = "SMS00001" } };
        message["insertionStrings"] = new[] { "IGNORED1", "", "", "Visio", "Install" };

        await AcceptedBatch.ReadAsync(await app.PostJsonAsync(Route, message));

        var stored = await app.QueryAsync(db => db.StatusMessages.SingleAsync(m => m.MachineName == machine));
        Assert.Equal(("LAB20009", "LAB00012", "SMS00001"), (stored.AdvertisementId, stored.PackageId, stored.CollectionId));
        Assert.Equal(("Visio", "Install"), (stored.PackageName, stored.ProgramName));
        Assert.Equal(5, stored.InsertionStrings.Count);
        Assert.Equal(3, stored.Attributes.Count);
    }
}

public sealed class ReceivingStatusMessagesOnSqliteTests(AdvertStatusApp app) : ReceivingStatusMessagesTests(app), IClassFixture<AdvertStatusApp>;

public sealed class ReceivingStatusMessagesOnSqlServerTests : ReceivingStatusMessagesTests, IClassFixture<SqlServerApp>
{
    public ReceivingStatusMessagesOnSqlServerTests(SqlServerApp app)
        : base(app) => SqlServerContainer.SkipUnlessAvailable();
}
