using AdvertStatus.Core.Coverage;
using AdvertStatus.Core.Findings;
using AdvertStatus.Web.Advertisements;
using AdvertStatus.Web.Api;
using AdvertStatus.Web.Coverage;
using AdvertStatus.Web.Findings;
using AdvertStatus.Web.Lockouts;
using AdvertStatus.Web.Tests.Infrastructure;
using AdvertStatus.Web.Workstations;

namespace AdvertStatus.Web.Tests.Findings;

/// <summary>
/// The KB story replayed over HTTP into an app of its own; every finding, verdict and coverage figure
/// is checked through the query API, and nothing else may appear.
/// </summary>
public abstract class KbScenarioTests(TestDatabase database)
{
    private async Task<AdvertStatusApp> ReplayAsync(Func<HttpClient, Task> send)
    {
        var app = database.NewApp();
        using var agent = app.CreateAgent();
        await send(agent);
        return app;
    }

    private static async Task<List<FindingItem>> FindingsAsync(AdvertStatusApp app)
    {
        using var client = app.CreateAgent();
        return [.. (await ApiReader.GetAsync<Page<FindingItem>>(client, "/api/v1/findings?limit=500")).Items];
    }

    [Fact]
    public async Task Yields_exactly_the_expected_findings_and_nothing_else()
    {
        await using var app = await ReplayAsync(KbScenario.SendAsBatchesAsync);

        var findings = await FindingsAsync(app);

        var actual = findings.Select(f => (f.Rule, Key: f.MachineName ?? f.Domain, f.AdvertisementId, f.Count)).Order().ToList();
        (string, string?, string?, int)[] expected =
        [
            ("Error1317", "WKS01", "LAB20001", 2),
            ("Error1317", "WKS02", "LAB20001", 1),
            ("Error1317", "WKS03", "LAB20001", 1),
            ("Error1317", "WKS04", "LAB20001", 1),
            ("LocalInstallAccountAfterFix", "WKS05", "LAB20002", 4),
            ("Q264714", "WKS04", "LAB20001", 1),
            ("Q307434", "WKS01", null, 2),
            ("Q307434", "WKS02", null, 1),
            ("RepeatedLockout", "CORP", null, 3),
        ];
        Assert.Equal(expected.Order(), actual);
        Assert.All(findings, f => Assert.Equal(FindingState.Open, f.State));
    }

