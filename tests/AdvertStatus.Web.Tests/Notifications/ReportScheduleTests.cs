using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AdvertStatus.Web.Api;
using AdvertStatus.Web.Audit;
using AdvertStatus.Web.Notifications;
using AdvertStatus.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using netDumbster.smtp;

namespace AdvertStatus.Web.Tests.Notifications;

/// <summary>Report schedules end to end: the admin API, then e-mails through a real SMTP server in the test (netDumbster).</summary>
public abstract class ReportScheduleTests(TestDatabase database)
{
    private const string Route = "/api/v1/admin/report-schedules";
    private const string PublicBaseUrl = "https://advertstatus.example.test";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static (string, string)[] Smtp(SimpleSmtpServer server) =>
    [
        ("Notifications:PublicBaseUrl", PublicBaseUrl),
        ("Notifications:Smtp:Host", "127.0.0.1"),
        ("Notifications:Smtp:Port", server.Configuration.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("Notifications:Smtp:Security", "None"),
        ("Notifications:Smtp:From", "AdvertStatus <advertstatus@corp.example>"),
        ("Notifications:SchedulePollInterval", "00:00:00.200"),
    ];

    private static async Task<ReportScheduleItem> CreateAsync(HttpClient admin, object request)
    {
        var response = await admin.PostAsJsonAsync(Route, request, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<ReportScheduleItem>(body, ApiReader.Json)!;
    }

    private static async Task<ReportScheduleItem> ListedAsync(HttpClient admin, int id) =>
        (await ApiReader.GetAsync<ItemList<ReportScheduleItem>>(admin, Route)).Items.Single(s => s.Id == id);

    private static async Task<List<MimeMessage>> WaitForMailAsync(SimpleSmtpServer server, int count, TimeSpan timeout)
    {
        var waited = Stopwatch.StartNew();
        while (server.ReceivedEmailCount < count)
        {
            Assert.True(waited.Elapsed < timeout, $"Waited {timeout.TotalSeconds} s for {count} e-mail(s); got {server.ReceivedEmailCount}");
            await Task.Delay(50, Ct);
        }

        return [.. server.ReceivedEmail.Select(m => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(m.Data))))];
    }

    private static async Task SendStatusAsync(AdvertStatusApp app, params string[] machines)
    {
        using var agent = app.CreateAgent();
        var batch = machines.Select((m, i) => Samples.StatusMessage(m, $"{m}-{i}")).ToArray();
        Assert.Equal(HttpStatusCode.Accepted, (await agent.PostAsJsonAsync("/api/v1/status-messages", batch, Ct)).StatusCode);
    }

