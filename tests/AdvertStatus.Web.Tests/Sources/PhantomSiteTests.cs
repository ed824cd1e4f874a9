using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AdvertStatus.Web.Audit;
using AdvertStatus.Web.Ingestion;
using AdvertStatus.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Tests.Sources;

/// <summary>
/// A typo'd site code ("LBA" for "LAB") in an agent's settings: the new site is flagged, and an Admin removes it with
/// its data through <c>DELETE /api/v1/admin/sites/{code}</c>.
/// </summary>
public abstract class PhantomSiteTests(TestDatabase database)
{
    [Fact]
    public async Task A_site_first_heard_from_days_after_the_others_is_flagged_new_for_a_week()
    {
        await using var app = database.NewApp();
        await SendAsync(app, Samples.StatusMessage("WKS01", "1", site: "LAB"));
        app.Clock.Advance(TimeSpan.FromDays(2));
        await SendAsync(app, Samples.StatusMessage("WKS02", "1", site: "LBA"));

        Assert.Equal([("LAB", false), ("LBA", true)], await SitesAsync(app));

        app.Clock.Advance(TimeSpan.FromDays(8));
        Assert.Equal([("LAB", false), ("LBA", false)], await SitesAsync(app));
    }

    [Fact]
    public async Task Sites_that_arrive_together_on_a_new_installation_are_not_flagged()
    {
        await using var app = database.NewApp();
        await SendAsync(app, Samples.StatusMessage("WKS01", "1", site: "LAB"));
        app.Clock.Advance(TimeSpan.FromHours(3));
        await SendAsync(app, Samples.StatusMessage("WKS02", "1", site: "NYC"));

        Assert.Equal([("LAB", false), ("NYC", false)], await SitesAsync(app));
    }

    [Fact]
    public async Task An_Admin_removes_a_phantom_site_with_its_data_and_the_real_site_keeps_its_own()
    {
        await using var app = database.NewApp();
        await SendAsync(app, Samples.StatusMessage("WKS01", "1", site: "LAB"));
        app.Clock.Advance(TimeSpan.FromDays(2));
        var typo = Samples.StatusMessage("WKS01", "2", site: "LBA");
        typo["time"] = "2026-11-24T10:30:00Z";   // newer than its LAB message: the machine moves to LBA
        await SendAsync(app, typo, Samples.StatusMessage("TYPO01", "1", site: "LBA"));
        Assert.Equal("LBA", await app.QueryAsync(db => db.Machines.Where(m => m.MachineName == "WKS01").Select(m => m.SiteCode).SingleAsync()));
        Assert.True(await app.QueryAsync(db => db.Findings.CountAsync(f => f.SiteCode == "LBA")) > 0, "the typo's 1317s made findings at LBA");
        var admin = app.CreateAgent(await app.AddApiKeyAsync("admin"));

        var response = await admin.DeleteAsync("/api/v1/admin/sites/lba", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var removed = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("LBA", removed.RootElement.GetProperty("siteCode").GetString());
        Assert.Equal(2, removed.RootElement.GetProperty("statusMessages").GetInt32());
        Assert.Equal(1, removed.RootElement.GetProperty("machinesRemoved").GetInt32());   // TYPO01 had nothing else
        Assert.Equal(1, removed.RootElement.GetProperty("machinesRehomed").GetInt32());   // WKS01 goes back to LAB

        Assert.Equal([("LAB", false)], await SitesAsync(app));
        Assert.Equal(0, await app.QueryAsync(db => db.StatusMessages.CountAsync(m => m.SiteCode == "LBA")));
        Assert.Equal(1, await app.QueryAsync(db => db.StatusMessages.CountAsync(m => m.SiteCode == "LAB")));
        Assert.Equal(0, await app.QueryAsync(db => db.Findings.CountAsync(f => f.SiteCode == "LBA")));
        Assert.Equal(0, await app.QueryAsync(db => db.FindingEvidence.CountAsync(e => !db.Findings.Any(f => f.Id == e.FindingId))));
        Assert.Equal(0, await app.QueryAsync(db => db.Sites.CountAsync(s => s.SiteCode == "LBA")));
        Assert.False(await app.QueryAsync(db => db.Machines.AnyAsync(m => m.MachineName == "TYPO01")));
        Assert.Equal("LAB", await app.QueryAsync(db => db.Machines.Where(m => m.MachineName == "WKS01").Select(m => m.SiteCode).SingleAsync()));
        var audit = await app.QueryAsync(db => db.AuditLog.SingleAsync(a => a.Action == AuditActions.SiteRemove));
        Assert.Equal("site:LBA", audit.Target);
        Assert.StartsWith("key:", audit.Actor, StringComparison.Ordinal);

        var again = await Problem.ReadAsync(await admin.DeleteAsync("/api/v1/admin/sites/LBA", TestContext.Current.CancellationToken), HttpStatusCode.NotFound);
        Assert.Equal("No data was ever received for site 'LBA'.", again.Detail);
    }

    [Fact]
    public async Task Removing_a_site_needs_the_admin_scope_and_a_refusal_changes_nothing()
    {
        await using var app = database.NewApp();
        await SendAsync(app, Samples.StatusMessage("WKS01", "1", site: "LBA"));

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateAgent(apiKey: null).DeleteAsync("/api/v1/admin/sites/LBA", TestContext.Current.CancellationToken)).StatusCode);
        var problem = await Problem.ReadAsync(
            await app.CreateAgent(await app.AddApiKeyAsync("read operate")).DeleteAsync("/api/v1/admin/sites/LBA", TestContext.Current.CancellationToken), HttpStatusCode.Forbidden);

