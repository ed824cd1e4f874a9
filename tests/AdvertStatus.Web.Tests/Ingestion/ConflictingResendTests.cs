using AdvertStatus.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AdvertStatus.Web.Tests.Ingestion;

/// <summary>
/// A re-send with the same idempotency key and the same content is a duplicate; with other content it is
/// a conflict: counted, never stored over what is there.
/// </summary>
public abstract class ConflictingResendTests(AdvertStatusApp app)
{
    [Fact]
    public async Task Counts_a_status_message_resent_with_other_content_as_a_conflict_and_keeps_the_stored_one()
    {
        var machine = Unique.Machine();
        var original = Samples.StatusMessage(machine, "1");
        var changed = new Dictionary<string, object?>(original) { ["win32Error"] = 2, ["text"] = "Something else." };
        await AcceptedBatch.ReadAsync(await app.PostJsonAsync("/api/v1/status-messages", original));

        var same = await AcceptedBatch.ReadAsync(await app.PostJsonAsync("/api/v1/status-messages", original));
        var conflict = await AcceptedBatch.ReadAsync(await app.PostJsonAsync("/api/v1/status-messages", changed));

        Assert.Equal((0, 1, 0), (same.Accepted, same.Duplicates, same.Conflicts));
        Assert.Equal((0, 0, 1), (conflict.Accepted, conflict.Duplicates, conflict.Conflicts));
        var stored = await app.QueryAsync(db => db.StatusMessages.Where(m => m.MachineName == machine).Select(m => new { m.Win32Code, m.Text }).SingleAsync());
        Assert.Equal((1317L, Samples.Q307434Text), (stored.Win32Code!.Value, stored.Text));
    }

    [Fact]
    public async Task Counts_a_conflict_inside_one_batch_and_stores_the_first()
    {
        var machine = Unique.Machine();
        var first = Samples.StatusMessage(machine, "7", messageId: 10002);
        var second = new Dictionary<string, object?>(first) { ["messageId"] = 10005 };

        var result = await AcceptedBatch.ReadAsync(await app.PostJsonAsync("/api/v1/status-messages", new[] { first, first, second }));

        Assert.Equal((1, 1, 1), (result.Accepted, result.Duplicates, result.Conflicts));
        Assert.Equal(10002, await app.QueryAsync(db => db.StatusMessages.Where(m => m.MachineName == machine).Select(m => m.MessageId).SingleAsync()));
    }

    [Fact]
    public async Task Counts_a_security_event_resent_with_other_content_as_a_conflict()
    {
        var dc = "DC" + Unique.Id()[..6].ToUpperInvariant();
        var original = Samples.Lockout4740(dc, 42, "WKS01");
        var changed = new Dictionary<string, object?>(original) { ["targetDomainName"] = "WKS99" };
        await AcceptedBatch.ReadAsync(await app.PostJsonAsync("/api/v1/security-events", original));

        var conflict = await AcceptedBatch.ReadAsync(await app.PostJsonAsync("/api/v1/security-events", changed));

        Assert.Equal((0, 0, 1, 0), (conflict.Accepted, conflict.Duplicates, conflict.Conflicts, conflict.Ignored));
        Assert.Equal("WKS01", await app.QueryAsync(db => db.SecurityEvents.Where(e => e.Computer == dc).Select(e => e.SourceMachine).SingleAsync()));
    }

    [Fact]
    public async Task Counts_an_inventory_snapshot_resent_with_other_files_as_a_conflict()
    {
        var machine = Unique.Machine();
        object Snapshot(string version) => new
        {
            machineName = machine, siteCode = "LAB", role = "Client", time = "2026-11-24T08:00:00Z",
            files = new[] { new { name = "Smsapm32.exe", version } },
        };
        await AcceptedBatch.ReadAsync(await app.PostJsonAsync("/api/v1/inventory", Snapshot("2.00.1493.3187")));

        var conflict = await AcceptedBatch.ReadAsync(await app.PostJsonAsync("/api/v1/inventory", Snapshot("2.00.1493.4012")));

        Assert.Equal((0, 0, 1), (conflict.Accepted, conflict.Duplicates, conflict.Conflicts));
        Assert.Equal("2.00.1493.3187", await app.QueryAsync(db => db.Machines.Where(m => m.MachineName == machine).Select(m => m.Smsapm32Version).SingleAsync()));
    }
}

public sealed class ConflictingResendOnSqliteTests(AdvertStatusApp app) : ConflictingResendTests(app), IClassFixture<AdvertStatusApp>;

public sealed class ConflictingResendOnSqlServerTests : ConflictingResendTests, IClassFixture<SqlServerApp>
{
    public ConflictingResendOnSqlServerTests(SqlServerApp app)
        : base(app) => SqlServerContainer.SkipUnlessAvailable();
}
