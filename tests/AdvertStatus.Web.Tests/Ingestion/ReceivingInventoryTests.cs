using System.Net;
using AdvertStatus.Core.Inventory;
using AdvertStatus.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Tests.Ingestion;

public abstract class ReceivingInventoryTests(AdvertStatusApp app)
{
    private const string Route = "/api/v1/inventory";

    private static object Inventory(string machine, string time, string smsapm32, string site = "LAB", string role = "Client", string platform = "i386") => new
    {
        machineName = machine,
        siteCode = site,
        domain = "corp",
        clientOs = "Windows 2000 Professional",
        platform,
        role,
        time,
        files = new[] { new { name = "Smsapm32.exe", version = smsapm32, path = @"C:\WINNT\MS\SMS\CORE\BIN" } },
        components = new[] { new { name = "Smsapm32", version = smsapm32 } },
    };

    [Fact]
    public async Task Keeps_every_snapshot_and_lets_the_latest_win()
    {
        var machine = Unique.Machine();
        await AcceptedBatch.ReadAsync(await app.PostJsonAsync(Route, Inventory(machine, "2026-11-01T00:00:00Z", "2.00.1493.3002")));
        await AcceptedBatch.ReadAsync(await app.PostJsonAsync(Route, Inventory(machine, "2026-11-10T00:00:00Z", "2.00.1493.3187")));

        // An older snapshot arriving late joins the history but does not win.
        await AcceptedBatch.ReadAsync(await app.PostJsonAsync(Route, Inventory(machine, "2026-11-05T00:00:00Z", "2.00.1493.4012")));

        var current = await app.QueryAsync(db => db.Machines.SingleAsync(m => m.MachineName == machine));
        Assert.Equal("2.00.1493.3187", current.Smsapm32Version);
        Assert.Equal(("CORP", "i386", MachineRole.Client), (current.Domain, current.Platform, current.Role));
        Assert.Equal(3, await app.QueryAsync(db => db.InventoryReports.CountAsync(r => r.MachineName == machine)));
    }

    [Fact]
    public async Task Counts_the_same_machine_and_time_as_duplicate()
    {
        var machine = Unique.Machine();
        await app.PostJsonAsync(Route, Inventory(machine, "2026-11-01T00:00:00Z", "2.00.1493.3187"));

        var again = await AcceptedBatch.ReadAsync(await app.PostJsonAsync(Route, Inventory(machine.ToLowerInvariant(), "2026-11-01T00:00:00Z", "2.00.1493.3187")));

        Assert.Equal((0, 1), (again.Accepted, again.Duplicates));
    }

    [Fact]
    public async Task Records_the_client_component_source_version_of_a_site_server()
    {
        var server = Unique.Machine("SRV");
        await AcceptedBatch.ReadAsync(await app.PostJsonAsync(Route, Inventory(server, "2026-11-01T00:00:00Z", "2.00.1493.3187", site: "S01", role: "SiteServer")));

        var site = await app.QueryAsync(db => db.Sites.SingleAsync(s => s.SiteCode == "S01"));

        Assert.Equal("2.00.1493.3187", site.Smsapm32SourceVersion);
    }

    [Theory]
    [InlineData("platform", "MIPS", "[0].platform")]
    [InlineData("role", "Printer", "[0].role")]
    [InlineData("files", "missing-version", "[0].files[0].version")]
    [InlineData("siteCode", "TOOLONG", "[0].siteCode")]
    public async Task Rejects_an_invalid_item_naming_the_field(string field, string value, string expectedKey)
    {
        var machine = Unique.Machine();
        var item = new Dictionary<string, object?>
        {
            ["machineName"] = machine,
            ["siteCode"] = "LAB",
            ["time"] = "2026-11-01T00:00:00Z",
            [field] = field == "files" ? new[] { new { name = "Smsapm32.exe" } } : value,
        };

        var problem = await Problem.ReadAsync(await app.PostJsonAsync(Route, item), HttpStatusCode.BadRequest);

        Assert.Contains(expectedKey, problem.Errors.Keys);
        Assert.False(await app.QueryAsync(db => db.Machines.AnyAsync(m => m.MachineName == machine)));
    }
}

public sealed class ReceivingInventoryOnSqliteTests(AdvertStatusApp app) : ReceivingInventoryTests(app), IClassFixture<AdvertStatusApp>;

public sealed class ReceivingInventoryOnSqlServerTests : ReceivingInventoryTests, IClassFixture<SqlServerApp>
{
    public ReceivingInventoryOnSqlServerTests(SqlServerApp app)
        : base(app) => SqlServerContainer.SkipUnlessAvailable();
}
