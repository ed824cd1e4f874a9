using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AdvertStatus.Web.Audit;
using AdvertStatus.Web.Findings;
using AdvertStatus.Web.Notifications;
using AdvertStatus.Web.Retention;
using AdvertStatus.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdvertStatus.Web.Tests.Retention;

/// <summary>
/// The purge of old raw data, on a fake clock: status messages, security events and inventory history
/// older than 90 days go, audit entries after 400 days, and what was derived from them keeps its meaning.
/// </summary>
public abstract class RetentionTests(TestDatabase database)
{
    private static readonly TimeSpan PastRetention = TimeSpan.FromDays(91);

    [Fact]
    public async Task Old_messages_go_while_advertisement_columns_and_findings_keep_their_meaning()
    {
        await using var app = database.NewApp(("Retention:Enabled", "false"));
        await AcceptedBatch.ReadAsync(await app.PostJsonAsync("/api/v1/status-messages", new[]
        {
            Status("RET01", "1", 10002, "2026-11-24T09:30:00Z"), Status("RET01", "2", 10005, "2026-11-24T09:31:00Z"),
            Status("RET01", "3", 10008, "2026-11-24T09:40:00Z"), Samples.StatusMessage("RET02", "1"),
        }));
        await AcceptedBatch.ReadAsync(await app.PostJsonAsync("/api/v1/security-events", new[] { Samples.Lockout4740("DC01", 1, "RET02") }));
        var advertsBefore = await GetAsync(app, "/api/v1/advertisements");
        var findingBefore = await FindingAsync(app, "RET02");

        app.Clock.Advance(PastRetention);
        var purged = await app.Services.GetRequiredService<RetentionJob>().PurgeAsync(TestContext.Current.CancellationToken);

        Assert.Equal((4L, 1L), (purged.StatusMessages, purged.SecurityEvents));
        Assert.Equal(0, await app.QueryAsync(db => db.StatusMessages.CountAsync(TestContext.Current.CancellationToken)));
        Assert.Equal(advertsBefore, await GetAsync(app, "/api/v1/advertisements"));
        var findingAfter = await FindingAsync(app, "RET02");
        Assert.Equal(findingBefore.GetProperty("count").GetInt32(), findingAfter.GetProperty("count").GetInt32());
        Assert.Contains("have aged out", findingAfter.GetProperty("evidence").EnumerateArray().Last().GetString(), StringComparison.Ordinal);
        Assert.NotEqual(JsonValueKind.Null, findingAfter.GetProperty("evidenceAgedOutBefore").ValueKind);

        // A new run of the same program on the same machine counts on top of the aged-out one.
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await AcceptedBatch.ReadAsync(await app.PostJsonAsync("/api/v1/status-messages", new[]
        {
            Status("RET01", "4", 10005, $"{now.AddHours(-2):O}"), Status("RET01", "5", 10008, $"{now.AddHours(-1):O}"),
        }));
        using var adverts = JsonDocument.Parse(await GetAsync(app, "/api/v1/advertisements"));
        var advert = adverts.RootElement.GetProperty("items").EnumerateArray().Single(a => a.GetProperty("advertisementId").GetString() == "LAB20099");
        var messages = advert.GetProperty("messages");
        Assert.Equal((1, 2, 2), (messages.GetProperty("received").GetInt32(), messages.GetProperty("programsStarted").GetInt32(), messages.GetProperty("programSuccess").GetInt32()));
        Assert.Equal((1, 1, 1), (advert.GetProperty("received").GetInt32(), advert.GetProperty("programsStarted").GetInt32(), advert.GetProperty("programSuccess").GetInt32()));
    }

