using System.Net;
using System.Net.Http.Json;
using AdvertStatus.Core.Findings;
using AdvertStatus.Web.Api;
using AdvertStatus.Web.Coverage;
using AdvertStatus.Web.Findings;
using AdvertStatus.Web.Lockouts;
using AdvertStatus.Web.Tests.Infrastructure;
using AdvertStatus.Web.Workstations;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Tests.Security;

/// <summary>Two sites, LAB and XYZ, with the same story on one machine each; the data is sent by an unlimited key.</summary>
public sealed class TwoSitesApp : AdvertStatusApp, IAsyncLifetime
{
    public const string LabMachine = "LABPC01";
    public const string XyzMachine = "XYZPC01";

    public async ValueTask InitializeAsync()
    {
        using var agent = CreateAgent();
        foreach (var (machine, site, record) in new[] { (LabMachine, "LAB", 100L), (XyzMachine, "XYZ", 200L) })
        {
            await AcceptedBatch.ReadAsync(await agent.PostAsJsonAsync("/api/v1/status-messages", new[]
            {
                Samples.StatusMessage(machine, "1", messageId: 10002, site: site),
                Samples.StatusMessage(machine, "2", site: site),
            }, TestContext.Current.CancellationToken));
            await AcceptedBatch.ReadAsync(await agent.PostAsJsonAsync("/api/v1/security-events",
                new[] { Samples.Lockout4740("DC01", record, machine), Samples.Lockout4740("DC01", record + 1, machine) }, TestContext.Current.CancellationToken));
            await AcceptedBatch.ReadAsync(await agent.PostAsJsonAsync("/api/v1/inventory", new
            {
                machineName = machine, siteCode = site, domain = "CORP", clientOs = "Windows 2000 Professional", platform = "i386", role = "Client",
                time = "2026-11-24T08:00:00Z", files = new[] { new { name = "Smsapm32.exe", version = "2.00.1493.3187" } },
            }, TestContext.Current.CancellationToken));
        }
    }

    ValueTask IAsyncDisposable.DisposeAsync() => base.DisposeAsync();
}

public class SiteLimitedKeyTests(TwoSitesApp app) : IClassFixture<TwoSitesApp>
{
    private async Task<HttpClient> LabKeyAsync(string scopes = "ingest read operate") => app.CreateAgent(await app.AddApiKeyAsync(scopes, "LAB"));

    private Task<int> MessagesOfAsync(string machine) => app.QueryAsync(db => db.StatusMessages.CountAsync(m => m.MachineName == machine));

    [Fact]
    public async Task Refuses_to_re_home_a_machine_of_another_site_and_stores_nothing()
    {
        using var lab = await LabKeyAsync();
        var before = await MessagesOfAsync(TwoSitesApp.XyzMachine);

        var problem = await Problem.ReadAsync(await lab.PostAsJsonAsync("/api/v1/status-messages", new[]
        {
            Samples.StatusMessage(Unique.Machine(), "1", site: "LAB"),
            Samples.StatusMessage(TwoSitesApp.XyzMachine, Unique.Id(), site: "LAB"),
        }, TestContext.Current.CancellationToken), HttpStatusCode.Forbidden);

        Assert.Contains(TwoSitesApp.XyzMachine, problem.Detail, StringComparison.Ordinal);
        // No existence oracle beyond the refusal itself: the answer does not say which site the machine is at.
        Assert.Contains("not allowed for this API key", problem.Detail, StringComparison.Ordinal);
        var said = $"{problem.Title} {problem.Detail} {string.Join(" ", problem.Errors.Values.SelectMany(v => v))}".Replace(TwoSitesApp.XyzMachine, "", StringComparison.Ordinal);
        Assert.DoesNotContain("XYZ", said, StringComparison.Ordinal);
        Assert.Equal(before, await MessagesOfAsync(TwoSitesApp.XyzMachine));
        Assert.Equal("XYZ", await app.QueryAsync(db => db.Machines.Where(m => m.MachineName == TwoSitesApp.XyzMachine).Select(m => m.SiteCode).SingleAsync()));
    }

