using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AdvertStatus.Web.Api;
using AdvertStatus.Web.Audit;
using AdvertStatus.Web.Notifications;
using AdvertStatus.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Tests.Notifications;

/// <summary>Webhooks end to end: the admin API, then real HTTP deliveries to a receiver on loopback.</summary>
public abstract class WebhookTests(TestDatabase database)
{
    private const string Route = "/api/v1/admin/webhooks";
    private const string PublicBaseUrl = "https://advertstatus.example.test";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Quick retries 100 ms apart and a 1 s backoff, so retry specs take seconds, not minutes.</summary>
    private static readonly (string, string)[] FastRetries =
    [
        ("Notifications:PublicBaseUrl", PublicBaseUrl),
        ("Notifications:Webhooks:QuickRetries", "2"),
        ("Notifications:Webhooks:RetryDelay", "00:00:00.100"),
        ("Notifications:Webhooks:FirstBackoff", "00:00:01"),
        ("Notifications:Webhooks:AttemptTimeout", "00:00:05"),
        ("Notifications:Webhooks:PollInterval", "00:00:00.200"),
    ];

    private static async Task<WebhookItem> CreateAsync(HttpClient admin, object request)
    {
        var response = await admin.PostAsJsonAsync(Route, request, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<WebhookItem>(body, ApiReader.Json)!;
    }

    private static async Task<WebhookItem> ListedAsync(HttpClient admin, int id) =>
        (await ApiReader.GetAsync<ItemList<WebhookItem>>(admin, Route)).Items.Single(w => w.Id == id);

    /// <summary>Status messages that open one Error1317 finding per machine (Windows 2000 clients at site LAB).</summary>
    private static async Task OpenError1317FindingsAsync(AdvertStatusApp app, params string[] machines)
    {
        using var agent = app.CreateAgent();
        var batch = machines.Select((m, i) => Samples.StatusMessage(m, $"{m}-{i}")).ToArray();
        Assert.Equal(HttpStatusCode.Accepted, (await agent.PostAsJsonAsync("/api/v1/status-messages", batch, Ct)).StatusCode);
    }

    private static string Hmac(string secret, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    [Fact]
    public async Task A_new_finding_is_posted_within_5_seconds_as_signed_JSON_with_the_finding_and_its_link()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var app = database.NewApp(FastRetries);
        using var admin = app.CreateAgent(await app.AddApiKeyAsync("admin"));
        const string secret = "s3cret-for-the-hmac-0123456789";
        var hook = await CreateAsync(admin, new { name = "json", url = receiver.Url(), format = "json", secret, rules = new[] { "error1317" } });
        var machine = Unique.Machine();

        var sent = Stopwatch.StartNew();
        await OpenError1317FindingsAsync(app, machine);
        var request = (await receiver.WaitForAsync(r => r.Count >= 1, TimeSpan.FromSeconds(10), "the finding.opened event")).Single();
        var elapsed = sent.Elapsed;
        TestContext.Current.TestOutputHelper?.WriteLine($"finding opened → webhook received: {elapsed.TotalMilliseconds:N0} ms");

        using var json = JsonDocument.Parse(request.Body);
        var root = json.RootElement;
        Assert.True(elapsed < TimeSpan.FromSeconds(5), $"delivered after {elapsed.TotalMilliseconds:N0} ms");
        Assert.Equal("finding.opened", root.GetProperty("event").GetString());
        Assert.Equal("Error1317", root.GetProperty("finding").GetProperty("rule").GetString());
        Assert.Equal(machine, root.GetProperty("finding").GetProperty("machineName").GetString());
        Assert.Equal("Open", root.GetProperty("finding").GetProperty("state").GetString());
        Assert.Equal($"{PublicBaseUrl}/workstations/{machine}", root.GetProperty("url").GetString());
        Assert.Equal(Hmac(secret, request.Body), request.Header("X-AdvertStatus-Signature"));
        Assert.NotEqual(Hmac(secret + "x", request.Body), request.Header("X-AdvertStatus-Signature"));
        Assert.StartsWith($"{hook.Id}.", request.Header("X-AdvertStatus-Delivery"), StringComparison.Ordinal);
        Assert.StartsWith("application/json", request.Header("Content-Type"), StringComparison.Ordinal);
        // The receiver has the request a moment before the dispatcher has saved the answer.
        var listed = await Eventually.ReadAsync(() => ListedAsync(admin, hook.Id), w => w.LastSuccessAt is not null && w.Backlog == 0, TimeSpan.FromSeconds(10));
        Assert.True(listed.HasSecret);
        Assert.NotNull(listed.LastSuccessAt);
        Assert.Equal(0, listed.Backlog);
    }

    [Fact]
    public async Task A_receiver_answering_503_twice_gets_the_event_a_third_time_with_the_same_delivery_id()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = (n, _) => (n <= 2 ? 503 : 200, null, TimeSpan.Zero);
        await using var app = database.NewApp(FastRetries);
        using var admin = app.CreateAgent(await app.AddApiKeyAsync("admin"));
        var hook = await CreateAsync(admin, new { name = "flaky", url = receiver.Url(), format = "json" });

        await OpenError1317FindingsAsync(app, Unique.Machine());
        var requests = await receiver.WaitForAsync(r => r.Any(x => x.Answered == 200), TimeSpan.FromSeconds(15), "a delivery after two 503s");

        Assert.Equal([503, 503, 200], requests.Select(r => r.Answered));
        Assert.Single(requests.Select(r => r.Header("X-AdvertStatus-Delivery")).Distinct());
        Assert.Null(requests[0].Header("X-AdvertStatus-Signature"));   // no secret, no signature
        Assert.NotNull((await Eventually.ReadAsync(() => ListedAsync(admin, hook.Id), w => w.LastSuccessAt is not null, TimeSpan.FromSeconds(10))).LastSuccessAt);
    }

