using System.Net;
using AdvertStatus.Web.Tests.Infrastructure;

namespace AdvertStatus.Web.Tests.Reports;

public abstract class CsvReportTests(KbScenarioApp app)
{
    private async Task<(HttpResponseMessage Response, string Text)> GetAsync(string route)
    {
        using var client = app.CreateAgent();
        var response = await client.GetAsync(route, TestContext.Current.CancellationToken);
        return (response, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    private static string[][] Parse(string text) => Csv.Parse(text);

    [Theory]
    [InlineData("affected-workstations", "MachineName,SiteCode,Domain,ClientOs,Rules,AdvertisementIds,LastWin32Error,LockoutCount,LastLockout,Smsapm32Version,Verdict")]
    [InlineData("findings", "Id,Rule,State,MachineName,AdvertisementId,Domain,Account,Count,FirstSeen,LastSeen,Summary,AcknowledgedBy,AcknowledgedAt,ResolvedBy,ResolvedAt,CallerComputers,DomainControllers,AdvertisementIds")]
    [InlineData("lockouts", "Domain,Account,Count,CallerComputers,DomainControllers,FirstLockout,LastLockout")]
    [InlineData("advertisement-status", "AdvertisementId,PackageName,ProgramName,Received,Failures,ProgramsStarted,ProgramErrors,ProgramSuccess,ReceivedMessages,FailureMessages,ProgramsStartedMessages,ProgramErrorMessages,ProgramSuccessMessages")]
    [InlineData("hotfix-coverage", "SiteCode,Platform,Fixed,Vulnerable,Unknown,PercentFixed")]
    public async Task Starts_each_report_with_the_contract_header_and_names_the_file(string report, string header)
    {
        var (response, text) = await GetAsync($"/api/v1/reports/{report}.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal($"advertstatus-{report}-20261124.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        Assert.StartsWith(header + "\r\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Says_of_every_finding_what_the_API_says_including_the_build_a_Q307434_machine_runs()
    {
        using var client = app.CreateAgent();
        var api = (await ApiReader.GetAsync<AdvertStatus.Web.Api.Page<AdvertStatus.Web.Findings.FindingItem>>(client, "/api/v1/findings?limit=500")).Items;
        var (_, text) = await GetAsync("/api/v1/reports/findings.csv");
        var rows = Parse(text);
        var (id, summary, advertisements) = (Array.IndexOf(rows[0], "Id"), Array.IndexOf(rows[0], "Summary"), Array.IndexOf(rows[0], "AdvertisementIds"));

        var csv = rows.Skip(1).ToDictionary(r => long.Parse(r[id], System.Globalization.CultureInfo.InvariantCulture), r => (r[summary], r[advertisements]));
        Assert.Equal(api.Select(f => f.Id).Order(), csv.Keys.Order());
        Assert.All(api, f => Assert.Equal((f.Summary, string.Join("; ", f.AdvertisementIds)), csv[f.Id]));
        Assert.Contains(api, f => f.Rule == "Q307434" && f.Summary.Contains("does not contain the fix", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Lists_the_affected_workstations_with_their_evidence()
    {
        var rows = Parse((await GetAsync("/api/v1/reports/affected-workstations.csv")).Text);

        Assert.Equal(["WKS01", "WKS02", "WKS03", "WKS04", "WKS05"], rows.Skip(1).Select(r => r[0]));
        Assert.Equal(["WKS01", "LAB", "CORP", "Windows 2000 Professional", "Error1317;Q307434", "LAB20001", "1317", "2", "2026-11-24T09:36:00Z", "2.00.1493.3002", "Vulnerable"], rows[1]);
        Assert.Equal("Unknown", rows[4][10]);
    }

    [Theory]
    [InlineData("/api/v1/reports/findings.csv?rule=Q307434", 2)]
    [InlineData("/api/v1/reports/findings.csv?rule=Error1317&machine=wks01", 1)]
    [InlineData("/api/v1/reports/findings.csv?state=Resolved", 0)]
    [InlineData("/api/v1/reports/affected-workstations.csv?verdict=Fixed", 2)]
    [InlineData("/api/v1/reports/affected-workstations.csv?affected=false", 6)]
    [InlineData("/api/v1/reports/affected-workstations.csv?rule=Q264714", 1)]
    [InlineData("/api/v1/reports/lockouts.csv?account=jdoe", 1)]
    [InlineData("/api/v1/reports/lockouts.csv?domain=OTHER", 0)]
    [InlineData("/api/v1/reports/advertisement-status.csv?site=LAB", 2)]
    [InlineData("/api/v1/reports/hotfix-coverage.csv?site=NOPE", 0)]
    public async Task Honours_the_filters_of_the_matching_list(string route, int rows)
    {
        var (response, text) = await GetAsync(route);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(rows, Parse(text).Length - 1);
    }

    [Fact]
    public async Task Quotes_commas_quotes_and_newlines_and_neutralises_formulas()
    {
        var advert = new
        {
            advertisementId = "CSV20001",
            siteCode = "CSV",
            packageName = "Office, \"Pro\"\r\nEdition",
            programName = "=HYPERLINK(\"http://evil\",\"x\")",
        };
        await AcceptedBatch.ReadAsync(await app.PostJsonAsync("/api/v1/advertisements", advert));
        var names = new[] { "+1", "-2", "@SUM(A1)", "\tTAB" };
        foreach (var (name, i) in names.Select((n, i) => (n, i)))
        {
            await AcceptedBatch.ReadAsync(await app.PostJsonAsync("/api/v1/advertisements", new { advertisementId = $"CSV2000{i + 2}", siteCode = "CSV", packageName = name }));
        }

        var text = (await GetAsync("/api/v1/reports/advertisement-status.csv?site=CSV")).Text;

        Assert.Contains("\"Office, \"\"Pro\"\"\r\nEdition\"", text, StringComparison.Ordinal);
        var rows = Parse(text);
        Assert.Equal("Office, \"Pro\"\r\nEdition", rows[1][1]);
        Assert.Equal("'=HYPERLINK(\"http://evil\",\"x\")", rows[1][2]);
        Assert.Equal(["'+1", "'-2", "'@SUM(A1)", "'\tTAB"], rows.Skip(2).Select(r => r[1]));
        Assert.Equal("0", rows[1][3]);   // numbers are never escaped
    }

    [Fact]
    public async Task Needs_a_read_key()
    {
        using var anonymous = app.CreateClient();

        await Problem.ReadAsync(await anonymous.GetAsync("/api/v1/reports/findings.csv", TestContext.Current.CancellationToken), HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("/api/v1/reports/everything.csv", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/reports/findings.csv?state=Closed", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/reports/affected-workstations.csv?verdict=Maybe", HttpStatusCode.BadRequest)]
    public async Task Answers_ProblemDetails_for_a_bad_report_request(string route, HttpStatusCode status)
    {
        using var client = app.CreateAgent();

        await Problem.ReadAsync(await client.GetAsync(route, TestContext.Current.CancellationToken), status);
    }
}

public sealed class CsvReportOnSqliteTests(KbScenarioApp app) : CsvReportTests(app), IClassFixture<KbScenarioApp>;

public sealed class CsvReportOnSqlServerTests : CsvReportTests, IClassFixture<SqlServerKbScenarioApp>
{
    public CsvReportOnSqlServerTests(SqlServerKbScenarioApp app)
        : base(app) => SqlServerContainer.SkipUnlessAvailable();
}