    [Fact]
    public async Task Refuses_inventory_that_would_re_home_a_machine_of_another_site()
    {
        using var lab = await LabKeyAsync();

        await Problem.ReadAsync(await lab.PostAsJsonAsync("/api/v1/inventory", new
        {
            machineName = TwoSitesApp.XyzMachine, siteCode = "LAB", role = "Client", time = "2026-11-24T10:00:00Z",
            files = new[] { new { name = "Smsapm32.exe", version = "2.00.1493.4012" } },
        }, TestContext.Current.CancellationToken), HttpStatusCode.Forbidden);

        Assert.Equal(("XYZ", "2.00.1493.3187"), await app.QueryAsync(db => db.Machines.Where(m => m.MachineName == TwoSitesApp.XyzMachine)
            .Select(m => ValueTuple.Create(m.SiteCode, m.Smsapm32Version)).SingleAsync()));
    }

    [Fact]
    public async Task Accepts_its_own_sites_machines()
    {
        using var lab = await LabKeyAsync();

        var accepted = await AcceptedBatch.ReadAsync(await lab.PostAsJsonAsync("/api/v1/status-messages",
            Samples.StatusMessage(TwoSitesApp.LabMachine, Unique.Id(), messageId: 10002, site: "LAB"), TestContext.Current.CancellationToken));

        Assert.Equal(1, accepted.Accepted);
    }

    [Theory]
    [InlineData("/api/v1/security-events")]
    [InlineData("/api/v1/domains")]
    public async Task Refuses_domain_controller_data_from_a_site_limited_key(string route)
    {
        using var lab = await LabKeyAsync();
        var dc = "DC" + Unique.Id()[..6].ToUpperInvariant();
        object body = route.EndsWith("domains", StringComparison.Ordinal)
            ? new { name = dc, mode = "Native", domainControllers = new[] { dc } }
            : Samples.Lockout4740(dc, 1, TwoSitesApp.LabMachine);

        await Problem.ReadAsync(await lab.PostAsJsonAsync(route, body, TestContext.Current.CancellationToken), HttpStatusCode.Forbidden);

        Assert.Equal(0, await app.QueryAsync(db => db.SecurityEvents.CountAsync(e => e.Computer == dc)));
        Assert.Equal(0, await app.QueryAsync(db => db.Domains.CountAsync(d => d.Name == dc)));
    }

    [Fact]
    public async Task Lists_only_its_sites_workstations_even_when_asked_for_another_site()
    {
        using var lab = await LabKeyAsync("read");

        var all = await ApiReader.GetAsync<Page<WorkstationItem>>(lab, "/api/v1/workstations?limit=500");
        var other = await ApiReader.GetAsync<Page<WorkstationItem>>(lab, "/api/v1/workstations?site=XYZ");

        Assert.Contains(all.Items, w => w.MachineName == TwoSitesApp.LabMachine);
        Assert.All(all.Items, w => Assert.Equal("LAB", w.SiteCode));
        Assert.Empty(other.Items);
    }

    [Fact]
    public async Task Answers_404_for_the_detail_of_another_sites_machine_and_its_findings()
    {
        using var lab = await LabKeyAsync();
        using var unlimited = app.CreateAgent();
        var xyzFinding = (await ApiReader.GetAsync<Page<FindingItem>>(unlimited, $"/api/v1/findings?machine={TwoSitesApp.XyzMachine}&rule=Error1317")).Items.Single();

        await Problem.ReadAsync(await lab.GetAsync($"/api/v1/workstations/{TwoSitesApp.XyzMachine}", TestContext.Current.CancellationToken), HttpStatusCode.NotFound);
        await Problem.ReadAsync(await lab.GetAsync($"/api/v1/findings/{xyzFinding.Id}", TestContext.Current.CancellationToken), HttpStatusCode.NotFound);
        await Problem.ReadAsync(await lab.PostAsync($"/api/v1/findings/{xyzFinding.Id}/acknowledge", null, TestContext.Current.CancellationToken), HttpStatusCode.NotFound);
        var own = await ApiReader.GetAsync<WorkstationDetail>(lab, $"/api/v1/workstations/{TwoSitesApp.LabMachine}");

        Assert.Equal("LAB", own.SiteCode);
        Assert.Equal(FindingState.Open, (await ApiReader.GetAsync<FindingItem>(unlimited, $"/api/v1/findings/{xyzFinding.Id}")).State);
    }