    [Fact]
    public async Task Inventory_history_goes_but_each_machines_latest_report_stays_and_audit_is_kept_400_days()
    {
        await using var app = database.NewApp(("Retention:Enabled", "false"));
        await AcceptedBatch.ReadAsync(await app.PostJsonAsync("/api/v1/inventory", new[]
        {
            Inventory("RET03", "2026-11-01T00:00:00Z", "2.0.1493.3187"), Inventory("RET03", "2026-11-20T00:00:00Z", "2.0.1493.4000"),
        }));
        var now = AdvertStatusApp.Now.UtcDateTime + PastRetention;
        await app.QueryAsync(async db =>
        {
            db.AuditLog.Add(new AuditEntry { Time = now.AddDays(-401), Actor = "user:old@test.local", Action = AuditActions.SettingsRules });
            db.AuditLog.Add(new AuditEntry { Time = now.AddDays(-399), Actor = "user:kept@test.local", Action = AuditActions.SettingsRules });
            return await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });

        app.Clock.Advance(PastRetention);
        var purged = await app.Services.GetRequiredService<RetentionJob>().PurgeAsync(TestContext.Current.CancellationToken);

        Assert.Equal((1L, 1L), (purged.InventoryReports, purged.AuditEntries));
        var reports = await app.QueryAsync(db => db.InventoryReports.Where(r => r.MachineName == "RET03").Select(r => r.Time).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal([new DateTime(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc)], reports);
        var actors = await app.QueryAsync(db => db.AuditLog.Select(a => a.Actor).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Contains("user:kept@test.local", actors);
        Assert.DoesNotContain("user:old@test.local", actors);
    }

    [Fact]
    public async Task Data_younger_than_the_limit_is_untouched()
    {
        await using var app = database.NewApp(("Retention:Enabled", "false"));
        await AcceptedBatch.ReadAsync(await app.PostJsonAsync("/api/v1/status-messages", new[] { Samples.StatusMessage("RET04", "1") }));

        app.Clock.Advance(TimeSpan.FromDays(89));
        var purged = await app.Services.GetRequiredService<RetentionJob>().PurgeAsync(TestContext.Current.CancellationToken);

        // (The finding's opening goes: no webhook waits for it.)
        Assert.Equal((0L, 0L, 0L, 0L), (purged.StatusMessages, purged.SecurityEvents, purged.InventoryReports, purged.AuditEntries));
        Assert.Equal(1, await app.QueryAsync(db => db.StatusMessages.CountAsync(TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task Finding_openings_go_an_hour_after_every_webhook_passed_them_also_one_whose_rules_left_them_out()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var app = database.NewApp(("Retention:Enabled", "false"), ("Notifications:Webhooks:PollInterval", "00:00:00.200"));
        using var admin = app.CreateAgent(await app.AddApiKeyAsync("admin"));
        await AddWebhookAsync(admin, new { name = "every finding", url = receiver.Url(), format = "json" });
        await AddWebhookAsync(admin, new { name = "lockouts only", url = receiver.Url("/lockouts"), format = "json", rules = new[] { "RepeatedLockout" } });

        await AcceptedBatch.ReadAsync(await app.PostJsonAsync("/api/v1/status-messages", new[] { Samples.StatusMessage(Unique.Machine(), "1") }));
        await receiver.WaitForAsync(r => r.Count >= 1, TimeSpan.FromSeconds(10), "the finding's event");
        // The lockouts webhook sends nothing, yet its cursor moves past the opening its rules left out.
        var behind = await Eventually.ReadAsync(
            () => app.QueryAsync(db => db.Webhooks.AnyAsync(w => db.Set<FindingOpening>().Any(o => o.Sequence > w.DeliveredThrough), TestContext.Current.CancellationToken)),
            behind => !behind, TimeSpan.FromSeconds(10));
        Assert.False(behind, "A webhook's cursor did not pass the opening within 10 s.");

        Assert.Equal(0, (await PurgeAsync(app)).FindingOpenings);   // within the hour's grace
        app.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(1, (await PurgeAsync(app)).FindingOpenings);
        Assert.Equal(0, await app.QueryAsync(db => db.FindingOpenings.CountAsync(TestContext.Current.CancellationToken)));
        Assert.Single(receiver.Requests);
    }

    [Fact]
    public async Task A_finding_opening_a_failing_webhook_has_not_passed_stays_until_it_is_older_than_the_data()
    {
        await using var app = database.NewApp(("Retention:Enabled", "false"), ("Notifications:Webhooks:PollInterval", "00:00:00.200"));
        using var admin = app.CreateAgent(await app.AddApiKeyAsync("admin"));
        await AddWebhookAsync(admin, new { name = "receiver down", url = "http://127.0.0.1:9/hook", format = "json" });   // nothing listens on port 9

        await AcceptedBatch.ReadAsync(await app.PostJsonAsync("/api/v1/status-messages", new[] { Samples.StatusMessage(Unique.Machine(), "1") }));
        app.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(0, (await PurgeAsync(app)).FindingOpenings);
        Assert.Equal(1, await app.QueryAsync(db => db.FindingOpenings.CountAsync(TestContext.Current.CancellationToken)));

        app.Clock.Advance(PastRetention);
        Assert.Equal(1, (await PurgeAsync(app)).FindingOpenings);
        Assert.Equal(0, await app.QueryAsync(db => db.FindingOpenings.CountAsync(TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task The_purge_runs_by_itself_on_its_timer()
    {
        await using var app = database.NewApp();
        await AcceptedBatch.ReadAsync(await app.PostJsonAsync("/api/v1/status-messages", new[] { Samples.StatusMessage("RET05", "1") }));

        app.Clock.Advance(PastRetention);   // passes many hourly ticks of the job's timer

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (await app.QueryAsync(db => db.StatusMessages.CountAsync(TestContext.Current.CancellationToken)) > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "The timer did not purge within 10 s.");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    private static Dictionary<string, object?> Status(string machine, string recordId, int messageId, string time)
    {
        var message = Samples.StatusMessage(machine, recordId, messageId);
        message.Remove("text");
        message["advertisementId"] = "LAB20099";
        message["time"] = time;
        message["severity"] = "Informational";
        message["win32Error"] = 0;
        return message;
    }

    private static object Inventory(string machine, string time, string smsapm32) => new
    {
        machineName = machine,
        siteCode = "LAB",
        clientOs = "Windows 2000 Professional",
        platform = "i386",
        role = "Client",
        time,
        files = new[] { new { name = "Smsapm32.exe", version = smsapm32, path = @"C:\WINNT\MS\SMS\CORE\BIN" } },
    };

    private static async Task<string> GetAsync(AdvertStatusApp app, string route)
    {
        using var client = app.CreateAgent();
        return await client.GetStringAsync(route, TestContext.Current.CancellationToken);
    }

    private static async Task<JsonElement> FindingAsync(AdvertStatusApp app, string machine)
    {
        using var page = JsonDocument.Parse(await GetAsync(app, $"/api/v1/findings?machine={machine}&rule=Error1317"));
        return page.RootElement.GetProperty("items")[0].Clone();
    }

    private static Task<RetentionResult> PurgeAsync(AdvertStatusApp app) =>
        app.Services.GetRequiredService<RetentionJob>().PurgeAsync(TestContext.Current.CancellationToken);

    private static async Task AddWebhookAsync(HttpClient admin, object request)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/admin/webhooks", request, TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}

public sealed class RetentionOnSqliteTests(SqliteDatabase database) : RetentionTests(database), IClassFixture<SqliteDatabase>;

public sealed class RetentionOnSqlServerTests(SqlServerDatabase database) : RetentionTests(database), IClassFixture<SqlServerDatabase>;