    [Fact]
    public async Task Send_now_e_mails_the_report_with_its_count_a_summary_and_exactly_the_rows_of_the_CSV_route()
    {
        using var smtp = SimpleSmtpServer.Start();
        await using var app = database.NewApp(Smtp(smtp));
        using var admin = app.CreateAgent(await app.AddApiKeyAsync("admin"));
        var machines = Enumerable.Range(0, 13).Select(_ => Unique.Machine()).ToArray();
        await SendStatusAsync(app, machines);
        var schedule = await CreateAsync(admin, new
        {
            name = "Daily 1317 list", report = "findings", query = "rule=Error1317&state=Open", cron = "0 7 * * *",
            recipients = new[] { "sms-admins@corp.example", "helpdesk@corp.example" },
        });

        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsync($"{Route}/{schedule.Id}/send", null, Ct)).StatusCode);
        var mail = (await WaitForMailAsync(smtp, 1, TimeSpan.FromSeconds(15))).Single();
        using var reader = app.CreateAgent(await app.AddApiKeyAsync("read"));
        var routeCsv = await reader.GetStringAsync("/api/v1/reports/findings.csv?rule=Error1317&state=Open", Ct);

        var attachment = (MimePart)mail.Attachments.Single();
        using var content = new MemoryStream();
        await attachment.Content!.DecodeToAsync(content, Ct);
        var attached = Csv.Parse(Encoding.UTF8.GetString(content.ToArray()).TrimStart('\uFEFF'));
        var expected = Csv.Parse(routeCsv.TrimStart('\uFEFF'));
        Assert.Equal(machines.Length + 1, expected.Length);
        Assert.Equal(expected, attached);
        Assert.EndsWith(".csv", attachment.FileName, StringComparison.Ordinal);
        Assert.Equal($"AdvertStatus findings: {machines.Length} rows (Daily 1317 list)", mail.Subject);
        Assert.Equal(["sms-admins@corp.example", "helpdesk@corp.example"], mail.To.Mailboxes.Select(m => m.Address));
        Assert.Equal("advertstatus@corp.example", mail.From.Mailboxes.Single().Address);
        Assert.Contains($"{machines.Length} rows as of", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"The first {ReportMailer.TopRows}:", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"{PublicBaseUrl}/findings?rule=Error1317&state=Open", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(expected[1][0], mail.HtmlBody, StringComparison.Ordinal);
        // The schedule records the send once the SMTP conversation has ended, which can be just after the server
        // counted the message (a CI run read it in between).
        var listed = await Eventually.ReadAsync(() => ListedAsync(admin, schedule.Id), s => s.LastSentAt is not null, TimeSpan.FromSeconds(10));

        Assert.NotNull(listed.LastSentAt);
        Assert.Equal(machines.Length, listed.LastRowCount);
        Assert.Equal(schedule.NextDueAt, listed.NextDueAt);   // sending now does not move the schedule
    }

    [Fact]
    public async Task Each_scheduled_time_is_sent_once_across_two_instances_and_missed_times_collapse_into_one()
    {
        using var smtp = SimpleSmtpServer.Start();
        await using var app = database.NewApp(Smtp(smtp));
        await using var other = app.CreateSecondInstance();
        foreach (var (key, value) in Smtp(smtp))
        {
            other.Settings.Add(new(key, value));
        }

        using var admin = app.CreateAgent(await app.AddApiKeyAsync("admin"));
        _ = other.Services;
        var schedule = await CreateAsync(admin, new { name = "13:00", report = "lockouts", query = "", cron = "0 13 * * *", recipients = new[] { "a@corp.example" } });
        Assert.Equal(AdvertStatusApp.Now.UtcDateTime.Date.AddHours(13), schedule.NextDueAt);

        await Task.Delay(1000, Ct);
        var beforeDue = smtp.ReceivedEmailCount;
        app.Clock.Advance(TimeSpan.FromHours(1));
        other.Clock.Advance(TimeSpan.FromHours(1));
        await WaitForMailAsync(smtp, 1, TimeSpan.FromSeconds(10));
        await Task.Delay(1000, Ct);
        var atDue = smtp.ReceivedEmailCount;
        app.Clock.Advance(TimeSpan.FromDays(3));   // three 13:00s pass while "down"
        other.Clock.Advance(TimeSpan.FromDays(3));
        await WaitForMailAsync(smtp, 2, TimeSpan.FromSeconds(10));
        await Task.Delay(1500, Ct);

        Assert.Equal(0, beforeDue);
        Assert.Equal(1, atDue);
        Assert.Equal(2, smtp.ReceivedEmailCount);
        Assert.Equal(AdvertStatusApp.Now.UtcDateTime.Date.AddDays(4).AddHours(13), (await ListedAsync(admin, schedule.Id)).NextDueAt);
    }

    [Fact]
    public async Task A_due_time_is_claimed_by_exactly_one_of_two_instances_that_read_it()
    {
        await using var app = database.NewApp();
        using var admin = app.CreateAgent(await app.AddApiKeyAsync("admin"));
        var created = await CreateAsync(admin, new { name = "claimed", report = "lockouts", query = "", cron = "*/5 * * * *", recipients = new[] { "a@corp.example" } });
        var read = await app.QueryAsync(db => db.Set<ReportSchedule>().AsNoTracking().SingleAsync(s => s.Id == created.Id));   // both instances read this
        var now = read.NextDueAt.AddMinutes(1);

        var first = await app.QueryAsync(db => ReportScheduler.TryClaimAsync(db, read, now, Ct));
        var second = await app.QueryAsync(db => ReportScheduler.TryClaimAsync(db, read, now, Ct));

        Assert.True(first);
        Assert.False(second);
        Assert.Equal(read.NextDueAt.AddMinutes(5), (await ListedAsync(admin, created.Id)).NextDueAt);
    }

    [Fact]
    public async Task Without_an_SMTP_host_the_schedule_shows_an_error_that_says_what_to_set()
    {
        await using var app = database.NewApp();
        using var admin = app.CreateAgent(await app.AddApiKeyAsync("admin"));
        var schedule = await CreateAsync(admin, new { name = "nowhere", report = "hotfix-coverage", query = "", cron = "0 7 * * 1", recipients = new[] { "a@corp.example" } });

        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsync($"{Route}/{schedule.Id}/send", null, Ct)).StatusCode);
        var listed = await Eventually.ReadAsync(() => ListedAsync(admin, schedule.Id), s => s.LastError is not null, TimeSpan.FromSeconds(10));

        Assert.Contains("Notifications:Smtp:Host", listed.LastError, StringComparison.Ordinal);
        Assert.Null(listed.LastSentAt);
    }

    public static TheoryData<string, string> BadSchedules => new()
    {
        { """{ "name": "x", "report": "everything", "query": "", "cron": "0 7 * * 1", "recipients": ["a@corp.example"] }""", "report" },
        { """{ "name": "x", "report": "findings", "query": "from=yesterday", "cron": "0 7 * * 1", "recipients": ["a@corp.example"] }""", "query.from" },
        { """{ "name": "x", "report": "findings", "query": "state=Sleeping", "cron": "0 7 * * 1", "recipients": ["a@corp.example"] }""", "query.state" },
        { """{ "name": "x", "report": "findings", "query": "", "cron": "61 7 * * 1", "recipients": ["a@corp.example"] }""", "cron" },
        { """{ "name": "x", "report": "findings", "query": "", "cron": "0 7 * *", "recipients": ["a@corp.example"] }""", "cron" },
        { """{ "name": "x", "report": "findings", "query": "", "cron": "0 7 * * 1", "recipients": [] }""", "recipients" },
        { """{ "name": "x", "report": "findings", "query": "", "cron": "0 7 * * 1", "recipients": ["not-an-address"] }""", "recipients[0]" },
        { """{ "name": "x", "report": "findings", "query": "", "cron": "0 7 * * 1", "recipients": ["a@corp.example", "Eve <e@x.example>"] }""", "recipients[1]" },
        { """{ "report": "findings", "query": "", "cron": "0 7 * * 1", "recipients": ["a@corp.example"] }""", "name" },
    };

    [Theory]
    [MemberData(nameof(BadSchedules))]
    public async Task Bad_input_gets_a_400_naming_the_field_and_nothing_is_stored(string body, string field)
    {
        await using var app = database.NewApp();
        using var admin = app.CreateAgent(await app.AddApiKeyAsync("admin"));

        var problem = await Problem.ReadAsync(await admin.PostAsync(Route, new StringContent(body, Encoding.UTF8, "application/json"), Ct), HttpStatusCode.BadRequest);

        Assert.True(problem.Errors.ContainsKey(field), $"errors: {string.Join(", ", problem.Errors.Keys)}");
        Assert.Equal(0, await app.QueryAsync(db => db.Set<ReportSchedule>().CountAsync()));
    }

    [Fact]
    public async Task Changes_are_audited_and_only_an_Admin_may_see_or_change_schedules()
    {
        await using var app = database.NewApp();
        using var admin = app.CreateAgent(await app.AddApiKeyAsync("admin"));
        using var operatorKey = app.CreateAgent(await app.AddApiKeyAsync("read operate"));
        var request = new { name = "weekly", report = "affected-workstations", query = "site=LAB", cron = "0 7 * * 1", recipients = new[] { "a@corp.example" } };

        Assert.Equal(HttpStatusCode.Forbidden, (await operatorKey.PostAsJsonAsync(Route, request, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorKey.GetAsync(Route, Ct)).StatusCode);
        var created = await CreateAsync(admin, request);
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorKey.PostAsync($"{Route}/{created.Id}/send", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorKey.DeleteAsync($"{Route}/{created.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"{Route}/{created.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"{Route}/{created.Id}/send", null, Ct)).StatusCode);
        var audit = await app.QueryAsync(db => db.AuditLog.Where(e => e.Target == $"report-schedule:{created.Id}").OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());

        Assert.Equal([AuditActions.ReportScheduleCreate, AuditActions.ReportScheduleDelete], audit);
        Assert.Equal("site=LAB", created.Query);
    }
}

public sealed class ReportSchedulesOnSqliteTests(SqliteDatabase database) : ReportScheduleTests(database), IClassFixture<SqliteDatabase>;

public sealed class ReportSchedulesOnSqlServerTests(SqlServerDatabase database) : ReportScheduleTests(database), IClassFixture<SqlServerDatabase>;