    [Fact]
    public async Task A_receiver_that_keeps_failing_holds_the_event_in_the_backlog_honours_Retry_After_and_gets_it_when_it_recovers()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var healthy = false;
        receiver.Respond = (_, _) => (Volatile.Read(ref healthy) ? 200 : 429, new() { ["Retry-After"] = "2" }, TimeSpan.Zero);
        await using var app = database.NewApp(FastRetries);
        using var admin = app.CreateAgent(await app.AddApiKeyAsync("admin"));
        var hook = await CreateAsync(admin, new { name = "down", url = receiver.Url(), format = "json" });
        var (first, second) = (Unique.Machine(), Unique.Machine());

        await OpenError1317FindingsAsync(app, first);
        await OpenError1317FindingsAsync(app, second);
        await receiver.WaitForAsync(r => r.Count >= 3, TimeSpan.FromSeconds(15), "the quick retries");
        var failing = await Eventually.ReadAsync(() => ListedAsync(admin, hook.Id), w => w.NextAttemptAt is not null, TimeSpan.FromSeconds(10));
        var failedCount = receiver.Requests.Count;
        await Task.Delay(1000, Ct);
        var duringRetryAfter = receiver.Requests.Count - failedCount;
        Volatile.Write(ref healthy, true);
        var delivered = (await receiver.WaitForAsync(r => r.Count(x => x.Answered == 200) >= 2, TimeSpan.FromSeconds(20), "both events after recovery"))
            .Where(r => r.Answered == 200).ToList();

