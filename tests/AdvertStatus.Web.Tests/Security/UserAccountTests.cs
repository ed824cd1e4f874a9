using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AdvertStatus.Web.Api;
using AdvertStatus.Web.Audit;
using AdvertStatus.Web.Security;
using AdvertStatus.Web.Tests.Infrastructure;
using AdvertStatus.Web.Users;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Tests.Security;

public abstract class UserAccountTests(UnthrottledApp app)
{
    private const string Route = "/api/v1/admin/users";

    private async Task<IReadOnlyList<AuditItem>> AuditAsync(string action)
    {
        using var admin = app.CreateAgent(await app.AddApiKeyAsync("admin"));
        return (await ApiReader.GetAsync<Page<AuditItem>>(admin, $"/api/v1/admin/audit?action={action}&limit=500")).Items;
    }

    [Fact]
    public async Task Signs_in_with_the_bootstrap_Admin_and_returns_to_the_page_asked_for()
    {
        using var browser = app.CreateBrowser();

        var response = await SignIn.PostAsync(browser, AdvertStatusApp.AdminEmail, AdvertStatusApp.AdminPassword, returnUrl: "/findings?rule=Q307434");
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("AdvertStatus.Auth=", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/findings?rule=Q307434", response.Headers.Location?.PathAndQuery);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/findings", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Refuses_a_return_url_to_another_site()
    {
        using var browser = app.CreateBrowser();

        var response = await SignIn.PostAsync(browser, AdvertStatusApp.AdminEmail, AdvertStatusApp.AdminPassword, returnUrl: "//evil.example/");

        Assert.Equal(("localhost", "/"), (response.Headers.Location?.Host, response.Headers.Location?.PathAndQuery));
    }

    [Fact]
    public async Task A_wrong_password_shows_an_error_sets_no_cookie_and_is_audited()
    {
        var (email, _) = await app.AddUserAsync(Roles.Viewer);
        using var browser = app.CreateBrowser();

        var response = await SignIn.PostAsync(browser, email, "not-the-password");
        var page = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Wrong email or password", page, StringComparison.Ordinal);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("AdvertStatus.Auth=", StringComparison.Ordinal)));
        var entry = Assert.Single(await AuditAsync(AuditActions.SignInFailed), e => e.Actor == $"user:{email}");
        Assert.Contains("wrong email or password", entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signs_out_with_the_antiforgery_protected_form()
    {
        using var browser = await app.SignInAsync();
        var page = await browser.GetStringAsync("/", TestContext.Current.CancellationToken);
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;

        var refused = await browser.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["returnUrl"] = "/" }), TestContext.Current.CancellationToken);
        var signedOut = await browser.PostAsync("/account/logout",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["returnUrl"] = "/findings", ["__RequestVerificationToken"] = token }), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal("/account/login?ReturnUrl=%2Ffindings", signedOut.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task A_Viewer_reads_through_the_API_but_may_not_acknowledge()
    {
        var (email, password) = await app.AddUserAsync(Roles.Viewer);
        using var viewer = await app.SignInAsync(email, password);
        await AcceptedBatch.ReadAsync(await app.PostJsonAsync("/api/v1/status-messages", Samples.StatusMessage(Unique.Machine(), "1")));
        var finding = (await ApiReader.GetAsync<Page<AdvertStatus.Web.Findings.FindingItem>>(viewer, "/api/v1/findings?limit=1")).Items.Single();

        var response = await viewer.PostAsync($"/api/v1/findings/{finding.Id}/acknowledge", null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task An_Operator_acknowledges_and_the_finding_and_audit_log_name_them()
    {
        var (email, password) = await app.AddUserAsync(Roles.Operator);
        using var operatorClient = await app.SignInAsync(email, password);
        var machine = Unique.Machine();
        await AcceptedBatch.ReadAsync(await app.PostJsonAsync("/api/v1/status-messages", Samples.StatusMessage(machine, "1")));
        var finding = (await ApiReader.GetAsync<Page<AdvertStatus.Web.Findings.FindingItem>>(operatorClient, $"/api/v1/findings?machine={machine}&rule=Error1317")).Items.Single();

        var acknowledged = await ApiReader.PostAsync<AdvertStatus.Web.Findings.FindingItem>(operatorClient, $"/api/v1/findings/{finding.Id}/acknowledge");
        var resolved = await ApiReader.PostAsync<AdvertStatus.Web.Findings.FindingItem>(operatorClient, $"/api/v1/findings/{finding.Id}/resolve");
        var csv = await operatorClient.GetStringAsync($"/api/v1/reports/findings.csv?machine={machine}&rule=Error1317", TestContext.Current.CancellationToken);

        Assert.Equal(($"user:{email}", AdvertStatusApp.Now.UtcDateTime), (acknowledged.AcknowledgedBy, acknowledged.AcknowledgedAt));
        Assert.Equal(($"user:{email}", AdvertStatusApp.Now.UtcDateTime), (resolved.ResolvedBy, resolved.ResolvedAt));
        Assert.Contains($"user:{email},2026-11-24T12:00:00Z,user:{email},2026-11-24T12:00:00Z", csv, StringComparison.Ordinal);
        Assert.Contains(await AuditAsync(AuditActions.FindingAcknowledge), e => e.Actor == $"user:{email}" && e.Target == $"finding:{finding.Id}");
        Assert.Contains(await AuditAsync(AuditActions.FindingResolve), e => e.Actor == $"user:{email}" && e.Target == $"finding:{finding.Id}");
    }

    [Fact]
    public async Task An_Admin_creates_a_user_who_can_then_sign_in_and_the_creation_is_audited()
    {
        using var admin = await app.SignInAsync();
        var email = $"new-{Unique.Id()}@test.local";

        var response = await admin.PostAsJsonAsync(Route, new { email, role = "operator", password = "Another-Pass-123!" }, TestContext.Current.CancellationToken);
        var created = await response.Content.ReadFromJsonAsync<UserItem>(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal((email, Roles.Operator, false), (created!.Email, created.Role, created.Disabled));
        using var signedIn = await app.SignInAsync(email, "Another-Pass-123!");
        Assert.Contains(await AuditAsync(AuditActions.UserCreate), e => e.Actor == $"user:{AdvertStatusApp.AdminEmail}" && e.Target == $"user:{email}");
    }

    [Theory]
    [InlineData("""{"email":"not-an-email","role":"Viewer","password":"Good-Pass-123!"}""", "email")]
    [InlineData("""{"email":"weak@test.local","role":"Viewer","password":"short"}""", "password")]
    [InlineData("""{"email":"weak3@test.local","role":"Viewer","password":"Password1!"}""", "password")]        // 10 characters
    [InlineData("""{"email":"weak4@test.local","role":"Viewer","password":"Password2026!"}""", "password")]     // common word, decorated
    [InlineData("""{"email":"weak5@test.local","role":"Viewer","password":"Qwerty123456!"}""", "password")]
    [InlineData("""{"email":"weak6@test.local","role":"Viewer","password":"!!Football99!!"}""", "password")]
    [InlineData("""{"email":"weak2@test.local","role":"Viewer","password":"alllowercaseletters"}""", "password")]
    [InlineData("""{"email":"role@test.local","role":"Superuser","password":"Good-Pass-123!"}""", "role")]
    [InlineData("""{"email":"admin@test.local","role":"Viewer","password":"Good-Pass-123!"}""", "email")]
    [InlineData("""{"email":"x@test.local","role":"Viewer","password":5}""", "password")]
    [InlineData("""{"email":""", "email")]
    public async Task Refuses_bad_users_naming_the_field_and_creates_nothing(string body, string field)
    {
        using var admin = app.CreateAgent(await app.AddApiKeyAsync("admin"));
        var before = await app.QueryAsync(db => db.Users.CountAsync());

        var problem = await Problem.ReadAsync(
            await admin.PostAsync(Route, new StringContent(body, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken), HttpStatusCode.BadRequest);

        Assert.True(problem.Errors.ContainsKey(field), $"errors: {string.Join(", ", problem.Errors.Keys)}");
        Assert.Equal(before, await app.QueryAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task A_disabled_user_cannot_sign_in_and_a_role_change_is_audited()
    {
        using var admin = app.CreateAgent(await app.AddApiKeyAsync("admin"));
        var (email, password) = await app.AddUserAsync(Roles.Viewer);
        var id = await app.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

        var promoted = await admin.PatchAsJsonAsync($"{Route}/{id}", new { role = "Admin" }, TestContext.Current.CancellationToken);
        var disabled = await admin.PatchAsJsonAsync($"{Route}/{id}", new { disabled = true }, TestContext.Current.CancellationToken);
        using var browser = app.CreateBrowser();
        var attempt = await SignIn.PostAsync(browser, email, password);

        Assert.Equal(Roles.Admin, (await promoted.Content.ReadFromJsonAsync<UserItem>(TestContext.Current.CancellationToken))!.Role);
        Assert.True((await disabled.Content.ReadFromJsonAsync<UserItem>(TestContext.Current.CancellationToken))!.Disabled);
        Assert.Equal(HttpStatusCode.OK, attempt.StatusCode);
        var updates = (await AuditAsync(AuditActions.UserUpdate)).Where(e => e.Target == $"user:{email}").Select(e => e.Detail).ToList();
        Assert.Equal(["disabled", "role Viewer → Admin"], updates);
    }

    [Theory]
    [InlineData("""{"disabled":true}""", "disabled")]
    [InlineData("""{"role":"Operator"}""", "role")]
    public async Task Refuses_to_disable_or_demote_the_last_enabled_Admin(string change, string field)
    {
        await using var fresh = app.Target.Provider == DatabaseTarget.SqlServer ? new SqlServerApp() : new AdvertStatusApp();
        using var admin = fresh.CreateAgent(await fresh.AddApiKeyAsync("admin"));
        var only = Assert.Single(JsonSerializer.Deserialize<ItemList<UserItem>>(await admin.GetStringAsync(Route, TestContext.Current.CancellationToken), ApiReader.Json)!.Items);

        var problem = await Problem.ReadAsync(
            await admin.PatchAsync($"{Route}/{only.Id}", new StringContent(change, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken),
            HttpStatusCode.BadRequest);

        Assert.True(problem.Errors.ContainsKey(field));
        Assert.Equal((Roles.Admin, false), (only.Role, await fresh.QueryAsync(db => db.Users.Where(u => u.Id == only.Id).Select(u => u.Disabled).SingleAsync())));
    }
}

public sealed class UserAccountOnSqliteTests(UnthrottledApp app) : UserAccountTests(app), IClassFixture<UnthrottledApp>;

public sealed class UserAccountOnSqlServerTests : UserAccountTests, IClassFixture<SqlServerUnthrottledApp>
{
    public UserAccountOnSqlServerTests(SqlServerUnthrottledApp app)
        : base(app) => SqlServerContainer.SkipUnlessAvailable();
}
