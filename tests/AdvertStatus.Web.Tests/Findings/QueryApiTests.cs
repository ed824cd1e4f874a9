using System.Net;
using AdvertStatus.Core.Findings;
using AdvertStatus.Web.Api;
using AdvertStatus.Web.Findings;
using AdvertStatus.Web.Security;
using AdvertStatus.Web.Tests.Infrastructure;
using AdvertStatus.Web.Workstations;

namespace AdvertStatus.Web.Tests.Findings;

public abstract class QueryApiTests(AdvertStatusApp app)
{
    private async Task<string> FailAsync(string? machine = null, string recordId = "1", string time = "2026-11-24T09:30:00Z")
    {
        machine ??= Unique.Machine();
        var message = Samples.StatusMessage(machine, recordId);
        message["time"] = time;
        await AcceptedBatch.ReadAsync(await app.PostJsonAsync("/api/v1/status-messages", message));
        return machine;
    }

    private static async Task<FindingItem> Error1317FindingAsync(HttpClient client, string machine) =>
        (await ApiReader.GetAsync<Page<FindingItem>>(client, $"/api/v1/findings?machine={machine}&rule=Error1317")).Items.Single();

    [Fact]
    public async Task Pages_through_a_list_with_opaque_cursors_and_no_overlap()
    {
        var site = "P" + Unique.Id()[..2].ToUpperInvariant();
        var machines = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var machine = Unique.Machine();
            machines.Add(machine);
            var message = Samples.StatusMessage(machine, "1", site: site);
            await AcceptedBatch.ReadAsync(await app.PostJsonAsync("/api/v1/status-messages", message));
        }

