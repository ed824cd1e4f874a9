using System.Net;
using System.Net.Http.Json;
using System.Text;
using AdvertStatus.Web.Api;
using AdvertStatus.Web.Audit;
using AdvertStatus.Web.Findings;
using AdvertStatus.Web.Rules;
using AdvertStatus.Web.Tests.Infrastructure;

namespace AdvertStatus.Web.Tests.Security;

public abstract class RuleSettingsTests(TestDatabase database)
{
    private const string Route = "/api/v1/admin/settings/rules";

    private static Dictionary<string, object?> Lockout(string dc, long record, string caller, string domain, string time) => new Dictionary<string, object?>(Samples.Lockout4740(dc, record, caller))
    {
        ["timeCreated"] = time,
        ["subjectDomainName"] = domain,
    };

    [Fact]
    public async Task Starts_from_configuration()
    {
        await using var app = database.NewApp();
        using var admin = app.CreateAgent(await app.AddApiKeyAsync("admin"));

        var settings = await ApiReader.GetAsync<RuleSettingsResponse>(admin, Route);

        Assert.Equal((3, 60, 30, (string?)null), (settings.LockoutThreshold, settings.LockoutWindowMinutes, settings.CorrelationWindowMinutes, settings.UpdatedBy));
    }

    [Fact]
    public async Task A_lower_threshold_applies_to_lockouts_received_after_it_on_every_instance_and_is_audited()
    {
        await using var app = database.NewApp();
        await using var other = app.CreateSecondInstance();
        using var admin = app.CreateAgent(await app.AddApiKeyAsync("admin"));
        using var dcForwarder = other.CreateAgent(await app.AddApiKeyAsync("ingest read"));
        await AcceptedBatch.ReadAsync(await dcForwarder.PostAsJsonAsync("/api/v1/security-events",
            new[] { Lockout("DC01", 1, "WKS01", "EAST", "2026-11-24T09:00:00Z"), Lockout("DC01", 2, "WKS02", "EAST", "2026-11-24T09:10:00Z") },
            TestContext.Current.CancellationToken));
        var before = await ApiReader.GetAsync<Page<FindingItem>>(dcForwarder, "/api/v1/findings?rule=RepeatedLockout");

        var saved = await admin.PutAsJsonAsync(Route, new { lockoutThreshold = 2, lockoutWindowMinutes = 60, correlationWindowMinutes = 30 }, TestContext.Current.CancellationToken);
        await AcceptedBatch.ReadAsync(await dcForwarder.PostAsJsonAsync("/api/v1/security-events",
            new[] { Lockout("DC01", 3, "WKS03", "WEST", "2026-11-24T09:00:00Z"), Lockout("DC01", 4, "WKS04", "WEST", "2026-11-24T09:10:00Z") },
            TestContext.Current.CancellationToken));
        var after = await ApiReader.GetAsync<Page<FindingItem>>(dcForwarder, "/api/v1/findings?rule=RepeatedLockout");
        var audit = (await ApiReader.GetAsync<Page<AuditItem>>(admin, $"/api/v1/admin/audit?action={AuditActions.SettingsRules}")).Items;

        Assert.Empty(before.Items);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(["WEST"], after.Items.Select(f => f.Domain));
        Assert.Contains("lockoutThreshold=3", Assert.Single(audit).Detail, StringComparison.Ordinal);
        Assert.Contains("→ lockoutThreshold=2", audit[0].Detail, StringComparison.Ordinal);
        Assert.Equal(2, (await ApiReader.GetAsync<RuleSettingsResponse>(admin, Route)).LockoutThreshold);
    }

    [Theory]
    [InlineData("""{"lockoutThreshold":0,"lockoutWindowMinutes":60,"correlationWindowMinutes":30}""", "lockoutThreshold")]
    [InlineData("""{"lockoutThreshold":3,"lockoutWindowMinutes":20000,"correlationWindowMinutes":30}""", "lockoutWindowMinutes")]
    [InlineData("""{"lockoutThreshold":3,"lockoutWindowMinutes":60}""", "correlationWindowMinutes")]
    [InlineData("""{"lockoutThreshold":"three","lockoutWindowMinutes":60,"correlationWindowMinutes":30}""", "lockoutThreshold")]
    [InlineData("""not json""", "body")]
    public async Task Refuses_bad_values_naming_the_field_and_changes_nothing(string body, string field)
    {
        await using var app = database.NewApp();
        using var admin = app.CreateAgent(await app.AddApiKeyAsync("admin"));

        var problem = await Problem.ReadAsync(
            await admin.PutAsync(Route, new StringContent(body, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken), HttpStatusCode.BadRequest);

        Assert.True(problem.Errors.ContainsKey(field), $"errors: {string.Join(", ", problem.Errors.Keys)}");
        Assert.Null((await ApiReader.GetAsync<RuleSettingsResponse>(admin, Route)).UpdatedBy);
    }
}

public sealed class RuleSettingsOnSqliteTests(SqliteDatabase database) : RuleSettingsTests(database), IClassFixture<SqliteDatabase>;

public sealed class RuleSettingsOnSqlServerTests(SqlServerDatabase database) : RuleSettingsTests(database), IClassFixture<SqlServerDatabase>;