        Assert.Contains("429", failing.LastError, StringComparison.Ordinal);
        Assert.Equal(2, failing.Backlog);
        Assert.Equal(0, duringRetryAfter);   // nothing is sent before the receiver's Retry-After has passed
        Assert.Equal([first, second], delivered.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("finding").GetProperty("machineName").GetString()));
        Assert.Equal(0, (await Eventually.ReadAsync(() => ListedAsync(admin, hook.Id), w => w.Backlog == 0, TimeSpan.FromSeconds(10))).Backlog);
    }

    [Fact]
    public async Task Slack_and_Teams_get_their_own_bodies_naming_rule_machine_site_and_link()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var app = database.NewApp(FastRetries);
        using var admin = app.CreateAgent(await app.AddApiKeyAsync("admin"));
        await CreateAsync(admin, new { name = "slack", url = receiver.Url("/slack"), format = "slack" });
        await CreateAsync(admin, new { name = "teams", url = receiver.Url("/teams"), format = "teams" });
        var machine = Unique.Machine();

        await OpenError1317FindingsAsync(app, machine);
        var requests = await receiver.WaitForAsync(r => r.Count >= 2, TimeSpan.FromSeconds(10), "the Slack and Teams posts");

        var slack = JsonDocument.Parse(requests.Single(r => r.Path == "/slack").Body).RootElement;
        var text = slack.GetProperty("text").GetString()!;
        Assert.Single(slack.EnumerateObject());
        Assert.Contains("Error1317 opened on " + machine + " (site LAB)", text, StringComparison.Ordinal);
        Assert.Contains($"<{PublicBaseUrl}/workstations/{machine}|Open in AdvertStatus>", text, StringComparison.Ordinal);

        var teams = JsonDocument.Parse(requests.Single(r => r.Path == "/teams").Body).RootElement;
        Assert.Equal("message", teams.GetProperty("type").GetString());
        var attachment = teams.GetProperty("attachments")[0];
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.GetProperty("contentType").GetString());
        var card = attachment.GetProperty("content");
        Assert.Equal("AdaptiveCard", card.GetProperty("type").GetString());
        Assert.Contains(machine, card.GetProperty("body")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
        var facts = card.GetProperty("body")[2].GetProperty("facts").EnumerateArray().ToDictionary(f => f.GetProperty("title").GetString()!, f => f.GetProperty("value").GetString());
        Assert.Equal(("Error1317", machine, "LAB"), (facts["Rule"], facts["Machine"], facts["Site"]));
        Assert.Equal($"{PublicBaseUrl}/workstations/{machine}", card.GetProperty("actions")[0].GetProperty("url").GetString());
    }

    [Fact]
    public async Task A_webhook_gets_only_its_rules_and_sites_and_a_test_event_on_request()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var app = database.NewApp(FastRetries);
        using var admin = app.CreateAgent(await app.AddApiKeyAsync("admin"));
        await OpenError1317FindingsAsync(app, Unique.Machine());   // site LAB now known
        var other = await CreateAsync(admin, new { name = "lockouts only", url = receiver.Url("/lockouts"), format = "json", rules = new[] { "RepeatedLockout" } });
        var lab = await CreateAsync(admin, new { name = "LAB only", url = receiver.Url("/lab"), format = "json", sites = new[] { "lab" } });

        await OpenError1317FindingsAsync(app, Unique.Machine());
        await receiver.WaitForAsync(r => r.Any(x => x.Path == "/lab"), TimeSpan.FromSeconds(10), "the LAB webhook's event");
        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsync($"{Route}/{other.Id}/test", null, Ct)).StatusCode);
        var test = (await receiver.WaitForAsync(r => r.Any(x => x.Path == "/lockouts"), TimeSpan.FromSeconds(10), "the test event")).Single(r => r.Path == "/lockouts");

        Assert.Single(receiver.Requests, r => r.Path == "/lab");   // created after the first finding: sent only what opened since
        Assert.Equal(["LAB"], lab.Sites);
        Assert.Equal("test", JsonDocument.Parse(test.Body).RootElement.GetProperty("event").GetString());
        Assert.Contains(".test.", test.Header("X-AdvertStatus-Delivery"), StringComparison.Ordinal);
        Assert.Equal(0, (await ListedAsync(admin, other.Id)).Backlog);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"{Route}/987654/test", null, Ct)).StatusCode);
    }

    [Fact]
    public async Task A_redirect_is_not_followed_and_the_webhook_says_where_it_pointed()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Respond = (_, path) => path == "/moved" ? (302, new() { ["Location"] = receiver.Url("/elsewhere") }, TimeSpan.Zero) : (200, null, TimeSpan.Zero);
        await using var app = database.NewApp(FastRetries);
        using var admin = app.CreateAgent(await app.AddApiKeyAsync("admin"));
        var hook = await CreateAsync(admin, new { name = "moved", url = receiver.Url("/moved"), format = "json" });

        await OpenError1317FindingsAsync(app, Unique.Machine());
        await receiver.WaitForAsync(r => r.Count >= 1, TimeSpan.FromSeconds(10), "the redirected post");
        var listed = await Eventually.ReadAsync(() => ListedAsync(admin, hook.Id), w => w.LastError is not null, TimeSpan.FromSeconds(5));
        await Task.Delay(500, Ct);

        Assert.DoesNotContain(receiver.Requests, r => r.Path == "/elsewhere");
        Assert.Contains("redirects are not followed", listed.LastError, StringComparison.Ordinal);
        Assert.Contains("/elsewhere", listed.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_instances_on_one_database_deliver_each_event_once()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var app = database.NewApp(FastRetries);
        await using var other = app.CreateSecondInstance();
        using var admin = app.CreateAgent(await app.AddApiKeyAsync("admin"));
        _ = other.Services;   // started: its deliverer competes for the lease
        await CreateAsync(admin, new { name = "once", url = receiver.Url(), format = "json" });
        var machines = Enumerable.Range(0, 12).Select(_ => Unique.Machine()).ToArray();

        await OpenError1317FindingsAsync(app, machines[..6]);
        await OpenError1317FindingsAsync(other, machines[6..]);
        await receiver.WaitForAsync(r => r.Count >= machines.Length, TimeSpan.FromSeconds(15), "every event");
        await Task.Delay(1500, Ct);   // a second copy would arrive now

        var deliveries = receiver.Requests.Select(r => r.Header("X-AdvertStatus-Delivery")).ToList();
        Assert.Equal(machines.Length, deliveries.Count);
        Assert.Equal(deliveries.Count, deliveries.Distinct().Count());
        Assert.Equal(machines.Order(), receiver.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("finding").GetProperty("machineName").GetString()!).Order());
    }

    [Fact]
    public async Task A_restart_in_the_middle_of_a_backlog_loses_nothing_and_keeps_the_order()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var hang = true;
        // The fourth post hangs until the deliverer that sent it is stopped; everything after is answered at once.
        receiver.Respond = (n, _) => (200, null, n == 4 && Volatile.Read(ref hang) ? TimeSpan.FromSeconds(60) : TimeSpan.Zero);
        await using var owner = database.NewApp([.. FastRetries, ("Notifications:Webhooks:Enabled", "false")]);
        using var admin = owner.CreateAgent(await owner.AddApiKeyAsync("admin"));
        await CreateAsync(admin, new { name = "restart", url = receiver.Url(), format = "json" });
        var machines = Enumerable.Range(0, 10).Select(_ => Unique.Machine()).ToArray();
        await OpenError1317FindingsAsync(owner, machines);

        var first = owner.CreateSecondInstance();
        _ = first.Services;
        await receiver.WaitForAsync(r => r.Count >= 3, TimeSpan.FromSeconds(10), "the first three events");
        await Task.Delay(300, Ct);   // the fourth is in flight
        await first.DisposeAsync();
        Volatile.Write(ref hang, false);
        await using var restarted = owner.CreateSecondInstance();
        _ = restarted.Services;
        var answered = await receiver.WaitForAsync(r => r.Count >= machines.Length, TimeSpan.FromSeconds(15), "the rest of the backlog");

        var delivered = answered.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("finding").GetProperty("machineName").GetString()).ToList();
        var sequences = answered.Select(r => long.Parse(r.Header("X-AdvertStatus-Delivery")!.Split('.')[1], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(machines.Length, delivered.Distinct().Count());
        Assert.Equal(sequences.Order(), sequences);   // in change order, across the restart
        Assert.Equal(machines.Length, delivered.Count);   // the hung one was not answered, so it was sent again, once
    }

    public static TheoryData<string, string> BadWebhooks => new()
    {
        { """{ "name": "x", "url": "ftp://files.example/hook", "format": "json" }""", "url" },
        { """{ "name": "x", "url": "not a url", "format": "json" }""", "url" },
        { """{ "name": "x", "url": "/relative/hook", "format": "json" }""", "url" },
        { """{ "name": "x", "url": "https://user:pw@hooks.example/x", "format": "json" }""", "url" },
        { """{ "name": "x", "url": "https://hooks.example/x", "format": "xml" }""", "format" },
        { """{ "name": "x", "url": "https://hooks.example/x", "format": "json", "rules": ["Q999999"] }""", "rules[0]" },
        { """{ "name": "x", "url": "https://hooks.example/x", "format": "json", "sites": ["ZZ9"] }""", "sites[0]" },
        { """{ "name": "x", "url": "https://hooks.example/x", "format": "json", "sites": ["TOOLONG"] }""", "sites[0]" },
        { """{ "name": "x", "url": "https://hooks.example/x", "format": "json", "secret": "short" }""", "secret" },
        { """{ "url": "https://hooks.example/x", "format": "json" }""", "name" },
    };

    [Theory]
    [MemberData(nameof(BadWebhooks))]
    public async Task Bad_input_gets_a_400_naming_the_field_and_nothing_is_stored(string body, string field)
    {
        await using var app = database.NewApp();
        using var admin = app.CreateAgent(await app.AddApiKeyAsync("admin"));

        var problem = await Problem.ReadAsync(await admin.PostAsync(Route, new StringContent(body, Encoding.UTF8, "application/json"), Ct), HttpStatusCode.BadRequest);

        Assert.True(problem.Errors.ContainsKey(field), $"errors: {string.Join(", ", problem.Errors.Keys)}");
        Assert.Equal(0, await app.QueryAsync(db => db.Set<Webhook>().CountAsync()));
    }

    [Fact]
    public async Task The_secret_is_never_shown_again_nor_audited_and_every_change_is_audited()
    {
        await using var app = database.NewApp();
        using var admin = app.CreateAgent(await app.AddApiKeyAsync("admin"));
        const string secret = "never-shown-again-0123456789";
        const string path = "/services/T000/B000/XXXXXXXXXXXXXXXXXXXX";

        var created = await admin.PostAsJsonAsync(Route, new { name = "audited", url = "https://hooks.slack.example" + path, format = "slack", secret }, Ct);
        var createdBody = await created.Content.ReadAsStringAsync(Ct);
        var id = JsonDocument.Parse(createdBody).RootElement.GetProperty("id").GetInt32();
        var list = await admin.GetStringAsync(Route, Ct);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"{Route}/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"{Route}/{id}", Ct)).StatusCode);
        var audit = await app.QueryAsync(db => db.AuditLog.Where(e => e.Target == $"webhook:{id}").OrderBy(e => e.Id).ToListAsync());

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.DoesNotContain(secret, createdBody, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, list, StringComparison.Ordinal);
        Assert.Equal([AuditActions.WebhookCreate, AuditActions.WebhookDelete], audit.Select(e => e.Action));
        Assert.All(audit, e => Assert.DoesNotContain(secret, e.Detail ?? "", StringComparison.Ordinal));
        Assert.All(audit, e => Assert.DoesNotContain(path, e.Detail ?? "", StringComparison.Ordinal));
        Assert.Contains("hooks.slack.example", audit[0].Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("read operate")]
    [InlineData("ingest")]
    public async Task Only_an_Admin_may_see_or_change_webhooks(string scopes)
    {
        await using var app = database.NewApp();
        using var other = app.CreateAgent(await app.AddApiKeyAsync(scopes));
        using var anonymous = app.CreateAgent(apiKey: null);
        var request = new { name = "nope", url = "https://hooks.example/x", format = "json" };

        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync(Route, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsJsonAsync(Route, request, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.DeleteAsync($"{Route}/1", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsync($"{Route}/1/test", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(Route, Ct)).StatusCode);
        Assert.Equal(0, await app.QueryAsync(db => db.Set<Webhook>().CountAsync()));
    }
}

public sealed class WebhooksOnSqliteTests(SqliteDatabase database) : WebhookTests(database), IClassFixture<SqliteDatabase>;

public sealed class WebhooksOnSqlServerTests(SqlServerDatabase database) : WebhookTests(database), IClassFixture<SqlServerDatabase>;