    [Fact]
    public async Task Lists_only_its_sites_findings_and_hides_domain_wide_ones()
    {
        using var lab = await LabKeyAsync("read");
        using var unlimited = app.CreateAgent();

        var seen = await ApiReader.GetAsync<Page<FindingItem>>(lab, "/api/v1/findings?limit=500");
        var everything = await ApiReader.GetAsync<Page<FindingItem>>(unlimited, "/api/v1/findings?limit=500");

        Assert.NotEmpty(seen.Items);
        Assert.All(seen.Items, f => Assert.Equal("LAB", f.SiteCode));
        Assert.Contains(everything.Items, f => f.SiteCode == "XYZ");
        Assert.Contains(everything.Items, f => f.Rule == "RepeatedLockout");
    }

    [Theory]
    [InlineData("/api/v1/reports/affected-workstations.csv")]
    [InlineData("/api/v1/reports/findings.csv")]
    public async Task Exports_only_its_sites_rows(string route)
    {
        using var lab = await LabKeyAsync("read");

        var csv = await lab.GetStringAsync(route, TestContext.Current.CancellationToken);

        Assert.Contains(TwoSitesApp.LabMachine, csv, StringComparison.Ordinal);
        Assert.DoesNotContain(TwoSitesApp.XyzMachine, csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Counts_coverage_for_its_sites_only()
    {
        using var lab = await LabKeyAsync("read");

        var coverage = await ApiReader.GetAsync<CoverageReport>(lab, "/api/v1/coverage?hotfix=Q307434");
        var csv = await lab.GetStringAsync("/api/v1/reports/hotfix-coverage.csv", TestContext.Current.CancellationToken);

        Assert.All(coverage.Sites, s => Assert.Equal("LAB", s.SiteCode));
        Assert.DoesNotContain("XYZ", csv, StringComparison.Ordinal);
        Assert.All(coverage.SiteServers, s => Assert.Equal("LAB", s.SiteCode));
    }

    [Fact]
    public async Task Counts_advertisement_columns_over_its_sites_machines_only()
    {
        using var lab = await LabKeyAsync("read");
        using var unlimited = app.CreateAgent();

        var mine = (await ApiReader.GetAsync<Page<AdvertStatus.Web.Advertisements.AdvertisementStatusItem>>(lab, "/api/v1/advertisements")).Items.Single(a => a.AdvertisementId == "LAB20001");
        var all = (await ApiReader.GetAsync<Page<AdvertStatus.Web.Advertisements.AdvertisementStatusItem>>(unlimited, "/api/v1/advertisements")).Items.Single(a => a.AdvertisementId == "LAB20001");
        var machines = await ApiReader.GetAsync<Page<AdvertStatus.Web.Advertisements.AdvertisementMachineItem>>(lab, "/api/v1/advertisements/LAB20001/machines");

        Assert.True(mine.Failures < all.Failures, $"LAB sees {mine.Failures} failures of {all.Failures}");
        Assert.DoesNotContain(machines.Items, m => m.MachineName == TwoSitesApp.XyzMachine);
        Assert.Contains(machines.Items, m => m.MachineName == TwoSitesApp.LabMachine);
    }

    [Fact]
    public async Task Tallies_only_the_lockouts_its_sites_machines_caused()
    {
        using var lab = await LabKeyAsync("read");
        using var unlimited = app.CreateAgent();

        var mine = (await ApiReader.GetAsync<Page<LockoutItem>>(lab, "/api/v1/lockouts")).Items.Single();
        var all = (await ApiReader.GetAsync<Page<LockoutItem>>(unlimited, "/api/v1/lockouts")).Items.Single();
        var csv = await lab.GetStringAsync("/api/v1/reports/lockouts.csv", TestContext.Current.CancellationToken);

        Assert.Equal((2, 4), (mine.Count, all.Count));
        Assert.Equal([TwoSitesApp.LabMachine], mine.CallerComputers.Select(c => c.Name));
        Assert.DoesNotContain(TwoSitesApp.XyzMachine, csv, StringComparison.Ordinal);
    }
}