        using var client = app.CreateAgent();
        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await ApiReader.GetAsync<Page<WorkstationItem>>(client, $"/api/v1/workstations?site={site}&limit=2" + (cursor is null ? "" : $"&cursor={cursor}"));
            seen.AddRange(page.Items.Select(w => w.MachineName));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(3, pages);
        Assert.Equal(machines.Order(StringComparer.Ordinal), seen);
    }

    [Theory]
    [InlineData("/api/v1/workstations?limit=0", "limit")]
    [InlineData("/api/v1/workstations?limit=501", "limit")]
    [InlineData("/api/v1/workstations?limit=ten", "limit")]
    [InlineData("/api/v1/workstations?verdict=Patched", "verdict")]
    [InlineData("/api/v1/workstations?affected=maybe", "affected")]
    [InlineData("/api/v1/workstations?rule=NoSuchRule", "rule")]
    [InlineData("/api/v1/workstations?cursor=not-ours", "cursor")]
    [InlineData("/api/v1/findings?state=Closed", "state")]
    [InlineData("/api/v1/lockouts?cursor=abc", "cursor")]
    [InlineData("/api/v1/findings?cursor=bm90LW91cnM", "cursor")]
    [InlineData("/api/v1/findings?from=yesterday", "from")]
    [InlineData("/api/v1/findings?to=2026-13-01", "to")]
    [InlineData("/api/v1/findings?from=2026-11-24T00:00:00Z&to=2026-11-23T00:00:00Z", "from")]
    [InlineData("/api/v1/reports/findings.csv?from=soon", "from")]
    [InlineData("/api/v1/advertisements/LAB20001/machines?state=Pending", "state")]
    public async Task Rejects_a_bad_query_parameter_naming_it(string route, string parameter)
    {
        using var client = app.CreateAgent();

        var problem = await Problem.ReadAsync(await client.GetAsync(route, TestContext.Current.CancellationToken), HttpStatusCode.BadRequest);

        Assert.Contains(parameter, problem.Errors.Keys);
    }

    [Fact]
    public async Task Keeps_the_findings_active_in_a_period_also_those_that_began_before_it()
    {
        var before = await FailAsync(time: "2026-11-10T08:00:00Z");   // one failure, long before the period
        var spanning = await FailAsync(time: "2026-11-10T08:00:00Z");   // began before, still failing in it
        await FailAsync(spanning, "2", time: "2026-11-20T08:00:00Z");
        var within = await FailAsync(time: "2026-11-20T09:00:00Z");
        var after = await FailAsync(time: "2026-11-22T09:00:00Z");
        using var client = app.CreateAgent();

        var page = await ApiReader.GetAsync<Page<FindingItem>>(client, "/api/v1/findings?rule=Error1317&limit=500&from=2026-11-19T00:00:00Z&to=2026-11-21T00:00:00Z");
        var csv = Csv.Parse(await client.GetStringAsync("/api/v1/reports/findings.csv?rule=Error1317&from=2026-11-19T00:00:00Z&to=2026-11-21T00:00:00Z",
            TestContext.Current.CancellationToken));

        var machines = page.Items.Select(f => f.MachineName).ToHashSet();
        Assert.Contains(spanning, machines);
        Assert.Contains(within, machines);
        Assert.DoesNotContain(before, machines);
        Assert.DoesNotContain(after, machines);
        var column = Array.IndexOf(csv[0], "MachineName");
        Assert.Equal(machines.Order(StringComparer.Ordinal), csv.Skip(1).Select(r => r[column]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Acknowledges_and_resolves_a_finding()
    {
        var machine = await FailAsync();
        using var client = app.CreateAgent(await app.AddApiKeyAsync("read operate"));
        var finding = await Error1317FindingAsync(client, machine);

        var acknowledged = await ApiReader.PostAsync<FindingItem>(client, $"/api/v1/findings/{finding.Id}/acknowledge");
        var resolved = await ApiReader.PostAsync<FindingItem>(client, $"/api/v1/findings/{finding.Id}/resolve");

        Assert.Equal((FindingState.Acknowledged, FindingState.Resolved), (acknowledged.State, resolved.State));
        Assert.Equal(FindingState.Resolved, (await Error1317FindingAsync(client, machine)).State);
        var open = await ApiReader.GetAsync<Page<WorkstationItem>>(client, $"/api/v1/workstations?q={machine}");
        Assert.Empty(open.Items.Single().Rules);
    }

    [Fact]
    public async Task Refuses_to_acknowledge_a_resolved_finding_with_409()
    {
        var machine = await FailAsync();
        using var client = app.CreateAgent(await app.AddApiKeyAsync("read operate"));
        var finding = await Error1317FindingAsync(client, machine);
        await ApiReader.PostAsync<FindingItem>(client, $"/api/v1/findings/{finding.Id}/resolve");

        var problem = await Problem.ReadAsync(await client.PostAsync($"/api/v1/findings/{finding.Id}/acknowledge", null, TestContext.Current.CancellationToken), HttpStatusCode.Conflict);

        Assert.Equal(409, problem.Status);
    }

    [Theory]
    [InlineData("/api/v1/findings/999999999/acknowledge")]
    [InlineData("/api/v1/findings/999999999/resolve")]
    public async Task Answers_404_for_an_unknown_finding(string route)
    {
        using var client = app.CreateAgent(await app.AddApiKeyAsync("read operate"));

        await Problem.ReadAsync(await client.PostAsync(route, null, TestContext.Current.CancellationToken), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Reopens_a_resolved_finding_when_the_failure_recurs()
    {
        var machine = await FailAsync(time: "2026-11-24T09:00:00Z");
        using var client = app.CreateAgent(await app.AddApiKeyAsync("read operate"));
        var finding = await Error1317FindingAsync(client, machine);
        await ApiReader.PostAsync<FindingItem>(client, $"/api/v1/findings/{finding.Id}/resolve");

        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await FailAsync(machine, "2", time: (AdvertStatusApp.Now + TimeSpan.FromMinutes(4)).ToString("O"));

        var reopened = await Error1317FindingAsync(client, machine);
        Assert.Equal((finding.Id, FindingState.Open, 2), (reopened.Id, reopened.State, reopened.Count));
    }

    [Fact]
    public async Task Shows_a_workstation_with_its_findings_and_timeline()
    {
        var machine = await FailAsync();
        var lockout = Samples.Lockout4740("DC01", Unique.Number(), machine);
        await AcceptedBatch.ReadAsync(await app.PostJsonAsync("/api/v1/security-events", lockout));
        using var client = app.CreateAgent();

        var detail = await ApiReader.GetAsync<WorkstationDetail>(client, $"/api/v1/workstations/{machine.ToLowerInvariant()}");

        Assert.Equal(machine, detail.MachineName);
        Assert.Equal(["Error1317", "Q307434"], detail.Rules);
        Assert.Equal(["Q307434", "Error1317"], detail.Findings.Select(f => f.Rule));   // newest first
        Assert.Equal(10003, Assert.Single(detail.StatusMessages).MessageId);
        Assert.Equal(4740, Assert.Single(detail.SecurityEvents).EventId);
    }

    [Theory]
    [InlineData("/api/v1/workstations/NOSUCHMACHINE")]
    [InlineData("/api/v1/advertisements/NOSUCH01/machines")]
    [InlineData("/api/v1/coverage?hotfix=Q999999")]
    [InlineData("/api/v1/findings/999999999")]
    public async Task Answers_404_ProblemDetails_for_what_does_not_exist(string route)
    {
        using var client = app.CreateAgent();

        await Problem.ReadAsync(await client.GetAsync(route, TestContext.Current.CancellationToken), HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/api/v1/workstations")]
    [InlineData("/api/v1/findings")]
    [InlineData("/api/v1/advertisements")]
    [InlineData("/api/v1/coverage")]
    [InlineData("/api/v1/lockouts")]
    public async Task Requires_a_key_with_the_read_scope(string route)
    {
        using var anonymous = app.CreateClient();
        await Problem.ReadAsync(await anonymous.GetAsync(route, TestContext.Current.CancellationToken), HttpStatusCode.Unauthorized);

        var ingestOnly = await app.AddApiKeyAsync(ApiKeyScopes.Ingest);
        using var agent = app.CreateAgent(ingestOnly);
        await Problem.ReadAsync(await agent.GetAsync(route, TestContext.Current.CancellationToken), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Serves_the_hotfix_file_table()
    {
        using var client = app.CreateAgent();

        var hotfix = await ApiReader.GetAsync<Core.Coverage.Hotfix>(client, "/api/v1/hotfixes/q307434");

        Assert.Equal(24, hotfix.Files.Count);
    }
}

public sealed class QueryApiOnSqliteTests(AdvertStatusApp app) : QueryApiTests(app), IClassFixture<AdvertStatusApp>;

public sealed class QueryApiOnSqlServerTests : QueryApiTests, IClassFixture<SqlServerApp>
{
    public QueryApiOnSqlServerTests(SqlServerApp app)
        : base(app) => SqlServerContainer.SkipUnlessAvailable();
}
