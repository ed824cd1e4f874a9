using System.Net;
using AdvertStatus.Core.Domains;
using AdvertStatus.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Tests.Ingestion;

public abstract class ReceivingReferenceDataTests(AdvertStatusApp app)
{
    [Fact]
    public async Task Stores_an_advertisement_counts_an_identical_resend_as_duplicate_and_applies_a_change()
    {
        var id = "L" + Unique.Id()[..7].ToUpperInvariant();
        var advert = new Dictionary<string, object?>
        {
            ["advertisementId"] = id,
            ["siteCode"] = "LAB",
            ["packageId"] = "LAB00001",
            ["packageName"] = "Office 2000",
            ["programName"] = "Setup",
            ["collectionId"] = "SMS00001",
            ["usesSoftwareInstallationAccount"] = true,
            ["softwareInstallationAccount"] = @"CORP\SOFTDIST",
        };

        var first = await AcceptedBatch.ReadAsync(await app.PostJsonAsync("/api/v1/advertisements", advert));
        var resent = await AcceptedBatch.ReadAsync(await app.PostJsonAsync("/api/v1/advertisements", advert));
        advert["softwareInstallationAccount"] = "SOFTDIST";
        var changed = await AcceptedBatch.ReadAsync(await app.PostJsonAsync("/api/v1/advertisements", advert));

        Assert.Equal([(1, 0), (0, 1), (1, 0)], [(first.Accepted, first.Duplicates), (resent.Accepted, resent.Duplicates), (changed.Accepted, changed.Duplicates)]);
        var stored = await app.QueryAsync(db => db.Advertisements.SingleAsync(a => a.AdvertisementId == id));
        Assert.True(stored.HasLocalInstallationAccount);
    }

    [Fact]
    public async Task Stores_a_domain_with_its_controllers_and_lockout_policy()
    {
        var name = "D" + Unique.Id()[..8].ToUpperInvariant();
        var domain = new { name, mode = "Native", domainControllers = new[] { "dc01", "DC02", "dc01" }, lockoutThreshold = 5, lockoutObservationMinutes = 30, lockoutDurationMinutes = 30 };

        await AcceptedBatch.ReadAsync(await app.PostJsonAsync("/api/v1/domains", domain));
        var resent = await AcceptedBatch.ReadAsync(await app.PostJsonAsync("/api/v1/domains", domain));

        Assert.Equal(1, resent.Duplicates);
        var stored = await app.QueryAsync(db => db.Domains.SingleAsync(d => d.Name == name));
        Assert.Equal(DomainMode.Native, stored.Mode);
        Assert.Equal(["DC01", "DC02"], stored.DomainControllers.Order());
        Assert.Equal((5, 30, 30), (stored.LockoutThreshold, stored.LockoutObservationMinutes, stored.LockoutDurationMinutes));
    }

    [Theory]
    [InlineData("/api/v1/domains", "{\"name\":\"CORP\",\"mode\":\"Workgroup\"}", "[0].mode")]
    [InlineData("/api/v1/domains", "{\"name\":\"CORP\",\"lockoutThreshold\":1000}", "[0].lockoutThreshold")]
    [InlineData("/api/v1/domains", "{\"mode\":\"Native\"}", "[0].name")]
    [InlineData("/api/v1/advertisements", "{\"siteCode\":\"LAB\"}", "[0].advertisementId")]
    [InlineData("/api/v1/advertisements", "{\"advertisementId\":\"LAB20001\"}", "[0].siteCode")]
    public async Task Rejects_invalid_reference_data_naming_the_field(string route, string json, string expectedKey)
    {
        using var client = app.CreateAgent();
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");

        var problem = await Problem.ReadAsync(await client.PostAsync(route, content, TestContext.Current.CancellationToken), HttpStatusCode.BadRequest);

        Assert.Contains(expectedKey, problem.Errors.Keys);
    }
}

public sealed class ReceivingReferenceDataOnSqliteTests(AdvertStatusApp app) : ReceivingReferenceDataTests(app), IClassFixture<AdvertStatusApp>;

public sealed class ReceivingReferenceDataOnSqlServerTests : ReceivingReferenceDataTests, IClassFixture<SqlServerApp>
{
    public ReceivingReferenceDataOnSqlServerTests(SqlServerApp app)
        : base(app) => SqlServerContainer.SkipUnlessAvailable();
}