    [Fact]
    public async Task Explains_each_Q307434_machine_with_its_evidence_build_and_remedy()
    {
        await using var app = await ReplayAsync(KbScenario.SendAsBatchesAsync);

        var findings = (await FindingsAsync(app)).Where(f => f.Rule == "Q307434").ToDictionary(f => f.MachineName!);

        var wks01 = findings["WKS01"];
        Assert.Equal(4, wks01.Evidence.Count);                      // two failures and the two lockouts beside them
        Assert.Equal(2, wks01.Evidence.Count(e => e.StartsWith("Event 4740", StringComparison.Ordinal)));
        Assert.Equal((Verdict.Vulnerable, "LAB"), (wks01.Verdict, wks01.SiteCode));
        Assert.Equal(new DateTime(2026, 11, 24, 9, 5, 0, DateTimeKind.Utc), wks01.FirstSeen);
        Assert.Equal(new DateTime(2026, 11, 24, 9, 36, 0, DateTimeKind.Utc), wks01.LastSeen);
        Assert.Contains("2.00.1493.4012", findings["WKS02"].Summary, StringComparison.Ordinal);
        Assert.Contains("plain SP4", findings["WKS02"].Summary, StringComparison.Ordinal);
        Assert.Contains("every primary and secondary site", findings["WKS02"].Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gives_each_Q307434_diagnosis_its_caller_computers_DCs_and_advertisements_in_the_API_and_the_CSV()
    {
        await using var app = await ReplayAsync(KbScenario.SendAsBatchesAsync);

        var findings = (await FindingsAsync(app)).Where(f => f.Rule == "Q307434").ToDictionary(f => f.MachineName!);
        using var client = app.CreateAgent();
        var csv = Csv.Parse(await client.GetStringAsync("/api/v1/reports/findings.csv?rule=Q307434", TestContext.Current.CancellationToken));
        var header = csv[0].ToList();

        Assert.Equal([new CallerComputerCount("WKS01", 2)], findings["WKS01"].CallerComputers);
        Assert.Equal(["DC01.CORP.LOCAL"], findings["WKS01"].DomainControllers);
        Assert.Equal(["LAB20001"], findings["WKS01"].AdvertisementIds);
        Assert.Equal(["DC02.CORP.LOCAL"], findings["WKS02"].DomainControllers);
        var wks01 = csv.Skip(1).Single(r => r[header.IndexOf("MachineName")] == "WKS01");
        Assert.Equal(
            ("WKS01 (2)", "DC01.CORP.LOCAL", "LAB20001"),
            (wks01[header.IndexOf("CallerComputers")], wks01[header.IndexOf("DomainControllers")], wks01[header.IndexOf("AdvertisementIds")]));
    }

    [Fact]
    public async Task Lists_each_caller_computer_and_DC_of_the_repeated_lockout()
    {
        await using var app = await ReplayAsync(KbScenario.SendAsBatchesAsync);

        var lockout = (await FindingsAsync(app)).Single(f => f.Rule == "RepeatedLockout");

        Assert.Equal(("CORP", "SMSCliToknAcct&"), (lockout.Domain, lockout.Account));
        Assert.Equal([new CallerComputerCount("WKS01", 2), new CallerComputerCount("WKS02", 1)], lockout.CallerComputers);
        Assert.Equal(["DC01.CORP.LOCAL", "DC02.CORP.LOCAL"], lockout.DomainControllers);
    }

    [Fact]
    public async Task Gives_every_workstation_its_verdict_and_open_rules()
    {
        await using var app = await ReplayAsync(KbScenario.SendAsBatchesAsync);
        using var client = app.CreateAgent();

        var workstations = (await ApiReader.GetAsync<Page<WorkstationItem>>(client, "/api/v1/workstations?limit=500")).Items.ToDictionary(w => w.MachineName);

        Assert.Equal(["WKS01", "WKS02", "WKS03", "WKS04", "WKS05", "WKS06"], workstations.Keys);   // the site server is not a workstation
        Assert.Equal(
            [Verdict.Vulnerable, Verdict.Vulnerable, Verdict.Fixed, Verdict.Unknown, Verdict.Fixed, Verdict.Fixed],
            workstations.Values.Select(w => w.Verdict));
        Assert.Equal(["Error1317", "Q307434"], workstations["WKS01"].Rules);
        Assert.Equal(["Error1317", "Q264714"], workstations["WKS04"].Rules);
        Assert.Empty(workstations["WKS06"].Rules);
        Assert.Equal("2.00.1493.4012", workstations["WKS02"].Smsapm32Version);

        var affected = await ApiReader.GetAsync<Page<WorkstationItem>>(client, "/api/v1/workstations?affected=true");
        Assert.Equal(["WKS01", "WKS02", "WKS03", "WKS04", "WKS05"], affected.Items.Select(w => w.MachineName));
        var q307434 = await ApiReader.GetAsync<Page<WorkstationItem>>(client, "/api/v1/workstations?rule=q307434");
        Assert.Equal(["WKS01", "WKS02"], q307434.Items.Select(w => w.MachineName));
        var vulnerable = await ApiReader.GetAsync<Page<WorkstationItem>>(client, "/api/v1/workstations?verdict=Vulnerable&site=lab");
        Assert.Equal(["WKS01", "WKS02"], vulnerable.Items.Select(w => w.MachineName));
    }

    [Fact]
    public async Task Reports_coverage_per_site_and_platform_and_for_the_site_server()
    {
        await using var app = await ReplayAsync(KbScenario.SendAsBatchesAsync);
        using var client = app.CreateAgent();

        var coverage = await ApiReader.GetAsync<CoverageReport>(client, "/api/v1/coverage?hotfix=Q307434");

        Assert.Equal("Q307434", coverage.Hotfix);
        Assert.Equal(
            [new CoverageRow("LAB", "Alpha", 1, 0, 0, 100), new CoverageRow("LAB", "i386", 2, 2, 0, 50), new CoverageRow("LAB", "unknown", 0, 0, 1, 0)],
            coverage.Sites);
        Assert.Equal(new CoverageCounts(3, 2, 1, 50), coverage.Total);
        Assert.Equal([new SiteServerCoverage("LAB", "2.00.1493.3187", Verdict.Fixed)], coverage.SiteServers);
    }

    [Fact]
    public async Task Fills_the_console_columns_per_advertisement_and_drills_down()
    {
        await using var app = await ReplayAsync(KbScenario.SendAsBatchesAsync);
        using var client = app.CreateAgent();

        var adverts = (await ApiReader.GetAsync<Page<AdvertisementStatusItem>>(client, "/api/v1/advertisements")).Items;

        // The console counts client computers: WKS01 failed twice and counts once (domain.md §3.2); the messages stay beside.
        var office = adverts.Single(a => a.AdvertisementId == "LAB20001");
        Assert.Equal(("Office 2000", "Setup", 6, 4, 2, 1, 1), (office.PackageName, office.ProgramName, office.Received, office.Failures, office.ProgramsStarted, office.ProgramErrors, office.ProgramSuccess));
        Assert.Equal(new StatusMessageCounts(6, 5, 2, 1, 1), office.Messages);
        var visio = adverts.Single(a => a.AdvertisementId == "LAB20002");
        Assert.Equal((1, 0, 1, 0, 1), (visio.Received, visio.Failures, visio.ProgramsStarted, visio.ProgramErrors, visio.ProgramSuccess));
        Assert.Equal(new StatusMessageCounts(1, 0, 1, 0, 1), visio.Messages);   // the double success of one run counts once in both
        var failed = await ApiReader.GetAsync<Page<AdvertisementMachineItem>>(client, "/api/v1/advertisements/LAB20001/machines?state=failures");
        Assert.Equal(["WKS01", "WKS02", "WKS03", "WKS04"], failed.Items.Select(m => m.MachineName));
        Assert.Equal((2, 10003, 1317L), (failed.Items[0].Failures, failed.Items[0].LastMessageId, failed.Items[0].LastWin32Code));
    }

    [Fact]
    public async Task Tallies_lockouts_of_every_account_per_domain()
    {
        await using var app = await ReplayAsync(KbScenario.SendAsBatchesAsync);
        using var client = app.CreateAgent();

        var lockouts = (await ApiReader.GetAsync<Page<LockoutItem>>(client, "/api/v1/lockouts")).Items;

        Assert.Equal([("CORP", "jdoe", 1), ("CORP", "SMSCliToknAcct&", 3)], lockouts.Select(l => (l.Domain, l.Account, l.Count)));
        var token = (await ApiReader.GetAsync<Page<LockoutItem>>(client, "/api/v1/lockouts?account=smsclitoknacct%26&domain=corp")).Items.Single();
        Assert.Equal(new DateTime(2026, 11, 24, 9, 6, 0, DateTimeKind.Utc), token.FirstLockout);
        Assert.Equal(new DateTime(2026, 11, 24, 9, 36, 0, DateTimeKind.Utc), token.LastLockout);
        Assert.Equal([new CallerComputerCount("WKS01", 2), new CallerComputerCount("WKS02", 1)], token.CallerComputers);
    }

    [Fact]
    public async Task Gives_the_same_findings_when_everything_arrives_one_by_one_in_reverse_and_twice()
    {
        await using var ordered = await ReplayAsync(KbScenario.SendAsBatchesAsync);
        await using var reversed = await ReplayAsync(async agent =>
        {
            await KbScenario.SendAsync(agent, KbScenario.Posts.Reverse());
            await KbScenario.SendAsync(agent, KbScenario.Posts);
        });

        static IEnumerable<object> Shape(IEnumerable<FindingItem> findings) => findings
            .Select(f => new { f.Rule, f.MachineName, f.AdvertisementId, f.Domain, f.Count, f.FirstSeen, f.LastSeen, f.State, Evidence = f.Evidence.Count, f.Verdict, Callers = string.Join(",", f.CallerComputers) })
            .OrderBy(f => f.Rule, StringComparer.Ordinal).ThenBy(f => f.MachineName ?? f.Domain, StringComparer.Ordinal);

        Assert.Equal(Shape(await FindingsAsync(ordered)), Shape(await FindingsAsync(reversed)));
    }
}

public sealed class KbScenarioOnSqliteTests(SqliteDatabase database) : KbScenarioTests(database), IClassFixture<SqliteDatabase>;

public sealed class KbScenarioOnSqlServerTests(SqlServerDatabase database) : KbScenarioTests(database), IClassFixture<SqlServerDatabase>;
