using System.Text.Json;
using AdvertStatus.Simulator;
using AdvertStatus.Web.Tests.Infrastructure;

namespace AdvertStatus.Web.Tests.Simulator;

/// <summary>
/// The simulator's fleet, posted through the public API, yields exactly the findings and verdicts it
/// was built to produce: in the natural order, and shuffled across several agents with re-sends.
/// </summary>
public abstract class FleetReplayTests(TestDatabase database)
{
    [Fact]
    public async Task Five_thousand_machines_delivered_out_of_order_by_four_agents_with_re_sends_give_exactly_the_ground_truth()
    {
        await using var app = database.NewApp();
        var fleet = FleetGenerator.Generate(seed: 307434, machines: 5_000, AdvertStatusApp.Now.UtcDateTime.AddHours(-22));
        using var agent = app.CreateAgent();

        var report = await new FleetSender(agent).SendAsync(fleet.Posts, new DeliveryOptions(Agents: 4, BatchSize: 400, ResendEvery: 10, Shuffle: true, Seed: 7), TestContext.Current.CancellationToken);

        Assert.True(report.Duplicates > 0, "The delivery re-sent nothing, so it proved nothing about re-sends.");
        Assert.Equal(fleet.Truth.Findings, await FindingKeysAsync(app));
        Assert.Equal(fleet.Truth.Verdicts.OrderBy(v => v.Key, StringComparer.Ordinal), await VerdictsAsync(app));
    }

    [Fact]
    public async Task Half_the_fleet_through_each_of_two_instances_at_once_with_re_sends_gives_exactly_the_ground_truth()
    {
        // Two servers on one database, as behind a load balancer: both append, one projects (the lease), and a key two
        // senders race for is stored once.
        await using var app = database.NewApp();
        await using var other = app.CreateSecondInstance();
        var fleet = FleetGenerator.Generate(seed: 434, machines: 1_500, AdvertStatusApp.Now.UtcDateTime.AddHours(-22));
        using var toFirst = app.CreateAgent();
        using var toSecond = other.CreateAgent();
        var halves = fleet.Posts.Select((post, i) => (post, i)).GroupBy(p => p.i % 2).Select(g => g.Select(p => p.post).ToList()).ToList();

        var reports = await Task.WhenAll(
            new FleetSender(toFirst).SendAsync(halves[0], new DeliveryOptions(Agents: 2, BatchSize: 300, ResendEvery: 7, Shuffle: true, Seed: 1), TestContext.Current.CancellationToken),
            new FleetSender(toSecond).SendAsync(halves[1], new DeliveryOptions(Agents: 2, BatchSize: 300, ResendEvery: 7, Shuffle: true, Seed: 2), TestContext.Current.CancellationToken));

        Assert.All(reports, r => Assert.True(r.Duplicates > 0, "A sender re-sent nothing, so it proved nothing about re-sends."));
        Assert.Equal(fleet.Truth.Findings, await FindingKeysAsync(other));
        Assert.Equal(fleet.Truth.Verdicts.OrderBy(v => v.Key, StringComparer.Ordinal), await VerdictsAsync(app));
    }

    [Fact]
    public async Task A_small_fleet_in_the_natural_order_gives_its_ground_truth_and_every_story()
    {
        await using var app = database.NewApp();
        var fleet = FleetGenerator.Generate(seed: 1, machines: 400, AdvertStatusApp.Now.UtcDateTime.AddHours(-22));
        using var agent = app.CreateAgent();

        await new FleetSender(agent).SendAsync(fleet.Posts, new DeliveryOptions(Agents: 1, ResendEvery: 0), TestContext.Current.CancellationToken);

        Assert.Equal(fleet.Truth.Findings, await FindingKeysAsync(app));
        Assert.All(["q307434", "late-lockout", "silent-1317", "windows98", "error-2", "healthy"], story => Assert.True(fleet.Truth.Stories.GetValueOrDefault(story) > 0, story));
        Assert.Contains(fleet.Truth.Findings, f => f.StartsWith("RepeatedLockout||CORP", StringComparison.Ordinal));
        Assert.Contains(fleet.Truth.Findings, f => f.StartsWith("LocalInstallAccountAfterFix|", StringComparison.Ordinal));
    }

    [Fact]
    public void The_same_seed_gives_the_same_fleet()
    {
        var start = AdvertStatusApp.Now.UtcDateTime;
        var first = FleetGenerator.Generate(5, 300, start);
        var second = FleetGenerator.Generate(5, 300, start);
        var other = FleetGenerator.Generate(6, 300, start);

        Assert.Equal(JsonSerializer.Serialize(first.Posts.Select(p => p.Item)), JsonSerializer.Serialize(second.Posts.Select(p => p.Item)));
        Assert.Equal(first.Truth.Findings, second.Truth.Findings);
        Assert.NotEqual(first.Truth.Findings, other.Truth.Findings);
    }

    /// <summary>Every finding the app holds, keyed as the ground truth keys them.</summary>
    private static async Task<List<string>> FindingKeysAsync(AdvertStatusApp app)
    {
        using var reader = app.CreateAgent();
        var keys = new List<string>();
        string? cursor = null;
        do
        {
            using var page = JsonDocument.Parse(await reader.GetStringAsync($"/api/v1/findings?limit=500{(cursor is null ? "" : "&cursor=" + cursor)}", TestContext.Current.CancellationToken));
            foreach (var f in page.RootElement.GetProperty("items").EnumerateArray())
            {
                var rule = f.GetProperty("rule").GetString()!;
                keys.Add(rule == "RepeatedLockout"
                    ? GroundTruth.DomainFinding(rule, f.GetProperty("domain").GetString()!)
                    : GroundTruth.MachineFinding(rule, f.GetProperty("machineName").GetString()!, f.GetProperty("advertisementId").GetString()));
            }

            cursor = page.RootElement.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        return [.. keys.Order(StringComparer.Ordinal)];
    }

    private static async Task<List<KeyValuePair<string, string>>> VerdictsAsync(AdvertStatusApp app)
    {
        using var reader = app.CreateAgent();
        var verdicts = new List<KeyValuePair<string, string>>();
        string? cursor = null;
        do
        {
            using var page = JsonDocument.Parse(await reader.GetStringAsync($"/api/v1/workstations?limit=500{(cursor is null ? "" : "&cursor=" + cursor)}", TestContext.Current.CancellationToken));
            verdicts.AddRange(page.RootElement.GetProperty("items").EnumerateArray()
                .Select(w => KeyValuePair.Create(w.GetProperty("machineName").GetString()!, w.GetProperty("verdict").GetString()!)));
            cursor = page.RootElement.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        return [.. verdicts.OrderBy(v => v.Key, StringComparer.Ordinal)];
    }
}

public sealed class FleetReplayOnSqliteTests(SqliteDatabase database) : FleetReplayTests(database), IClassFixture<SqliteDatabase>;

public sealed class FleetReplayOnSqlServerTests(SqlServerDatabase database) : FleetReplayTests(database), IClassFixture<SqlServerDatabase>;