        Assert.Contains("'admin'", problem.Detail, StringComparison.Ordinal);
        Assert.Equal(1, await app.QueryAsync(db => db.StatusMessages.CountAsync(m => m.SiteCode == "LBA")));
    }

    [Fact]
    public async Task Removing_a_site_while_a_batch_waits_for_the_projector_is_refused_with_409_and_changes_nothing()
    {
        await using var app = database.NewApp();
        await SendAsync(app, Samples.StatusMessage("WKS01", "1", site: "LBA"));
        using var admin = app.CreateAgent(await app.AddApiKeyAsync("admin"));
        // Another instance holds the projector's lease, so the next batch is stored but not projected.
        await app.QueryAsync(db => db.ProjectionLeases.ExecuteUpdateAsync(
            set => set.SetProperty(l => l.Holder, "another instance").SetProperty(l => l.ExpiresAt, DateTime.UtcNow.AddMinutes(5)), TestContext.Current.CancellationToken));
        using var agent = app.CreateAgent();
        agent.DefaultRequestHeaders.Remove("Prefer");
        await AcceptedBatch.ReadAsync(await agent.PostAsJsonAsync("/api/v1/status-messages", new[] { Samples.StatusMessage("WKS02", "1", site: "LBA") }, TestContext.Current.CancellationToken));

        var problem = await Problem.ReadAsync(await admin.DeleteAsync("/api/v1/admin/sites/LBA", TestContext.Current.CancellationToken), HttpStatusCode.Conflict);

        Assert.Contains("Try again", problem.Detail, StringComparison.Ordinal);
        Assert.Equal(2, await app.QueryAsync(db => db.StatusMessages.CountAsync(m => m.SiteCode == "LBA")));
        Assert.True(await app.QueryAsync(db => db.Machines.AnyAsync(m => m.MachineName == "WKS01" && m.SiteCode == "LBA")));
        Assert.False(await app.QueryAsync(db => db.AuditLog.AnyAsync(a => a.Action == AuditActions.SiteRemove)));
    }

    /// <summary>Sends status messages and waits until they are projected (machines, sources and findings current).</summary>
    private static async Task SendAsync(AdvertStatusApp app, params Dictionary<string, object?>[] messages)
    {
        using var agent = app.CreateAgent();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/status-messages") { Content = JsonContent.Create(messages) };
        request.Headers.Add("Prefer", "wait=30");
        await AcceptedBatch.ReadAsync(await agent.SendAsync(request, TestContext.Current.CancellationToken));
    }

    private static async Task<(string, bool)[]> SitesAsync(AdvertStatusApp app)
    {
        using var agent = app.CreateAgent();
        using var list = await ApiReader.GetAsync<JsonDocument>(agent, "/api/v1/sources?kind=Site");
        return [.. list.RootElement.GetProperty("items").EnumerateArray()
            .Select(i => (i.GetProperty("name").GetString()!, i.GetProperty("new").GetBoolean()))
            .OrderBy(i => i.Item1, StringComparer.Ordinal)];
    }
}

public sealed class PhantomSiteOnSqliteTests(SqliteDatabase database) : PhantomSiteTests(database), IClassFixture<SqliteDatabase>;

public sealed class PhantomSiteOnSqlServerTests(SqlServerDatabase database) : PhantomSiteTests(database), IClassFixture<SqlServerDatabase>;
